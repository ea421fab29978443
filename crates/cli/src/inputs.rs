//! Gathering documents from files, directories and standard input.

use crate::args::{InputArgs, InputFormat};
use anyhow::{Context, Result};
use dateline_read::{read, Format, Input, Options};
use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Documents read, and how many inputs or documents had to be skipped.
pub struct Gathered {
    pub inputs: Vec<Input>,
    pub skipped: usize,
    /// Each skipped document: file, line, reason.
    pub failures: Vec<(String, usize, String)>,
}

/// Reads every document named by the arguments; problems are printed to
/// standard error as they are found, and counted.
pub fn gather(args: &InputArgs) -> Result<Gathered> {
    gather_excluding(args, &[])
}

/// [`gather`], never reading the files in `exclude` (a store's own
/// database files, when its folder is an input).
pub fn gather_excluding(args: &InputArgs, exclude: &[PathBuf]) -> Result<Gathered> {
    let exclude: HashSet<PathBuf> = exclude.iter().filter_map(|p| std::fs::canonicalize(p).ok()).collect();
    let dct = args.dct.as_deref().map(dateline_read::parse_date).transpose().context("--dct")?;
    let format = args.input_format.map(|f| match f {
        InputFormat::Seed => Format::Seed,
        InputFormat::Jsonl => Format::JsonLines,
        InputFormat::Timeml => Format::TimeMl,
        InputFormat::Text => Format::Text,
    });
    let options = Options { format, dct };
    let mut gathered = Gathered { inputs: Vec::new(), skipped: 0, failures: Vec::new() };
    if args.files.is_empty() || args.files.iter().any(|f| f.as_os_str() == "-") {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).context("reading standard input")?;
        gathered.add(read("<stdin>", &bytes, &options));
    }
    for path in args.files.iter().filter(|f| f.as_os_str() != "-") {
        let files = expand(path).with_context(|| path.display().to_string())?;
        for file in files {
            if std::fs::canonicalize(&file).is_ok_and(|f| exclude.contains(&f)) {
                continue;
            }
            match std::fs::read(&file) {
                Ok(bytes) => gathered.add(read(&file.display().to_string(), &bytes, &options)),
                Err(e) => {
                    eprintln!("dateline: {}: {e} (skipped)", file.display());
                    gathered.skipped += 1;
                    gathered.failures.push((file.display().to_string(), 0, e.to_string()));
                }
            }
        }
    }
    Ok(gathered)
}

impl Gathered {
    fn add(&mut self, results: Vec<Result<Input, dateline_read::Error>>) {
        for result in results {
            match result {
                Ok(input) => self.inputs.push(input),
                Err(error) => {
                    eprintln!("dateline: {error} (document skipped)");
                    self.skipped += 1;
                    self.failures.push((error.file().to_string(), error.line(), error.message().to_string()));
                }
            }
        }
    }
}

/// A file, or the regular files under a directory in name order (hidden
/// files skipped). A file named on its own is taken whatever it is (a pipe
/// from `<(...)` works); inside a directory, what is not a regular file (a
/// FIFO, a socket, a device) is skipped with a message, and a directory
/// reached twice through links is walked once, so a link loop ends.
pub fn expand(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if !path.is_dir() {
        std::fs::metadata(path)?;
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut walked: HashSet<PathBuf> = HashSet::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        if !walked.insert(std::fs::canonicalize(&dir)?) {
            continue;
        }
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(&dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for entry in entries {
            let hidden = entry.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            match std::fs::metadata(&entry) {
                Ok(meta) if meta.is_dir() => stack.push(entry),
                Ok(meta) if meta.is_file() => out.push(entry),
                Ok(_) => eprintln!("dateline: {}: not a regular file (skipped)", entry.display()),
                Err(e) => eprintln!("dateline: {}: {e} (skipped)", entry.display()),
            }
        }
    }
    out.sort();
    Ok(out)
}
