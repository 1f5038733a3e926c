//! `caseline explain [RULE]`: the rule list (name, default severity, summary), or
//! one rule's explanation from its rule file (the same text the LSP shows on
//! hover), laid out for reading in a terminal (`render::markdown`: no Markdown
//! syntax, styles only when stdout is a terminal). `--format markdown` prints
//! the Markdown itself, for documentation built from it. An unknown name
//! suggests the nearest rule names and exits 2.

use super::Outcome;
use crate::render::markdown;
use anstyle::Style;
use caseline_check::Rule;
use clap::{Args, ValueEnum};
use std::io::Write;

#[derive(Args)]
pub struct ExplainArgs {
    /// A rule name, e.g. deadline-missed. Without one, every rule is listed.
    pub rule: Option<String>,
    /// How to print: `text` for reading (styled in a terminal, plain when
    /// piped), `markdown` for the explanation's Markdown as written.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For reading: headings, emphasis and examples without Markdown syntax.
    Text,
    /// The Markdown as written in the rule's file (a table for the list).
    Markdown,
}

#[tracing::instrument(skip_all)]
pub fn run(args: ExplainArgs) -> anyhow::Result<Outcome> {
    let mut out = anstream::AutoStream::auto(std::io::stdout().lock());
    let Some(name) = args.rule else {
        if args.format == Format::Markdown {
            writeln!(out, "| rule | default | finds |")?;
            writeln!(out, "| --- | --- | --- |")?;
            for r in Rule::all() {
                let severity = super::check::level(r.default_severity()).as_str();
                let summary = r.summary().replace('|', "\\|");
                writeln!(out, "| `{}` | {severity} | {summary} |", r.name())?;
            }
            return Ok(Outcome::Clean);
        }
        let width = Rule::all()
            .iter()
            .map(|r| r.name().len())
            .max()
            .unwrap_or(0);
        for r in Rule::all() {
            let severity = super::check::level(r.default_severity()).as_str();
            writeln!(out, "{:width$}  {severity:7}  {}", r.name(), r.summary())?;
        }
        return Ok(Outcome::Clean);
    };
    if let Some(rule) = Rule::from_name(name.trim()) {
        let severity = super::check::level(rule.default_severity()).as_str();
        let title = format!("{} ({severity} by default)", rule.name());
        match args.format {
            Format::Markdown => {
                writeln!(out, "# {title}\n")?;
                writeln!(out, "{}", rule.explanation().trim_end())?;
            }
            Format::Text => {
                const TITLE: Style = Style::new().bold();
                writeln!(out, "{TITLE}{title}{TITLE:#}\n")?;
                let styled = out.current_choice() != anstream::ColorChoice::Never;
                markdown::write(&mut out, rule.explanation(), styled)?;
            }
        }
        return Ok(Outcome::Clean);
    }
    let suggestions = nearest(&name, Rule::all().iter().map(|r| r.name()));
    let mut message = format!("there is no rule called `{name}`");
    message.push_str(&super::did_you_mean(&suggestions));
    anstream::eprintln!("error: {message}");
    anstream::eprintln!("(`caseline explain` lists every rule)");
    Ok(Outcome::Failure)
}

/// Names near `wanted`, closest first (the engine's "did you mean").
fn nearest<'a>(wanted: &str, names: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    caseline_check::suggestions(wanted, names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_first() {
        let names = ["deadline-missed", "deadline-overdue", "rec-late"];
        assert_eq!(
            nearest("deadline-mised", names.into_iter()),
            vec!["deadline-missed"]
        );
        assert_eq!(
            nearest("missed", names.into_iter()),
            vec!["deadline-missed"]
        );
        assert!(nearest("zzzz", names.into_iter()).is_empty());
    }
}
