//! `dateline serve`.

use crate::args::ServeArgs;
use std::process::ExitCode;

pub fn run(args: &ServeArgs) -> Result<ExitCode, String> {
    let config = dateline_server::Config { db: args.db.clone(), addr: args.addr, token: args.token.clone() };
    let runtime = tokio::runtime::Runtime::new().map_err(|e| format!("starting the server: {e}"))?;
    runtime.block_on(dateline_server::serve(config))?;
    Ok(ExitCode::SUCCESS)
}
