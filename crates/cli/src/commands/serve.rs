//! `dateline serve`.

use crate::args::ServeArgs;
use anyhow::{bail, Context, Result};
use dateline_server::Token;
use std::path::Path;
use std::process::ExitCode;

/// The environment variable that holds the token when no file is given.
const TOKEN_VARIABLE: &str = "DATELINE_TOKEN";

pub fn run(args: &ServeArgs) -> Result<ExitCode> {
    if args.token.is_some() {
        bail!(
            "--token is no longer accepted: a token on the command line shows in `ps` to every user \
             of the machine; put it in a file and pass --token-file PATH, or set {TOKEN_VARIABLE}"
        );
    }
    let mut config = dateline_server::Config::new(args.db.clone(), args.addr);
    config.token = token(args)?;
    config.allowed_hosts = args.allowed_hosts.clone();
    let runtime = tokio::runtime::Runtime::new().context("starting the server")?;
    runtime.block_on(dateline_server::serve(config))?;
    Ok(ExitCode::SUCCESS)
}

/// The token of --token-file, else of the environment, else none.
fn token(args: &ServeArgs) -> Result<Option<Token>> {
    if let Some(path) = &args.token_file {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading the token file {}", path.display()))?;
        warn_if_others_can_read(path);
        let token = Token::new(text.trim()).with_context(|| format!("the token in {}", path.display()))?;
        return Ok(Some(token));
    }
    match std::env::var(TOKEN_VARIABLE) {
        Ok(text) => {
            Ok(Some(Token::new(text.trim()).with_context(|| format!("the token in {TOKEN_VARIABLE}"))?))
        }
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => bail!("{TOKEN_VARIABLE} is not UTF-8"),
    }
}

/// A token file others can read is a token others can use.
fn warn_if_others_can_read(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o077 != 0) {
            eprintln!(
                "dateline: warning: other users can read the token file {} (chmod 600 it)",
                path.display()
            );
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}
