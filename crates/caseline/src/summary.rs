//! `caseline check --summary`: one line per case — reference, body, open
//! deadlines, late items, unaddressed recommendations — as a table, JSON or CSV.
//!
//! The counts are read off the analysis `caseline_check::check` already made
//! (deadline and recommendation records, and the findings left after
//! acknowledgements); nothing is recomputed here. Definitions files are not cases
//! and get no line.

use crate::commands::Outcome;
use crate::commands::check::Format;
use crate::render::Unreadable;
use caseline_check::{Analysis, Rule};
use caseline_syntax::Parse;
use serde::Serialize;
use std::io::Write;

/// One case's line.
#[derive(Serialize)]
pub struct CaseSummary {
    pub path: String,
    pub reference: String,
    pub body: String,
    /// Deadlines whose target is not recorded yet and still judged (pending or overdue).
    pub open_deadlines: usize,
    /// Findings that something happened late or is overdue (deadlines and recommendations).
    pub late_items: usize,
    /// Recommendations and promises not yet done or declined.
    pub unaddressed_recs: usize,
}

#[derive(Serialize)]
struct JsonSummary<'a> {
    version: u32,
    cases: &'a [CaseSummary],
}

/// The line for one checked file; `None` for a file without a case header
/// (a definitions file).
pub fn summarise(display: &str, parse: &Parse, analysis: &Analysis) -> Option<CaseSummary> {
    let header = parse.document().header.as_ref()?;
    let text = |s: &Option<caseline_syntax::ast::Spanned<String>>| {
        s.as_ref().map(|s| s.value.clone()).unwrap_or_default()
    };
    Some(CaseSummary {
        path: display.to_string(),
        reference: text(&header.reference),
        body: text(&header.body),
        open_deadlines: analysis
            .deadlines
            .iter()
            .filter(|d| {
                matches!(
                    d.status,
                    caseline_check::DeadlineStatus::Pending
                        | caseline_check::DeadlineStatus::Overdue
                )
            })
            .count(),
        late_items: analysis
            .diagnostics
            .iter()
            .filter(|d| {
                matches!(
                    d.rule,
                    Rule::DeadlineMissed | Rule::DeadlineOverdue | Rule::RecLate | Rule::RecOverdue
                )
            })
            .count(),
        unaddressed_recs: analysis
            .recs
            .iter()
            .filter(|r| {
                matches!(
                    r.status,
                    caseline_check::RecStatus::Open | caseline_check::RecStatus::Partial
                )
            })
            .count(),
    })
}

/// Prints the lines of the cases (in the order given) and the paths that could
/// not be checked.
pub fn render(
    cases: &[CaseSummary],
    format: Format,
    unreadable: &[Unreadable],
) -> anyhow::Result<Outcome> {
    let mut out = anstream::AutoStream::auto(std::io::stdout().lock());
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &JsonSummary { version: 1, cases })?;
            writeln!(out)?;
        }
        Format::Csv => {
            writeln!(
                out,
                "path,reference,body,open_deadlines,late_items,unaddressed_recs"
            )?;
            for c in cases {
                writeln!(
                    out,
                    "{},{},{},{},{},{}",
                    csv_field(&c.path),
                    csv_field(&c.reference),
                    csv_field(&c.body),
                    c.open_deadlines,
                    c.late_items,
                    c.unaddressed_recs
                )?;
            }
        }
        _ => table(cases, &mut out)?,
    }
    out.flush()?;
    for u in unreadable {
        anstream::eprintln!("error: could not check {}: {}", u.path, u.message);
    }
    Ok(if unreadable.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Failure
    })
}

fn table(cases: &[CaseSummary], out: &mut dyn Write) -> std::io::Result<()> {
    let headings = [
        "reference",
        "body",
        "open deadlines",
        "late items",
        "unaddressed recs",
    ];
    let rows: Vec<[String; 5]> = cases
        .iter()
        .map(|c| {
            [
                if c.reference.is_empty() {
                    c.path.clone()
                } else {
                    c.reference.clone()
                },
                c.body.clone(),
                c.open_deadlines.to_string(),
                c.late_items.to_string(),
                c.unaddressed_recs.to_string(),
            ]
        })
        .collect();
    let mut widths = headings.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: [&str; 5]| {
        let [a, b, c, d, e] = cells;
        let pad =
            |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.chars().count())));
        format!(
            "{}  {}  {:>wc$}  {:>wd$}  {:>we$}",
            pad(a, widths[0]),
            pad(b, widths[1]),
            c,
            d,
            e,
            wc = widths[2],
            wd = widths[3],
            we = widths[4]
        )
    };
    writeln!(out, "{}", line(headings).trim_end())?;
    for row in &rows {
        let cells = [row[0].as_str(), &row[1], &row[2], &row[3], &row[4]];
        writeln!(out, "{}", line(cells).trim_end())?;
    }
    Ok(())
}

/// RFC 4180: quote a field holding a comma, quote or line break; double its quotes.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(csv_field("Kent County Council"), "Kent County Council");
        assert_eq!(csv_field("Smith, Jones"), "\"Smith, Jones\"");
        assert_eq!(csv_field("the \"panel\""), "\"the \"\"panel\"\"\"");
    }
}
