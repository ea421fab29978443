use crate::TimexValue;
use serde::{Deserialize, Serialize};
use std::fmt;

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

impl TimexType {
    /// The TIMEX3 spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }

    /// Parses the TIMEX3 spelling (case-insensitive).
    ///
    /// ```
    /// use dateline_core::TimexType;
    /// assert_eq!(TimexType::parse("duration"), Some(TimexType::Duration));
    /// assert_eq!(TimexType::parse("DAY"), None);
    /// ```
    pub fn parse(s: &str) -> Option<TimexType> {
        match s.to_ascii_uppercase().as_str() {
            "DATE" => Some(TimexType::Date),
            "TIME" => Some(TimexType::Time),
            "DURATION" => Some(TimexType::Duration),
            "SET" => Some(TimexType::Set),
            _ => None,
        }
    }
}

impl fmt::Display for TimexType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
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

impl TimexMod {
    /// The TIMEX3 spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexMod::Start => "START",
            TimexMod::Mid => "MID",
            TimexMod::End => "END",
            TimexMod::Before => "BEFORE",
            TimexMod::After => "AFTER",
            TimexMod::OnOrBefore => "ON_OR_BEFORE",
            TimexMod::OnOrAfter => "ON_OR_AFTER",
            TimexMod::LessThan => "LESS_THAN",
            TimexMod::MoreThan => "MORE_THAN",
            TimexMod::EqualOrLess => "EQUAL_OR_LESS",
            TimexMod::EqualOrMore => "EQUAL_OR_MORE",
            TimexMod::Approx => "APPROX",
        }
    }
}

impl fmt::Display for TimexMod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}
