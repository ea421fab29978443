//! The shared vocabulary of dateline.
//!
//! Every stage of the pipeline speaks in these types: a [`Document`] goes in,
//! [`Timex`] and [`Entity`] spans come out. Offsets are Unicode scalar (character) offsets
//! into [`Document::text`], half-open, so they agree with Python slicing.

mod document;
mod entity;
mod entry;
mod error;
mod geometry;
mod names;
mod tense;
mod timex;
mod value;

pub use document::{content_id, Document, DocumentType};
pub use entity::{Covered, Entity, EntityKind, PlaceRole};
pub use entry::{DateSource, Entry, EntryPlace, Status};
pub use error::Error;
pub use geometry::distance_km;
pub use tense::Tense;
pub use timex::{Timex, TimexMod, TimexType};
pub use value::{DayPart, Duration, Pattern, Point, Reference, Season, TimexValue, Unit};

/// A calendar date, as used for the document creation time (DCT).
pub use jiff::civil::Date;
