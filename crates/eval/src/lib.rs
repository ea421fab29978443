//! Scorers that measure dateline against gold annotations: TempEval-3
//! temporal expressions and geoparsing (LGL, GeoWebNews), syntax against
//! Universal Dependencies (CoNLL 2018), and timeline summaries against
//! Timeline17 (date F1 and tilse's concatenated and aligned ROUGE).

mod coref;
mod ecb;
mod error;
mod events;
mod geo;
mod porter;
mod semeval;
mod syntax;
mod tempeval;
mod timegraph;
mod tlinks;
mod tls;
mod xml;

pub use coref::{b_cubed, ceaf_e, muc, read_corefud, CorefDocument, CorefScore, CorefWord, GoldMention};
pub use ecb::{read_ecb, read_ecb_sentences, EcbDocument, EcbMention};
pub use error::Error;
pub use events::{AttributeScore, EventDocument, EventScore, Span, EVENT_ATTRIBUTES};
pub use geo::{read_geo_corpus, GeoArticle, GeoScore, GoldToponym};
pub use semeval::{read_cat, CatDocument, Timeline, TimelineScore};
pub use syntax::{Difference, SyntaxScore, WordScore};
pub use tempeval::{Attribute, DocumentTimexes, Mistake, MistakeKind, Prf, TimexScore};
pub use timegraph::implied_relations;
pub use tlinks::{read_tlinks, AwarenessScore, DocumentTlinks, Tlink};
pub use tls::{parse_t17_timeline, read_t17_timeline, score_tls, DatedSummary, TimelineSummary, TlsScore};
