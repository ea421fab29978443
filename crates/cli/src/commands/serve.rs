//! `dateline serve`.

use crate::args::ServeArgs;
use anyhow::{Context, Result};
use std::process::ExitCode;

pub fn run(args: &ServeArgs) -> Result<ExitCode> {
    let config = dateline_server::Config { db: args.db.clone(), addr: args.addr, token: args.token.clone() };
    let runtime = tokio::runtime::Runtime::new().context("starting the server")?;
    runtime.block_on(dateline_server::serve(config))?;
    Ok(ExitCode::SUCCESS)
}
