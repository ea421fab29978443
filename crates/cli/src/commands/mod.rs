//! One module per subcommand.

mod bench;
mod coref;
mod ecb;
mod entities;
mod eval;
mod gazetteer;
mod ingest;
mod relations;
mod semeval;
mod serve;
mod summary;
mod syntax;
mod synthetic;
mod tag;
mod timeline;
mod tls;
mod train;

use crate::args::{Args, Command, EvalCommand, TrainCommand};
use anyhow::Result;
use std::process::ExitCode;

/// Runs a command; Err is a usage or I/O problem that stops everything.
pub fn run(args: Args) -> Result<ExitCode> {
    match args.command {
        Command::Tag(args) => tag::run(&args),
        Command::Entities(args) => entities::run(&args),
        Command::Timeline(args) => timeline::run(&args),
        Command::Syntax(args) => syntax::run(&args),
        Command::Ingest(args) => ingest::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Export(args) => ingest::export(&args),
        Command::Eval(EvalCommand::Tempeval(args)) => eval::tempeval(&args),
        Command::Eval(EvalCommand::Geo(args)) => eval::geo(&args),
        Command::Eval(EvalCommand::Events(args)) => eval::events(&args),
        Command::Eval(EvalCommand::Semeval2015(args)) => semeval::run(&args),
        Command::Eval(EvalCommand::Syntax(args)) => syntax::eval(&args),
        Command::Eval(EvalCommand::Coref(args)) => coref::eval(&args),
        Command::Eval(EvalCommand::Ecb(args)) => ecb::eval(&args),
        Command::Eval(EvalCommand::Tls(args)) => tls::eval(&args),
        Command::Train(TrainCommand::Syntax(args)) => train::syntax(&args),
        Command::Train(TrainCommand::Relations(args)) => relations::train(&args),
        Command::Train(TrainCommand::Events(args)) => train::events(&args),
        Command::Bench(args) => bench::run(&args),
        Command::Gazetteer(args) => gazetteer::run(&args),
    }
}

/// Writes rendered documents to standard output in order; a closed pipe
/// (`dateline tag | head`) ends quietly.
fn write_out(rendered: impl IntoIterator<Item = String>) -> Result<()> {
    use std::io::Write;
    write_streamed(|out| rendered.into_iter().try_for_each(|text| out.write_all(text.as_bytes())))
}

/// Buffered standard output, as [`write_streamed`] hands it out.
type Out<'a> = std::io::BufWriter<std::io::StdoutLock<'a>>;

/// Writes to standard output what `write` makes, as it makes it, so that
/// a large output is never held whole in memory; a closed pipe ends
/// quietly, as in [`write_out`].
fn write_streamed(write: impl FnOnce(&mut Out<'_>) -> std::io::Result<()>) -> Result<()> {
    use std::io::Write;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = write(&mut out).and_then(|()| out.flush());
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(anyhow::Error::new(e).context("writing output"))
        }
        _ => Ok(()),
    }
}

/// The environment variable that makes a command report its peak memory
/// on standard error when it ends (for `dateline bench`).
pub const REPORT_PEAK_MEMORY: &str = "DATELINE_REPORT_PEAK_MEMORY";

/// Peak resident memory of this process (VmHWM) on Linux; None elsewhere.
pub fn peak_memory_mb() -> Option<f64> {
    memory_mb("VmHWM:")
}

/// Resident memory of this process now (VmRSS) on Linux; None elsewhere.
pub fn resident_memory_mb() -> Option<f64> {
    memory_mb("VmRSS:")
}

/// A memory figure of /proc/self/status, in MB.
fn memory_mb(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Exit code 1 when some documents were skipped, 0 otherwise.
fn exit_code(skipped: usize) -> ExitCode {
    if skipped > 0 {
        eprintln!("dateline: {skipped} document(s) skipped, see the messages above");
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
