//! `dateline gazetteer`: rebuilds the shipped gazetteer from GeoNames.

use crate::args::GazetteerArgs;
use std::process::ExitCode;
use std::time::Instant;

pub fn run(args: &GazetteerArgs) -> Result<ExitCode, String> {
    let start = Instant::now();
    eprintln!("dateline: reading GeoNames from {}", args.geonames.display());
    let tsv = dateline_geo::build::from_geonames(&args.geonames)?;
    let rows = tsv.lines().filter(|l| !l.starts_with('#')).count();
    let bytes = dateline_geo::build::gzip(&tsv)?;
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
