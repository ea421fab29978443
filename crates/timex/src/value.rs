//! Amounts of time as the grammar reads them; the calendar values
//! themselves ([`Point`], [`Duration`]) are the shared vocabulary's.

use crate::lexicon::Unit;
pub(crate) use dateline_core::Point;
use dateline_core::{Duration, Season};
use jiff::civil::Date;
use std::fmt;

/// The ISO week that holds a day.
pub(crate) fn week_of(date: Date) -> Point {
    Point::week_of(date)
}

/// Northern-hemisphere meteorological seasons, as news in English uses them.
pub(crate) fn season_of(month: u8) -> Season {
    Season::of_month(month)
}

/// An amount of time: "three months", "several years".
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Amount {
    /// None for "several", "a few", "years".
    pub(crate) count: Option<f64>,
    pub(crate) unit: Unit,
}

impl Amount {
    /// The TIMEX3 duration: `P3M`, `PXY`.
    pub(crate) fn duration(self) -> Duration {
        Duration::of(self.count, self.unit)
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.duration().fmt(f)
    }
}
