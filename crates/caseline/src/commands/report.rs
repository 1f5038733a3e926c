//! `caseline report CASE.case [-o report.html] [--as-of DATE]`: checks one case with
//! the definitions of its folder tree and writes the timeline picture as one
//! self-contained HTML file (`-o -` writes it to standard output, which the VS Code
//! "Show timeline" command reads into a webview).
//!
//! Gathers inputs only (the file, `caseline.toml`, the workspace's definitions
//! files, the clock); the layout and the HTML come from `caseline_report`.

use super::Outcome;
use crate::discover;
use crate::workspace;
use anyhow::Context as _;
use caseline_check::CheckOptions;
use caseline_workspace::FileSystem as _;
use chrono::NaiveDate;
use clap::Args;
use std::io::Write as _;
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct ReportArgs {
    /// The case file to draw.
    pub case: PathBuf,
    /// Where to write the HTML page; `-` writes it to standard output.
    /// Default: the case's file name with `.html` instead of `.case`.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Judge open deadlines at this date (YYYY-MM-DD) instead of the file's
    /// `as-of` line or today.
    #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
    pub as_of: Option<NaiveDate>,
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
    let layout = caseline_report::layout(&parse, &analysis);
    let html = caseline_report::render_html(&layout, &page_title(&parse, &args.case));

    match args.output.as_deref() {
        Some(p) if p == Path::new("-") => {
            let mut out = std::io::stdout().lock();
            out.write_all(html.as_bytes())?;
            out.flush()?;
        }
        output => {
            let path = output
                .map(Path::to_path_buf)
                .unwrap_or_else(|| args.case.with_extension("html"));
            if discover::absolute(&path) == discover::absolute(&args.case) {
                anyhow::bail!(
                    "the report would overwrite the case file {display}; choose another name with -o"
                );
            }
            std::fs::write(&path, html)
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
        anstream::eprintln!("warning: {count} left out of the timeline: {first}{lines}");
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
