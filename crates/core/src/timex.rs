use crate::names::names;
use crate::TimexValue;
use serde::{Deserialize, Serialize};

/// A temporal expression found in a document, with its TIMEX3 value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    /// First character of the expression (inclusive).
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The expression as written.
    pub text: String,
    /// DATE, TIME, DURATION or SET.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// The TIMEX3 value: `2020-11-25`, `2020-W48`, `P1M`, `PRESENT_REF`...
    pub value: TimexValue,
    /// The TIMEX3 modifier, when the expression has one.
    #[serde(rename = "mod", default)]
    pub modifier: Option<TimexMod>,
}

/// The four TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period: `2020-11-25`, `2020-Q4`.
    Date,
    /// A time of day: `2020-11-25T15:00`, `2020-11-25TMO`.
    Time,
    /// An amount of time: `P1M`, `PT48H`.
    Duration,
    /// A recurrence: `P1W` for "weekly".
    Set,
}

names!(TimexType, "a TIMEX3 type", {
    Date => "DATE",
    Time => "TIME",
    Duration => "DURATION",
    Set => "SET",
});

impl TimexType {
    /// Reads the TIMEX3 spelling, in any case.
    ///
    /// ```
    /// use dateline_core::TimexType;
    /// assert_eq!(TimexType::parse("duration"), Some(TimexType::Duration));
    /// assert_eq!(TimexType::parse("DAY"), None);
    /// ```
    pub fn parse(s: &str) -> Option<TimexType> {
        TimexType::ALL.iter().copied().find(|kind| kind.as_str().eq_ignore_ascii_case(s))
    }
}

/// TIMEX3 modifiers: where in the period, or how the amount is bounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[allow(missing_docs)] // the TIMEX3 names say it all
pub enum TimexMod {
    Start,
    Mid,
    End,
    Before,
    After,
    OnOrBefore,
    OnOrAfter,
    LessThan,
    MoreThan,
    EqualOrLess,
    EqualOrMore,
    Approx,
}

names!(TimexMod, "a TIMEX3 modifier", {
    Start => "START",
    Mid => "MID",
    End => "END",
    Before => "BEFORE",
    After => "AFTER",
    OnOrBefore => "ON_OR_BEFORE",
    OnOrAfter => "ON_OR_AFTER",
    LessThan => "LESS_THAN",
    MoreThan => "MORE_THAN",
    EqualOrLess => "EQUAL_OR_LESS",
    EqualOrMore => "EQUAL_OR_MORE",
    Approx => "APPROX",
});
