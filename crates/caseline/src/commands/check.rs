//! `caseline check [PATHS...]`: find the `.case` files, load the workspace's
//! definitions files, check every case in parallel, and render the findings
//! (FORMAT.md §6). The checking itself is `caseline_check::check`; this file only
//! gathers inputs (files, `caseline.toml`, the clock) and converts the results
//! into the neutral report of `render/`.

use super::Outcome;
use crate::discover::{self, Filter};
use crate::render::{
    self, FileFacts, FileReport, Finding, Level, Note, Report, RuleInfo, Silenced, Unreadable,
};
use crate::workspace;
use caseline_check::{CheckOptions, Diagnostic, Rule, Severity};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use rayon::prelude::*;
use std::collections::HashMap;
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
    /// One JSON object (FORMAT.md §6).
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
    // Where the workspace is: the first path, or for stdin the name it stands for.
    let anchor = match (&args.stdin_filename, stdin) {
        (Some(name), true) => name.clone(),
        _ if stdin => PathBuf::from("."),
        _ => paths[0].clone(),
    };

    let (config_path, config) = workspace::config_for(&anchor)?;
    // Globs in caseline.toml are relative to its folder.
    let root = config_path
        .as_deref()
        .and_then(|p| p.parent())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."));
    let filter = Filter::new(&root, &config.include, &config.exclude)?;
    tracing::debug!(config = ?config_path, root = %root.display(), "check");

    let started = std::time::Instant::now();
    let (files, path_problems) = if stdin {
        (Vec::new(), Vec::new())
    } else {
        discover::case_files(&paths, &filter)
    };
    tracing::debug!(files = files.len(), elapsed = ?started.elapsed(), "discovered");
    let sources = if stdin {
        let shown = args.stdin_filename.as_deref().map(discover::display_path);
        vec![workspace::read_stdin(
            shown.unwrap_or_else(|| "<stdin>".to_string()),
        )]
    } else {
        workspace::read_all(&files)
    };
    tracing::debug!(elapsed = ?started.elapsed(), "read");
    // Every case may use the procedures and calendars of any definitions file,
    // so those are parsed first: only the files that may define something (a
    // quick scan of the text), usually few. The rest are parsed by the
    // workers below, each dropped once checked, so a large run never holds
    // every tree at once.
    let early: Vec<Option<Result<caseline_syntax::Parse, String>>> = sources
        .par_iter()
        .map(workspace::Source::parse_if_defining)
        .collect();
    tracing::debug!(elapsed = ?started.elapsed(), "definitions parsed");
    // Definitions files elsewhere in the workspace are visible too, so a single
    // case checked on its own sees the same procedures as the whole tree. For
    // stdin that is the folder of the name it stands for (or the current one),
    // without the file of that name on disk: stdin replaces it.
    let extra = if stdin {
        let dir = config_path
            .as_deref()
            .and_then(|p| p.parent())
            .map(PathBuf::from)
            .or_else(|| {
                args.stdin_filename
                    .as_deref()
                    .and_then(|n| discover::absolute(n).parent().map(PathBuf::from))
            })
            .unwrap_or_else(|| PathBuf::from("."));
        let replaced: Vec<PathBuf> = args.stdin_filename.iter().cloned().collect();
        workspace::definitions_outside(&dir, &filter, &replaced)
    } else {
        match workspace::definitions_root(config_path.as_deref(), &paths[0]) {
            Some(dir) => workspace::definitions_outside(&dir, &filter, &files),
            None => Vec::new(),
        }
    };
    let (defs, def_problems) = workspace::definitions_of(
        early
            .iter()
            .zip(&sources)
            .enumerate()
            .filter_map(|(i, (p, s))| Some((i, s.display.as_str(), p.as_ref()?.as_ref().ok()?))),
        &extra,
    );
    let opts = CheckOptions {
        today: chrono::Local::now().date_naive(),
        as_of_override: args.as_of,
        config,
    };
    // A definitions file's problems in the workspace are checked with it.
    let mut def_findings: HashMap<usize, Vec<Diagnostic>> = HashMap::new();
    for (i, d) in def_problems {
        def_findings.entry(i).or_default().push(d);
    }

    // Check every file in parallel, keeping only what the output needs. Each
    // worker drops its file's tree and document as soon as the file is done,
    // so the freeing is shared between the workers (it was 6% of a large run,
    // all at the end, on one thread) and memory is reused while it is warm.
    let summary = args.summary;
    let checked: Vec<Checked> = sources
        .into_par_iter()
        .zip(early)
        .enumerate()
        .map(|(i, (source, early))| {
            let parsed = early.unwrap_or_else(|| {
                source
                    .text
                    .and_then(|text| workspace::guarded(|| caseline_syntax::parse(&text)))
            });
            let display = source.display;
            let parse = match parsed {
                Ok(parse) => parse,
                Err(message) => return Checked::Unreadable(display, message),
            };
            let problems = def_findings.get(&i).map_or(&[][..], Vec::as_slice);
            match workspace::guarded(|| caseline_check::check_with(&parse, &defs, &opts, problems))
            {
                // A file the checker failed on is reported like one that
                // could not be read.
                Err(message) => Checked::Failed(display, message),
                Ok(analysis) if summary => {
                    Checked::Summary(crate::summary::summarise(&display, &parse, &analysis))
                }
                Ok(analysis) => Checked::Report(file_report(display, parse, &analysis)),
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
    parse: caseline_syntax::Parse,
    analysis: &caseline_check::Analysis,
) -> FileReport {
    // In position order already: the analysis sorts its findings.
    let findings: Vec<Finding> = analysis.diagnostics.iter().map(finding).collect();
    let facts = FileFacts::of(parse.line_index(), analysis);
    FileReport {
        path,
        index: parse.into_line_index(),
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
