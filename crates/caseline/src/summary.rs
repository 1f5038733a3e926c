//! `caseline check --summary`: one line per case — reference, body, what was
//! checked (deadlines judged, recommendations tracked), open deadlines, late
//! items, unaddressed recommendations, acknowledged findings, errors and
//! warnings, and what went wrong — as a table, JSON or CSV.
//!
//! Honest by construction: a file that could not be read, a file with lines
//! that could not be read, a file with entries but no case header and a case in
//! which nothing was checked are each LISTED with what went wrong (the `problem`
//! column), never shown as a clean 0/0/0 or left out. Definitions files are not
//! cases and get a line only when something is wrong with them. The exit code
//! is `check`'s.
//!
//! The counts are read off the analysis `caseline_check::check` already made
//! (`Analysis::checked`, the deadline and recommendation records, and the
//! findings left after acknowledgements); nothing is recomputed here.

use crate::commands::Outcome;
use crate::commands::check::Format;
use crate::render::{FileFacts, Unreadable};
use caseline_check::{Analysis, Severity};
use caseline_syntax::Parse;
use serde::Serialize;
use std::io::Write;

/// One file's line.
#[derive(Serialize)]
pub struct CaseSummary {
    pub path: String,
    pub reference: String,
    pub body: String,
    /// What went wrong, in words; `null` when nothing did.
    pub problem: Option<String>,
    /// What was checked, in the same words as `caseline check` (`null` for a
    /// file that could not be read).
    pub checked: Option<String>,
    /// Deadlines judged (`null`, like every count below, when the file could
    /// not be read: nothing in it was counted).
    pub deadlines_checked: Option<usize>,
    /// Deadlines whose target is not recorded yet and still judged (pending or overdue).
    pub open_deadlines: Option<usize>,
    /// Deadlines and recommendations late or overdue under every reading of
    /// the dates, as the engine judged them (`Checked::late` and
    /// `Checked::recommendations_late`): acknowledging a finding does not make
    /// the item any less late.
    pub late_items: Option<usize>,
    /// Recommendations and promises tracked.
    pub recommendations_tracked: Option<usize>,
    /// Recommendations and promises not yet done or declined.
    pub unaddressed_recs: Option<usize>,
    /// Findings reported (after settings and acknowledgements).
    pub errors: Option<usize>,
    pub warnings: Option<usize>,
    /// Findings silenced by `# caseline: allow RULE "reason"`, with the reason.
    pub acknowledged: Vec<AcknowledgedSummary>,
}

/// A finding silenced in the file, and why.
#[derive(Serialize)]
pub struct AcknowledgedSummary {
    /// 1-based line of the finding.
    pub line: u32,
    pub code: &'static str,
    pub message: String,
    pub reason: String,
}

#[derive(Serialize)]
struct JsonSummary<'a> {
    version: u32,
    cases: &'a [CaseSummary],
}

/// The line for one checked file; `None` for a definitions file with
/// nothing wrong in it (it is not a case).
pub fn summarise(display: &str, parse: &Parse, analysis: &Analysis) -> Option<CaseSummary> {
    let facts = FileFacts::of(parse.line_index(), analysis);
    let count = |sev: Severity| {
        analysis
            .diagnostics
            .iter()
            .filter(|d| d.severity == sev)
            .count()
    };
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let problem = facts.problem();
    if facts.is_definitions() && problem.is_none() && errors == 0 && warnings == 0 {
        return None;
    }
    let header = parse.document().header.as_ref();
    let text = |s: Option<&caseline_syntax::ast::Spanned<String>>| {
        s.map(|s| s.value.clone()).unwrap_or_default()
    };
    let index = parse.line_index();
    Some(CaseSummary {
        path: display.to_string(),
        reference: text(header.and_then(|h| h.reference.as_ref())),
        body: text(header.and_then(|h| h.body.as_ref())),
        problem,
        checked: Some(facts.describe()),
        deadlines_checked: Some(facts.checked.deadlines),
        open_deadlines: Some(
            analysis
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
        ),
        // The engine's own figures (`Checked`), the ones the `checked` column
        // phrases: deadlines late under every reading or overdue, and
        // recommendations done late or overdue.
        late_items: Some(analysis.checked.late + analysis.checked.recommendations_late),
        recommendations_tracked: Some(facts.checked.recommendations),
        unaddressed_recs: Some(
            analysis
                .recs
                .iter()
                .filter(|r| {
                    matches!(
                        r.status,
                        caseline_check::RecStatus::Open | caseline_check::RecStatus::Partial
                    )
                })
                .count(),
        ),
        errors: Some(errors),
        warnings: Some(warnings),
        acknowledged: analysis
            .acknowledged
            .iter()
            .map(|a| AcknowledgedSummary {
                line: index.line_of(a.diagnostic.range.start()) + 1,
                code: a.diagnostic.rule.name(),
                message: a.diagnostic.message.clone(),
                reason: a.reason.clone(),
            })
            .collect(),
    })
}

/// The line for a file that could not be checked at all: listed with why,
/// every count unknown.
pub fn unreadable(path: String, message: &str) -> CaseSummary {
    CaseSummary {
        path,
        reference: String::new(),
        body: String::new(),
        problem: Some(format!("could not be checked: {message}")),
        checked: None,
        deadlines_checked: None,
        open_deadlines: None,
        late_items: None,
        recommendations_tracked: None,
        unaddressed_recs: None,
        errors: None,
        warnings: None,
        acknowledged: Vec::new(),
    }
}

/// Prints the lines of the cases (in the order given) and the paths that could
/// not be checked; the outcome is `check`'s: a failure when something could not
/// be read, findings when there are errors (or warnings under `--deny warnings`).
pub fn render(
    cases: &[CaseSummary],
    format: Format,
    unreadable: &[Unreadable],
    deny_warnings: bool,
) -> anyhow::Result<Outcome> {
    let mut out = anstream::AutoStream::auto(std::io::stdout().lock());
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &JsonSummary { version: 1, cases })?;
            writeln!(out)?;
        }
        Format::Csv => csv(cases, &mut out)?,
        _ => table(cases, &mut out)?,
    }
    out.flush()?;
    for u in unreadable {
        anstream::eprintln!("error: could not check {}: {}", u.path, u.message);
    }
    let errors: usize = cases.iter().filter_map(|c| c.errors).sum();
    let warnings: usize = cases.iter().filter_map(|c| c.warnings).sum();
    let unknown = cases.iter().any(|c| c.checked.is_none());
    Ok(if !unreadable.is_empty() || unknown {
        Outcome::Failure
    } else if errors > 0 || (deny_warnings && warnings > 0) {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

/// A count, or `-` where it is not known (the file could not be read).
fn cell(n: Option<usize>) -> String {
    n.map_or_else(|| "-".to_string(), |n| n.to_string())
}

const COLUMNS: [&str; 11] = [
    "reference",
    "body",
    "deadlines checked",
    "late items",
    "open deadlines",
    "recs tracked",
    "unaddressed recs",
    "acknowledged",
    "errors",
    "warnings",
    "problem",
];

/// Left-aligned text columns; the counts are right-aligned.
const TEXT: [bool; 11] = [
    true, true, false, false, false, false, false, false, false, false, true,
];

fn row(c: &CaseSummary) -> [String; 11] {
    [
        if c.reference.is_empty() {
            c.path.clone()
        } else {
            c.reference.clone()
        },
        c.body.clone(),
        cell(c.deadlines_checked),
        cell(c.late_items),
        cell(c.open_deadlines),
        cell(c.recommendations_tracked),
        cell(c.unaddressed_recs),
        if c.checked.is_some() {
            c.acknowledged.len().to_string()
        } else {
            "-".to_string()
        },
        cell(c.errors),
        cell(c.warnings),
        c.problem.clone().unwrap_or_default(),
    ]
}

fn table(cases: &[CaseSummary], out: &mut dyn Write) -> std::io::Result<()> {
    let rows: Vec<[String; 11]> = cases.iter().map(row).collect();
    let mut widths = COLUMNS.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[&str; 11]| {
        let mut s = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                s.push_str("  ");
            }
            let pad = " ".repeat(widths[i].saturating_sub(cell.chars().count()));
            if TEXT[i] {
                s.push_str(cell);
                s.push_str(&pad);
            } else {
                s.push_str(&pad);
                s.push_str(cell);
            }
        }
        s.trim_end().to_string()
    };
    writeln!(out, "{}", line(&COLUMNS))?;
    for row in &rows {
        let cells: [&str; 11] = std::array::from_fn(|i| row[i].as_str());
        writeln!(out, "{}", line(&cells))?;
    }
    Ok(())
}

fn csv(cases: &[CaseSummary], out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "path,reference,body,open_deadlines,late_items,unaddressed_recs,deadlines_checked,recommendations_tracked,acknowledged,errors,warnings,problem"
    )?;
    let n = |n: Option<usize>| n.map(|n| n.to_string()).unwrap_or_default();
    for c in cases {
        writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{}",
            csv_field(&c.path),
            csv_field(&c.reference),
            csv_field(&c.body),
            n(c.open_deadlines),
            n(c.late_items),
            n(c.unaddressed_recs),
            n(c.deadlines_checked),
            n(c.recommendations_tracked),
            if c.checked.is_some() {
                c.acknowledged.len().to_string()
            } else {
                String::new()
            },
            n(c.errors),
            n(c.warnings),
            csv_field(c.problem.as_deref().unwrap_or("")),
        )?;
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

    /// Late items are the engine's figures, the ones the `checked` column
    /// states: an acknowledged late deadline is still late, and the row never
    /// says "1 late" in one column and 0 late items in another.
    #[test]
    fn late_items_are_the_engine_s_figures_even_when_acknowledged() {
        let text = "case \"a\"\n  procedure children-statutory\n  as-of 2024-12-31\n\n\
                    2024-01-02 stage1.received\n\
                    # caseline: allow deadline-missed \"agreed with the complainant\"\n\
                    2024-03-01 stage1.response\n";
        let parse = caseline_syntax::parse(text);
        let opts = caseline_check::CheckOptions {
            today: chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("valid date"),
            as_of_override: None,
            config: caseline_check::Config::default(),
        };
        let analysis =
            caseline_check::check(&parse, &caseline_check::Definitions::builtin(), &opts);
        assert_eq!(analysis.acknowledged.len(), 1, "{:?}", analysis.diagnostics);
        let c = summarise("a.case", &parse, &analysis).expect("a case");
        assert_eq!(c.late_items, Some(1));
        assert!(
            c.checked.as_deref().is_some_and(|s| s.contains("(1 late)")),
            "{:?}",
            c.checked
        );
        assert_eq!(c.acknowledged.len(), 1);
    }

    #[test]
    fn a_file_that_could_not_be_read_is_listed_with_no_counts() {
        let c = unreadable("bad.case".to_string(), "not UTF-8 (line 3)");
        let mut out = Vec::new();
        table(std::slice::from_ref(&c), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let line = text.lines().nth(1).unwrap_or_default();
        assert!(line.starts_with("bad.case  "), "{text}");
        assert!(
            line.ends_with("-  could not be checked: not UTF-8 (line 3)"),
            "{text}"
        );
        assert_eq!(line.split_whitespace().filter(|c| *c == "-").count(), 8);
        assert!(!line.contains('0'), "no count shown as 0: {text}");
    }
}
