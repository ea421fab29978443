//! Property tests: the tagger against jiff's calendar arithmetic, and
//! against arbitrary input.

use dateline_core::Date;
use dateline_timex::Tagger;
use jiff::ToSpan;
use proptest::prelude::*;

#[rustfmt::skip]
const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
];
const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

fn any_date() -> impl Strategy<Value = Date> {
    (1950i16..2050, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn only_value(text: &str, dct: Date) -> String {
    let found = Tagger::new().tag(text, dct);
    assert_eq!(found.len(), 1, "{text:?} at {dct}: {found:?}");
    found[0].value.to_string()
}

proptest! {
    #[test]
    fn days_ago_is_calendar_subtraction(dct in any_date(), n in 1i32..400) {
        let want = dct.checked_sub(n.days()).unwrap().to_string();
        prop_assert_eq!(only_value(&format!("The office closed {n} days ago."), dct), want);
    }

    #[test]
    fn years_ago_is_a_year(dct in any_date(), n in 1i16..40) {
        prop_assert_eq!(only_value(&format!("The plant opened {n} years ago."), dct), (dct.year() - n).to_string());
    }

    #[test]
    fn a_close_date_without_year_is_that_date(dct in any_date(), offset in -55i32..55) {
        let date = dct.checked_add(offset.days()).unwrap();
        let text = format!("The meeting is on {} {}.", MONTHS[date.month() as usize - 1], date.day());
        prop_assert_eq!(only_value(&text, dct), date.to_string());
    }

    #[test]
    fn last_weekday_is_within_the_week_before(dct in any_date(), weekday in 0usize..7) {
        let value = only_value(&format!("They met last {}.", WEEKDAYS[weekday]), dct);
        let date: Date = value.parse().unwrap();
        prop_assert!(date < dct && date >= dct.checked_sub(7.days()).unwrap());
        prop_assert_eq!(date.weekday().to_monday_zero_offset() as usize, weekday);
    }

    #[test]
    fn a_weekday_in_the_past_tense_is_on_or_before_the_dct(dct in any_date(), weekday in 0usize..7) {
        let value = only_value(&format!("Troops had entered the town on {}.", WEEKDAYS[weekday]), dct);
        let date: Date = value.parse().unwrap();
        prop_assert!(date <= dct && date > dct.checked_sub(7.days()).unwrap());
    }

    #[test]
    fn a_weekday_in_the_future_tense_is_on_or_after_the_dct(dct in any_date(), weekday in 0usize..7) {
        let value = only_value(&format!("The envoys will meet on {}.", WEEKDAYS[weekday]), dct);
        let date: Date = value.parse().unwrap();
        prop_assert!(date >= dct && date < dct.checked_add(7.days()).unwrap());
    }

    /// Arbitrary text never panics, and every span slices back to its text.
    #[test]
    fn spans_are_valid_on_any_text(text in "\\PC{0,200}", dct in any_date()) {
        let chars: Vec<char> = text.chars().collect();
        let mut last_end = 0;
        for t in Tagger::new().tag(&text, dct) {
            prop_assert!(t.start < t.end && t.end <= chars.len());
            prop_assert!(t.start >= last_end, "spans overlap");
            let slice: String = chars[t.start..t.end].iter().collect();
            prop_assert_eq!(slice, t.text);
            last_end = t.end;
        }
    }

    /// Text made of the grammar's own words, in any order, never panics.
    #[test]
    fn temporal_word_salad_never_panics(words in proptest::collection::vec(prop::sample::select(vec![
        "the", "last", "next", "early", "mid", "-", "late", "of", "year", "years", "ago", "2020", "1990s",
        "'", "s", "third", "quarter", "fiscal", "May", "25", ",", "Friday", "morning", "a.m.", "10", ":",
        "30", "every", "a", "half", "two", "and", "nineteen", "ninety", "week", "weekend", "this", "earlier",
        "/", "12", "2", "over", "more", "than", "century", "20th", "that", "day", "Q", "3", "1/2",
        // Issue 17: clock words, ranges, chat spellings, addresses.
        "tmrw", "nite", "sat", "@", "#", "pm", "past", "to", "ish", "h", "00", "http://x.co/", "first",
        "Monday", "in", "99999999", "days", "old", "1130", "+", "at", "tonight", "ago", "between",
    ]), 0..30), dct in any_date()) {
        let text = words.join(" ");
        let _ = Tagger::new().tag(&text, dct);
        let glued = words.concat();
        let _ = Tagger::new().tag(&glued, dct);
        // Read as a narrative, or deciding: the same words never panic.
        let segmented = dateline_text::Segmented::new(&text);
        let _ = Tagger::new().tag_as(&segmented, dct, dateline_core::DocumentType::Narrative);
        let _ = Tagger::new().tag_auto(&segmented, dct);
        let _ = Tagger::new().tag_as(&segmented, dct, dateline_core::DocumentType::Colloquial);
        let glued = dateline_text::Segmented::new(&glued);
        let _ = Tagger::new().tag_as(&glued, dct, dateline_core::DocumentType::Colloquial);
    }

    /// A narrative's month without a year lies in the year in focus,
    /// whatever the publication date.
    #[test]
    fn a_narrative_month_lies_in_the_year_told(dct in any_date(), year in 1800i16..2000, month in 0usize..12) {
        let text = format!("The war began in {year}. In {}, the army crossed the river.", MONTHS[month]);
        let found = Tagger::new().tag_as(&dateline_text::Segmented::new(&text), dct, dateline_core::DocumentType::Narrative);
        prop_assert_eq!(found.len(), 2);
        prop_assert_eq!(found[1].timex.value.to_string(), format!("{year}-{:02}", month + 1));
    }
}
