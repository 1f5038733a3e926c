//! `textDocument/inlayHint`: the inline deadline hints, at the end of the lines
//! they are about, computed from the check engine's `Analysis.deadlines` and
//! `Analysis.recs` for the same snapshot the positions come from:
//! - after the `case` line (the first line of a file without one), what was
//!   checked, in `Checked::describe`'s words
//!   (`children-statutory · 5 deadlines checked (2 late) · 3 recommendations tracked`),
//!   so that a case with nothing checked never looks clean;
//! - after a stage's start entry, when the next stage is due
//!   (`→ adjudication due 2023-10-27 · 2023-12-22 if extended`);
//! - after a target entry, how long it took, lateness first so that it
//!   survives an editor clipping the hint (`40 wd late · 105 wd · limit 65 wd · due 2023-12-22`);
//! - after a `rec`/`promise` with a due date, what became of it, then the
//!   date (`done 12 wd late · due 2024-11-19`, `overdue · due 2024-11-19`).
//!
//! Every count carries its unit. Vague dates give ranges. Only formatting lives
//! here; every number comes from `caseline-check`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use caseline_check::{
    Analysis, CountRange, CountUnit, DeadlineRecord, DeadlineStatus, Duration, Interval, RecRecord,
    RecStatus, Unit,
};
use caseline_syntax::TextSize;
use tower_lsp_server::ls_types::{InlayHint, InlayHintLabel, InlayHintParams, InlayHintTooltip};

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
    // The case line's hint first on its line, then the deadline hints.
    let mut hints: Vec<(u32, InlayHint)> = checked_hint(&snap, &analysis)
        .filter(|(line, _)| (first..=last).contains(line))
        .into_iter()
        .collect();
    for (line, texts) in by_line.range(first..=last) {
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
        let at = convert::line_content(index, *line).end();
        hints.push((*line, hint(&snap, at, label)));
    }
    // Stable: keeps the case line's hint before the others on its line.
    hints.sort_by_key(|(line, _)| *line);
    let hints = hints.into_iter().map(|(_, h)| h).collect();
    Ok(Some(hints))
}

/// What was checked in this file, at the end of the `case` line (or of the
/// first line when the file has none), in the engine's own words. VS Code
/// clips hints at 43 characters by default, so the whole sentence is also the
/// tooltip. A definitions file (no header, no entries) is not a case: no hint.
fn checked_hint(snap: &DocumentSnapshot, analysis: &Analysis) -> Option<(u32, InlayHint)> {
    let checked = &analysis.checked;
    let doc = snap.parse.document();
    if doc.is_definitions_file() {
        return None;
    }
    let index = snap.index();
    let line = doc
        .header
        .as_ref()
        .map_or(0, |h| index.line_of(h.head_range.start()));
    let label = checked.describe();
    let mut hint = hint(
        snap,
        convert::line_content(index, line).end(),
        label.clone(),
    );
    let mut tooltip = format!("What caseline checked in this file: {label}.");
    if checked.nothing_checked() {
        tooltip.push_str(
            "\n\nNothing was checked: no deadline could be judged and no recommendation is tracked, \
             so the absence of findings says nothing about this case.",
        );
    }
    hint.tooltip = Some(InlayHintTooltip::String(tooltip));
    Some((line, hint))
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

/// ` wd` or ` d`: what a deadline's counts are in, for hints.
fn unit_short(u: CountUnit) -> &'static str {
    match u {
        CountUnit::WorkingDays => " wd",
        CountUnit::Days => " d",
    }
}

/// `40 wd late`, `up to 12 wd late`, or nothing when not late under any
/// reading. `unit` always goes with the number (` wd`, ` working days`).
fn late_text(late: Option<&CountRange>, unit: &str) -> Option<String> {
    let late = late?;
    match (late.min, late.max) {
        (Some(a), _) if a > 0 => Some(format!("{}{unit} late", count_text(late))),
        (_, Some(b)) if b > 0 => Some(format!("up to {b}{unit} late")),
        (_, None) => Some("possibly late".to_owned()),
        _ => None,
    }
}

/// `65 wd`, `15 d`, `4 w`, `1 m`, `1 y`.
fn limit_text(d: &Duration) -> String {
    let unit = match d.unit {
        Unit::WorkingDays => "wd",
        Unit::Days => "d",
        Unit::Weeks => "w",
        Unit::Months => "m",
        Unit::Years => "y",
    };
    format!("{} {unit}", d.amount)
}

fn start_hint(d: &DeadlineRecord) -> String {
    let mut s = format!("→ {}", short(&d.target_kind));
    if d.status == DeadlineStatus::Overdue
        && let Some(late) = &d.late
    {
        let _ = write!(s, " {}{} overdue ·", count_text(late), unit_short(d.unit));
    }
    let _ = write!(s, " due {}", interval_text(&d.due));
    if let Some(ext) = &d.extended_due {
        let _ = write!(s, " · {} if extended", interval_text(ext));
    }
    s
}

fn target_hint(d: &DeadlineRecord) -> Option<String> {
    let taken = d.taken.as_ref()?;
    let unit = unit_short(d.unit);
    let mut parts: Vec<String> = Vec::new();
    let late = late_text(d.late.as_ref(), unit);
    // What went wrong first, so it survives an editor clipping the hint.
    if let Some(late) = &late {
        parts.push(late.clone());
    } else if d.status == DeadlineStatus::ExtensionUnrecorded {
        parts.push("extension not recorded".to_owned());
    }
    parts.push(format!("{}{unit}", count_text(taken)));
    // Lateness is measured against the extended limit where the deadline allows
    // one, so once the standard limit is exceeded that is the limit to show.
    let over_standard = !matches!(d.status, DeadlineStatus::Met);
    let (limit, due) = match (&d.extended_limit, &d.extended_due, over_standard) {
        (Some(limit), Some(due), true) => (limit, due),
        _ => (&d.limit, &d.due),
    };
    parts.push(format!("limit {}", limit_text(limit)));
    if late.is_some() {
        parts.push(format!("due {}", interval_text(due)));
    }
    Some(parts.join(" · "))
}

/// Where a recommendation stands as of the as-of date, as the engine judged
/// it: past its due date and not done or declined, it is overdue, never
/// "open" (`RecRecord::overdue`, docs/format.md#checks, as `rec-overdue` judges it);
/// possibly overdue when the as-of date falls inside a vague due date
/// (`RecRecord::possibly_overdue`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RecState {
    Open,
    PartlyDone,
    Overdue { partly_done: bool },
    PossiblyOverdue { partly_done: bool },
    Done,
    Declined,
}

fn rec_state(r: &RecRecord) -> RecState {
    // The engine's judgement first: it knows when a `done` came after the as-of date.
    if r.overdue.is_some() {
        return RecState::Overdue {
            partly_done: r.status == RecStatus::Partial,
        };
    }
    let partly_done = match r.status {
        RecStatus::Done => return RecState::Done,
        RecStatus::Declined => return RecState::Declined,
        RecStatus::Partial => true,
        RecStatus::Open => false,
    };
    if r.possibly_overdue {
        RecState::PossiblyOverdue { partly_done }
    } else if partly_done {
        RecState::PartlyDone
    } else {
        RecState::Open
    }
}

fn state_words(state: RecState) -> &'static str {
    match state {
        RecState::Open => "open",
        RecState::PartlyDone => "partly done",
        RecState::Overdue { partly_done: false } => "overdue",
        RecState::Overdue { partly_done: true } => "overdue (partly done)",
        RecState::PossiblyOverdue { partly_done: false } => "possibly overdue",
        RecState::PossiblyOverdue { partly_done: true } => "possibly overdue (partly done)",
        RecState::Done => "done",
        RecState::Declined => "declined",
    }
}

fn rec_hint(r: &RecRecord) -> Option<String> {
    let due = r.due.as_ref()?;
    let mut s = state_words(rec_state(r)).to_owned();
    if let Some(overdue) = &r.overdue {
        // "12 wd overdue", the figure `rec-overdue` gives, first.
        s = format!("{} wd {s}", count_text(overdue));
    }
    if let Some(late) = late_text(r.late.as_ref(), " wd") {
        let _ = write!(s, " {late}");
    }
    let _ = write!(s, " · due {}", interval_text(due));
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
            if d.status == DeadlineStatus::Overdue
                && let Some(late) = &d.late
            {
                let _ = write!(
                    out,
                    "; not recorded, and {}{unit} overdue as of {}",
                    count_text(late),
                    analysis.as_of
                );
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
    let as_of = analysis.as_of;
    let state = rec_state(r);
    let _ = write!(md, "\nStatus: {}", state_words(state));
    match state {
        RecState::Overdue { .. } => {
            let _ = writeln!(
                md,
                ": not recorded as done or declined by {as_of}, the date this case is judged at"
            );
        }
        RecState::PossiblyOverdue { .. } => {
            let _ = writeln!(
                md,
                ": the due date is vague, and it is not recorded as done or declined by {as_of}, the date this case is judged at"
            );
        }
        _ => match late_text(r.late.as_ref(), " working days") {
            Some(late) => {
                let _ = writeln!(md, ", {late}");
            }
            None => md.push('\n'),
        },
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
    fn counts_and_lateness_carry_their_unit() {
        let c = |min, max| CountRange { min, max };
        assert_eq!(count_text(&c(Some(40), Some(40))), "40");
        assert_eq!(count_text(&c(Some(26), Some(46))), "26–46");
        assert_eq!(
            late_text(Some(&c(Some(40), Some(40))), " wd"),
            Some("40 wd late".to_owned())
        );
        assert_eq!(
            late_text(Some(&c(Some(-3), Some(10))), " wd"),
            Some("up to 10 wd late".to_owned())
        );
        assert_eq!(late_text(Some(&c(Some(-9), Some(-2))), " wd"), None);
        assert_eq!(
            late_text(Some(&c(Some(12), Some(12))), " d"),
            Some("12 d late".to_owned())
        );
    }

    fn rec(status: RecStatus, due: Option<Interval>) -> RecRecord {
        RecRecord {
            id: "r1".to_owned(),
            kind: caseline_syntax::ast::RecKind::Rec,
            range: caseline_syntax::TextRange::default(),
            entry: 0,
            text: None,
            due,
            due_basis: None,
            status,
            addressed: Vec::new(),
            late: None,
            possibly_overdue: false,
            overdue: None,
        }
    }

    #[test]
    fn the_engine_s_overdue_count_comes_first() {
        let due = Some(iv(Some((2024, 11, 19)), Some((2024, 11, 19))));
        let mut r = rec(RecStatus::Open, due);
        r.overdue = Some(CountRange {
            min: Some(8),
            max: Some(8),
        });
        assert_eq!(
            rec_hint(&r).as_deref(),
            Some("8 wd overdue · due 2024-11-19")
        );
    }

    /// The hint of each recommendation in `text`, as the engine judged it at `as_of`.
    fn rec_hints(text: &str, as_of: (i32, u32, u32)) -> Vec<Option<String>> {
        let parse = caseline_syntax::parse(text);
        let (y, m, d) = as_of;
        let opts = caseline_check::CheckOptions {
            today: NaiveDate::from_ymd_opt(2030, 1, 1).unwrap_or_default(),
            as_of_override: NaiveDate::from_ymd_opt(y, m, d),
            config: caseline_check::Config::default(),
        };
        let analysis =
            caseline_check::check(&parse, &caseline_check::Definitions::builtin(), &opts);
        analysis.recs.iter().map(rec_hint).collect()
    }

    #[test]
    fn a_recommendation_past_its_due_date_is_overdue_never_open() {
        let case = "case \"r\"\n  procedure children-statutory\n\n2024-11-01 note \"made\"\n";
        let made = format!("{case}  rec r1 by 2024-11-19 \"Apologise\"\n  rec r2 \"Review\"\n");
        // Working days in (19 Nov, 30 Nov]: 20–22 and 25–29 November.
        assert_eq!(
            rec_hints(&made, (2024, 11, 30)),
            vec![Some("8 wd overdue · due 2024-11-19".to_owned()), None]
        );
        // Due that very day: not yet overdue.
        assert_eq!(
            rec_hints(&made, (2024, 11, 19))[0].as_deref(),
            Some("open · due 2024-11-19")
        );
        let partial = format!("{made}2024-11-20 partial r1\n");
        assert_eq!(
            rec_hints(&partial, (2024, 11, 30))[0].as_deref(),
            Some("8 wd overdue (partly done) · due 2024-11-19")
        );
        // A vague due date the as-of date falls inside.
        let vague = format!("{case}  rec r1 by 2024-11 \"Apologise\"\n");
        assert_eq!(
            rec_hints(&vague, (2024, 11, 20))[0].as_deref(),
            Some("possibly overdue · due 2024-11-01..30")
        );
        // Done late: the lateness first, with its unit. 20–22, 25–29 November
        // and 2–5 December.
        let done = format!("{made}2024-12-05 done r1\n");
        assert_eq!(
            rec_hints(&done, (2024, 12, 31))[0].as_deref(),
            Some("done 12 wd late · due 2024-11-19")
        );
    }
}
