//! Packs the shipped gazetteer, `data/gazetteer.tsv.gz`, into `OUT_DIR`,
//! where the library embeds it (see `src/packed.rs` for the format).
//!
//! Packed here rather than committed: the packed form is about 25 MB,
//! nearly four times the gzipped TSV, and wholly determined by it, so the
//! repository keeps only the TSV and every build derives the rest (in about
//! 1.5 s: the workspace's release profile optimises this script). The
//! packing code is the library's own, included by path, so the two can
//! never disagree on the format.

use std::io::Read;
use std::path::Path;

// The library's reading half of these modules has no use here.
#[allow(dead_code)]
#[path = "src/error.rs"]
mod error;
#[allow(dead_code)]
#[path = "src/fold.rs"]
mod fold;
#[allow(dead_code)]
#[path = "src/packed.rs"]
mod packed;
#[allow(dead_code)]
#[path = "src/place.rs"]
mod place;

fn main() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/gazetteer.tsv.gz");
    println!("cargo::rerun-if-changed={}", source.display());
    let out = Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    let fail = |e: &dyn std::fmt::Display| -> ! { panic!("{}: {e}", source.display()) };
    let gzipped = std::fs::read(&source).unwrap_or_else(|e| fail(&e));
    let mut tsv = String::new();
    flate2::read::GzDecoder::new(&gzipped[..]).read_to_string(&mut tsv).unwrap_or_else(|e| fail(&e));
    let packed = packed::pack(&tsv).unwrap_or_else(|e| fail(&e));
    for (name, bytes) in [("gazetteer.names", packed.names.as_bytes()), ("gazetteer.index", &packed.index)] {
        let path = out.join(name);
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}
