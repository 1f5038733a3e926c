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

/// Names within a small edit distance of `wanted`, closest first, plus names that
/// contain it (so `missed` finds `deadline-missed`).
fn nearest<'a>(wanted: &str, names: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let wanted = wanted.trim().to_lowercase();
    let limit = (wanted.chars().count() / 3).clamp(1, 3);
    let mut scored: Vec<(usize, &str)> = names
        .filter_map(|n| {
            let d = edit_distance(&wanted, n);
            if d <= limit {
                Some((d, n))
            } else if wanted.len() >= 4 && n.contains(wanted.as_str()) {
                Some((limit + 1, n))
            } else {
                None
            }
        })
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, n)| n).collect()
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            let substitute = prev[j] + usize::from(ca != cb);
            cur[j + 1] = substitute.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
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
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
