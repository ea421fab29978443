//! The `dateline` binary: a thin layer over the library crates.

mod args;
mod commands;
mod inputs;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = args::Args::parse();
    let code = match commands::run(args) {
        Ok(code) => code,
        Err(error) => {
            // "what failed: why", down the chain of causes.
            eprintln!("dateline: {error:#}");
            ExitCode::from(2)
        }
    };
    // `dateline bench` times the cold start of the real commands and asks
    // them for their own peak memory: a parent cannot read it, since Linux
    // charges a child spawned by vfork with the parent's memory.
    if std::env::var_os(commands::REPORT_PEAK_MEMORY).is_some() {
        if let Some(mb) = commands::peak_memory_mb() {
            eprintln!("dateline: peak memory {mb:.1} MB");
        }
    }
    code
}
