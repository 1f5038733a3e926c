//! `caseline explain [RULE]`: the rule list (name, default severity, summary), or
//! one rule's explanation as written in its rule file (the same text the LSP shows
//! on hover). An unknown name suggests the nearest rule names and exits 2.

use super::Outcome;
use caseline_check::Rule;
use clap::Args;
use std::io::Write;

#[derive(Args)]
pub struct ExplainArgs {
    /// A rule name, e.g. deadline-missed. Without one, every rule is listed.
    pub rule: Option<String>,
}

#[tracing::instrument(skip_all)]
pub fn run(args: ExplainArgs) -> anyhow::Result<Outcome> {
    let mut out = anstream::AutoStream::auto(std::io::stdout().lock());
    let Some(name) = args.rule else {
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
        writeln!(out, "{} ({severity} by default)\n", rule.name())?;
        writeln!(out, "{}", rule.explanation().trim_end())?;
        return Ok(Outcome::Clean);
    }
    let suggestions = nearest(&name, Rule::all().iter().map(|r| r.name()));
    let mut message = format!("there is no rule called `{name}`");
    match suggestions.as_slice() {
        [] => {}
        [one] => message.push_str(&format!("; did you mean `{one}`?")),
        many => message.push_str(&format!(
            "; did you mean one of: {}?",
            many.iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
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
