//! `dateline gazetteer`: rebuilds the shipped gazetteer from GeoNames.

use crate::args::GazetteerArgs;
use anyhow::{Context, Result};
use std::process::ExitCode;
use std::time::Instant;

pub fn run(args: &GazetteerArgs) -> Result<ExitCode> {
    let start = Instant::now();
    eprintln!("dateline: reading GeoNames from {}", args.geonames.display());
    let tsv = dateline_gazetteer::from_geonames(&args.geonames)?;
    let rows = tsv.lines().filter(|l| !l.starts_with('#')).count();
    let bytes = dateline_gazetteer::gzip(&tsv)?;
    std::fs::write(&args.out, &bytes).with_context(|| args.out.display().to_string())?;
    eprintln!(
        "dateline: wrote {} places ({:.1} MB gzipped) to {} in {:.1} s",
        rows,
        bytes.len() as f64 / 1e6,
        args.out.display(),
        start.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
