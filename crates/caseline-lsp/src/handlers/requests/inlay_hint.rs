//! `textDocument/inlayHint`: the inline deadline hints, at the end of the lines
//! they are about, computed from the check engine's `Analysis.deadlines` and
//! `Analysis.recs` for the same snapshot the positions come from:
//! - after a stage's start entry, when the next stage is due
//!   (`→ adjudication due 2023-10-27 · 2023-12-22 if extended`);
//! - after a target entry, how long it took (`105 wd · limit 65 · 40 late`);
//! - after a `rec`/`promise` with a due date, that date and what became of it
//!   (`due 2024-11-19 · done 12 wd late`).
//!
//! Vague dates give ranges. Only formatting lives here; every number comes from
//! `caseline-check`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use caseline_calendar::{Duration, Interval, Unit};
use caseline_check::{CountRange, CountUnit, DeadlineRecord, DeadlineStatus, RecRecord, RecStatus};
use caseline_syntax::TextSize;
use tower_lsp_server::ls_types::{InlayHint, InlayHintLabel, InlayHintParams};

use crate::convert;
use crate::handlers::snapshot;
use crate::session::{DocumentSnapshot, Session};

pub fn handle(session: &Session, p: InlayHintParams) -> anyhow::Result<Option<Vec<InlayHint>>> {
    let Some(snap) = snapshot(session, &p.text_document.uri) else {
        return Ok(None);
    };
    let wanted = convert::text_range(snap.index(), p.range, snap.encoding);
    let analysis = snap.analysis();
    // Several hints for one line are joined, in a stable order.
    let mut by_line: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    let index = snap.index();
    for d in &analysis.deadlines {
        by_line
            .entry(index.line_of(d.start_range.start()))
            .or_default()
            .push(start_hint(d));
        if let Some(target) = d.target_range
            && let Some(text) = target_hint(d)
        {
            by_line
                .entry(index.line_of(target.start()))
                .or_default()
                .push(text);
        }
    }
    for r in &analysis.recs {
        if let Some(text) = rec_hint(r) {
            by_line
                .entry(index.line_of(r.range.start()))
                .or_default()
                .push(text);
        }
    }
    let first = index.line_of(wanted.start());
    let last = index.line_of(wanted.end());
    let hints = by_line
        .range(first..=last)
        .map(|(line, texts)| {
            let mut unique: Vec<&String> = Vec::new();
            for t in texts {
                if !unique.contains(&t) {
                    unique.push(t);
                }
            }
            let label = unique
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("   ");
            hint(&snap, convert::line_content(index, *line).end(), label)
        })
        .collect();
    Ok(Some(hints))
}

fn hint(snap: &DocumentSnapshot, at: TextSize, label: String) -> InlayHint {
    InlayHint {
        position: convert::position(snap.index(), at, snap.encoding),
        label: InlayHintLabel::String(label),
        kind: None,
        text_edits: None,
        tooltip: None,
        padding_left: Some(true),
        padding_right: None,
        data: None,
    }
}

/// The short name of a target: `stage2.adjudication` -> `adjudication`.
fn short(kind: &str) -> &str {
    kind.split_once('.').map_or(kind, |(_, rest)| rest)
}

/// `2023-10-27`; a vague date in the file's own short range forms
/// (`2024-04-15..20`, `2024-04-15..06-14`, `2024-12-30..2025-01-03`); `?`
/// for an open end.
pub fn interval_text(i: &Interval) -> String {
    use chrono::Datelike;
    match (i.earliest, i.latest) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) if a.year() == b.year() && a.month() == b.month() => {
            format!("{a}..{}", b.format("%d"))
        }
        (Some(a), Some(b)) if a.year() == b.year() => format!("{a}..{}", b.format("%m-%d")),
        (a, b) => {
            let show = |d: Option<chrono::NaiveDate>| d.map_or("?".to_owned(), |d| d.to_string());
            format!("{}..{}", show(a), show(b))
        }
    }
}

/// `40`, `38–40` when the dates are vague, `38+` or `≤40` when one end is open.
fn count_text(c: &CountRange) -> String {
    match (c.min, c.max) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}–{b}"),
        (Some(a), None) => format!("{a}+"),
        (None, Some(b)) => format!("≤{b}"),
        (None, None) => "?".to_owned(),
    }
}

/// `40 late`, `up to 12 late`, or nothing when not late under any reading.
fn late_text(late: Option<&CountRange>, unit: &str) -> Option<String> {
    let late = late?;
    match (late.min, late.max) {
        (Some(a), _) if a > 0 => Some(format!("{}{unit} late", count_text(late))),
        (_, Some(b)) if b > 0 => Some(format!("up to {b}{unit} late")),
        (_, None) => Some("possibly late".to_owned()),
        _ => None,
    }
}

fn limit_text(d: &Duration) -> String {
    let unit = match d.unit {
        Unit::WorkingDays => return d.amount.to_string(),
        Unit::Days => "d",
        Unit::Weeks => "w",
        Unit::Months => "m",
        Unit::Years => "y",
    };
    format!("{}{unit}", d.amount)
}

fn start_hint(d: &DeadlineRecord) -> String {
    let mut s = format!("→ {} due {}", short(&d.target_kind), interval_text(&d.due));
    if let Some(ext) = &d.extended_due {
        let _ = write!(s, " · {} if extended", interval_text(ext));
    }
    if d.status == DeadlineStatus::Overdue
        && let Some(late) = &d.late
    {
        let unit = if d.unit == CountUnit::WorkingDays {
            " wd"
        } else {
            " d"
        };
        let _ = write!(s, " · {}{unit} overdue", count_text(late));
    }
    s
}

fn target_hint(d: &DeadlineRecord) -> Option<String> {
    let taken = d.taken.as_ref()?;
    let (taken_unit, late_unit) = match d.unit {
        CountUnit::WorkingDays => (" wd", ""),
        CountUnit::Days => (" d", " d"),
    };
    let mut s = format!("{}{taken_unit}", count_text(taken));
    // Lateness is measured against the extended limit where the deadline allows
    // one, so once the standard limit is exceeded that is the limit to show.
    let over_standard = !matches!(d.status, DeadlineStatus::Met);
    let (limit, due) = match (&d.extended_limit, &d.extended_due, over_standard) {
        (Some(limit), Some(due), true) => (limit, due),
        _ => (&d.limit, &d.due),
    };
    let _ = write!(s, " · limit {}", limit_text(limit));
    if let Some(late) = late_text(d.late.as_ref(), late_unit) {
        let _ = write!(s, " · {late} · due {}", interval_text(due));
    }
    Some(s)
}

fn status_word(s: RecStatus) -> &'static str {
    match s {
        RecStatus::Open => "open",
        RecStatus::Done => "done",
        RecStatus::Declined => "declined",
        RecStatus::Partial => "partly done",
    }
}

fn rec_hint(r: &RecRecord) -> Option<String> {
    let due = r.due.as_ref()?;
    let mut s = format!("due {} · {}", interval_text(due), status_word(r.status));
    if let Some(late) = late_text(r.late.as_ref(), " wd") {
        let _ = write!(s, " {late}");
    }
    Some(s)
}

/// What the analysis found for the deadlines this entry starts or ends, in
/// words, for the event kind's hover (one Markdown list item each).
pub fn entry_deadline_lines(snap: &DocumentSnapshot, entry: usize) -> String {
    let analysis = snap.analysis();
    let mut out = String::new();
    for d in &analysis.deadlines {
        let unit = match d.unit {
            CountUnit::WorkingDays => " working days",
            CountUnit::Days => " days",
        };
        if d.target_entry == Some(entry) {
            let _ = write!(out, "- {} after the {}", d.target_label, d.start_label);
            if let Some(taken) = &d.taken {
                let _ = write!(out, ": {}{unit}", count_text(taken));
            }
            let _ = write!(out, "; due {}", interval_text(&d.due));
            if let Some(ext) = &d.extended_due {
                let _ = write!(out, " ({} if extended)", interval_text(ext));
            }
            if let Some(late) = late_text(d.late.as_ref(), unit) {
                let _ = write!(out, "; {late}");
            }
            out.push('\n');
        } else if d.start_entry == entry {
            let _ = write!(
                out,
                "- starts the {}: due {}",
                d.target_label,
                interval_text(&d.due)
            );
            if let Some(ext) = &d.extended_due {
                let _ = write!(out, " ({} if extended)", interval_text(ext));
            }
            out.push('\n');
        }
    }
    out
}

/// The due date and status lines of a recommendation's hover.
pub fn rec_status_lines(snap: &DocumentSnapshot, id: &str, md: &mut String) {
    let analysis = snap.analysis();
    let Some(r) = analysis.recs.iter().find(|r| r.id == id) else {
        return;
    };
    match (&r.due, &r.due_basis) {
        (Some(due), Some(basis)) => {
            let _ = writeln!(md, "\nDue: {} ({basis})", interval_text(due));
        }
        (Some(due), None) => {
            let _ = writeln!(md, "\nDue: {}", interval_text(due));
        }
        (None, _) => md.push_str("\nNo due date.\n"),
    }
    let _ = write!(md, "\nStatus: {}", status_word(r.status));
    match late_text(r.late.as_ref(), " working days") {
        Some(late) => {
            let _ = writeln!(md, ", {late}");
        }
        None => md.push('\n'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn iv(a: Option<(i32, u32, u32)>, b: Option<(i32, u32, u32)>) -> Interval {
        let d =
            |t: Option<(i32, u32, u32)>| t.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        Interval {
            earliest: d(a),
            latest: d(b),
        }
    }

    #[test]
    fn intervals_use_the_short_range_forms() {
        assert_eq!(
            interval_text(&iv(Some((2023, 12, 22)), Some((2023, 12, 22)))),
            "2023-12-22"
        );
        assert_eq!(
            interval_text(&iv(Some((2024, 4, 15)), Some((2024, 4, 20)))),
            "2024-04-15..20"
        );
        assert_eq!(
            interval_text(&iv(Some((2024, 4, 15)), Some((2024, 6, 14)))),
            "2024-04-15..06-14"
        );
        assert_eq!(
            interval_text(&iv(Some((2024, 12, 30)), Some((2025, 1, 3)))),
            "2024-12-30..2025-01-03"
        );
        assert_eq!(
            interval_text(&iv(Some((2025, 5, 1)), None)),
            "2025-05-01..?"
        );
        assert_eq!(interval_text(&iv(None, None)), "?..?");
    }

    #[test]
    fn counts_and_lateness() {
        let c = |min, max| CountRange { min, max };
        assert_eq!(count_text(&c(Some(40), Some(40))), "40");
        assert_eq!(count_text(&c(Some(26), Some(46))), "26–46");
        assert_eq!(
            late_text(Some(&c(Some(40), Some(40))), ""),
            Some("40 late".to_owned())
        );
        assert_eq!(
            late_text(Some(&c(Some(-3), Some(10))), ""),
            Some("up to 10 late".to_owned())
        );
        assert_eq!(late_text(Some(&c(Some(-9), Some(-2))), ""), None);
        assert_eq!(
            late_text(Some(&c(Some(12), Some(12))), " wd"),
            Some("12 wd late".to_owned())
        );
    }
}
