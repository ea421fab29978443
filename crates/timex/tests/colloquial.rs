//! Issue 17: the forms news uses too that were read wrong (clock ranges,
//! clock times in words, ordinal weekdays of a month, numeric dates), and
//! colloquial text (posts, chat and requests to assistants). Each case is
//! a phrase, its reference date, and the expressions with their TIMEX3
//! type, value and mod.

mod common;

use common::{check_as, Case};
use dateline_core::{DocumentType, TimexMod};
use dateline_text::Segmented;
use dateline_timex::{looks_colloquial, Tagger};

const THURSDAY: &str = "2020-11-26";

/// Read the same in news and in colloquial text.
fn check_both(cases: &[Case]) {
    check_as(DocumentType::News, cases);
    check_as(DocumentType::Colloquial, cases);
}

#[test]
fn issue_17_am_and_pm_carry_across_a_range() {
    check_both(&[
        (
            THURSDAY,
            "The office is open 3:30 to 6 PM.",
            &[("3:30", "TIME", "2020-11-26T15:30", None), ("6 PM", "TIME", "2020-11-26T18:00", None)],
        ),
        (
            THURSDAY,
            "Lunch is served 11:30-1:30.",
            &[("11:30", "TIME", "2020-11-26T11:30", None), ("1:30", "TIME", "2020-11-26T13:30", None)],
        ),
        (
            THURSDAY,
            "The clinic opens 3-4pm.",
            &[("3", "TIME", "2020-11-26T15:00", None), ("4pm", "TIME", "2020-11-26T16:00", None)],
        ),
        (
            THURSDAY,
            "Polls stay open from 9am to 5.",
            &[("9am", "TIME", "2020-11-26T09:00", None), ("5", "TIME", "2020-11-26T17:00", None)],
        ),
        // Eleven to one in the afternoon starts in the morning.
        (
            THURSDAY,
            "The sale runs 11 to 1 pm.",
            &[("11", "TIME", "2020-11-26T11:00", None), ("1 pm", "TIME", "2020-11-26T13:00", None)],
        ),
        (
            THURSDAY,
            "Voting is between 3 and 5 pm.",
            &[("3", "TIME", "2020-11-26T15:00", None), ("5 pm", "TIME", "2020-11-26T17:00", None)],
        ),
        // A score and a telephone number are no range of times.
        (THURSDAY, "They won 3-4 at home.", &[]),
        (THURSDAY, "Call the embassy at (254-2) 751-613.", &[]),
    ]);
}

#[test]
fn issue_17_clock_times_with_their_part_of_the_day_and_in_words() {
    check_both(&[
        (
            THURSDAY,
            "The train left at 3:15 in the afternoon.",
            &[("3:15 in the afternoon", "TIME", "2020-11-26T15:15", None)],
        ),
        (
            THURSDAY,
            "He will leave at 4 in the morning.",
            &[("4 in the morning", "TIME", "2020-11-26T04:00", None)],
        ),
        (THURSDAY, "Shots were heard at 10 at night.", &[("10 at night", "TIME", "2020-11-26T22:00", None)]),
        (
            THURSDAY,
            "Meet me at a quarter past 1pm.",
            &[("a quarter past 1pm", "TIME", "2020-11-26T13:15", None)],
        ),
        (THURSDAY, "It ended at half past ten.", &[("half past ten", "TIME", "2020-11-26T10:30", None)]),
        (THURSDAY, "It was twenty to five.", &[("twenty to five", "TIME", "2020-11-26T04:40", None)]),
        (
            THURSDAY,
            "They met at a quarter to noon.",
            &[("a quarter to noon", "TIME", "2020-11-26T11:45", None)],
        ),
        (
            THURSDAY,
            "The vote closed at ten minutes after 5pm.",
            &[("ten minutes after 5pm", "TIME", "2020-11-26T17:10", None)],
        ),
        (THURSDAY, "The match starts at 15h00.", &[("15h00", "TIME", "2020-11-26T15:00", None)]),
        (THURSDAY, "Doors open at 7.30pm.", &[("7.30pm", "TIME", "2020-11-26T19:30", None)]),
        (THURSDAY, "The party ends 1130pm.", &[("1130pm", "TIME", "2020-11-26T23:30", None)]),
        (THURSDAY, "See you at 8:30ish.", &[("8:30ish", "TIME", "2020-11-26T08:30", Some(TimexMod::Approx))]),
        // Counts and ratios are no clock times.
        (THURSDAY, "They outnumbered them by more than two to one.", &[]),
        (THURSDAY, "Three to four people were hurt.", &[]),
        (THURSDAY, "It rose 2.5 points.", &[]),
    ]);
}

#[test]
fn issue_17_a_day_dates_the_time_told_with_it() {
    // News and TimeML keep "tomorrow at 5pm" as two expressions; the time
    // lies on the day.
    check_as(
        DocumentType::News,
        &[(
            THURSDAY,
            "We leave tomorrow afternoon at 5.",
            &[("tomorrow afternoon", "TIME", "2020-11-27TAF", None), ("5", "TIME", "2020-11-27T17:00", None)],
        )],
    );
    check_both(&[
        (
            THURSDAY,
            "The vote is the day after tomorrow at 5pm.",
            &[
                ("the day after tomorrow", "DATE", "2020-11-28", None),
                ("5pm", "TIME", "2020-11-28T17:00", None),
            ],
        ),
        (
            THURSDAY,
            "Talks resume at 10 p.m. tonight.",
            &[("10 p.m. tonight", "TIME", "2020-11-26T22:00", None)],
        ),
    ]);
    // A post writes a day and its time as one.
    check_as(
        DocumentType::Colloquial,
        &[
            (
                THURSDAY,
                "judging this Sat, 7pm at Kallang!",
                &[("this Sat, 7pm", "TIME", "2020-11-28T19:00", None)],
            ),
            (THURSDAY, "doors open 4pm tmr", &[("4pm tmr", "TIME", "2020-11-27T16:00", None)]),
            (THURSDAY, "come down at 7pm tonight", &[("7pm tonight", "TIME", "2020-11-26T19:00", None)]),
            (
                THURSDAY,
                "votes close this Fri night, 2359!!",
                &[("this Fri night, 2359", "TIME", "2020-11-27T23:59", None)],
            ),
            (THURSDAY, "yoga on May 10, 2014 2pm", &[("May 10, 2014 2pm", "TIME", "2014-05-10T14:00", None)]),
            (
                THURSDAY,
                "tomorrow afternoon at 5",
                &[("tomorrow afternoon at 5", "TIME", "2020-11-27T17:00", None)],
            ),
        ],
    );
}

#[test]
fn issue_17_weekdays_counted_in_a_month() {
    check_both(&[
        (
            THURSDAY,
            "It opens the first Monday of this month.",
            &[("the first Monday of this month", "DATE", "2020-11-02", None)],
        ),
        (
            THURSDAY,
            "It closed the last Friday of October.",
            &[("the last Friday of October", "DATE", "2020-10-30", None)],
        ),
        (
            THURSDAY,
            "It reopens the 2nd Tuesday in March 2021.",
            &[("the 2nd Tuesday in March 2021", "DATE", "2021-03-09", None)],
        ),
        (
            THURSDAY,
            "The fair is held the third Sunday of next month.",
            &[("the third Sunday of next month", "DATE", "2020-12-20", None)],
        ),
    ]);
}

#[test]
fn issue_17_numeric_dates_and_eras() {
    check_both(&[
        (THURSDAY, "The deadline is 2/15.", &[("2/15", "DATE", "2021-02-15", None)]),
        (THURSDAY, "Ballots are due on 2/5.", &[("2/5", "DATE", "2021-02-05", None)]),
        (THURSDAY, "It was filed 2015-3-3.", &[("2015-3-3", "DATE", "2015-03-03", None)]),
        (THURSDAY, "Registration closes 25/12/2015.", &[("25/12/2015", "DATE", "2015-12-25", None)]),
        (THURSDAY, "The city was founded in 2014 B.C.", &[("2014 B.C.", "DATE", "BC2014", None)]),
        // Shares are no dates.
        (THURSDAY, "He won 1/2 of the votes and 3/4 of the seats.", &[]),
    ]);
}

#[test]
fn issue_17_names_in_any_case() {
    check_both(&[
        (THURSDAY, "It reopened on monday.", &[("monday", "DATE", "2020-11-23", None)]),
        (THURSDAY, "MONDAY was quiet.", &[("MONDAY", "DATE", "2020-11-23", None)]),
        (THURSDAY, "It was cold in december.", &[("december", "DATE", "2020-12", None)]),
    ]);
    check_as(
        DocumentType::Colloquial,
        &[
            (THURSDAY, "cant wait for sat nite", &[("sat nite", "TIME", "2020-11-21TNI", None)]),
            (
                THURSDAY,
                "exams Mon and fri",
                &[("Mon", "DATE", "2020-11-23", None), ("fri", "DATE", "2020-11-20", None)],
            ),
            (THURSDAY, "see u in may", &[("may", "DATE", "2021-05", None)]),
            (THURSDAY, "26nov 2015 lazy study", &[("26nov 2015", "DATE", "2015-11-26", None)]),
            (
                THURSDAY,
                "live on 14th December Friday",
                &[("14th December Friday", "DATE", "2020-12-14", None)],
            ),
            // "sat" and "may" are words too.
            (THURSDAY, "I sat down and may stay", &[]),
        ],
    );
}

#[test]
fn issue_17_chat_spellings() {
    check_as(
        DocumentType::Colloquial,
        &[
            (THURSDAY, "see u tmrw", &[("tmrw", "DATE", "2020-11-27", None)]),
            (THURSDAY, "gym tmw morning", &[("tmw morning", "TIME", "2020-11-27TMO", None)]),
            (THURSDAY, "lunch 2moro", &[("2moro", "DATE", "2020-11-27", None)]),
            (THURSDAY, "dinner 2morrow", &[("2morrow", "DATE", "2020-11-27", None)]),
            (THURSDAY, "party 2nite", &[("2nite", "TIME", "2020-11-26TNI", None)]),
            (THURSDAY, "party tonite", &[("tonite", "TIME", "2020-11-26TNI", None)]),
            (THURSDAY, "so tired 2day", &[("2day", "DATE", "2020-11-26", None)]),
            (THURSDAY, "sold out tdy", &[("tdy", "DATE", "2020-11-26", None)]),
            (THURSDAY, "going home this wknd", &[("this wknd", "DATE", "2020-W48-WE", None)]),
            (THURSDAY, "exams nxt wk", &[("nxt wk", "DATE", "2020-W49", None)]),
            (THURSDAY, "next wk is busy", &[("next wk", "DATE", "2020-W49", None)]),
            (THURSDAY, "dinner @ 8pm", &[("8pm", "TIME", "2020-11-26T20:00", None)]),
            (THURSDAY, "Sat nite out", &[("Sat nite", "TIME", "2020-11-21TNI", None)]),
            (THURSDAY, "party #Nov5 #fun", &[("Nov5", "DATE", "2020-11-05", None)]),
        ],
    );
}

#[test]
fn issue_17_bare_time_words_of_posts() {
    check_as(
        DocumentType::Colloquial,
        &[
            (THURSDAY, "Neighbors cooking curry all day", &[("all day", "DURATION", "P1D", None)]),
            (THURSDAY, "Good night", &[("night", "TIME", "2020-11-26TNI", None)]),
            (THURSDAY, "Team building day for our company", &[("day", "DURATION", "P1D", None)]),
            (THURSDAY, "Crazy week of school", &[("week", "DURATION", "P1W", None)]),
            (THURSDAY, "waited for hours", &[("hours", "DURATION", "PTXH", None)]),
            (THURSDAY, "I love weekends", &[("weekends", "SET", "XXXX-WE", None)]),
            (THURSDAY, "Busy the week, free after", &[("the week", "DATE", "2020-W48", None)]),
            (THURSDAY, "design stars of the future", &[("the future", "DATE", "FUTURE_REF", None)]),
            (THURSDAY, "Shopping RIGHT NOW", &[("RIGHT NOW", "DATE", "PRESENT_REF", None)]),
            (THURSDAY, "STARTS NOW!", &[("NOW", "DATE", "PRESENT_REF", None)]),
            (THURSDAY, "Midnight movie with sis", &[("Midnight", "TIME", "2020-11-26T00:00", None)]),
            (THURSDAY, "a white winter", &[("winter", "DATE", "2020-WI", None)]),
            (THURSDAY, "our cutiepie is 16 days old", &[("16 days old", "DURATION", "P16D", None)]),
            (THURSDAY, "Photo: One year ago, the haze", &[("One year ago", "DATE", "2019-11-26", None)]),
            (THURSDAY, "my weekly bath", &[("weekly", "SET", "P1W", None)]),
            // "yr" is "your", "Min" a name, "Winter Show" a title.
            (THURSDAY, "good luck with yr exam, Lee Min Ho", &[]),
            (THURSDAY, "the Winter Show 2012", &[("2012", "DATE", "2012-XX-XX", None)]),
            // A hashtag names a day without dating it; digits glued to a
            // word name something.
            (THURSDAY, "Happy #Friday all! at KLPF2013", &[]),
        ],
    );
}

#[test]
fn issue_17_requests_look_ahead_and_complete_their_ranges() {
    check_as(
        DocumentType::Colloquial,
        &[
            (THURSDAY, "add lunch with Sam on July 8th", &[("July 8th", "DATE", "2021-07-08", None)]),
            (THURSDAY, "set a reminder for Friday", &[("Friday", "DATE", "2020-11-27", None)]),
            (THURSDAY, "can you move my meeting to Monday", &[("Monday", "DATE", "2020-11-30", None)]),
            // A plan told without a verb.
            (
                THURSDAY,
                "lunch at noon on Saturday",
                &[("noon", "TIME", "2020-11-28T12:00", None), ("Saturday", "DATE", "2020-11-28", None)],
            ),
            (
                THURSDAY,
                "book a room for February 3 to 8",
                &[("February 3", "DATE", "2021-02-03", None), ("8", "DATE", "2021-02-08", None)],
            ),
            (
                THURSDAY,
                "block July 8th to the 28th",
                &[("July 8th", "DATE", "2021-07-08", None), ("the 28th", "DATE", "2021-07-28", None)],
            ),
            (
                THURSDAY,
                "remind me at 6 pm every day",
                &[("6 pm", "TIME", "2020-11-26T18:00", None), ("every day", "SET", "P1D", None)],
            ),
            // Days listed after a month: "May 2 - 3, 9 - 10".
            (
                "2015-04-20",
                "course May 2 - 3, 9 - 10",
                &[
                    ("May 2", "DATE", "2015-05-02", None),
                    ("3", "DATE", "2015-05-03", None),
                    ("9", "DATE", "2015-05-09", None),
                    ("10", "DATE", "2015-05-10", None),
                ],
            ),
        ],
    );
    // A range whose last day names the month, in every type.
    check_both(&[(
        "2014-09-20",
        "The expo runs from 3 - 5 October.",
        &[("3", "DATE", "2014-10-03", None), ("5 October", "DATE", "2014-10-05", None)],
    )]);
}

#[test]
fn issue_17_web_addresses_and_mentions_are_not_read() {
    check_as(
        DocumentType::Colloquial,
        &[
            (THURSDAY, "see http://t.co/2014/05/12 @sunday_times", &[]),
            (THURSDAY, "tmrw!! \u{1F389} http://x.co/3pm", &[("tmrw", "DATE", "2020-11-27", None)]),
        ],
    );
}

#[test]
fn issue_17_auto_reads_short_informal_text_as_colloquial() {
    let colloquial = [
        "Doors open 4pm tmr @ Vivo! #fnnsdd5",
        "add lunch with Sam on July 8th",
        "Remind me at 6 pm every day",
        "I completed a 4 week camp.",
        "Harry Potter Marathon now!",
        "lol see u sat",
        "Great weekend staycation \u{1F60A}",
    ];
    let news = [
        "Fatah primaries were suspended on Monday.",
        "DEMOCRATS WIN CONTROL OF SENATE: AP",
        "URGENT: 9,007 people killed in 53,173 accidents in China this October: safety superviser",
        "Veterans of World War I met in Paris on Sunday.",
        "\"I will go,\" he said on Friday.",
        "Spanish league results on Saturday:\n\nValencia 1 Athletic Bilbao 1\n\nReal Sociedad v Villarreal - late kickoff",
    ];
    for text in colloquial {
        assert!(looks_colloquial(&Segmented::new(text)), "{text:?}");
    }
    for text in news {
        assert!(!looks_colloquial(&Segmented::new(text)), "{text:?}");
    }
    // A long text is an article, whatever its spelling.
    let long = "lol ".repeat(100);
    assert!(!looks_colloquial(&Segmented::new(&long)));
    let (_, kind) = Tagger::new().tag_auto(&Segmented::new("see u tmrw!!"), THURSDAY.parse().unwrap());
    assert_eq!(kind, DocumentType::Colloquial);
}
