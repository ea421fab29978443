//! One module per subcommand.

mod bench;
mod eval;
mod gazetteer;
mod tag;

use crate::args::{Args, Command, EvalCommand};
use std::process::ExitCode;

/// Runs a command; Err is a usage or I/O problem that stops everything.
pub fn run(args: Args) -> Result<ExitCode, String> {
    match args.command {
        Command::Tag(args) => tag::run(&args),
        Command::Eval(EvalCommand::Tempeval(args)) => eval::tempeval(&args),
        Command::Bench(args) => bench::run(&args),
        Command::Gazetteer(args) => gazetteer::run(&args),
    }
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
