//! Places: an offline gazetteer derived from GeoNames (CC-BY 4.0) and the
//! resolution of a place name to one of its entries.
//!
//! The gazetteer ships inside the library. `data/gazetteer.tsv.gz` is
//! built from GeoNames by the `dateline-gazetteer` crate (the `dateline
//! gazetteer` command); when this crate is compiled, its build script packs
//! that file into a table of places, a string of names and a hash table of
//! name keys, which the library embeds and reads in place: the gazetteer
//! is ready at once, and a run reads only the pages it looks up.
//!
//! ```
//! use dateline_geo::Gazetteer;
//! let gazetteer = Gazetteer::embedded();
//! let moscow = gazetteer.lookup("Moscow");
//! assert!(moscow.iter().any(|p| p.id == Some(524901)));
//! ```

#[doc(hidden)]
pub mod curated;
mod error;
mod fold;
mod gazetteer;
mod packed;
mod place;
pub mod resolve;

pub use curated::{DEMONYMS, US_STATE_ABBREVIATIONS};
pub use dateline_core::distance_km;
pub use error::Error;
pub use fold::fold;
pub use gazetteer::Gazetteer;
pub use place::{Place, PlaceKind};
pub use resolve::{area_of, Resolver};
