//! `dateline gazetteer`: rebuilds the shipped gazetteer from GeoNames.

use crate::args::GazetteerArgs;
use std::process::ExitCode;
use std::time::Instant;

pub fn run(args: &GazetteerArgs) -> Result<ExitCode, String> {
    let start = Instant::now();
    eprintln!("dateline: reading GeoNames from {}", args.geonames.display());
    let tsv = dateline_gazetteer::from_geonames(&args.geonames).map_err(|e| e.to_string())?;
    let rows = tsv.lines().filter(|l| !l.starts_with('#')).count();
    let bytes = dateline_gazetteer::gzip(&tsv).map_err(|e| e.to_string())?;
    std::fs::write(&args.out, &bytes).map_err(|e| format!("{}: {e}", args.out.display()))?;
    eprintln!(
        "dateline: wrote {} places ({:.1} MB gzipped) to {} in {:.1} s",
        rows,
        bytes.len() as f64 / 1e6,
        args.out.display(),
        start.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
