//! Table-driven tests: a sentence, its publication date, and the
//! expressions a careful reader finds in it with their TIMEX3 values.

mod common;

use common::{check_cases, Case};
use dateline_core::{Date, TimexMod};
use dateline_timex::Tagger;

fn check(cases: &[Case]) {
    let tagger = Tagger::new();
    check_cases(cases, |text, dct| {
        tagger
            .tag(text, dct)
            .into_iter()
            .map(|t| (t.text, t.kind.to_string(), t.value.to_string(), t.modifier))
            .collect()
    });
}

use TimexMod::*;

#[test]
fn absolute_dates() {
    check(&[
        ("2020-11-26", "It happened on November 25.", &[("November 25", "DATE", "2020-11-25", None)]),
        ("2021-03-01", "Signed Nov. 25, 2020, in Moscow.", &[("Nov. 25, 2020", "DATE", "2020-11-25", None)]),
        ("2021-03-01", "Signed on 25 November 2020.", &[("25 November 2020", "DATE", "2020-11-25", None)]),
        ("2021-03-01", "Released 2020-11-25 by the ministry.", &[("2020-11-25", "DATE", "2020-11-25", None)]),
        ("2021-03-01", "Filed 11/25/2020 in court.", &[("11/25/2020", "DATE", "2020-11-25", None)]),
        // A range of days is its first day and its last, as year ranges are.
        (
            "2005-11-10",
            "Leaders meet on Nov. 18-19 in Busan; the fair ran Dec. 1-3, 2004, not 18-19 years.",
            &[
                ("Nov. 18", "DATE", "2005-11-18", None),
                ("19", "DATE", "2005-11-19", None),
                ("Dec. 1", "DATE", "2004-12-01", None),
                ("3, 2004", "DATE", "2004-12-03", None),
                ("19 years", "DURATION", "P19Y", None),
            ],
        ),
        ("2020-11-26", "Talks resume in mid-December.", &[("mid-December", "DATE", "2020-12", Some(Mid))]),
        ("2021-03-01", "The plant closed in late 2019.", &[("late 2019", "DATE", "2019", Some(End))]),
        ("2021-03-01", "Prices rose in the 1990s.", &[("the 1990s", "DATE", "199", None)]),
        (
            "2021-03-01",
            "Profit fell in the third quarter of 2020.",
            &[("the third quarter of 2020", "DATE", "2020-Q3", None)],
        ),
        (
            "2020-10-26",
            "Profit fell in the third quarter.",
            &[("the third quarter", "DATE", "2020-Q3", None)],
        ),
        ("2020-10-26", "It expects fiscal 2021 sales to rise.", &[("fiscal 2021", "DATE", "2021", None)]),
        ("2020-10-26", "In Q3 2019 sales fell.", &[("Q3 2019", "DATE", "2019-Q3", None)]),
        (
            "2020-10-26",
            "Growth was the slowest since the final quarter of 2018 and the first quarter in 2019.",
            &[
                ("the final quarter of 2018", "DATE", "2018-Q4", None),
                ("the first quarter in 2019", "DATE", "2019-Q1", None),
            ],
        ),
        (
            "2021-03-01",
            "Sales grew in the first half of 2019.",
            &[("the first half of 2019", "DATE", "2019-H1", None)],
        ),
        (
            "2021-03-01",
            "It opened in the autumn of 2020.",
            &[("the autumn of 2020", "DATE", "2020-FA", None)],
        ),
        (
            "2021-03-01",
            "He was born on Wednesday, November 25, 1970.",
            &[("Wednesday, November 25, 1970", "DATE", "1970-11-25", None)],
        ),
        ("2021-03-01", "It was built in the 20th century.", &[("the 20th century", "DATE", "19", None)]),
        (
            "1998-03-01",
            "In nineteen ninety-six a bomb went off.",
            &[("nineteen ninety-six", "DATE", "1996", None)],
        ),
    ]);
}

#[test]
fn relative_dates_follow_the_tense() {
    check(&[
        // 2020-11-26 is a Thursday.
        (
            "2020-11-26",
            "Troops had entered the district on Friday.",
            &[("Friday", "DATE", "2020-11-20", None)],
        ),
        ("2020-11-26", "The leaders will meet on Friday.", &[("Friday", "DATE", "2020-11-27", None)]),
        (
            "2020-11-26",
            "The vote is Friday; the deadline was Monday.",
            &[("Friday", "DATE", "2020-11-27", None), ("Monday", "DATE", "2020-11-23", None)],
        ),
        (
            "2020-11-26",
            "Talks resume on Monday and the court convenes Tuesday.",
            &[("Monday", "DATE", "2020-11-30", None), ("Tuesday", "DATE", "2020-12-01", None)],
        ),
        (
            "2020-11-26",
            "His father said he could come as soon as Monday.",
            &[("Monday", "DATE", "2020-11-30", None)],
        ),
        (
            "1989-10-26",
            "Net in the third quarter rose from a year ago. Sales rose 10% from a year earlier. \
             Profit was up from last year.",
            &[
                ("the third quarter", "DATE", "1989-Q3", None),
                ("a year ago", "DATE", "1988-Q3", None),
                ("a year earlier", "DATE", "1988-Q3", None),
                ("last year", "DATE", "1988-Q3", None),
            ],
        ),
        (
            "1989-10-26",
            "It lost money in the 1988 period. The year-ago results included a charge.",
            &[("the 1988 period", "DATE", "1988", None), ("The year-ago", "DATE", "1988", None)],
        ),
        (
            "1989-11-02",
            "In London at mid-afternoon yesterday, shares fell.",
            &[("mid-afternoon yesterday", "TIME", "1989-11-01TAF", Some(Mid))],
        ),
        (
            "1989-10-26",
            "Earnings for the last half of 1989 will fall.",
            &[("the last half of 1989", "DATE", "1989-H2", None)],
        ),
        (
            "1989-11-01",
            "It will pay down $5 billion of the loan by February.",
            &[("February", "DATE", "1990-02", None)],
        ),
        (
            "2020-11-27",
            "Bombs exploded outside the embassy Friday.",
            &[("Friday", "DATE", "2020-11-27", None)],
        ),
        ("2021-01-05", "The deal was signed in December.", &[("December", "DATE", "2020-12", None)]),
        ("2021-02-05", "The job figures for January rose.", &[("January", "DATE", "2021-01", None)]),
        ("2020-12-20", "The vote will be held in March.", &[("March", "DATE", "2021-03", None)]),
        (
            "2020-11-26",
            "Azerbaijan will take over the district on December 1.",
            &[("December 1", "DATE", "2020-12-01", None)],
        ),
        ("2021-01-03", "The talks began on December 28.", &[("December 28", "DATE", "2020-12-28", None)]),
        ("2020-11-26", "Fighting resumed yesterday.", &[("yesterday", "DATE", "2020-11-25", None)]),
        ("2020-11-26", "Talks continue tomorrow.", &[("tomorrow", "DATE", "2020-11-27", None)]),
        ("2020-11-26", "He resigned last week.", &[("last week", "DATE", "2020-W47", None)]),
        ("2020-11-26", "Elections are due next month.", &[("next month", "DATE", "2020-12", None)]),
        ("2020-11-26", "Exports fell this year.", &[("this year", "DATE", "2020", None)]),
        ("2020-11-26", "He left two days ago.", &[("two days ago", "DATE", "2020-11-24", None)]),
        ("2020-11-26", "Shares rose this morning.", &[("this morning", "TIME", "2020-11-26TMO", None)]),
        ("2020-11-26", "The president speaks tonight.", &[("tonight", "TIME", "2020-11-26TNI", None)]),
        ("2020-11-26", "Protests spread over the weekend.", &[("the weekend", "DATE", "2020-W47-WE", None)]),
        (
            "2020-11-26",
            "He was appointed earlier this month.",
            &[("earlier this month", "DATE", "2020-11", Some(Start))],
        ),
        (
            "2020-11-26",
            "Output will recover early next year.",
            &[("early next year", "DATE", "2021", Some(Start))],
        ),
        (
            "2020-11-26",
            "Prices peaked in 2019. A year earlier they were low.",
            &[("2019", "DATE", "2019", None), ("A year earlier", "DATE", "2018", None)],
        ),
        (
            "2020-11-26",
            "Troops left in January this year.",
            &[("January this year", "DATE", "2020-01", None)],
        ),
        (
            "2020-11-26",
            "The ceasefire holds since September 27.",
            &[("September 27", "DATE", "2020-09-27", None)],
        ),
        (
            "2020-11-26",
            "The plant opened at 10:30 a.m. Friday.",
            &[("10:30 a.m. Friday", "TIME", "2020-11-20T10:30", None)],
        ),
        (
            "2020-11-26",
            "The law takes effect next Jan. 1; this past weekend was calm.",
            &[("next Jan. 1", "DATE", "2021-01-01", None), ("this past weekend", "DATE", "2020-W47-WE", None)],
        ),
        (
            "2020-11-26",
            "The first half of the year was hard, the summer of last year worse.",
            &[("The first half of the year", "DATE", "2020-H1", None), ("the summer of last year", "DATE", "2019-SU", None)],
        ),
        (
            "2000-03-15",
            "The deal should close by mid-year and the audit by the end of the week.",
            &[("mid-year", "DATE", "2000", Some(Mid)), ("the end of the week", "DATE", "2000-W11", Some(End))],
        ),
        (
            "2000-03-15",
            "The report covers 1995-1999.",
            &[("1995", "DATE", "1995", None), ("1999", "DATE", "1999", None)],
        ),
        // A schedule in the present tense looks ahead.
        (
            "1998-03-18",
            "The museum reopens Saturday; the team plays Sunday.",
            &[("Saturday", "DATE", "1998-03-21", None), ("Sunday", "DATE", "1998-03-22", None)],
        ),
        // A range of months lies in one year.
        (
            "1998-03-15",
            "From January to November, exports rose.",
            &[("January", "DATE", "1997-01", None), ("November", "DATE", "1997-11", None)],
        ),
        // A close month that the verb rules out is the next one.
        ("1998-03-15", "In January, the law will take effect.", &[("January", "DATE", "1999-01", None)]),
        // The day after a clock time dates it, though it stands apart.
        (
            "2020-11-26",
            "The truce took effect at 1 a.m. local time on Tuesday.",
            &[("1 a.m. local time", "TIME", "2020-11-24T01:00", None), ("Tuesday", "DATE", "2020-11-24", None)],
        ),
        // "The quarter" puts the quarter reported on in focus.
        (
            "1989-10-26",
            "Profit rose 5% in the quarter, compared with $3 million a year ago.",
            &[("the quarter", "DATE", "1989-Q3", None), ("a year ago", "DATE", "1988-Q3", None)],
        ),
        // Earnings reports' periods, and a weekday before the day in focus.
        (
            "1989-10-26",
            "Net rose in the third quarter from the corresponding period last year and from last year's quarter; the 1988 quarter was weak.",
            &[
                ("the third quarter", "DATE", "1989-Q3", None),
                ("the corresponding period last year", "DATE", "1988-Q3", None),
                ("last year's quarter", "DATE", "1988-Q3", None),
                ("the 1988 quarter", "DATE", "1988-Q3", None),
            ],
        ),
        (
            "1989-10-30",
            "The index closed Friday, Oct. 27, down 4.5% from the previous Friday.",
            &[("Friday, Oct. 27", "DATE", "1989-10-27", None), ("the previous Friday", "DATE", "1989-10-20", None)],
        ),
        // A fixture is still to come unless the clause tells of it as past.
        (
            "2006-12-14",
            "Iraq await them in Friday's final. Sunday's vote was delayed.",
            &[("Friday", "DATE", "2006-12-15", None), ("Sunday", "DATE", "2006-12-10", None)],
        ),
        // A date "set for" lies ahead unless the setting is past.
        (
            "2013-01-10",
            "Elections are set for Sunday; a vote that had been set for Monday was delayed.",
            &[("Sunday", "DATE", "2013-01-13", None), ("Monday", "DATE", "2013-01-07", None)],
        ),
        // "is the Nth day" of something: the article's day.
        (
            "1998-03-06",
            "It's the second day of an offensive; the first day was calm.",
            &[("the second day", "DATE", "1998-03-06", None)],
        ),
        // A quarter still to come does not replace the reported one.
        (
            "1989-11-02",
            "Net rose in the third quarter. The quake will mean a fourth-quarter charge. Profit fell in the latest quarter from a year ago.",
            &[
                ("the third quarter", "DATE", "1989-Q3", None),
                ("fourth-quarter", "DATE", "1989-Q4", None),
                ("the latest quarter", "DATE", "1989-Q3", None),
                ("a year ago", "DATE", "1988-Q3", None),
            ],
        ),
        // The date that ends a quarter leaves the quarter in focus.
        (
            "1989-10-26",
            "Profit rose in the third quarter ended Sept. 30 from $3 million a year ago.",
            &[
                ("the third quarter", "DATE", "1989-Q3", None),
                ("Sept. 30", "DATE", "1989-09-30", None),
                ("a year ago", "DATE", "1988-Q3", None),
            ],
        ),
        // A plan's deadline lies ahead even when the verb is present.
        (
            "2020-10-26",
            "The sale is part of a program to repay the loan by February.",
            &[("February", "DATE", "2021-02", None)],
        ),
        // "unspecified" is an adjective, "would" looks ahead.
        (
            "2020-10-26",
            "It would be paid on a still unspecified date in January.",
            &[("January", "DATE", "2021-01", None)],
        ),
        // "the plan" is a noun: "announced" dates it.
        ("2020-10-26", "The firm announced the plan Aug. 21.", &[("Aug. 21", "DATE", "2020-08-21", None)]),
        // "effective" dates a change on the nearer side of the article.
        (
            "2020-10-26",
            "The board created a new office, effective Feb. 1.",
            &[("Feb. 1", "DATE", "2021-02-01", None)],
        ),
        (
            "2020-10-26",
            "The deal should close by year-end; sales fell over the summer.",
            &[("year-end", "DATE", "2020", Some(End)), ("the summer", "DATE", "2020-SU", None)],
        ),
        // A law that "comes into force" or "takes effect" on a weekday
        // does so ahead.
        (
            "2020-11-26",
            "The act comes into force on Monday and the ban takes effect Tuesday.",
            &[("Monday", "DATE", "2020-11-30", None), ("Tuesday", "DATE", "2020-12-01", None)],
        ),
        // In December a past January is this year's; a futures month and
        // a vote "ahead of" lie ahead.
        (
            "2020-12-10",
            "Voters who had snubbed the election in January returned. Crude for January delivery rose.",
            &[("January", "DATE", "2020-01", None), ("January", "DATE", "2021-01", None)],
        ),
        (
            "2020-12-10",
            "Parties campaigned ahead of February's vote, ahead of the Sunday ballot and ahead of a summit Tuesday.",
            &[
                ("February", "DATE", "2021-02", None),
                ("Sunday", "DATE", "2020-12-13", None),
                ("Tuesday", "DATE", "2020-12-15", None),
            ],
        ),
        (
            "2005-11-28",
            "The expo will be held from May 1 to October 31, 2010.",
            &[("May 1", "DATE", "2010-05-01", None), ("October 31, 2010", "DATE", "2010-10-31", None)],
        ),
        // A range ending in a year, or on a day, puts its start in that year.
        (
            "2020-11-12",
            "Exports rose from January to September this year and from January to Sept. 30.",
            &[
                ("January", "DATE", "2020-01", None),
                ("September this year", "DATE", "2020-09", None),
                ("January", "DATE", "2020-01", None),
                ("Sept. 30", "DATE", "2020-09-30", None),
            ],
        ),
    ]);
}

#[test]
fn durations_sets_and_references() {
    check(&[
        (
            "2020-11-26",
            "Aid will arrive in the coming days.",
            &[("the coming days", "DURATION", "PXD", None)],
        ),
        (
            "1998-02-06",
            "The economy will slow in coming months.",
            &[("coming months", "DATE", "FUTURE_REF", None)],
        ),
        (
            "2020-11-26",
            "The fighting lasted for over a month.",
            &[("over a month", "DURATION", "P1M", Some(MoreThan))],
        ),
        ("2020-11-26", "It ended a month-long battle.", &[("month-long", "DURATION", "P1M", None)]),
        ("2020-11-26", "They had 48 hours to leave.", &[("48 hours", "DURATION", "PT48H", None)]),
        ("2020-11-26", "It took several weeks.", &[("several weeks", "DURATION", "PXW", None)]),
        ("2020-11-26", "It took a decade.", &[("a decade", "DURATION", "P10Y", None)]),
        ("2020-11-26", "A two-year contract was signed.", &[("two-year", "DURATION", "P2Y", None)]),
        (
            "2020-11-26",
            "It lasted two and a half years.",
            &[("two and a half years", "DURATION", "P2Y6M", None)],
        ),
        ("2020-11-26", "He runs every morning.", &[("every morning", "SET", "XXXX-XX-XXTMO", None)]),
        ("2020-11-26", "They march each July.", &[("each July", "SET", "XXXX-07", None)]),
        ("2020-11-26", "The index is published weekly.", &[("weekly", "SET", "P1W", None)]),
        ("2020-11-26", "Dividends are paid quarterly.", &[("quarterly", "SET", "P1Q", None)]),
        ("2020-11-26", "Shops close on Mondays.", &[("Mondays", "SET", "XXXX-WXX-1", None)]),
        (
            "2020-11-26",
            "It fell for eight trading days and needs an additional year.",
            &[
                ("eight trading days", "DURATION", "P8D", None),
                ("an additional year", "DURATION", "P1Y", None),
            ],
        ),
        ("2020-11-26", "Rates will rise in the near term.", &[("the near term", "DATE", "FUTURE_REF", None)]),
        (
            "2020-11-26",
            "The talk lasted an hour or so.",
            &[("an hour or so", "DURATION", "PT1H", Some(Approx))],
        ),
        ("1998-03-03", "Hate groups grew over the past year.", &[("the past year", "DATE", "1997", None)]),
        ("1989-10-26", "It earned $1.8 million a year ago.", &[("a year ago", "DATE", "1988", None)]),
        (
            "1989-10-26",
            "In the quarter ended July 31, it lost money.",
            &[("the quarter", "DATE", "1989-Q2", None), ("July 31", "DATE", "1989-07-31", None)],
        ),
        (
            "2020-11-26",
            "The show airs Monday and Tuesday nights.",
            &[("Monday", "SET", "XXXX-WXX-1TNI", None), ("Tuesday nights", "SET", "XXXX-WXX-2TNI", None)],
        ),
        ("2020-11-26", "It is now clear.", &[("now", "DATE", "PRESENT_REF", None)]),
        (
            "2020-11-26",
            "The future minister said the drug may in the future lead to cures; the future of Iraq is unclear.",
            &[("the future", "DATE", "FUTURE_REF", None), ("the future", "DATE", "FUTURE_REF", None)],
        ),
        (
            "2020-11-26",
            "Half an hour later it hit; it lasted half a year.",
            &[("Half an hour later", "DURATION", "PT30M", None), ("half a year", "DURATION", "P6M", None)],
        ),
        ("2020-11-26", "The team meets every other week.", &[("every other week", "SET", "P2W", None)]),
        (
            "2020-11-26",
            "Flights leave for Baghdad daily. The daily tally rose.",
            &[("daily", "SET", "P1D", None), ("daily", "SET", "P1D", None)],
        ),
        ("2020-11-26", "He recently moved.", &[("recently", "DATE", "PAST_REF", None)]),
        (
            "2020-11-26",
            "It rose at least 30 days in a row.",
            &[("at least 30 days", "DURATION", "P30D", Some(EqualOrMore))],
        ),
    ]);
}

#[test]
fn words_that_only_look_like_dates() {
    check(&[
        ("2020-11-26", "You may leave. March on, soldiers.", &[]),
        ("2020-11-26", "The second round went well, said the 1,200 troops.", &[]),
        ("2020-11-26", "A $1500 fee and 2000 people.", &[]),
        ("2020-11-26", "Under Resolution 1737 and on Flight 1549, nobody moved.", &[]),
        // Two years, not 71 seasons.
        (
            "2020-11-26",
            "He won the title in the 1970-71 season.",
            &[("1970", "DATE", "1970", None), ("71", "DATE", "1971", None)],
        ),
        ("2020-11-26", "Arsenal led in the first half and a second-half goal sealed it.", &[]),
        ("2020-11-26", "The second quarter-final was played; imports continue to fall in value.", &[]),
        ("2020-11-26", "He was No. 1 seed, No 2 year after year.", &[]),
        // A "daily" that is a newspaper.
        (
            "2020-11-26",
            "The daily said so, the business daily Le Figaro agreed and the Kommersant daily reported it.",
            &[],
        ),
        ("2020-11-26", "The Daily Telegraph ran the story, Turkish Daily News reported.", &[]),
        ("2020-11-26", "She was named player of the year and Time's Person of the Year.", &[]),
        ("2020-11-26", "The quarterly dividend rose.", &[]),
        ("2020-11-26", "Leaves fall in the fall of the empire.", &[]),
        ("2020-11-26", "He was asked to leave as soon as possible.", &[]),
        ("2020-11-26", "The plan saves $500 million a year.", &[]),
        ("2020-11-26", "Iraq imports about three-quarters of its food.", &[]),
        ("2020-11-26", "The quarter-to-quarter comparison improved.", &[]),
        ("2020-11-26", "Troops moved at 1647 GMT.", &[]),
        ("2020-11-26", "She told USA Today and ABC's \"This Week\" so.", &[]),
    ]);
}

/// A narrative's sentences and the values its dates take, read as a
/// narrative: they count from the date in focus, not the publication date.
#[test]
fn narratives_count_from_the_date_in_focus() {
    use dateline_core::DocumentType;
    use dateline_text::Segmented;
    let dct: Date = "2009-12-19".parse().unwrap();
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "In March 1965 the first combat troops landed. Two months later, more arrived. That spring the \
             bombing widened. The following year, the war escalated.",
            &[("March 1965", "1965-03"), ("Two months later", "1965-05"), ("That spring", "1965-SP"), ("The following year", "1966")],
        ),
        (
            "In 1944 the Allies landed in Normandy; on 6 June they took the beaches. In August, Paris was freed.",
            &[("1944", "1944"), ("6 June", "1944-06-06"), ("August", "1944-08")],
        ),
        // What was then still to come does not move the story on.
        (
            "On 10 March 1975 the offensive began, ahead of a campaign that would come in 1976. It collapsed on 11 March.",
            &[("10 March 1975", "1975-03-10"), ("1976", "1976"), ("11 March", "1975-03-11")],
        ),
        // Years before the era, and the story's year carried through them.
        (
            "The 5th century BC began in war. In 490 BC the Persians landed; in the 480s BC they prepared. \
             In 480 B.C. they returned and in April they crossed. The following year, in 479 BCE, they lost.",
            &[
                ("The 5th century BC", "BC04"),
                ("490 BC", "BC0490"),
                ("the 480s BC", "BC048"),
                ("480 B.C.", "BC0480"),
                ("April", "BC0480-04"),
                ("The following year", "BC0479"),
                ("479 BCE", "BC0479"),
            ],
        ),
        // Before the story tells a date, a date counts from nothing, never
        // from the publication date.
        (
            "In April the siege began. The next day it rained. It ended in 1943.",
            &[("April", "XXXX-04"), ("The next day", "XXXX-XX-XX"), ("1943", "1943")],
        ),
    ];
    let tagger = Tagger::new();
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got: Vec<(String, String)> = tagger
            .tag_as(&Segmented::new(text), dct, DocumentType::Narrative)
            .into_iter()
            .map(|t| (t.timex.text, t.timex.value.to_string()))
            .collect();
        let want: Vec<(String, String)> = want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        if got != want {
            failures.push(format!("{text:?}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
