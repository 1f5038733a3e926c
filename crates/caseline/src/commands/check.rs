//! `caseline check [PATHS...]`: find the `.case` files, load the workspace's
//! definitions files, check every case in parallel, and render the findings
//! (docs/format.md#output-contract). The checking itself is `caseline_check::check`; this file only
//! gathers inputs (files, `caseline.toml`, the clock) and converts the results
//! into the neutral report of `render/`.

use super::Outcome;
use crate::discover;
use crate::render::{self, FileReport, Level, RuleInfo, Unreadable};
use crate::workspace;
use caseline_check::{CheckOptions, Rule, Severity};
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
    // Standard input stands for the file it is named after (or for a file in
    // the current folder): that file's workspace, with the text of stdin in
    // place of the file on disk.
    let mut stdin_parse: Option<std::sync::Arc<caseline_syntax::Parse>> = None;
    let mut stdin_home = None;
    let stdin_source = if stdin {
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
        stdin_home = Some((i, at));
        Some(source)
    } else {
        None
    };
    let options: Vec<CheckOptions> = (0..workspaces.len())
        .map(|i| CheckOptions {
            today: chrono::Local::now().date_naive(),
            as_of_override: args.as_of,
            config: workspaces.get(i).config.clone(),
        })
        .collect();

    // Check the files a batch at a time, every file of a batch in parallel,
    // and hand each batch to the output before the next is read: a run holds
    // one batch's texts, not the whole caseload's. Each worker drops its
    // file's tree and document as soon as the file is done, so the freeing
    // is shared between the workers and memory is reused while it is warm.
    let summary = args.summary;
    let deny_warnings = args.deny.contains(&Deny::Warnings);
    let rules = rule_infos();
    let mut sink: Box<dyn render::Sink> = match args.format {
        Format::Json => Box::new(render::json::Json::default()),
        Format::Sarif => Box::new(render::sarif::Sarif::new(&rules)),
        Format::Github => Box::new(render::github::Github),
        Format::Human | Format::Csv => Box::new(render::human::Human::default()),
    };
    let mut out = Output::new(args.format);
    let mut totals = render::Totals::default();
    let mut cases = Vec::new();
    let mut failed: Vec<Unreadable> = Vec::new();
    let mut unreadable_files: Vec<Unreadable> = Vec::new();
    let check_one =
        |display: String, text: Result<String, String>, (home, at): (usize, PathBuf)| {
            let ws = workspaces.get(home);
            let parsed = match &stdin_parse {
                Some(parse) => Ok(std::sync::Arc::clone(parse)),
                None => text.and_then(|text| {
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
                Ok(analysis) => Checked::Report(caseline_report::findings::file_report(
                    display,
                    parse,
                    &analysis,
                    ws,
                    &|p| discover::display_path(p),
                )),
            }
        };
    let mut stdin_source = stdin_source;
    let batches: Vec<&[discover::Found]> = if stdin {
        vec![&[]]
    } else {
        found.chunks(BATCH).collect()
    };
    for batch in batches {
        // (path as shown, text, (workspace, path as the workspace knows it))
        let inputs: Vec<(String, Result<String, String>, (usize, PathBuf))> =
            match (stdin_source.take(), stdin_home.take()) {
                (Some(source), Some(home)) => vec![(source.display, source.text, home)],
                _ => batch
                    .par_iter()
                    .map(|f| {
                        let source = workspace::read(&f.path);
                        let at = discover::absolute(&f.path);
                        (source.display, source.text, (f.workspace, at))
                    })
                    .collect(),
            };
        let checked: Vec<Checked> = inputs
            .into_par_iter()
            .map(|(display, text, home)| check_one(display, text, home))
            .collect();
        let mut reports = Vec::with_capacity(checked.len());
        for c in checked {
            match c {
                Checked::Report(file) => {
                    totals.add(&file);
                    reports.push(file);
                }
                Checked::Summary(case) => cases.extend(case),
                Checked::Failed(path, message) => {
                    // `--summary` lists it in its place, with what went wrong.
                    if summary {
                        cases.push(crate::summary::unreadable(path.clone(), &message));
                    }
                    failed.push(Unreadable { path, message });
                }
                Checked::Unreadable(path, message) => {
                    if summary {
                        cases.push(crate::summary::unreadable(path.clone(), &message));
                    }
                    unreadable_files.push(Unreadable { path, message });
                }
            }
        }
        if !summary {
            // People's output is rendered into memory before it is written
            // (colour is stripped on the way): a file at a time, since a
            // batch's together is megabytes. Machine formats stream the whole
            // batch through their buffer (JSON serialises it in parallel).
            let step = if matches!(args.format, Format::Human | Format::Csv) {
                1
            } else {
                reports.len().max(1)
            };
            for part in reports.chunks(step) {
                out.write(|buf| sink.files(part, buf))?;
            }
        }
        // Everything of this batch is written: freeing its reports one by
        // one would only delay the next batch, and the memory is what the
        // next batch reuses anyway (mimalloc hands it back to the workers).
        drop(reports);
    }
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
    unreadable.extend(failed);
    unreadable.extend(unreadable_files);

    if args.summary {
        return crate::summary::render(&cases, args.format, &unreadable, deny_warnings);
    }
    out.write(|buf| sink.finish(&unreadable, buf))?;
    out.flush()?;
    // Every format also lists these in its own way; stderr says it to people
    // (and keeps machine output on stdout parseable).
    for u in &unreadable {
        anstream::eprintln!("error: could not check {}: {}", u.path, u.message);
    }

    tracing::debug!(elapsed = ?started.elapsed(), "written");
    if totals.files == 0 && unreadable.is_empty() {
        // Not an error (an empty folder is fine in CI), but likely a wrong path.
        anstream::eprintln!("warning: no .case files found under the given paths");
    }
    let outcome = if !unreadable.is_empty() {
        Outcome::Failure
    } else if totals.errors > 0 || (deny_warnings && totals.warnings > 0) {
        Outcome::Findings
    } else {
        Outcome::Clean
    };
    Ok(outcome)
}

/// Files checked (and held) at once: enough to keep every core busy, few
/// enough that a batch's texts and reports are a few megabytes.
const BATCH: usize = 512;

/// Standard output for a format: people's output through `anstream` (colour
/// stripped when stdout is not a terminal or `NO_COLOR` is set), written a
/// batch at a time; machine formats, which carry no colour and can be large,
/// through a large buffer.
enum Output {
    Human(anstream::AutoStream<std::io::StdoutLock<'static>>),
    Machine(std::io::BufWriter<std::io::StdoutLock<'static>>),
}

impl Output {
    fn new(format: Format) -> Output {
        let stdout = std::io::stdout().lock();
        match format {
            Format::Human | Format::Csv => Output::Human(anstream::AutoStream::auto(stdout)),
            _ => Output::Machine(std::io::BufWriter::with_capacity(1 << 20, stdout)),
        }
    }

    /// Runs `f` on a buffer (the human format writes many small pieces: a
    /// system call per 64 KB, not per line) and writes what it wrote. The
    /// buffer is bounded: the closing lines of a run of 50,000 files are
    /// megabytes, kept on disk until now (`render::Spill`), and must not all
    /// come back into memory at once.
    fn write(
        &mut self,
        f: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        match self {
            Output::Human(stream) => {
                let mut buf = std::io::BufWriter::with_capacity(1 << 16, stream);
                f(&mut buf)?;
                buf.flush()
            }
            Output::Machine(stream) => f(stream),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Output::Human(stream) => stream.flush(),
            Output::Machine(stream) => stream.flush(),
        }
    }
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

pub fn level(s: Severity) -> Level {
    s.into()
}

pub fn rule_infos() -> Vec<RuleInfo> {
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
