//! `caseline procedures [--in DIR]` lists the procedures a case can name (built-in
//! and from the definitions files under DIR), with their title and origin;
//! `caseline procedures show NAME` prints one procedure's source text, which is
//! written in the `.case` language itself.

use super::Outcome;
use crate::discover::{self, Filter};
use crate::workspace;
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
    let filter = Filter::new(&args.dir, &[], &[])?;
    let (files, _) = discover::case_files(std::slice::from_ref(&args.dir), &filter);
    let mut loaded = workspace::load(&files);
    loaded.retain(workspace::Loaded::is_definitions);
    let (defs, _) = workspace::definitions(&loaded, &[]);
    let mut out = anstream::AutoStream::auto(std::io::stdout().lock());

    match args.action {
        None => {
            let rows: Vec<(String, String, String)> = defs
                .procedure_names()
                .into_iter()
                .filter_map(|name| {
                    let (origin, source) = defs.procedure_source(&name)?;
                    let origin = if origin.starts_with("builtin:") {
                        "built-in".to_string()
                    } else {
                        origin.to_string()
                    };
                    let title = title_of(&name, source).unwrap_or_default();
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
        Some(Action::Show { name }) => match defs.procedure_source(&name) {
            Some((_, source)) => {
                write!(out, "{}", section(&name, source))?;
                Ok(Outcome::Clean)
            }
            None => {
                anstream::eprintln!(
                    "error: there is no procedure called `{name}`; the known procedures are: {}",
                    defs.procedure_names().join(", ")
                );
                Ok(Outcome::Failure)
            }
        },
    }
}

/// The `title` of procedure `name` in `source` (the whole file it came from).
fn title_of(name: &str, source: &str) -> Option<String> {
    let parse = caseline_syntax::parse(source);
    parse
        .document()
        .procedures
        .iter()
        .find(|p| p.name.value == name)
        .and_then(|p| p.title.as_ref().map(|t| t.value.clone()))
}

/// Just the `procedure NAME` block when `source` is a whole file holding several.
fn section<'s>(name: &str, source: &'s str) -> std::borrow::Cow<'s, str> {
    let parse = caseline_syntax::parse(source);
    let block = parse
        .document()
        .procedures
        .iter()
        .find(|p| p.name.value == name)
        .and_then(|p| source.get(usize::from(p.range.start())..usize::from(p.range.end())));
    match block {
        Some(text) if text.ends_with('\n') => std::borrow::Cow::Borrowed(text),
        Some(text) => std::borrow::Cow::Owned(format!("{text}\n")),
        None => std::borrow::Cow::Borrowed(source),
    }
}
