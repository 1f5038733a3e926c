//! The report as plain data: what to draw and list, worked out from the parse,
//! the analysis and the definitions. Everything is in days and words; nothing
//! here knows about pixels or HTML (`html.rs` does), so the layout can be unit
//! tested and drawn in other ways later.
//!
//! Must not read files or the clock; the as-of date comes from the analysis.
//! Works nothing out that the engine knows: entry dates (`?` resolved), labels,
//! the calendar and every count are read off the [`Analysis`].

use caseline_check::{
    Analysis, CountRange, CountUnit, DeadlineRecord, DeadlineStatus, Holiday, Interval, RecRecord,
    RecStatus,
};
use caseline_syntax::Parse;
use caseline_syntax::ast::{Entry, RecKind};
use chrono::{Datelike, Days, NaiveDate};

/// Above this many years between the first and last day, bank holidays are not
/// listed: such a span comes from a typo (year 2204), and thousands of marks would
/// make the picture unreadable anyway.
const MAX_HOLIDAY_SPAN_YEARS: i32 = 30;

/// Everything the report shows about one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub case: CaseInfo,
    /// The calendar the deadlines were counted in.
    pub calendar: String,
    pub as_of: NaiveDate,
    /// The time axis, whole months: the first day of the earliest month shown
    /// and the last day of the latest one.
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// One bar per evaluated deadline, in the order the analysis found them.
    pub bars: Vec<Bar>,
    /// Every dated entry of the timeline (vague dates as ranges).
    pub events: Vec<EventMark>,
    /// Closed weekdays of the case's calendar within the axis.
    pub holidays: Vec<Holiday>,
    pub recs: Vec<RecRow>,
    /// The checker's findings, for the list under the picture.
    pub findings: Vec<FindingRow>,
    /// Findings silenced by an acknowledgement comment, with its reason: listed
    /// on their own, never dropped without a trace.
    pub acknowledged: Vec<AcknowledgedRow>,
    /// What the check judged, in the engine's words (`Checked::describe`).
    pub checked: String,
    /// No deadline judged and no recommendation tracked: the absence of
    /// findings says nothing about the case.
    pub nothing_checked: bool,
    /// 1-based lines the parser could not read: left out of the timeline.
    pub unreadable_lines: Vec<u32>,
}

/// The case header, as written (all optional: a file may have none).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseInfo {
    pub reference: Option<String>,
    pub title: Option<String>,
    pub body: Option<String>,
    pub complainant: Option<String>,
    pub procedures: Vec<String>,
    pub source: Option<String>,
}

/// How a deadline turned out, in the report's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarStatus {
    /// Within the standard limit.
    Met,
    /// Within the extended limit, and the extension is recorded.
    MetWithExtension,
    /// Within the extended limit only, and no extension is recorded.
    ExtensionUnrecorded,
    /// After the limit under every reading of the dates.
    Late,
    /// After the limit under some readings only.
    PossiblyLate,
    /// Not recorded, and the limit has passed as of the as-of date.
    Overdue,
    /// Not recorded, and the limit has not passed yet.
    Pending,
    /// Not recorded, but the procedure moved on past it, so it is not judged.
    NotJudged,
}

impl BarStatus {
    /// A short label that says the status without relying on colour.
    pub fn label(self) -> &'static str {
        match self {
            BarStatus::Met => "met",
            BarStatus::MetWithExtension => "met (extended)",
            BarStatus::ExtensionUnrecorded => "within extension, not recorded",
            BarStatus::Late => "late",
            BarStatus::PossiblyLate => "possibly late",
            BarStatus::Overdue => "overdue",
            BarStatus::Pending => "pending",
            BarStatus::NotJudged => "not judged",
        }
    }

    /// Late, possibly late or overdue: drawn with the lateness colour and pattern.
    pub fn is_late(self) -> bool {
        matches!(
            self,
            BarStatus::Late | BarStatus::PossiblyLate | BarStatus::Overdue
        )
    }

    pub(crate) fn from_record(s: DeadlineStatus) -> BarStatus {
        match s {
            DeadlineStatus::Met => BarStatus::Met,
            DeadlineStatus::MetWithExtension => BarStatus::MetWithExtension,
            DeadlineStatus::ExtensionUnrecorded => BarStatus::ExtensionUnrecorded,
            DeadlineStatus::Missed => BarStatus::Late,
            DeadlineStatus::PossiblyMissed => BarStatus::PossiblyLate,
            DeadlineStatus::Overdue => BarStatus::Overdue,
            DeadlineStatus::Pending => BarStatus::Pending,
            DeadlineStatus::NotJudged => BarStatus::NotJudged,
        }
    }
}

/// Where a bar ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarEnd {
    /// The target event is recorded (possibly with a vague date).
    Recorded(Interval),
    /// Not recorded: the bar runs to the as-of date.
    Open { as_of: NaiveDate },
}

/// One deadline for one occurrence of its start event: a stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    /// What was due, e.g. "Stage 2 adjudication (response)".
    pub target_label: String,
    /// What started the clock, e.g. "Complainant asked for stage 2".
    pub start_label: String,
    pub procedure: String,
    pub citation: Option<String>,
    /// Index into `Document::entries` of the start entry.
    pub start_entry: usize,
    pub start: Interval,
    pub end: BarEnd,
    /// The standard limit in words ("25 working days") and when it fell due.
    pub limit: String,
    pub due: Interval,
    /// The extended limit, where the deadline may be extended.
    pub extended_limit: Option<String>,
    pub extended_due: Option<Interval>,
    pub extension_recorded: bool,
    pub status: BarStatus,
    /// Days from start to target (or to the as-of date when not recorded).
    pub taken: Option<CountRange>,
    /// Days after the applicable limit, only where the bar is late or overdue.
    pub late: Option<CountRange>,
    pub unit: CountUnit,
    /// How the due day was counted and what else a reader needs (a
    /// procedure's own calendar, paused days, a limit that is guidance or was
    /// switched off by an exception), in the engine's words.
    pub notes: Vec<String>,
}

impl Bar {
    /// The day the bar is judged against: the extended due date where one
    /// applies (an extension is recorded, or the bar is late even with it), else
    /// the standard one. The stretch after it is drawn as late.
    pub fn applicable_due(&self) -> Interval {
        match (self.extended_due, self.status) {
            (Some(ext), BarStatus::MetWithExtension) => ext,
            (Some(ext), _) if self.extension_recorded || self.status.is_late() => ext,
            _ => self.due,
        }
    }

    /// The last day the bar may cover (latest target day, or the as-of date).
    pub fn end_latest(&self) -> Option<NaiveDate> {
        match self.end {
            BarEnd::Recorded(i) => i.latest,
            BarEnd::Open { as_of } => Some(as_of),
        }
    }
}

/// One dated entry on the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventMark {
    pub entry: usize,
    /// The event kind as written (`stage2.requested`, `done`).
    pub kind: String,
    /// The procedure's label for the kind, or the kind itself.
    pub label: String,
    pub text: Option<String>,
    /// When it happened; a range when the date is vague or `?`.
    pub when: Interval,
}

/// What became of a recommendation or promise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecOutcome {
    Done,
    DoneLate,
    Declined,
    /// Some progress, not finished, not yet overdue.
    Partial,
    /// Not addressed, and not yet due (or with no due date).
    Open,
    /// Not done or declined, and the due date has passed.
    Overdue,
}

impl RecOutcome {
    pub fn label(self) -> &'static str {
        match self {
            RecOutcome::Done => "done",
            RecOutcome::DoneLate => "done late",
            RecOutcome::Declined => "declined",
            RecOutcome::Partial => "partly done",
            RecOutcome::Open => "open",
            RecOutcome::Overdue => "overdue",
        }
    }

    pub fn is_late(self) -> bool {
        matches!(self, RecOutcome::DoneLate | RecOutcome::Overdue)
    }
}

/// One row of the recommendations and promises table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecRow {
    pub id: String,
    pub kind: RecKind,
    pub text: Option<String>,
    /// The event that made it ("Investigating officer's report") and when.
    pub made_by: String,
    pub made_at: Interval,
    pub due: Option<Interval>,
    /// How the due date was set, in words.
    pub due_basis: Option<String>,
    pub outcome: RecOutcome,
    /// The `done`/`declined`/`partial` entries naming it: (kind, when).
    pub addressed: Vec<(String, Interval)>,
    /// When it was finished (done or declined), if it was.
    pub closed_at: Option<Interval>,
    /// Working days late: after the due date when done late, or overdue as of
    /// the as-of date when still open.
    pub late: Option<CountRange>,
}

/// One finding of the checker, for the list under the picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingRow {
    /// 1-based line.
    pub line: u32,
    pub severity: &'static str,
    pub rule: &'static str,
    pub message: String,
}

/// A finding silenced by `# caseline: allow RULE "reason"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcknowledgedRow {
    /// 1-based line of the finding.
    pub line: u32,
    pub severity: &'static str,
    pub rule: &'static str,
    pub message: String,
    /// Why the file says it is acceptable.
    pub reason: String,
}

/// Builds the report data for one checked case: everything comes from the
/// analysis (entry intervals, calendar, labels, records), nothing is recounted.
pub fn layout(parse: &Parse, analysis: &Analysis) -> Layout {
    let doc = parse.document();
    let case = case_info(parse);
    let label_of = |kind: &str| -> String {
        analysis
            .event_labels
            .get(kind)
            .cloned()
            .unwrap_or_else(|| kind.to_string())
    };

    let intervals = analysis.entry_intervals.as_slice();
    let events: Vec<EventMark> = doc
        .entries
        .iter()
        .zip(intervals)
        .enumerate()
        .filter_map(|(i, (e, when))| {
            let kind = e.kind.as_ref()?.value.clone();
            Some(EventMark {
                entry: i,
                label: label_of(&kind),
                kind,
                text: e.text.as_ref().map(|t| t.value.clone()),
                when: *when,
            })
        })
        .collect();

    let calendar = &analysis.case_calendar;

    let bars: Vec<Bar> = analysis
        .deadlines
        .iter()
        .map(|d| bar(d, intervals, analysis.as_of))
        .collect();
    let recs: Vec<RecRow> = analysis
        .recs
        .iter()
        .map(|r| rec_row(r, doc.entries.as_slice(), intervals, &label_of))
        .collect();

    let (first_day, last_day) = axis(&events, &bars, &recs, analysis.as_of);
    let holidays = if last_day.year() - first_day.year() <= MAX_HOLIDAY_SPAN_YEARS {
        // `holidays_between` is (a, b]: start the day before the axis.
        let before = first_day.pred_opt().unwrap_or(first_day);
        calendar.holidays_between(before, last_day)
    } else {
        Vec::new()
    };

    let line = |at: caseline_syntax::TextSize| parse.line_index().line_of(at).saturating_add(1);
    let findings = analysis
        .diagnostics
        .iter()
        .map(|d| FindingRow {
            line: line(d.range.start()),
            severity: d.severity.as_str(),
            rule: d.rule.name(),
            message: d.message.clone(),
        })
        .collect();
    let acknowledged = analysis
        .acknowledged
        .iter()
        .map(|a| AcknowledgedRow {
            line: line(a.diagnostic.range.start()),
            severity: a.diagnostic.severity.as_str(),
            rule: a.diagnostic.rule.name(),
            message: a.diagnostic.message.clone(),
            reason: a.reason.clone(),
        })
        .collect();
    let mut unreadable_lines: Vec<u32> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.rule == caseline_check::Rule::Syntax)
        .map(|d| line(d.range.start()))
        .collect();
    unreadable_lines.dedup();

    Layout {
        case,
        calendar: calendar.name().to_string(),
        as_of: analysis.as_of,
        first_day,
        last_day,
        bars,
        events,
        holidays,
        recs,
        findings,
        acknowledged,
        checked: analysis.checked.describe(),
        nothing_checked: analysis.checked.nothing_checked(),
        unreadable_lines,
    }
}

fn case_info(parse: &Parse) -> CaseInfo {
    let Some(h) = &parse.document().header else {
        return CaseInfo::default();
    };
    let s = |v: &Option<caseline_syntax::ast::Spanned<String>>| v.as_ref().map(|x| x.value.clone());
    CaseInfo {
        reference: s(&h.reference),
        title: s(&h.title),
        body: s(&h.body),
        complainant: s(&h.complainant),
        procedures: h
            .procedures
            .iter()
            .flatten()
            .map(|p| p.value.clone())
            .collect(),
        source: s(&h.source),
    }
}

/// `intervals` are the entries' dates (the record names its start entry; the
/// analysis counted the due dates from that entry's interval).
fn bar(d: &DeadlineRecord, intervals: &[Interval], as_of: NaiveDate) -> Bar {
    let status = BarStatus::from_record(d.status);
    Bar {
        target_label: d.target_label.clone(),
        start_label: d.start_label.clone(),
        procedure: d.procedure.clone(),
        citation: d.citation.clone(),
        start_entry: d.start_entry,
        start: intervals
            .get(d.start_entry)
            .copied()
            .unwrap_or_else(Interval::unknown),
        end: match d.actual {
            Some(i) => BarEnd::Recorded(i),
            None => BarEnd::Open { as_of },
        },
        limit: d.limit.describe(),
        due: d.due,
        extended_limit: d.extended_limit.map(|l| l.describe()),
        extended_due: d.extended_due,
        extension_recorded: d.extension_recorded,
        status,
        taken: d.taken,
        late: if status.is_late() { d.late } else { None },
        unit: d.unit,
        notes: {
            let mut notes: Vec<String> = caseline_check::wording::counting(d)
                .into_iter()
                .map(|c| {
                    let mut c = c;
                    if let Some(first) = c.get(..1) {
                        c = first.to_uppercase() + &c[1..];
                    }
                    c + "."
                })
                .collect();
            notes.extend(caseline_check::wording::deadline_notes(d));
            notes
        },
    }
}

fn rec_row(
    r: &RecRecord,
    entries: &[Entry],
    intervals: &[Interval],
    label_of: &dyn Fn(&str) -> String,
) -> RecRow {
    let made_by = entries
        .get(r.entry)
        .and_then(|e| e.kind.as_ref())
        .map(|k| label_of(&k.value))
        .unwrap_or_default();
    let made_at = intervals
        .get(r.entry)
        .copied()
        .unwrap_or_else(Interval::unknown);
    let addressed: Vec<(String, Interval)> = r
        .addressed
        .iter()
        .filter_map(|range| {
            // Entries are in file order: binary search for the one holding `range`.
            let i = entries.partition_point(|e| e.range.end() < range.start());
            let e = entries.get(i).filter(|e| e.range.contains_range(*range))?;
            let kind = e.kind.as_ref()?.value.clone();
            Some((kind, *intervals.get(i)?))
        })
        .collect();
    let closed_at = addressed
        .iter()
        .find(|(k, _)| k == "done" || k == "declined")
        .map(|(_, i)| *i);
    let (outcome, late) = rec_outcome(r);
    RecRow {
        id: r.id.clone(),
        kind: r.kind,
        text: r.text.clone(),
        made_by,
        made_at,
        due: r.due,
        due_basis: r.due_basis.clone(),
        outcome,
        addressed,
        closed_at,
        late,
    }
}

/// What became of a recommendation, and by how many working days it was late
/// or is overdue, as the engine judged it.
pub(crate) fn rec_outcome(r: &RecRecord) -> (RecOutcome, Option<CountRange>) {
    match r.status {
        RecStatus::Done if r.late.is_some() => (RecOutcome::DoneLate, r.late),
        RecStatus::Done => (RecOutcome::Done, None),
        RecStatus::Declined => (RecOutcome::Declined, None),
        // Overdue by the engine's count: working days from the due date to the
        // as-of date (a range where the due date is vague), the figure
        // `rec-overdue` gives.
        RecStatus::Open | RecStatus::Partial if r.overdue.is_some() => {
            (RecOutcome::Overdue, r.overdue)
        }
        RecStatus::Partial => (RecOutcome::Partial, None),
        RecStatus::Open => (RecOutcome::Open, None),
    }
}

/// Whole months from the earliest to the latest known day of anything shown.
/// The as-of date counts only when something is still open (otherwise a case
/// closed years ago would be squeezed into a corner).
fn axis(
    events: &[EventMark],
    bars: &[Bar],
    recs: &[RecRow],
    as_of: NaiveDate,
) -> (NaiveDate, NaiveDate) {
    let mut days: Vec<NaiveDate> = Vec::new();
    let mut push = |i: &Interval| days.extend(i.earliest.into_iter().chain(i.latest));
    for e in events {
        push(&e.when);
    }
    let mut open = false;
    for b in bars {
        push(&b.start);
        push(&b.due);
        if let Some(x) = &b.extended_due {
            push(x);
        }
        match b.end {
            BarEnd::Recorded(i) => push(&i),
            BarEnd::Open { .. } => open |= b.status != BarStatus::NotJudged,
        }
    }
    for r in recs {
        if let Some(d) = &r.due {
            push(d);
        }
        open |= matches!(
            r.outcome,
            RecOutcome::Open | RecOutcome::Overdue | RecOutcome::Partial
        );
    }
    if open || days.is_empty() {
        days.push(as_of);
    }
    let first = days.iter().copied().min().unwrap_or(as_of);
    let last = days.iter().copied().max().unwrap_or(as_of);
    (month_start(first), month_end(last))
}

fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn month_end(d: NaiveDate) -> NaiveDate {
    month_start(d)
        .checked_add_months(chrono::Months::new(1))
        .and_then(|n| n.checked_sub_days(Days::new(1)))
        .unwrap_or(d)
}

#[cfg(test)]
mod tests {
    //! Expected values are worked out by hand from docs/format.md (its sections from
    //! "Dates" to "Checks") and the England and Wales bank holidays, not copied from
    //! output.
    use super::*;
    use caseline_check::{CheckOptions, Config, check};

    const WORCESTERSHIRE: &str =
        include_str!("../../../tests/cases/worcestershire-24-017-518.case");

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    fn build(text: &str) -> Layout {
        let parse = caseline_syntax::parse(text);
        let defs = caseline_check::Definitions::builtin();
        let opts = CheckOptions {
            today: d(2026, 1, 1),
            as_of_override: None,
            config: Config::default(),
        };
        let analysis = check(&parse, &defs, &opts);
        layout(&parse, &analysis)
    }

    /// The bar whose target has this label in the built-in procedure.
    fn stage<'l>(l: &'l Layout, target: &str) -> &'l Bar {
        l.bars
            .iter()
            .find(|b| b.target_label.eq_ignore_ascii_case(target))
            .unwrap_or_else(|| panic!("no bar for {target}: {:#?}", l.bars))
    }

    #[test]
    fn stage_2_is_late_past_its_extended_limit() {
        let l = build(WORCESTERSHIRE);
        let b = stage(&l, "stage 2 adjudication");
        // `2024-06 stage2.requested`: some day in June 2024.
        assert_eq!(b.start, Interval::range(d(2024, 6, 1), d(2024, 6, 30)));
        // 25 wd after Sat 1 June = Fri 5 July; after Sun 30 June = Fri 2 August.
        assert_eq!(b.due, Interval::range(d(2024, 7, 5), d(2024, 8, 2)));
        // 65 wd: from 1 June, June 20 + July 23 + August 21 (26 Aug is a bank
        // holiday) = 64, so Mon 2 September; from 30 June, 44 by the end of
        // August, then 21 more in September = Mon 30 September.
        assert_eq!(
            b.extended_due,
            Some(Interval::range(d(2024, 9, 2), d(2024, 9, 30)))
        );
        assert_eq!(b.end, BarEnd::Recorded(Interval::day(d(2024, 11, 5))));
        assert_eq!(b.status, BarStatus::Late);
        // After 30 Sep: 23 October weekdays + 1, 4, 5 November = 26; after 2 Sep:
        // 20 more September weekdays = 46.
        assert_eq!(
            b.late,
            Some(CountRange {
                min: Some(26),
                max: Some(46)
            })
        );
        assert_eq!(b.applicable_due(), b.extended_due.expect("extendable"));
        assert!(
            b.citation
                .as_deref()
                .is_some_and(|c| c.ends_with("reg. 17"))
        );
        assert!(b.end_latest().expect("recorded") > b.applicable_due().latest.expect("known"));
    }

    #[test]
    fn stage_1_with_vague_dates_is_possibly_late() {
        let l = build(WORCESTERSHIRE);
        let b = stage(&l, "stage 1 response");
        // Both entries are `2024-04..2024-05`: the response may have come on the
        // first day or two months later, so only some readings are late.
        assert_eq!(b.start, Interval::range(d(2024, 4, 1), d(2024, 5, 31)));
        assert_eq!(
            b.end,
            BarEnd::Recorded(Interval::range(d(2024, 4, 1), d(2024, 5, 31)))
        );
        assert_eq!(b.status, BarStatus::PossiblyLate);
        assert!(b.status.is_late());
    }

    #[test]
    fn recommendation_a_is_12_working_days_late() {
        let l = build(WORCESTERSHIRE);
        let a = l.recs.iter().find(|r| r.id == "a").expect("rec a");
        // Made at the stage 2 report (`2024-10`), agreed 2024-11-05 within 10wd.
        assert_eq!(a.made_at, Interval::range(d(2024, 10, 1), d(2024, 10, 31)));
        assert_eq!(a.due, Some(Interval::day(d(2024, 11, 19))));
        assert_eq!(a.outcome, RecOutcome::DoneLate);
        assert_eq!(a.closed_at, Some(Interval::day(d(2024, 12, 5))));
        // 20–22 Nov (3), 25–29 Nov (5), 2–5 Dec (4).
        assert_eq!(
            a.late,
            Some(CountRange {
                min: Some(12),
                max: Some(12)
            })
        );
        assert_eq!(a.kind, RecKind::Rec);
    }

    #[test]
    fn promise_done_in_a_vague_range_is_late_by_a_range() {
        let l = build(WORCESTERSHIRE);
        let p = l.recs.iter().find(|r| r.id == "p1").expect("promise p1");
        assert_eq!(p.kind, RecKind::Promise);
        // 15 wd after Thu 12 Dec 2024, skipping 25, 26 Dec and 1 Jan: Tue 7 Jan 2025.
        assert_eq!(p.due, Some(Interval::day(d(2025, 1, 7))));
        // Done 11–20 Jan: 8, 9, 10 Jan (3) up to 8–10, 13–17, 20 Jan (9).
        assert_eq!(
            p.late,
            Some(CountRange {
                min: Some(3),
                max: Some(9)
            })
        );
        let b = l.recs.iter().find(|r| r.id == "b").expect("rec b");
        assert_eq!(b.outcome, RecOutcome::Declined);
        assert_eq!(b.late, None);
        // Made on the as-of date, due a month later: still open, not overdue.
        let o1 = l.recs.iter().find(|r| r.id == "o1").expect("rec o1");
        assert_eq!(o1.outcome, RecOutcome::Open);
        assert_eq!(o1.due, Some(Interval::day(d(2025, 9, 10))));
    }

    #[test]
    fn axis_spans_whole_months_and_lists_bank_holidays() {
        let l = build(WORCESTERSHIRE);
        // Earliest entry `2024-04`; latest due date o1..o3 on 2025-09-10.
        assert_eq!(l.first_day, d(2024, 4, 1));
        assert_eq!(l.last_day, d(2025, 9, 30));
        assert_eq!(l.as_of, d(2025, 8, 10));
        assert_eq!(l.calendar, "england-and-wales");
        let days: Vec<NaiveDate> = l.holidays.iter().map(|h| h.date).collect();
        assert_eq!(
            days,
            vec![
                d(2024, 4, 1), // Easter Monday
                d(2024, 5, 6),
                d(2024, 5, 27),
                d(2024, 8, 26),
                d(2024, 12, 25),
                d(2024, 12, 26),
                d(2025, 1, 1),
                d(2025, 4, 18),
                d(2025, 4, 21),
                d(2025, 5, 5),
                d(2025, 5, 26),
                d(2025, 8, 25),
            ]
        );
        assert!(l.holidays.iter().all(|h| !h.name.is_empty()));
    }

    #[test]
    fn events_keep_vague_dates_as_ranges_and_resolve_question_marks() {
        let text = "case \"X\"\n  procedure children-statutory\n  as-of 2024-03-01\n\n\
                    2024-01-10 stage1.received\n? note \"sometime\"\n2024-02 stage1.response\n";
        let l = build(text);
        let whens: Vec<Interval> = l.events.iter().map(|e| e.when).collect();
        assert_eq!(
            whens,
            vec![
                Interval::day(d(2024, 1, 10)),
                // `?`: from the entry above's earliest day to the one below's latest.
                Interval::range(d(2024, 1, 10), d(2024, 2, 29)),
                Interval::range(d(2024, 2, 1), d(2024, 2, 29)),
            ]
        );
        // The label of `event stage1.received` in the built-in children-statutory.
        assert_eq!(l.events[0].label, "receipt of the complaint");
        assert_eq!(l.events[1].label, "note");
    }

    #[test]
    fn an_open_deadline_runs_to_the_as_of_date() {
        let text = "case \"X\"\n  procedure children-statutory\n  as-of 2024-03-01\n\n\
                    2024-01-10 stage1.received\n";
        let l = build(text);
        let b = stage(&l, "stage 1 response");
        assert_eq!(
            b.end,
            BarEnd::Open {
                as_of: d(2024, 3, 1)
            }
        );
        // 20 wd after Wed 10 Jan 2024 is Wed 7 Feb, long before 1 March.
        assert_eq!(b.status, BarStatus::Overdue);
        assert!(b.late.is_some());
        // Something is open, so the axis reaches the as-of month.
        assert_eq!(l.last_day, d(2024, 3, 31));
    }

    /// The report draws the engine's facts, in the case's own calendar: a
    /// recount here in another calendar (or a `?` resolved differently) would
    /// disagree with the findings.
    #[test]
    fn the_report_counts_nothing_itself_scottish_holidays_and_overdue_days() {
        let text = "case \"X\"\n  procedure children-statutory\n  calendar scotland\n  \
                    as-of 2024-01-31\n\n2023-12-29 stage1.received\n? note \"call\"\n\
                    2024-01-05 stage1.response\n  rec r1 by 2023-12-29 \"Apologise\"\n";
        let l = build(text);
        assert_eq!(l.calendar, "scotland");
        let days: Vec<NaiveDate> = l.holidays.iter().map(|h| h.date).collect();
        // 2 January is a bank holiday in Scotland, not in England.
        assert_eq!(
            days,
            vec![
                d(2023, 12, 25),
                d(2023, 12, 26),
                d(2024, 1, 1),
                d(2024, 1, 2)
            ]
        );
        assert_eq!(
            l.events[1].when,
            Interval::range(d(2023, 12, 29), d(2024, 1, 5))
        );
        let r1 = l.recs.iter().find(|r| r.id == "r1").expect("rec r1");
        assert_eq!(r1.outcome, RecOutcome::Overdue);
        // Working days in (29 Dec, 31 Jan]: the 23 January weekdays less 1 and
        // 2 January, both Scottish bank holidays.
        assert_eq!(
            r1.late,
            Some(CountRange {
                min: Some(21),
                max: Some(21)
            })
        );
    }

    #[test]
    fn an_empty_file_gives_an_empty_layout_on_the_as_of_date() {
        let l = build("");
        assert!(l.bars.is_empty() && l.recs.is_empty() && l.events.is_empty());
        assert_eq!(l.first_day, d(2026, 1, 1));
        assert_eq!(l.last_day, d(2026, 1, 31));
    }
}
