//! Inlay hints: the inline deadline hints, at the end of the lines they are
//! about, read off the check engine's `Analysis.deadlines` and `Analysis.recs`
//! for the same parse the offsets come from:
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
//! Every count carries its unit. Vague dates give ranges. Several hints for
//! one line are joined into one, in a stable order.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use caseline_check::{Analysis, DeadlineRecord, DeadlineStatus, RecRecord};
use caseline_syntax::{Parse, TextRange, TextSize};

use caseline_check::CountUnit;
use caseline_check::wording::{self, Form::Short, RecState};

/// One hint, shown after `offset` (the end of a line's content).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlayHint {
    pub offset: TextSize,
    pub label: String,
    /// The longer explanation, where the label alone may be clipped or terse.
    pub tooltip: Option<String>,
}

/// The hints of every line that `range` touches, in line order.
pub fn inlay_hints(parse: &Parse, analysis: &Analysis, range: TextRange) -> Vec<InlayHint> {
    let index = parse.line_index();
    let mut by_line: BTreeMap<u32, Vec<String>> = BTreeMap::new();
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
    let first = index.line_of(range.start());
    let last = index.line_of(range.end());
    // The case line's hint first on its line, then the deadline hints.
    let mut hints: Vec<(u32, InlayHint)> = checked_hint(parse, analysis)
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
        let hint = InlayHint {
            offset: index.line_range(*line).end(),
            label,
            tooltip: None,
        };
        hints.push((*line, hint));
    }
    // Stable: keeps the case line's hint before the others on its line.
    hints.sort_by_key(|(line, _)| *line);
    hints.into_iter().map(|(_, h)| h).collect()
}

/// What was checked in this file, at the end of the `case` line (or of the
/// first line when the file has none), in the engine's own words. VS Code
/// clips hints at 43 characters by default, so the whole sentence is also the
/// tooltip. A definitions file (no header, no entries) is not a case: no hint.
fn checked_hint(parse: &Parse, analysis: &Analysis) -> Option<(u32, InlayHint)> {
    let checked = &analysis.checked;
    let doc = parse.document();
    if doc.is_definitions_file() {
        return None;
    }
    let index = parse.line_index();
    let line = doc
        .header
        .as_ref()
        .map_or(0, |h| index.line_of(h.head_range.start()));
    let label = checked.describe();
    let mut tooltip = format!("What caseline checked in this file: {label}.");
    if checked.nothing_checked() {
        tooltip.push_str(
            "\n\nNothing was checked: no deadline could be judged and no recommendation is tracked, \
             so the absence of findings says nothing about this case.",
        );
    }
    let hint = InlayHint {
        offset: index.line_range(line).end(),
        label,
        tooltip: Some(tooltip),
    };
    Some((line, hint))
}

/// The short name of a target: `stage2.adjudication` -> `adjudication`.
fn short(kind: &str) -> &str {
    kind.split_once('.').map_or(kind, |(_, rest)| rest)
}

/// "40 wd", "38–40 wd".
fn short_count(c: &caseline_check::CountRange, unit: CountUnit) -> String {
    format!(
        "{} {}",
        wording::number(c, Short),
        wording::unit(unit, 2, Short)
    )
}

fn start_hint(d: &DeadlineRecord) -> String {
    let mut s = format!("→ {}", short(&d.target_kind));
    match d.not_judged {
        Some(caseline_check::NotJudged::Exception) => {
            s.push_str(" limit switched off (exception)");
            return s;
        }
        Some(caseline_check::NotJudged::Paused) => {
            s.push_str(" clock paused");
            return s;
        }
        _ => {}
    }
    if d.status == DeadlineStatus::Overdue
        && let Some(late) = &d.late
    {
        let _ = write!(s, " {} overdue ·", short_count(late, d.unit));
    }
    let _ = write!(s, " due {}", wording::interval(d.due, Short));
    if let Some(ext) = &d.extended_due {
        let _ = write!(s, " · {} if extended", wording::interval(*ext, Short));
    }
    if d.guidance {
        s.push_str(" (guidance)");
    }
    s
}

fn target_hint(d: &DeadlineRecord) -> Option<String> {
    let taken = d.taken.as_ref()?;
    let mut parts: Vec<String> = Vec::new();
    let late = wording::late(d.late.as_ref(), d.unit, Short);
    // What went wrong first, so it survives an editor clipping the hint.
    if let Some(late) = &late {
        parts.push(late.clone());
    } else if d.status == DeadlineStatus::ExtensionUnrecorded {
        parts.push("extension not recorded".to_owned());
    }
    parts.push(short_count(taken, d.unit));
    // Lateness is measured against the extended limit where the deadline allows
    // one, so once the standard limit is exceeded that is the limit to show.
    let over_standard = !matches!(d.status, DeadlineStatus::Met);
    let (limit, due) = match (&d.extended_limit, &d.extended_due, over_standard) {
        (Some(limit), Some(due), true) => (limit, due),
        _ => (&d.limit, &d.due),
    };
    parts.push(format!("limit {}", wording::limit(*limit, Short)));
    if late.is_some() {
        parts.push(format!("due {}", wording::interval(*due, Short)));
    }
    if d.guidance {
        parts.push("guidance".to_owned());
    }
    Some(parts.join(" · "))
}

fn rec_hint(r: &RecRecord) -> Option<String> {
    let due = r.due.as_ref()?;
    let mut s = RecState::of(r).words().to_owned();
    if let Some(overdue) = &r.overdue {
        // "12 wd overdue", the figure `rec-overdue` gives, first.
        s = format!("{} {s}", short_count(overdue, CountUnit::WorkingDays));
    }
    if let Some(late) = wording::late(r.late.as_ref(), CountUnit::WorkingDays, Short) {
        let _ = write!(s, " {late}");
    }
    let _ = write!(s, " · due {}", wording::interval(*due, Short));
    Some(s)
}

#[cfg(test)]
mod tests {
    use caseline_check::{CountRange, Interval, RecRecord, RecStatus};
    use chrono::NaiveDate;

    use super::rec_hint;
    use crate::fixture::Fixture;

    /// Every hint of the requested range (the whole file, or between two
    /// `$0`), as `LINE: label` (1-based), the tooltip below it.
    fn hints(fixture: &str) -> String {
        let f = Fixture::new(fixture);
        let index = f.parse.line_index();
        let mut out = String::new();
        for h in super::inlay_hints(&f.parse, &f.analysis, f.range) {
            let line = index.line_of(h.offset);
            assert_eq!(
                h.offset,
                index.line_range(line).end(),
                "at the end of its line"
            );
            out.push_str(&format!("{}: {}\n", line + 1, h.label));
            for line in h.tooltip.iter().flat_map(|t| t.lines()) {
                match line {
                    "" => out.push('\n'),
                    _ => out.push_str(&format!("   {line}\n")),
                }
            }
        }
        out
    }

    #[track_caller]
    fn check(fixture: &str, expect: &str) {
        assert_eq!(hints(fixture), expect.strip_prefix('\n').unwrap_or(expect));
    }

    /// See hover's tests: stage 1 across Easter 2024, 12 working days taken,
    /// due on 10 April, 24 April if extended, no extension recorded.
    const EASTER: &str = r#"
case "1"
  procedure children-statutory
  as-of 2024-06-28

2024-03-25 stage1.received
2024-04-12 stage1.response
$0"#;

    /// A limit switched off by an exception says so where the clock starts,
    /// instead of a due date that no longer applies; a guidance limit says it
    /// is guidance.
    #[test]
    fn switched_off_and_guidance_limits_say_so() {
        let got = hints(
            "case \"1\"\n  procedure send-ehc\n  as-of 2024-12-01\n\n2024-01-08 ehc.requested\n  exception ehc.final \"school closed\"\n2024-02-12 ehc.assess-decision\n2024-06-10 ehc.final\n$0",
        );
        assert!(
            got.contains("→ final limit switched off (exception)"),
            "{got}"
        );
        let got = hints(
            "case \"1\"\n  procedure foi\n  as-of 2024-06-01\n\n2024-01-08 foi.received\n2024-02-01 foi.response\n2024-02-05 foi-review.requested\n2024-04-30 foi-review.response\n$0",
        );
        assert!(got.contains("· guidance"), "{got}");
        assert!(got.contains("(guidance)"), "{got}");
    }

    #[test]
    fn a_stage_shows_when_it_was_due_and_how_long_it_took() {
        check(
            EASTER,
            r#"
1: children-statutory · 1 deadline checked · 0 recommendations tracked
   What caseline checked in this file: children-statutory · 1 deadline checked · 0 recommendations tracked.
5: → response due 2024-04-10 · 2024-04-24 if extended
6: extension not recorded · 12 wd · limit 20 wd
"#,
        );
    }

    #[test]
    fn only_the_lines_of_the_requested_range_get_hints() {
        let only_response = EASTER.replace("$0", "").replace(
            "2024-04-12 stage1.response",
            "$02024-04-12 stage1.resp$0onse",
        );
        check(
            &only_response,
            r#"
6: extension not recorded · 12 wd · limit 20 wd
"#,
        );
    }

    #[test]
    fn a_misspelt_target_leaves_its_stage_overdue() {
        // 45 working days after the extended due date, as of 28 June
        // (hover's tests count them).
        check(
            &EASTER.replace("stage1.response", "stage1.respnse"),
            r#"
1: children-statutory · 1 deadline checked (1 late) · 0 recommendations tracked
   What caseline checked in this file: children-statutory · 1 deadline checked (1 late) · 0 recommendations tracked.
5: → response 45 wd overdue · due 2024-04-10 · 2024-04-24 if extended
"#,
        );
    }

    #[test]
    fn a_stage_missed_even_with_the_extension_leads_with_the_lateness() {
        // From 24 April (20 working days) to Friday 31 May: 25 April to 3 May
        // is 7, 7 to 10 May 4 more (6 May is a bank holiday), 13 to 24 May 10,
        // 28 to 31 May 4 (27 May is one too): 25 working days late; 45 taken.
        check(
            &EASTER.replace("2024-04-12", "2024-05-31"),
            r#"
1: children-statutory · 1 deadline checked (1 late) · 0 recommendations tracked
   What caseline checked in this file: children-statutory · 1 deadline checked (1 late) · 0 recommendations tracked.
5: → response due 2024-04-10 · 2024-04-24 if extended
6: 25 wd late · 45 wd · limit 20 wd · due 2024-04-24
"#,
        );
    }

    #[test]
    fn a_case_with_no_procedure_line_says_nothing_was_checked() {
        check(
            r#"$0
case "1"
  as-of 2024-06-01

2024-01-02 stage1.received
2024-04-10 stage1.response
"#,
            r#"
2: no procedure named · no deadline checked · 0 recommendations tracked
   What caseline checked in this file: no procedure named · no deadline checked · 0 recommendations tracked.

   Nothing was checked: no deadline could be judged and no recommendation is tracked, so the absence of findings says nothing about this case.
"#,
        );
    }

    #[test]
    fn a_file_without_a_case_line_gets_the_hint_on_its_first_line() {
        check(
            "2024-01-02 note$0\n",
            r#"
1: no case header · no procedure named · no deadline checked · 0 recommendations tracked
   What caseline checked in this file: no case header · no procedure named · no deadline checked · 0 recommendations tracked.

   Nothing was checked: no deadline could be judged and no recommendation is tracked, so the absence of findings says nothing about this case.
"#,
        );
    }

    #[test]
    fn a_definitions_file_has_no_hints() {
        check(
            r#"
procedure local$0
  event a.received "Received"
  event a.response "Response"
  deadline a.response within 5wd of a.received
"#,
            "",
        );
    }

    #[test]
    fn a_recommendation_shows_what_became_of_it() {
        // Due on Tuesday 19 November 2024; judged on Friday the 29th: 20–22
        // and 25–29 November are 8 working days.
        check(
            r#"$0
case "1"
  procedure children-statutory
  as-of 2024-11-29

2024-11-01 stage2.report
  rec r1 by 2024-11-19 "Apologise"
  rec r2 "Review"
"#,
            r#"
2: children-statutory · no deadline checked · 2 recommendations tracked (1 late)
   What caseline checked in this file: children-statutory · no deadline checked · 2 recommendations tracked (1 late).
7: 8 wd overdue · due 2024-11-19
"#,
        );
    }

    fn iv(a: Option<(i32, u32, u32)>, b: Option<(i32, u32, u32)>) -> Interval {
        let d =
            |t: Option<(i32, u32, u32)>| t.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        Interval {
            earliest: d(a),
            latest: d(b),
        }
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
            due_after: None,
            status,
            addressed: Vec::new(),
            addressed_entries: Vec::new(),
            closed_entry: None,
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
