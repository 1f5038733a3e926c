//! `caseline fmt [--check] [PATHS...]`: rewrite `.case` files in the canonical
//! layout with `caseline_syntax::format` (the same formatter the LSP uses). Files
//! are written only when the text changes; `--check` writes nothing, lists the
//! files that would change and exits 1. The path `-` formats stdin to stdout.

use super::Outcome;
use crate::discover::{self, Filter};
use anyhow::Context as _;
use clap::Args;
use std::io::{Read, Write};
use std::path::PathBuf;

#[derive(Args)]
pub struct FmtArgs {
    /// Files or directories (default: the current directory); `-` reads stdin.
    pub paths: Vec<PathBuf>,
    /// Change nothing; list the files that are not formatted and exit 1 if any.
    #[arg(long)]
    pub check: bool,
}

#[tracing::instrument(skip_all)]
pub fn run(args: FmtArgs) -> anyhow::Result<Outcome> {
    if args.paths.iter().any(|p| p.as_os_str() == "-") {
        if args.paths.len() > 1 {
            anyhow::bail!("`-` (stdin) cannot be mixed with other paths");
        }
        return stdin(args.check);
    }
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    let root = discover::find_config(&paths[0])
        .and_then(|p| p.parent().map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("."));
    let filter = Filter::new(&root, &[], &[])?;
    let (files, problems) = discover::case_files(&paths, &filter);
    let mut failed = !problems.is_empty();
    for p in &problems {
        anstream::eprintln!("error: {}: {}", p.path, p.message);
    }

    let mut out = anstream::AutoStream::auto(std::io::stdout().lock());
    let (mut changed, mut unchanged) = (0usize, 0usize);
    for path in &files {
        let shown = discover::display_path(path);
        let text = match discover::read_text(path) {
            Ok(text) => text,
            Err(message) => {
                anstream::eprintln!("error: could not format {shown}: {message}");
                failed = true;
                continue;
            }
        };
        let formatted = caseline_syntax::format(&text);
        if formatted == text {
            unchanged += 1;
            continue;
        }
        changed += 1;
        if args.check {
            writeln!(out, "would reformat {shown}")?;
        } else if let Err(err) = std::fs::write(path, formatted) {
            anstream::eprintln!("error: could not write {shown}: {err}");
            failed = true;
        } else {
            writeln!(out, "reformatted {shown}")?;
        }
    }
    let files = |n: usize| format!("{n} file{}", if n == 1 { "" } else { "s" });
    if args.check {
        let changed = files(changed);
        writeln!(
            out,
            "{changed} would be reformatted, {unchanged} already formatted"
        )?;
    } else {
        let changed = files(changed);
        writeln!(out, "reformatted {changed}, {unchanged} already formatted")?;
    }
    Ok(if failed {
        Outcome::Failure
    } else if args.check && changed > 0 {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

fn stdin(check: bool) -> anyhow::Result<Outcome> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(discover::MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .context("reading stdin")?;
    if bytes.len() as u64 > discover::MAX_FILE_BYTES {
        anyhow::bail!(
            "stdin is over {} MB, larger than caseline reads",
            discover::MAX_FILE_BYTES / (1024 * 1024)
        );
    }
    let text = discover::utf8_text(bytes).map_err(|m| anyhow::anyhow!("stdin: {m}"))?;
    let formatted = caseline_syntax::format(&text);
    if check {
        if formatted == text {
            return Ok(Outcome::Clean);
        }
        anstream::eprintln!("stdin is not formatted");
        return Ok(Outcome::Findings);
    }
    let mut out = std::io::stdout().lock();
    out.write_all(formatted.as_bytes())?;
    out.flush()?;
    Ok(Outcome::Clean)
}
