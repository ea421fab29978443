//! Issue 17, "dates beyond the wire story": histories (narratives) and
//! posts (colloquial text), the year ranges and quantities that every
//! kind of text writes, and an Islamic holiday that falls twice in one
//! year. Each case is a phrase, its reference date, and the expressions
//! with their TIMEX3 type, value and mod.

mod common;

use common::{check_as, Case};
use dateline_core::DocumentType;

const HISTORY: &str = "2009-12-19";

#[test]
fn issue_17_a_history_marks_the_adjectives_of_time() {
    check_as(
        DocumentType::Narrative,
        &[
            (
                HISTORY,
                "The army was led by a former general in 1943.",
                &[("former", "DATE", "PAST_REF", None), ("1943", "DATE", "1943", None)],
            ),
            (
                HISTORY,
                "Recent defeats weighed on the current government.",
                &[("Recent", "DATE", "PAST_REF", None), ("current", "DATE", "PRESENT_REF", None)],
            ),
            (HISTORY, "Future elections were cancelled.", &[("Future", "DATE", "FUTURE_REF", None)]),
            // The longer readings still win.
            (HISTORY, "In recent years the border was quiet.", &[("recent years", "DATE", "PAST_REF", None)]),
        ],
    );
    // News leaves the adjectives alone.
    check_as(DocumentType::News, &[(HISTORY, "A former general criticised the current government.", &[])]);
}

#[test]
fn issue_17_a_history_reads_bare_seasons() {
    check_as(
        DocumentType::Narrative,
        &[
            (
                HISTORY,
                "In 1942 the army launched its summer offensive.",
                &[("1942", "DATE", "1942", None), ("summer", "DATE", "1942-SU", None)],
            ),
            (
                HISTORY,
                "The fleet reached the island in 1805 and spent the winter there.",
                &[("1805", "DATE", "1805", None), ("the winter", "DATE", "1805-WI", None)],
            ),
            // "Fall" is a verb, and "to spring" one too.
            (HISTORY, "In 1453 the city was about to fall.", &[("1453", "DATE", "1453", None)]),
        ],
    );
}

#[test]
fn issue_17_a_range_of_years_written_short_is_two_years() {
    check_as(
        DocumentType::News,
        &[
            (
                HISTORY,
                "Prices rose sharply in 1995-96.",
                &[("1995", "DATE", "1995", None), ("96", "DATE", "1996", None)],
            ),
            (
                HISTORY,
                "The campaign of 2006-07 was the bloodiest.",
                &[("2006", "DATE", "2006", None), ("07", "DATE", "2007", None)],
            ),
            (
                HISTORY,
                "He served in the colonial war (1947-54) as a captain.",
                &[("1947", "DATE", "1947", None), ("54", "DATE", "1954", None)],
            ),
            (
                HISTORY,
                "The revolt (499-493 BC) was put down.",
                &[("499", "DATE", "BC0499", None), ("493 BC", "DATE", "BC0493", None)],
            ),
            // A month and a day are still dates.
            (
                HISTORY,
                "The census of 2006-07-15 counted them.",
                &[("2006-07-15", "DATE", "2006-07-15", None)],
            ),
            (HISTORY, "Figures for 2020-11 are due.", &[("2020-11", "DATE", "2020-11", None)]),
            // A year's possessive is the year, not a decade.
            (HISTORY, "She was named 1965's best author.", &[("1965", "DATE", "1965", None)]),
            (HISTORY, "The 1960's were loud.", &[("The 1960's", "DATE", "196", None)]),
        ],
    );
}

#[test]
fn issue_17_a_number_before_of_and_a_determiner_counts() {
    check_as(
        DocumentType::News,
        &[
            (HISTORY, "He sold 1000 of his bottles at auction.", &[]),
            (HISTORY, "About 2000 of them were damaged.", &[]),
            (HISTORY, "Some 1500 of the workers went on strike.", &[]),
            // A year is still a year.
            (HISTORY, "In 1000 the town had a wall.", &[("1000", "DATE", "1000", None)]),
            (
                HISTORY,
                "She was named winner in 1995 of the national prize.",
                &[("1995", "DATE", "1995", None)],
            ),
            (
                HISTORY,
                "A review in 2008 or 2009 of the budget is planned.",
                &[("2008", "DATE", "2008", None), ("2009", "DATE", "2009", None)],
            ),
            (HISTORY, "The class of 1998 met again.", &[("1998", "DATE", "1998", None)]),
        ],
    );
}

#[test]
fn issue_17_a_post_values_a_written_year_as_a_day_of_it() {
    check_as(
        DocumentType::Colloquial,
        &[
            ("2014-09-20", "best gig of 2014 at the expo!", &[("2014", "DATE", "2014-XX-XX", None)]),
            (
                "2014-09-20",
                "throwback to the year 2011 lol",
                &[("the year 2011", "DATE", "2011-XX-XX", None)],
            ),
            // A year counted from the day of writing is a year.
            ("2014-09-20", "so much fun last year!", &[("last year", "DATE", "2013", None)]),
        ],
    );
}

#[test]
fn issue_17_a_post_late_in_the_week_looks_to_the_coming_weekend() {
    check_as(
        DocumentType::Colloquial,
        &[
            // A Thursday and a Friday.
            ("2013-07-11", "long weekend yay!", &[("weekend", "DATE", "2013-W28-WE", None)]),
            ("2013-07-12", "weekend at the beach yay", &[("weekend", "DATE", "2013-W28-WE", None)]),
            // A Monday: the one just past.
            ("2013-07-15", "weekend recap: so tired", &[("weekend", "DATE", "2013-W28-WE", None)]),
            // Told in the past, on a Thursday: the one before.
            ("2013-07-11", "the weekend was great", &[("the weekend", "DATE", "2013-W27-WE", None)]),
        ],
    );
}

#[test]
fn issue_17_a_suggestion_looks_ahead() {
    check_as(
        DocumentType::Colloquial,
        &[
            // A Thursday.
            (
                "2012-11-22",
                "@jo how about friday night or sat?",
                &[("friday night", "TIME", "2012-11-23TNI", None), ("sat", "DATE", "2012-11-24", None)],
            ),
            ("2012-11-22", "what about Monday?", &[("Monday", "DATE", "2012-11-26", None)]),
        ],
    );
}

#[test]
fn issue_17_an_islamic_holiday_twice_in_one_year() {
    // Eid al-Fitr fell on 8 January and (by the tabular calendar) 28
    // December 2000.
    check_as(
        DocumentType::News,
        &[
            (
                "2000-12-20",
                "Shops will close for Eid al-Fitr.",
                &[("Eid al-Fitr", "DATE", "2000-12-28", None)],
            ),
            ("2000-06-15", "Shops closed for Eid al-Fitr.", &[("Eid al-Fitr", "DATE", "2000-01-08", None)]),
            (
                "2000-06-15",
                "Shops will close for Eid al-Fitr.",
                &[("Eid al-Fitr", "DATE", "2000-12-28", None)],
            ),
            (
                "2000-01-03",
                "Shops will close for Eid al-Fitr.",
                &[("Eid al-Fitr", "DATE", "2000-01-08", None)],
            ),
            (
                "2000-12-31",
                "Shops reopened after last Eid al-Fitr.",
                &[("last Eid al-Fitr", "DATE", "2000-12-28", None)],
            ),
            (
                "2000-12-31",
                "Families gathered for this Eid al-Fitr.",
                &[("this Eid al-Fitr", "DATE", "2000-12-28", None)],
            ),
            (
                "2001-01-02",
                "Families gathered for this Eid al-Fitr.",
                &[("this Eid al-Fitr", "DATE", "2001-12-17", None)],
            ),
            (
                "2001-01-10",
                "Prices rose before next Eid al-Fitr.",
                &[("next Eid al-Fitr", "DATE", "2001-12-17", None)],
            ),
        ],
    );
}

#[test]
fn issue_17_a_history_tells_the_part_of_a_day() {
    check_as(
        DocumentType::Narrative,
        &[
            (
                HISTORY,
                "The raid came on the night of 13 February 1904.",
                &[("the night of 13 February 1904", "TIME", "1904-02-13TNI", None)],
            ),
            (
                HISTORY,
                "War came in 1904. The fleet attacked on the night of 8 February.",
                &[("1904", "DATE", "1904", None), ("the night of 8 February", "TIME", "1904-02-08TNI", None)],
            ),
            (
                HISTORY,
                "Orders came on 31 January 1965, when the men rested. Troops landed that afternoon.",
                &[
                    ("31 January 1965", "DATE", "1965-01-31", None),
                    ("that afternoon", "TIME", "1965-01-31TAF", None),
                ],
            ),
            (
                HISTORY,
                "Lincoln was shot on April 14, 1865, and he died the next morning.",
                &[
                    ("April 14, 1865", "DATE", "1865-04-14", None),
                    ("the next morning", "TIME", "1865-04-15TMO", None),
                ],
            ),
            // A night of no day told.
            (
                HISTORY,
                "The ships sailed at night and launched night attacks.",
                &[("night", "TIME", "XXXX-XX-XXTNI", None), ("night", "TIME", "XXXX-XX-XXTNI", None)],
            ),
            (HISTORY, "They met one night. The Night Watch hung there.", &[]),
        ],
    );
    // News annotates the day.
    check_as(
        DocumentType::News,
        &[
            (
                "1998-11-21",
                "He was shot on Oct. 23 and died the next morning.",
                &[("Oct. 23", "DATE", "1998-10-23", None), ("the next morning", "DATE", "1998-10-24", None)],
            ),
            ("1998-11-21", "The ships sailed at night.", &[]),
        ],
    );
}

#[test]
fn issue_17_a_month_of_that_year() {
    let cases: &[Case] = &[
        (
            HISTORY,
            "The war spread in 1940. In August of that year, the offensive began.",
            &[("1940", "DATE", "1940", None), ("August of that year", "DATE", "1940-08", None)],
        ),
        (
            HISTORY,
            "The bill passed in 1861. On July 25 of the same year, Congress met.",
            &[("1861", "DATE", "1861", None), ("July 25 of the same year", "DATE", "1861-07-25", None)],
        ),
    ];
    check_as(DocumentType::Narrative, cases);
    check_as(DocumentType::News, cases);
}
