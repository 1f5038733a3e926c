//! `caseline check [PATHS...]`: find the `.case` files, load the workspace's
//! definitions files, check every case in parallel, and render the findings
//! (docs/format.md#output-contract). The checking itself is `caseline_check::check`; this file only
//! gathers inputs (files, `caseline.toml`, the clock) and converts the results
//! into the neutral report of `render/`.

use super::Outcome;
use crate::discover;
use crate::render::{
    self, FileFacts, FileReport, Finding, Level, Note, Report, RuleInfo, Silenced, Unreadable,
};
use crate::workspace;
use caseline_check::{CheckOptions, Diagnostic, Rule, Severity};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;

#[derive(Args)]
pub struct CheckArgs {
    /// Files or directories to check (directories are searched for .case files,
    /// honouring .gitignore). Default: the current directory.
    pub paths: Vec<PathBuf>,
    /// How to print the results.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Judge open deadlines at this date (YYYY-MM-DD) instead of each file's
    /// `as-of` line or today.
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    pub as_of: Option<NaiveDate>,
    /// Make warnings count as failures for the exit code (`--deny warnings`).
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub deny: Vec<Deny>,
    /// Print one line per case instead of the findings: reference, body, what
    /// was checked (deadlines, recommendations), late items, open deadlines,
    /// unaddressed recommendations, acknowledged findings, errors, warnings, and
    /// what went wrong (a file that could not be read, lines that could not be
    /// read, no case header, nothing checked). The exit code is check's.
    #[arg(long)]
    pub summary: bool,
    /// With the path `-` (read the case from stdin): the name to show for it, and
    /// where to look for caseline.toml and definitions files.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Findings with source excerpts, for people.
    Human,
    /// One JSON object (docs/format.md#output-contract).
    Json,
    /// SARIF 2.1.0, for code-scanning upload.
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
    /// Comma-separated values (only with --summary).
    Csv,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    Warnings,
}

#[tracing::instrument(skip_all)]
pub fn run(args: CheckArgs) -> anyhow::Result<Outcome> {
    if args.format == Format::Csv && !args.summary {
        anyhow::bail!("--format csv only works with --summary");
    }
    if args.summary && matches!(args.format, Format::Sarif | Format::Github) {
        anyhow::bail!("--summary prints as human, json or csv");
    }
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };

    let stdin = paths.iter().any(|p| p.as_os_str() == "-");
    if stdin && paths.len() > 1 {
        anyhow::bail!("`-` (stdin) cannot be mixed with other paths");
    }
    // Each file is checked in its own workspace (docs/format.md, "Definitions
    // files"): the folder of the nearest caseline.toml above it, else its own
    // folder without subfolders; a folder argument is that folder's tree.
    let mut workspaces = workspace::Workspaces::default();
    let started = std::time::Instant::now();
    let (found, path_problems) = if stdin {
        (Vec::new(), Vec::new())
    } else {
        discover::case_files(&paths, &mut workspaces)?
    };
    tracing::debug!(files = found.len(), elapsed = ?started.elapsed(), "discovered");
    // (file index -> workspace index, path as the workspace knows it)
    let mut homes: Vec<(usize, PathBuf)> = found
        .iter()
        .map(|f| (f.workspace, discover::absolute(&f.path)))
        .collect();
    let files: Vec<PathBuf> = found.into_iter().map(|f| f.path).collect();
    // Standard input stands for the file it is named after (or for a file in
    // the current folder): that file's workspace, with the text of stdin in
    // place of the file on disk.
    let mut stdin_parse: Option<std::sync::Arc<caseline_syntax::Parse>> = None;
    let sources = if stdin {
        let name = args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| PathBuf::from("<stdin>"));
        let i = workspaces.of_path(&name)?;
        let source = workspace::read_stdin(
            args.stdin_filename
                .as_deref()
                .map_or_else(|| "<stdin>".to_string(), discover::display_path),
        );
        let at = discover::absolute(&name);
        if let Ok(text) = &source.text {
            let parse = std::sync::Arc::new(caseline_syntax::parse(text));
            let ws = workspaces.get(i).with_file(&at, Some(parse.clone()));
            workspaces.set(i, ws);
            stdin_parse = Some(parse);
        }
        homes.push((i, at));
        vec![source]
    } else {
        workspace::read_all(&files)
    };
    tracing::debug!(elapsed = ?started.elapsed(), "read");
    let options: Vec<CheckOptions> = (0..workspaces.len())
        .map(|i| CheckOptions {
            today: chrono::Local::now().date_naive(),
            as_of_override: args.as_of,
            config: workspaces.get(i).config.clone(),
        })
        .collect();

    // Check every file in parallel, keeping only what the output needs. Each
    // worker drops its file's tree and document as soon as the file is done,
    // so the freeing is shared between the workers (it was 6% of a large run,
    // all at the end, on one thread) and memory is reused while it is warm.
    let summary = args.summary;
    let checked: Vec<Checked> = sources
        .into_par_iter()
        .zip(homes)
        .map(|(source, (home, at))| {
            let ws = workspaces.get(home);
            let display = source.display;
            let parsed = match &stdin_parse {
                Some(parse) => Ok(std::sync::Arc::clone(parse)),
                None => source.text.and_then(|text| {
                    workspace::guarded(|| std::sync::Arc::new(caseline_syntax::parse(&text)))
                }),
            };
            let parse = match parsed {
                Ok(parse) => parse,
                Err(message) => return Checked::Unreadable(display, message),
            };
            // A definitions file's problems in the workspace are checked with it.
            let problems = ws.problems_of(&at);
            let opts = &options[home];
            match workspace::guarded(|| {
                caseline_check::check_with(&parse, &ws.definitions, opts, problems)
            }) {
                // A file the checker failed on is reported like one that
                // could not be read.
                Err(message) => Checked::Failed(display, message),
                Ok(analysis) if summary => {
                    Checked::Summary(crate::summary::summarise(&display, &parse, &analysis))
                }
                Ok(analysis) => {
                    let used = workspace::definitions_used(ws, &analysis.checked.procedures);
                    let mut report = file_report(display, parse, &analysis, used);
                    // A name not found may be defined in a folder this
                    // workspace does not reach: say which folders it has.
                    if let Some(note) = ws.scope_note() {
                        for f in &mut report.findings {
                            if matches!(f.code, "procedure-unknown" | "calendar-unknown") {
                                f.help.push(note.clone());
                            }
                        }
                    }
                    Checked::Report(report)
                }
            }
        })
        .collect();
    tracing::debug!(elapsed = ?started.elapsed(), "checked");

    // What could not be checked: bad paths, then files the checker failed on,
    // then files that could not be read, each in file order.
    let mut unreadable: Vec<Unreadable> = path_problems
        .into_iter()
        .map(|p| Unreadable {
            path: p.path,
            message: p.message,
        })
        .collect();
    let mut unreadable_files = Vec::new();
    let mut files = Vec::new();
    let mut cases = Vec::new();
    for c in checked {
        match c {
            Checked::Report(file) => files.push(file),
            Checked::Summary(case) => cases.extend(case),
            Checked::Failed(path, message) => {
                // `--summary` lists it in its place, with what went wrong.
                if summary {
                    cases.push(crate::summary::unreadable(path.clone(), &message));
                }
                unreadable.push(Unreadable { path, message });
            }
            Checked::Unreadable(path, message) => {
                if summary {
                    cases.push(crate::summary::unreadable(path.clone(), &message));
                }
                unreadable_files.push(Unreadable { path, message });
            }
        }
    }
    unreadable.extend(unreadable_files);

    let deny_warnings = args.deny.contains(&Deny::Warnings);
    if args.summary {
        return crate::summary::render(&cases, args.format, &unreadable, deny_warnings);
    }

    let report = Report {
        files,
        unreadable,
        rules: rule_infos(),
    };

    if args.format == Format::Human {
        // Render into memory and write once, through the adapter that strips
        // colour when stdout is not a terminal (stdout itself is line-buffered:
        // one system call per line otherwise).
        let mut buf = Vec::new();
        render::human::render(&report, &mut buf)?;
        let mut out = anstream::AutoStream::auto(std::io::stdout().lock());
        out.write_all(&buf)?;
        out.flush()?;
    } else {
        // Machine formats carry no colour and can be large (a report is often
        // bigger than its input): stream them through a large buffer.
        let mut out = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
        match args.format {
            Format::Json => render::json::render(&report, &mut out)?,
            Format::Sarif => render::sarif::render(&report, &mut out)?,
            Format::Github => render::github::render(&report, &mut out)?,
            Format::Human | Format::Csv => render::human::render(&report, &mut out)?,
        }
        out.flush()?;
    }
    // Every format also lists these in its own way; stderr says it to people
    // (and keeps machine output on stdout parseable).
    for u in &report.unreadable {
        anstream::eprintln!("error: could not check {}: {}", u.path, u.message);
    }

    tracing::debug!(elapsed = ?started.elapsed(), "written");
    let totals = report.totals();
    if totals.files == 0 && report.unreadable.is_empty() {
        // Not an error (an empty folder is fine in CI), but likely a wrong path.
        anstream::eprintln!("warning: no .case files found under the given paths");
    }
    let outcome = if !report.unreadable.is_empty() {
        Outcome::Failure
    } else if totals.errors > 0 || (deny_warnings && totals.warnings > 0) {
        Outcome::Findings
    } else {
        Outcome::Clean
    };
    // Everything is printed and the process is about to exit: freeing every
    // file's report one by one (10 ms for 10,000 files) would only delay that,
    // so the operating system reclaims it instead. It holds only memory.
    std::mem::forget(report);
    Ok(outcome)
}

/// What the parallel pass keeps of one file.
enum Checked {
    Report(FileReport),
    /// `--summary`: the case's line (none for a definitions file with
    /// nothing wrong in it).
    Summary(Option<crate::summary::CaseSummary>),
    /// The checker failed on the file: (path, message).
    Failed(String, String),
    /// The file could not be read: (path, message).
    Unreadable(String, String),
}

/// One file's findings, ready to render; consumes the parse, keeping only its
/// line index (positions and source lines for the output).
fn file_report(
    path: String,
    parse: std::sync::Arc<caseline_syntax::Parse>,
    analysis: &caseline_check::Analysis,
    definitions: Vec<String>,
) -> FileReport {
    // In position order already: the analysis sorts its findings.
    let findings: Vec<Finding> = analysis.diagnostics.iter().map(finding).collect();
    let mut facts = FileFacts::of(parse.line_index(), analysis);
    facts.definitions = definitions;
    let index = match std::sync::Arc::try_unwrap(parse) {
        Ok(parse) => parse.into_line_index(),
        Err(shared) => shared.line_index().clone(),
    };
    FileReport {
        path,
        index,
        facts,
        findings,
        silenced: analysis
            .acknowledged
            .iter()
            .map(|a| Silenced {
                finding: finding(&a.diagnostic),
                reason: a.reason.clone(),
            })
            .collect(),
    }
}

pub fn level(s: Severity) -> Level {
    match s {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
        Severity::Hint => Level::Hint,
    }
}

fn finding(d: &Diagnostic) -> Finding {
    Finding {
        code: d.rule.name(),
        level: level(d.severity),
        range: d.range,
        message: d.message.clone(),
        notes: d
            .related
            .iter()
            .map(|r| Note {
                range: r.range,
                message: r.message.clone(),
            })
            .collect(),
        help: d.fixes.iter().map(|f| f.title.clone()).collect(),
    }
}

fn rule_infos() -> Vec<RuleInfo> {
    Rule::all()
        .iter()
        .map(|&r| RuleInfo {
            name: r.name(),
            level: level(r.default_severity()),
            summary: r.summary(),
            explanation: r.explanation(),
        })
        .collect()
}
