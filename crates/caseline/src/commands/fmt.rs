//! `caseline fmt [--check] [PATHS...]`: rewrite `.case` files in the canonical
//! layout with `caseline_syntax::format` (the same formatter the LSP uses). Files
//! are written only when the text changes; `--check` writes nothing, lists the
//! files that would change and exits 1. The path `-` formats stdin to stdout.
//!
//! Lines the parser could not read are left exactly as written, and `fmt` says
//! which (`reformatted kent.case (2 lines could not be read and were left as
//! written: 7, 12)`), so that a clean-looking result never hides them.

use super::Outcome;
use crate::discover;
use anyhow::Context as _;
use caseline_workspace::fs::{self as wfs, FileSystem as _, MAX_FILE_BYTES};
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
    let (files, problems) = discover::all_case_files(&paths);
    let mut failed = !problems.is_empty();
    for p in &problems {
        anstream::eprintln!("error: {}: {}", p.path, p.message);
    }

    let mut out = anstream::AutoStream::auto(std::io::stdout().lock());
    let (mut changed, mut unchanged, mut with_unread) = (0usize, 0usize, 0usize);
    let tense = if args.check { "would be" } else { "were" };
    for path in &files {
        let shown = discover::display_path(path);
        let text = match caseline_workspace::NativeFs.read(path) {
            Ok(text) => text,
            Err(message) => {
                anstream::eprintln!("error: could not format {shown}: {message}");
                failed = true;
                continue;
            }
        };
        let formatted = caseline_syntax::format(&text);
        let unread = unreadable_lines(&text);
        with_unread += usize::from(!unread.is_empty());
        if formatted == text {
            unchanged += 1;
            if !unread.is_empty() {
                writeln!(out, "{shown}: {}", left_as_written(&unread, tense))?;
            }
            continue;
        }
        changed += 1;
        let note = if unread.is_empty() {
            String::new()
        } else {
            format!(" ({})", left_as_written(&unread, tense))
        };
        if args.check {
            writeln!(out, "would reformat {shown}{note}")?;
        } else if let Err(err) = std::fs::write(path, formatted) {
            anstream::eprintln!("error: could not write {shown}: {err}");
            failed = true;
        } else {
            writeln!(out, "reformatted {shown}{note}")?;
        }
    }
    let files = |n: usize| format!("{n} file{}", if n == 1 { "" } else { "s" });
    let unread_note = if with_unread > 0 {
        format!(
            "; lines that could not be read {tense} left as written in {}",
            files(with_unread)
        )
    } else {
        String::new()
    };
    if args.check {
        let changed = files(changed);
        writeln!(
            out,
            "{changed} would be reformatted, {unchanged} already formatted{unread_note}"
        )?;
    } else {
        let changed = files(changed);
        writeln!(
            out,
            "reformatted {changed}, {unchanged} already formatted{unread_note}"
        )?;
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
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .context("reading stdin")?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        anyhow::bail!(
            "stdin is over {} MB, larger than caseline reads",
            MAX_FILE_BYTES / (1024 * 1024)
        );
    }
    let text = wfs::utf8_text(bytes).map_err(|m| anyhow::anyhow!("stdin: {m}"))?;
    let formatted = caseline_syntax::format(&text);
    // Stdout holds the text: the note goes to stderr.
    let unread = unreadable_lines(&text);
    if !unread.is_empty() {
        let tense = if check { "would be" } else { "were" };
        anstream::eprintln!("stdin: {}", left_as_written(&unread, tense));
    }
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

/// The 1-based lines holding a syntax error (the parser could not read them,
/// so the formatter leaves them as written), each once, in order.
fn unreadable_lines(text: &str) -> Vec<u32> {
    let parse = caseline_syntax::parse(text);
    let index = parse.line_index();
    let mut lines: Vec<u32> = parse
        .errors()
        .iter()
        .filter(|e| e.kind == caseline_syntax::SyntaxErrorKind::Syntax)
        .map(|e| index.line_of(e.range.start()) + 1)
        .collect();
    lines.sort_unstable();
    lines.dedup();
    lines
}

/// `2 lines could not be read and were left as written: 7, 12`; `tense` is
/// `were` (made singular for one line) or `would be`.
fn left_as_written(lines: &[u32], tense: &str) -> String {
    let list = lines
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let (count, tense) = match (lines.len(), tense) {
        (1, "were") => ("1 line".to_string(), "was"),
        (1, tense) => ("1 line".to_string(), tense),
        (n, tense) => (format!("{n} lines"), tense),
    };
    format!("{count} could not be read and {tense} left as written: {list}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_the_lines_left_as_written() {
        let text = "case \"1\"\n  procedure lgsco\n\n2024-01-02 note\nnot an entry\n2024-01-03 note\nnor this\n";
        assert_eq!(super::unreadable_lines(text), [5, 7]);
        assert_eq!(
            super::left_as_written(&[5, 7], "were"),
            "2 lines could not be read and were left as written: 5, 7"
        );
        assert_eq!(
            super::left_as_written(&[5], "would be"),
            "1 line could not be read and would be left as written: 5"
        );
        assert_eq!(
            super::left_as_written(&[5], "were"),
            "1 line could not be read and was left as written: 5"
        );
    }
}
