//! Places: an offline gazetteer derived from GeoNames (CC-BY 4.0) and the
//! resolution of a place name to one of its entries.
//!
//! The gazetteer ships inside the library (`data/gazetteer.tsv.gz`, built
//! from GeoNames by the `dateline-gazetteer` crate and the `dateline
//! gazetteer` command) and is loaded once, on first use.
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
pub mod resolve;

pub use curated::{DEMONYMS, US_STATE_ABBREVIATIONS};
pub use error::Error;
pub use fold::fold;
pub use gazetteer::{Gazetteer, Place, PlaceKind};
pub use resolve::{area_of, distance_km, Resolver};
