//! The `dateline` binary: a thin layer over the library crates.

mod args;
mod commands;
mod inputs;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = args::Args::parse();
    match commands::run(args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("dateline: {message}");
            ExitCode::from(2)
        }
    }
}
