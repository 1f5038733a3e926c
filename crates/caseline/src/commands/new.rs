//! `caseline new [FILE] --procedure NAME`: a new case with its header to fill
//! in and the procedure's stages laid out, commented, for the investigator to
//! date (`caseline_ide::new_case`, the same text the editors' snippets hold).
//! It is written to FILE, which must not exist yet (`--force` replaces it), or
//! to standard output. The procedure may be one of the workspace's: FILE's, as
//! `caseline check FILE` would see it, or the current folder's for standard
//! output. Without a procedure, or with an unknown one, nothing is written and
//! the command exits 2 saying which procedures there are.

use super::Outcome;
use crate::discover;
use crate::workspace::Workspaces;
use caseline_ide::{TemplateError, TemplateForm};
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct NewArgs {
    /// The file to create (it must not exist yet). Without it, the case is
    /// printed on standard output.
    pub file: Option<PathBuf>,
    /// The complaints procedure the case follows, e.g. children-statutory
    /// (`caseline procedures` lists them). Give it again for each further
    /// procedure: --procedure children-statutory --procedure lgsco.
    #[arg(long = "procedure", value_name = "NAME")]
    pub procedures: Vec<String>,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
    /// `case` for a .case file; `snippet` for the same text as an editor
    /// snippet (tab stops on the header's placeholders), for editor
    /// integrations.
    #[arg(long, value_enum, default_value_t = Format::Case)]
    pub format: Format,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A .case file.
    Case,
    /// An LSP/TextMate snippet of the same text.
    Snippet,
}

#[tracing::instrument(skip_all)]
pub fn run(args: NewArgs) -> anyhow::Result<Outcome> {
    if let Some(file) = &args.file {
        if file.is_dir() {
            anyhow::bail!(
                "{} is a folder: name the file to create in it, e.g. {}",
                discover::display_path(file),
                discover::display_path(&file.join("case.case"))
            );
        }
        if file.exists() && !args.force {
            anstream::eprintln!(
                "error: {} already exists, and caseline new does not replace a file (--force does)",
                discover::display_path(file)
            );
            return Ok(Outcome::Failure);
        }
    }
    // The workspace the new case will be checked in: FILE's, or, for standard
    // output, that of a file in the current folder (as `check -` reads stdin).
    let home = args
        .file
        .clone()
        .unwrap_or_else(|| PathBuf::from("<stdout>"));
    let mut workspaces = Workspaces::default();
    let index = workspaces.of_path(&home)?;
    let ws = workspaces.get(index);
    // `--procedure "children-statutory lgsco"` as the header writes it.
    let names: Vec<String> = args
        .procedures
        .iter()
        .flat_map(|p| p.split([' ', ',']))
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect();
    let form = match args.format {
        Format::Case => TemplateForm::Text,
        Format::Snippet => TemplateForm::Snippet,
    };
    let text = match caseline_ide::new_case(ws, &names, form) {
        Ok(text) => text,
        Err(TemplateError::NoProcedure) => {
            let example = args.file.as_deref().map_or_else(
                || "caseline new --procedure NAME".to_owned(),
                |f| {
                    format!(
                        "caseline new {} --procedure NAME",
                        discover::display_path(f)
                    )
                },
            );
            let mut message = format!(
                "error: name the complaints procedure the case follows: {example}\nthe procedures caseline knows here:\n"
            );
            message.push_str(&procedure_table(ws));
            anstream::eprint!("{message}");
            return Ok(Outcome::Failure);
        }
        Err(TemplateError::UnknownProcedure(name)) => {
            anstream::eprintln!("error: {}", super::procedures::unknown_procedure(ws, &name));
            return Ok(Outcome::Failure);
        }
    };

    let Some(file) = &args.file else {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()?;
        return Ok(Outcome::Clean);
    };
    write_new(file, &text, args.force)?;
    let shown = discover::display_path(file);
    let mut out = anstream::AutoStream::auto(std::io::stdout().lock());
    writeln!(
        out,
        "created {shown} ({}): write its header, then date each stage as it happens; `caseline check {shown}` says what it checks",
        names.join(", ")
    )?;
    // A case that `caseline check FOLDER` would pass over is never checked in
    // CI: say so now rather than let it look like part of the caseload.
    if file.extension().is_none_or(|e| e != "case") {
        anstream::eprintln!(
            "note: `caseline check` looks only at files ending in .case when it searches a folder; name it {}.case to have it checked with the others",
            file.file_stem()
                .map_or_else(|| shown.clone(), |s| s.to_string_lossy().into_owned())
        );
    } else if !ws.filter.allows(&discover::absolute(file)) {
        let config = ws
            .config_path
            .as_deref()
            .map_or_else(|| "caseline.toml".to_owned(), discover::display_path);
        anstream::eprintln!(
            "note: the include/exclude patterns of {config} leave {shown} out when `caseline check` searches a folder; it is checked only when named"
        );
    }
    Ok(Outcome::Clean)
}

/// Writes `text` to a new file (never over an existing one unless `force`:
/// the file is created exclusively, so a file that appeared since the check
/// above is not replaced either).
fn write_new(file: &Path, text: &str, force: bool) -> anyhow::Result<()> {
    use anyhow::Context as _;
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let mut handle = options
        .open(file)
        .with_context(|| format!("creating {}", discover::display_path(file)))?;
    handle
        .write_all(text.as_bytes())
        .with_context(|| format!("writing {}", discover::display_path(file)))?;
    Ok(())
}

/// The procedures of `ws`, a line each: name and title.
fn procedure_table(ws: &caseline_workspace::Workspace) -> String {
    let defs = &ws.definitions;
    let names = defs.procedure_names();
    let width = names.iter().map(String::len).max().unwrap_or(0);
    let mut table = String::new();
    for name in &names {
        let title = defs
            .procedure(name)
            .and_then(|p| p.title.clone())
            .unwrap_or_default();
        let line = format!("  {name:width$}  {title}");
        table.push_str(line.trim_end());
        table.push('\n');
    }
    table
}
