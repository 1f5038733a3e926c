//! `caseline procedures [--in DIR]` lists the procedures a case can name (built-in
//! and from the definitions files under DIR), with their title and origin;
//! `caseline procedures show NAME` prints one procedure's source text, which is
//! written in the `.case` language itself.

use super::Outcome;
use crate::workspace::Workspaces;
use clap::{Args, Subcommand};
use std::io::Write;
use std::path::PathBuf;

#[derive(Args)]
pub struct ProceduresArgs {
    #[command(subcommand)]
    action: Option<Action>,
    /// The workspace whose definitions files are read as well as the built-ins.
    #[arg(long = "in", value_name = "DIR", global = true, default_value = ".")]
    dir: PathBuf,
}

#[derive(Subcommand)]
enum Action {
    /// Print a procedure's definition.
    Show { name: String },
}

#[tracing::instrument(skip_all)]
pub fn run(args: ProceduresArgs) -> anyhow::Result<Outcome> {
    // The folder's workspace, as `caseline check DIR` sees it.
    let mut workspaces = Workspaces::default();
    let ws = workspaces.of_path(&args.dir)?;
    let defs = &workspaces.get(ws).definitions;
    let mut out = anstream::AutoStream::auto(std::io::stdout().lock());

    match args.action {
        None => {
            let rows: Vec<(String, String, String)> = defs
                .procedure_names()
                .into_iter()
                .filter_map(|name| {
                    let p = defs.procedure(&name)?;
                    let origin = if p.origin.starts_with("builtin:") {
                        "built-in".to_string()
                    } else {
                        p.origin.clone()
                    };
                    let title = p.title.clone().unwrap_or_default();
                    Some((name, origin, title))
                })
                .collect();
            let name_w = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
            let origin_w = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0);
            for (name, origin, title) in &rows {
                let line = format!("{name:name_w$}  {origin:origin_w$}  {title}");
                writeln!(out, "{}", line.trim_end())?;
            }
            Ok(Outcome::Clean)
        }
        Some(Action::Show { name }) => {
            match (defs.procedure(&name), defs.procedure_source(&name)) {
                (Some(p), Some((_, source))) => {
                    write!(out, "{}", section(p.range, source))?;
                    Ok(Outcome::Clean)
                }
                _ => {
                    anstream::eprintln!(
                        "error: there is no procedure called `{name}`; the known procedures are: {}",
                        defs.procedure_names().join(", ")
                    );
                    Ok(Outcome::Failure)
                }
            }
        }
    }
}

/// Just the `procedure` block at `range` when `source` is a whole file
/// holding several (the whole source if the range does not fit it).
fn section(range: caseline_syntax::TextRange, source: &str) -> std::borrow::Cow<'_, str> {
    match source.get(usize::from(range.start())..usize::from(range.end())) {
        Some(text) if text.ends_with('\n') => std::borrow::Cow::Borrowed(text),
        Some(text) => std::borrow::Cow::Owned(format!("{text}\n")),
        None => std::borrow::Cow::Borrowed(source),
    }
}
