//! The analysis of one case timeline: builds the facts (intervals, procedures in
//! force, deadline and recommendation records) once, then lets every rule turn
//! them into diagnostics, then applies the configuration and acknowledgements.
//!
//! Reads no files and no clock: "today" arrives in [`CheckOptions`]. Per-call
//! work is proportional to the file (entries are indexed by kind).

pub(crate) mod deadlines;
pub(crate) mod recs;
pub(crate) mod timeline;

use std::collections::{BTreeMap, HashMap, HashSet};

use caseline_calendar::{Calendar, Duration, Interval, NaiveDate, Unit};
use caseline_syntax::ast::{DateSpec, Document};
use caseline_syntax::{Parse, TextEdit, TextRange, TextSize};

use crate::definitions::{DeadlineDef, Definitions, EventDef, Procedure, RequireDef};
use crate::diagnostic::{Acknowledged, Diagnostic, Fix, Related};
use crate::records::{Checked, CountUnit, DeadlineRecord, DeadlineStatus, RecRecord};
use crate::registry::{self, Phase};
use crate::{Config, Rule, rules};
use timeline::Timeline;

/// What the caller decides: today's date, an as-of override (`--as-of`), and
/// the project configuration.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    pub today: NaiveDate,
    pub as_of_override: Option<NaiveDate>,
    pub config: Config,
}

/// Everything `check` found out about one file.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// Sorted by range; includes the parser's `syntax` and `date-invalid` errors.
    pub diagnostics: Vec<Diagnostic>,
    /// Findings silenced by `# caseline: allow RULE "reason"`.
    pub acknowledged: Vec<Acknowledged>,
    /// The date open deadlines were judged at.
    pub as_of: NaiveDate,
    /// The name of the calendar the case was counted in.
    pub calendar: String,
    /// That calendar itself (the header's, else the configuration's, else
    /// england-and-wales): for listing its closed days. Every working-day
    /// count is already in the records; front ends never resolve a calendar.
    pub case_calendar: Calendar,
    /// Every entry's date as an interval, one per `Document::entries`: a `?`
    /// (or a date that is not a real day) runs from the earliest day of the
    /// nearest dated entry above to the latest day of the nearest one below
    /// (docs/format.md#dates). The records count from these.
    pub entry_intervals: Vec<Interval>,
    /// The label the procedures in force declare for each event kind the file
    /// uses, as written in the declaration ("Receipt of the complaint"). A
    /// kind no procedure declares has none.
    pub event_labels: BTreeMap<String, String>,
    /// Every deadline evaluated, in procedure then file order.
    pub deadlines: Vec<DeadlineRecord>,
    /// Every recommendation and promise, in file order.
    pub recs: Vec<RecRecord>,
    /// What was judged: the figures every front end shows so that a case with
    /// nothing checked never looks clean.
    pub checked: Checked,
}

/// The calendar every case falls back to (docs/format.md#the-case-header).
pub const DEFAULT_CALENDAR: &str = "england-and-wales";

/// Checks one parsed case file against the procedures and calendars in `defs`.
pub fn check(parse: &Parse, defs: &Definitions, opts: &CheckOptions) -> Analysis {
    check_with(parse, defs, opts, &[])
}

/// [`check`] for a definitions file, with the problems the workspace found in
/// its definitions (`Definitions::with_workspace`: conflicts, unknown names).
/// They go through the same settings and acknowledgements as every other
/// finding, so `caseline.toml` can change their severity and an
/// `# caseline: allow definition-conflict "reason"` line silences one.
pub fn check_with(
    parse: &Parse,
    defs: &Definitions,
    opts: &CheckOptions,
    workspace_problems: &[Diagnostic],
) -> Analysis {
    let mut cx = Cx::new(parse, defs, opts);

    // Each rule's `check` runs in its registry line's phase (`registry.rs`).
    registry::run(Phase::Read, &mut cx);
    deadlines::evaluate(&mut cx);
    not_judged_on_invalid_dates(&mut cx);
    registry::run(Phase::Deadlines, &mut cx);
    recs::evaluate(&mut cx);
    registry::run(Phase::Recs, &mut cx);
    registry::run(Phase::End, &mut cx);

    for p in workspace_problems {
        // The file's own check may already report the same problem.
        if !cx
            .diagnostics
            .iter()
            .any(|d| d.rule == p.rule && d.range == p.range && d.message == p.message)
        {
            cx.diagnostics.push(p.clone());
        }
    }
    cx.finish()
}

/// A deadline whose start or target has a date that is not a real day is not
/// judged: the `date-invalid` error is the finding, and an "unknown number of
/// working days" on top of it would only repeat it less clearly.
fn not_judged_on_invalid_dates(cx: &mut Cx) {
    let invalid = |i: usize| {
        cx.doc
            .entries
            .get(i)
            .is_some_and(|e| e.date.is_none() && !e.date_range.is_empty())
    };
    let marks: Vec<bool> = cx
        .deadlines
        .iter()
        .map(|r| invalid(r.start_entry) || r.target_entry.is_some_and(invalid))
        .collect();
    for (r, bad) in cx.deadlines.iter_mut().zip(marks) {
        if bad {
            r.status = DeadlineStatus::NotJudged;
            r.not_judged = Some(crate::records::NotJudged::InvalidDate);
        }
    }
}

/// A deadline in force for this case, with what "moving on" past its target means.
pub(crate) struct ActiveDeadline<'a> {
    pub procedure: &'a str,
    pub def: &'a DeadlineDef,
    /// Events the declaring procedure (with its `use`s) declares after the
    /// target, but for those that end it.
    pub after_target: Vec<&'a str>,
    /// Events of the declaring procedure that end it (`event ... ends`).
    pub closers: Vec<&'a str>,
}

/// The procedures named in the header, flattened.
pub(crate) struct CaseProcedures<'a> {
    pub list: Vec<&'a Procedure>,
    pub events: HashMap<&'a str, &'a EventDef>,
    /// Events in declaration order (for suggestions).
    pub event_names: Vec<&'a str>,
    pub namespaces: HashSet<&'a str>,
    pub deadlines: Vec<ActiveDeadline<'a>>,
    pub requires: Vec<&'a RequireDef>,
}

impl<'a> CaseProcedures<'a> {
    fn resolve(defs: &'a Definitions, doc: &Document) -> CaseProcedures<'a> {
        let mut list: Vec<&Procedure> = Vec::new();
        if let Some(names) = doc.header.as_ref().and_then(|h| h.procedures.as_ref()) {
            for n in names {
                if let Some(p) = defs.procedure(&n.value)
                    && !list.iter().any(|q| q.name == p.name)
                {
                    list.push(p);
                }
            }
        }
        let mut events = HashMap::new();
        let mut event_names = Vec::new();
        let mut namespaces = HashSet::new();
        let mut deadlines: Vec<ActiveDeadline> = Vec::new();
        let mut requires: Vec<&RequireDef> = Vec::new();
        for p in &list {
            for e in p.all_events() {
                if events.insert(e.name.as_str(), e).is_none() {
                    event_names.push(e.name.as_str());
                    namespaces.insert(timeline::namespace(&e.name));
                }
            }
            for (declarer, d) in p.all_deadlines() {
                let dup = deadlines
                    .iter()
                    .any(|a| a.procedure == declarer.as_str() && a.def == d);
                if dup {
                    continue;
                }
                let order: Vec<&str> = defs
                    .procedure(declarer)
                    .map(|dp| {
                        dp.all_events()
                            .iter()
                            .filter(|e| !e.ends)
                            .map(|e| e.name.as_str())
                            .collect()
                    })
                    .unwrap_or_default();
                let closers: Vec<&str> = defs
                    .procedure(declarer)
                    .map(|dp| {
                        dp.all_events()
                            .iter()
                            .filter(|e| e.ends)
                            .map(|e| e.name.as_str())
                            .collect()
                    })
                    .unwrap_or_default();
                // After the last of its outcomes, in declaration order (a
                // draft plan is not "past" a final plan that is still due).
                let last = d
                    .outcomes()
                    .iter()
                    .filter_map(|(k, _)| order.iter().position(|e| e == k))
                    .max();
                let after_target = match last {
                    Some(i) => order[i + 1..].to_vec(),
                    None => Vec::new(),
                };
                deadlines.push(ActiveDeadline {
                    procedure: declarer.as_str(),
                    def: d,
                    after_target,
                    closers,
                });
            }
            for r in p.all_requires() {
                if !requires
                    .iter()
                    .any(|q| q.first == r.first && q.then == r.then)
                {
                    requires.push(r);
                }
            }
        }
        CaseProcedures {
            list,
            events,
            event_names,
            namespaces,
            deadlines,
            requires,
        }
    }

    /// The label of an event kind for messages ("stage 2 adjudication").
    pub(crate) fn label(&self, kind: &str) -> String {
        match self.events.get(kind) {
            Some(e) => crate::wording::label(&e.label),
            None => kind.to_string(),
        }
    }
}

/// Facts about recommendations, filled by `recs::evaluate`.
#[derive(Default)]
pub(crate) struct RecFacts {
    /// (ID range, ID, the keyword that named it).
    pub unknown_refs: Vec<(TextRange, String, &'static str)>,
    /// (the duplicate `rec` line, its ID, the first definition's line).
    pub duplicates: Vec<(TextRange, String, TextRange)>,
    /// `declined` entries with no reason: (entry head, IDs).
    pub declined_without_reason: Vec<(TextRange, Vec<String>)>,
    /// `rec` lines on events that do not make recommendations: (line, entry kind).
    pub misplaced: Vec<(TextRange, String)>,
    /// Per record: its judgement.
    pub judged: Vec<recs::Judgement>,
}

/// The shared state rules read from and report into.
pub(crate) struct Cx<'a> {
    pub parse: &'a Parse,
    pub doc: &'a Document,
    pub defs: &'a Definitions,
    pub opts: &'a CheckOptions,
    pub as_of: NaiveDate,
    pub calendar: Calendar,
    /// The name the header asked for, when that calendar does not exist.
    pub calendar_fallback_from: Option<String>,
    pub procs: CaseProcedures<'a>,
    pub timeline: Timeline<'a>,
    pub deadlines: Vec<DeadlineRecord>,
    pub recs: Vec<RecRecord>,
    pub rec_facts: RecFacts,
    /// The first place a working-day count used a year the calendar data does
    /// not cover: (year, where).
    /// The first year outside the published data a count used, where, and
    /// in which calendar (a procedure's own, such as `uk-any`, or the case's).
    pub uncovered: Option<(i32, TextRange, String)>,
    pub diagnostics: Vec<Diagnostic>,
    /// Cache for [`Cx::as_of_slot`].
    as_of_slot: std::cell::OnceCell<Option<usize>>,
    /// `\r\n` when the file uses CRLF, so inserted lines match it.
    pub newline: &'static str,
    /// Recorded target entries none of whose deadlines could be judged
    /// (counted by `deadline-unchecked`).
    pub unchecked_stages: usize,
    /// Entries whose event kind already has a finding (`event-unknown`,
    /// `event-foreign`, `event-lookalike`): one finding per slip.
    pub event_reported: HashSet<usize>,
    /// Entries whose IDs an `event-lookalike` suggestion already covers
    /// (`stage 1 received`), so `id-unexpected` does not report them again.
    pub ids_consumed: HashSet<usize>,
}

impl<'a> Cx<'a> {
    fn new(parse: &'a Parse, defs: &'a Definitions, opts: &'a CheckOptions) -> Cx<'a> {
        let doc = parse.document();
        let header = doc.header.as_ref();
        let header_as_of = header
            .and_then(|h| h.as_of.as_ref())
            .and_then(|a| match a.value {
                DateSpec::Day(d) => Some(d),
                // A vague as-of means "by the end of it".
                DateSpec::Span { last, .. } => Some(last),
                DateSpec::Unknown => None,
            });
        let as_of = opts.as_of_override.or(header_as_of).unwrap_or(opts.today);

        let calendars = defs.calendars();
        let wanted = header
            .and_then(|h| h.calendar.as_ref())
            .map(|c| c.value.clone());
        let mut calendar_fallback_from = None;
        let calendar = match wanted.as_deref().and_then(|n| calendars.get(n)) {
            Some(c) => c,
            None => {
                if wanted.is_some() {
                    calendar_fallback_from = wanted.clone();
                }
                opts.config
                    .calendar
                    .as_deref()
                    .and_then(|n| calendars.get(n))
                    .or_else(|| calendars.get(DEFAULT_CALENDAR))
                    .unwrap_or_else(|| {
                        caseline_calendar::Calendars::builtin()
                            .get(DEFAULT_CALENDAR)
                            .expect("the built-in calendars always include england-and-wales")
                    })
            }
        };
        let newline = if parse.line_index().uses_crlf() {
            "\r\n"
        } else {
            "\n"
        };
        Cx {
            parse,
            doc,
            defs,
            opts,
            as_of,
            calendar,
            calendar_fallback_from,
            procs: CaseProcedures::resolve(defs, doc),
            timeline: Timeline::build(doc),
            deadlines: Vec::new(),
            recs: Vec::new(),
            rec_facts: RecFacts::default(),
            uncovered: None,
            diagnostics: Vec::new(),
            as_of_slot: std::cell::OnceCell::new(),
            newline,
            unchecked_stages: 0,
            event_reported: HashSet::new(),
            ids_consumed: HashSet::new(),
        }
    }

    /// Records a finding with the rule's default severity (the configuration is
    /// applied at the end) and returns it for related places and fixes.
    pub(crate) fn report(
        &mut self,
        rule: Rule,
        range: TextRange,
        message: String,
    ) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic {
            rule,
            severity: rule.default_severity(),
            range,
            message,
            related: Vec::new(),
            fixes: Vec::new(),
        });
        let last = self.diagnostics.len() - 1;
        &mut self.diagnostics[last]
    }

    fn note_coverage(&mut self, d: NaiveDate, at: TextRange) {
        if self.uncovered.is_none() && !self.calendar.covers(d) {
            self.uncovered = Some((
                chrono::Datelike::year(&d),
                at,
                self.calendar.name().to_string(),
            ));
        }
    }

    /// `d + dur` in the case's calendar, noting years the data does not cover.
    pub(crate) fn add(&mut self, d: NaiveDate, dur: Duration, at: TextRange) -> NaiveDate {
        let r = self.calendar.add(d, dur);
        if dur.unit == Unit::WorkingDays {
            self.note_coverage(d, at);
            self.note_coverage(r, at);
        }
        r
    }

    /// Both ends of an interval plus a duration; open ends stay open.
    pub(crate) fn add_iv(&mut self, iv: Interval, dur: Duration, at: TextRange) -> Interval {
        Interval {
            earliest: iv.earliest.map(|d| self.add(d, dur, at)),
            latest: iv.latest.map(|d| self.add(d, dur, at)),
        }
    }

    /// Days in `(a, b]` counted in `unit` (negative when `b < a`).
    pub(crate) fn count(
        &mut self,
        a: NaiveDate,
        b: NaiveDate,
        unit: CountUnit,
        at: TextRange,
    ) -> i64 {
        match unit {
            CountUnit::WorkingDays => {
                self.note_coverage(a, at);
                self.note_coverage(b, at);
                self.calendar.working_days_between(a, b)
            }
            CountUnit::Days => (b - a).num_days(),
        }
    }

    /// Like [`Cx::count`], without noting uncovered years (for figures that
    /// are shown but are not part of a finding).
    pub(crate) fn count_quietly(&self, a: NaiveDate, b: NaiveDate, unit: CountUnit) -> i64 {
        match unit {
            CountUnit::WorkingDays => self.calendar.working_days_between(a, b),
            CountUnit::Days => (b - a).num_days(),
        }
    }

    /// An insertion of a whole line before entry `before` (or at the end).
    pub(crate) fn insert_line_edit(&self, before: Option<usize>, line: &str) -> TextEdit {
        let text = self.parse.text();
        match before.and_then(|i| self.doc.entries.get(i)) {
            Some(e) => {
                // Comment lines right above an entry belong to it (an
                // acknowledgement must stay next to its finding): insert above them.
                let index = self.parse.line_index();
                let mut line_no = index.line_of(e.range.start());
                while line_no > 0 {
                    let above = index.line_range(line_no - 1);
                    let content = text
                        .get(usize::from(above.start())..usize::from(above.end()))
                        .unwrap_or("");
                    if !content.trim_start().starts_with('#') {
                        break;
                    }
                    line_no -= 1;
                }
                TextEdit {
                    range: TextRange::empty(index.line_range(line_no).start()),
                    new_text: format!("{line}{}", self.newline),
                }
            }
            None => {
                let end = TextSize::of(text);
                let lead = if text.is_empty() || text.ends_with('\n') {
                    ""
                } else {
                    self.newline
                };
                TextEdit {
                    range: TextRange::empty(end),
                    new_text: format!("{lead}{line}{}", self.newline),
                }
            }
        }
    }

    /// The first entry certainly after the as-of date: where an entry dated
    /// as-of belongs. Computed once, so that many fixes stay linear.
    pub(crate) fn as_of_slot(&self) -> Option<usize> {
        *self.as_of_slot.get_or_init(|| {
            let d = self.as_of;
            self.timeline
                .iv
                .iter()
                .position(|iv| iv.earliest.is_some_and(|lo| lo > d))
        })
    }

    /// Related place pointing at an entry's first line.
    pub(crate) fn related_entry(&self, i: usize, message: String) -> Option<Related> {
        self.doc.entries.get(i).map(|e| Related {
            range: e.head_range,
            message,
        })
    }

    fn finish(mut self) -> Analysis {
        let config = &self.opts.config;
        let mut diagnostics: Vec<Diagnostic> = Vec::with_capacity(self.diagnostics.len());
        for mut d in std::mem::take(&mut self.diagnostics) {
            if let Some(sev) = config.severity(d.rule) {
                d.severity = sev;
                diagnostics.push(d);
            }
        }
        let (mut diagnostics, acknowledged) =
            rules::suppression::apply_acknowledgements(&self, diagnostics);
        diagnostics.sort_by(|a, b| {
            (a.range.start(), a.range.end(), a.rule).cmp(&(b.range.start(), b.range.end(), b.rule))
        });
        let checked = self.checked(acknowledged.len());
        let entry_intervals = self.timeline.iv.clone();
        let event_labels = self
            .timeline
            .by_kind
            .keys()
            .filter_map(|&k| {
                let e = self.procs.events.get(k)?;
                Some((k.to_string(), e.label.clone()))
            })
            .collect();
        Analysis {
            diagnostics,
            acknowledged,
            as_of: self.as_of,
            calendar: self.calendar.name().to_string(),
            case_calendar: self.calendar.clone(),
            entry_intervals,
            event_labels,
            deadlines: self.deadlines,
            recs: self.recs,
            checked,
        }
    }

    /// The figures of [`Checked`], from the records (not from the findings,
    /// which settings and acknowledgements may have removed).
    fn checked(&self, acknowledged: usize) -> Checked {
        let judged = self
            .deadlines
            .iter()
            .filter(|d| d.status != DeadlineStatus::NotJudged);
        let count = |f: &dyn Fn(DeadlineStatus) -> bool| {
            self.deadlines.iter().filter(|d| f(d.status)).count()
        };
        Checked {
            has_header: self.doc.header.is_some(),
            entries: self.doc.entries.len(),
            procedures: self.procs.list.iter().map(|p| p.name.clone()).collect(),
            deadlines: judged.count(),
            late: count(&|s| matches!(s, DeadlineStatus::Missed | DeadlineStatus::Overdue)),
            possibly_late: count(&|s| s == DeadlineStatus::PossiblyMissed),
            recommendations: self.recs.len(),
            recommendations_late: self
                .rec_facts
                .judged
                .iter()
                .filter(|j| j.late || j.overdue)
                .count(),
            unchecked_stages: self.unchecked_stages,
            unknown_procedures: self
                .doc
                .header
                .as_ref()
                .and_then(|h| h.procedures.as_ref())
                .map(|names| {
                    names
                        .iter()
                        .filter(|n| self.defs.procedure(&n.value).is_none())
                        .map(|n| n.value.clone())
                        .collect()
                })
                .unwrap_or_default(),
            unreadable_lines: {
                let index = self.parse.line_index();
                let mut lines: Vec<u32> = self
                    .parse
                    .errors()
                    .iter()
                    .filter(|e| e.kind == caseline_syntax::SyntaxErrorKind::Syntax)
                    .map(|e| index.line_of(e.range.start()))
                    .collect();
                lines.dedup();
                lines.len()
            },
            acknowledged,
            switched_off: self
                .deadlines
                .iter()
                .filter(|d| d.not_judged == Some(crate::records::NotJudged::Exception))
                .count(),
            paused: self
                .deadlines
                .iter()
                .filter(|d| d.not_judged == Some(crate::records::NotJudged::Paused))
                .count(),
        }
    }
}

/// Keeps `Fix` constructors short in rule files.
pub(crate) fn fix(title: String, edits: Vec<TextEdit>) -> Fix {
    Fix::new(title, edits)
}

#[cfg(test)]
mod tests {
    //! The per-entry facts front ends read instead of working them out again.
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn publishes_entry_intervals_the_calendar_and_event_labels() {
        let text = "case \"X\"\n  procedure children-statutory\n  calendar scotland\n  \
                    as-of 2024-03-01\n\n2024-01-10 stage1.received\n? note \"sometime\"\n\
                    2024-02 stage1.response\n2024-02-30 free.event\n";
        let (_, a, _) = crate::testing::run(text);
        assert_eq!(
            a.entry_intervals,
            vec![
                Interval::day(d(2024, 1, 10)),
                // `?`: from the entry above's earliest day to the one below's latest.
                Interval::range(d(2024, 1, 10), d(2024, 2, 29)),
                Interval::range(d(2024, 2, 1), d(2024, 2, 29)),
                // Not a real day: bounded by the entry above, open below.
                Interval::new(Some(d(2024, 2, 1)), None),
            ]
        );
        assert_eq!(a.case_calendar.name(), "scotland");
        assert_eq!(a.calendar, "scotland");
        // 2 January is a bank holiday in Scotland only.
        let closed: Vec<NaiveDate> = a
            .case_calendar
            .holidays_between(d(2024, 1, 1), d(2024, 1, 3))
            .iter()
            .map(|h| h.date)
            .collect();
        assert_eq!(closed, vec![d(2024, 1, 2)]);
        assert_eq!(
            a.event_labels.get("stage1.received").map(String::as_str),
            Some("receipt of the complaint")
        );
        assert!(a.event_labels.contains_key("stage1.response"));
        assert!(!a.event_labels.contains_key("note"));
        assert!(!a.event_labels.contains_key("free.event"));
    }

    /// What the decision wording reads off the records: the procedure's
    /// `source`, why a deadline was not judged, what a due date counts from,
    /// and which entries addressed a recommendation.
    #[test]
    fn publishes_sources_reasons_and_the_entries_behind_recommendations() {
        let text = "case \"X\"\n  procedure children-statutory\n  as-of 2024-06-01\n\n\
                    2024-01-10 stage1.received\n2024-01-20 stage1.response\n\
                    2024-02-01 stage2.requested\n2024-02-30 stage2.adjudication\n\
                    2024-03-01 stage3.requested\n2024-03-20 stage3.panel\n  rec r1 \"Apologise\"\n\
                    2024-04-01 stage3.response\n  agree r1 within 10wd\n\
                    2024-04-10 partial r1\n2024-04-30 done r1\n";
        let (_, a, _) = crate::testing::run(text);
        let source = crate::Definitions::builtin()
            .procedure("children-statutory")
            .and_then(|p| p.source.clone());
        assert!(
            source
                .as_deref()
                .is_some_and(|s| s.contains("SI 2006/1738"))
        );
        assert!(a.deadlines.iter().all(|d| d.source == source));
        let by_target = |t: &str| {
            a.deadlines
                .iter()
                .find(|d| d.target_kind == t)
                .unwrap_or_else(|| panic!("a record for {t}"))
        };
        let s1 = by_target("stage1.response");
        assert_eq!(s1.status, DeadlineStatus::Met);
        assert_eq!(s1.not_judged, None);
        // 30 February is not a real day.
        let s2 = by_target("stage2.adjudication");
        assert_eq!(s2.status, DeadlineStatus::NotJudged);
        assert_eq!(s2.not_judged, Some(crate::records::NotJudged::InvalidDate));
        // No panel's report, but the response to the panel is recorded.
        let report = by_target("stage3.report");
        assert_eq!(report.status, DeadlineStatus::NotJudged);
        assert_eq!(report.not_judged, Some(crate::records::NotJudged::MovedOn));

        let r1 = &a.recs[0];
        // Entries: 0 received, ..., 5 panel, 6 response (agree), 7 partial, 8 done.
        assert_eq!(
            r1.due_after,
            Some(crate::records::DueAfter {
                period: Duration {
                    amount: 10,
                    unit: Unit::WorkingDays
                },
                entry: 6
            })
        );
        assert_eq!(r1.addressed_entries, vec![7, 8]);
        assert_eq!(r1.addressed.len(), 2);
        assert_eq!(r1.closed_entry, Some(8));
    }
}
