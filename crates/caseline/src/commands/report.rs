//! `caseline report CASE.case [--format html|text|markdown] [-o FILE] [--as-of DATE]`:
//! checks one case with the definitions of its folder tree and writes either the
//! timeline picture as one self-contained HTML file (the default; `-o -` writes
//! it to standard output, which the VS Code "Show timeline" command reads into a
//! webview) or the chronology in decision wording, as plain text or Markdown (to
//! standard output unless `-o FILE` is given).
//!
//! Gathers inputs only (the file, `caseline.toml`, the workspace's definitions
//! files, the clock); the layout, the HTML and the wording come from
//! `caseline_report`.

use super::Outcome;
use crate::discover;
use crate::workspace;
use anyhow::Context as _;
use caseline_check::CheckOptions;
use caseline_workspace::FileSystem as _;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use std::io::Write as _;
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct ReportArgs {
    /// The case file to draw.
    pub case: PathBuf,
    /// What to write: the timeline as an HTML page, or the chronology in
    /// decision wording as plain text or Markdown.
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    pub format: ReportFormat,
    /// Where to write the report; `-` writes it to standard output.
    /// Default: for HTML, the case's file name with `.html` instead of `.case`;
    /// for text and Markdown, standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Judge open deadlines at this date (YYYY-MM-DD) instead of the file's
    /// `as-of` line or today.
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    pub as_of: Option<NaiveDate>,
}

/// `--format`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// The timeline picture: one self-contained HTML page.
    Html,
    /// The chronology in decision wording, as plain text.
    Text,
    /// The chronology in decision wording, as Markdown.
    Markdown,
}

#[tracing::instrument(skip_all)]
pub fn run(args: ReportArgs) -> anyhow::Result<Outcome> {
    let display = discover::display_path(&args.case);
    let text = caseline_workspace::NativeFs
        .read(&args.case)
        .map_err(|message| anyhow::anyhow!("could not read {display}: {message}"))?;
    let parse = caseline_syntax::parse(&text);

    // The case's workspace, as `caseline check CASE` sees it.
    let mut workspaces = workspace::Workspaces::default();
    let home = workspaces.of_path(&args.case)?;
    let ws = workspaces.get(home);

    let opts = CheckOptions {
        today: chrono::Local::now().date_naive(),
        as_of_override: args.as_of,
        config: ws.config.clone(),
    };
    let analysis = caseline_check::check(&parse, &ws.definitions, &opts);
    let title = page_title(&parse, &args.case);
    let layout = caseline_report::layout(&parse, &analysis);
    let report = match args.format {
        ReportFormat::Html => caseline_report::render_html(&layout, &title),
        ReportFormat::Text => {
            let decision = caseline_report::decision(&parse, &analysis);
            caseline_report::render_decision_text(&decision, &title) + "\n"
        }
        ReportFormat::Markdown => {
            let decision = caseline_report::decision(&parse, &analysis);
            caseline_report::render_decision_markdown(&decision, &title) + "\n"
        }
    };
    // HTML goes to a file by default (a page is opened, not read in a
    // terminal); the wording is read, so it goes to standard output.
    let output = match (args.output.as_deref(), args.format) {
        (Some(p), _) if p == Path::new("-") => None,
        (Some(p), _) => Some(p.to_path_buf()),
        (None, ReportFormat::Html) => Some(args.case.with_extension("html")),
        (None, ReportFormat::Text | ReportFormat::Markdown) => None,
    };

    match output {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(report.as_bytes())?;
            out.flush()?;
        }
        Some(path) => {
            if discover::absolute(&path) == discover::absolute(&args.case) {
                anyhow::bail!(
                    "the report would overwrite the case file {display}; choose another name with -o"
                );
            }
            std::fs::write(&path, report)
                .with_context(|| format!("writing {}", discover::display_path(&path)))?;
            anstream::eprintln!("wrote {}", discover::display_path(&path));
        }
    }
    // The page says so at the top; so does the terminal.
    if let [first, rest @ ..] = layout.unreadable_lines.as_slice() {
        let lines: String = rest.iter().map(|n| format!(", {n}")).collect();
        let count = match rest.len() {
            0 => "1 line could not be read and is".to_string(),
            n => format!("{} lines could not be read and are", n + 1),
        };
        let what = match args.format {
            ReportFormat::Html => "timeline",
            ReportFormat::Text | ReportFormat::Markdown => "chronology",
        };
        anstream::eprintln!("warning: {count} left out of the {what}: {first}{lines}");
    }
    Ok(Outcome::Clean)
}

/// The page's title (the report crate's, shared with the editor's timeline).
fn page_title(parse: &caseline_syntax::Parse, case: &Path) -> String {
    let name = case
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    caseline_report::page_title(parse.document(), &name)
}
