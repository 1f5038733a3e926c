//! `caseline procedures [--in DIR]` lists the procedures a case can name (built-in
//! and from the definitions files under DIR), with their title and origin;
//! `caseline procedures show NAME` prints one procedure's definition as its author
//! wrote it, comments included (`caseline_ide::procedure_text`): a built-in's file
//! byte for byte; from a workspace definitions file, after a comment line naming
//! the file, the whole file or, when it defines other things too, this
//! procedure's part of it.

use super::Outcome;
use crate::discover;
use crate::workspace::Workspaces;
use caseline_workspace::{Origin, Workspace};
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
    /// Print a procedure's definition as written, comments included.
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
            let ws = workspaces.get(ws);
            let Some(definition) = caseline_ide::procedure_text(ws, &name) else {
                anstream::eprintln!("error: {}", unknown_procedure(ws, &name));
                return Ok(Outcome::Failure);
            };
            if let Origin::File(path) = &definition.origin {
                let file = discover::display_path(path);
                match &definition.part {
                    None => writeln!(out, "# from {file}")?,
                    Some(part) => writeln!(
                        out,
                        "# from {file}, lines {}-{} (the file also defines {})",
                        part.first_line,
                        part.last_line,
                        and_list(&part.others)
                    )?,
                }
            }
            write!(out, "{}", definition.text)?;
            if !definition.text.ends_with('\n') {
                writeln!(out)?;
            }
            Ok(Outcome::Clean)
        }
    }
}

/// Why `name` is not a procedure of `ws`: the nearest names, the list, and
/// where caseline looked when the workspace is a single folder.
pub fn unknown_procedure(ws: &Workspace, name: &str) -> String {
    let names = ws.definitions.procedure_names();
    let mut message = format!("there is no procedure called `{name}`");
    let near = caseline_check::suggestions(name, names.iter().map(String::as_str));
    message.push_str(&super::did_you_mean(&near));
    message.push_str(&format!(
        "\nthe procedures caseline knows here are: {}",
        names.join(", ")
    ));
    if let Some(note) = ws.scope_note() {
        message.push_str(&format!("\n{note}"));
    }
    message
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
