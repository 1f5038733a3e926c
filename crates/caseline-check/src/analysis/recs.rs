//! The recommendation life cycle (docs/format.md#entries, docs/format.md#checks): `rec`/`promise`
//! definitions, `agree` lines that set due dates, and the `done`/`declined`/
//! `partial` entries that address them. Produces a [`RecRecord`] per
//! recommendation and the facts the `rec-*` rules phrase.
//!
//! Calendar arithmetic goes through `Cx`; the wording is left to the rules.

use std::collections::HashMap;

use caseline_syntax::ast::{Due, EntryChild, RecKind};

use super::Cx;
use super::timeline::EntryDate;
use crate::definitions::duration;
use crate::records::{CountRange, CountUnit, DueAfter, RecRecord, RecStatus};
use crate::wording as words;
use caseline_calendar::Interval;

/// What the rules need to know about one record.
#[derive(Debug, Clone, Default)]
pub(crate) struct Judgement {
    /// The first `done` entry (for lateness).
    pub done_entry: Option<usize>,
    /// Done after the due date under every reading.
    pub late: bool,
    /// Not done or declined by the as-of date, and past the due date under every reading.
    pub overdue: bool,
    /// No due date, made before the as-of date, not done or declined by it.
    pub unaddressed: bool,
}

/// A due date, how it was set in words, and the same as data.
type DueFacts = (Option<Interval>, Option<String>, Option<DueAfter>);

fn due_iv(cx: &mut Cx, due: &Due, entry: usize) -> DueFacts {
    let at = cx.doc.entries[entry].head_range;
    match due {
        Due::Within(d) => {
            let dur = duration(d.value);
            let from = cx.timeline.iv[entry];
            let iv = cx.add_iv(from, dur, at);
            let when = words::when(cx.timeline.spec[entry], from);
            let kind = cx.doc.entries[entry]
                .kind
                .as_ref()
                .map(|k| cx.procs.label(&k.value))
                .unwrap_or_else(|| "entry".to_string());
            (
                Some(iv),
                Some(format!("{} after the {kind} {when}", words::duration(dur))),
                Some(DueAfter { period: dur, entry }),
            )
        }
        Due::By(spec) => match spec.value {
            Some(s) => {
                let iv = Interval::of_spec(s).unwrap_or(Interval {
                    earliest: None,
                    latest: None,
                });
                // The date itself is the whole story; no basis to explain.
                (Some(iv), None, None)
            }
            None => (None, None, None),
        },
    }
}

pub(crate) fn evaluate(cx: &mut Cx) {
    let doc = cx.doc;
    let mut records: Vec<RecRecord> = Vec::new();
    let mut due: Vec<Option<Interval>> = Vec::new();
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    let mut facts = std::mem::take(&mut cx.rec_facts);
    let recommends_known = !cx.procs.list.is_empty();

    // Pass 1: definitions.
    for (i, e) in doc.entries.iter().enumerate() {
        for child in &e.children {
            let EntryChild::Rec(r) = child else { continue };
            if let Some(&first) = by_id.get(r.id.value.as_str()) {
                facts
                    .duplicates
                    .push((r.range, r.id.value.clone(), records[first].range));
                continue;
            }
            if r.kind == RecKind::Rec && recommends_known {
                let kind = e.kind.as_ref().map(|k| k.value.as_str()).unwrap_or("");
                let recommends = cx.procs.events.get(kind).is_some_and(|ev| ev.recommends);
                if !recommends {
                    facts.misplaced.push((r.keyword_range, kind.to_string()));
                }
            }
            let (d, basis, after) = match &r.due {
                Some(due) => due_iv(cx, due, i),
                None => (None, None, None),
            };
            by_id.insert(r.id.value.as_str(), records.len());
            due.push(d);
            records.push(RecRecord {
                id: r.id.value.clone(),
                kind: r.kind,
                range: r.range,
                entry: i,
                text: r.text.as_ref().map(|t| t.value.clone()),
                due: d,
                due_basis: basis,
                due_after: after,
                status: RecStatus::Open,
                addressed: Vec::new(),
                addressed_entries: Vec::new(),
                closed_entry: None,
                late: None,
                overdue: None,
                possibly_overdue: false,
            });
        }
    }

    // Pass 2: agreements and outcomes.
    let mut judged = vec![Judgement::default(); records.len()];
    // The first `done`/`declined` entry of each record.
    let mut closed: Vec<Option<usize>> = vec![None; records.len()];
    for (i, e) in doc.entries.iter().enumerate() {
        for child in &e.children {
            let EntryChild::Agree(a) = child else {
                continue;
            };
            for id in &a.ids {
                match by_id.get(id.value.as_str()) {
                    Some(&r) => {
                        if let Some(d) = &a.due {
                            let (iv, basis, after) = due_iv(cx, d, i);
                            due[r] = iv;
                            records[r].due = iv;
                            records[r].due_basis = basis;
                            records[r].due_after = after;
                        }
                    }
                    None => facts
                        .unknown_refs
                        .push((id.range, id.value.clone(), "agree")),
                }
            }
        }
        let Some(kind) = e.kind.as_ref().map(|k| k.value.as_str()) else {
            continue;
        };
        let keyword: &'static str = match kind {
            "done" => "done",
            "declined" => "declined",
            "partial" => "partial",
            _ => continue,
        };
        if keyword == "declined" {
            let has_reason = e.text.as_ref().is_some_and(|t| !t.value.trim().is_empty())
                || e.children.iter().any(|c| matches!(c, EntryChild::Prose(_)));
            if !has_reason {
                facts.declined_without_reason.push((
                    e.head_range,
                    e.ids.iter().map(|i| i.value.clone()).collect(),
                ));
            }
        }
        for id in &e.ids {
            let Some(&r) = by_id.get(id.value.as_str()) else {
                facts
                    .unknown_refs
                    .push((id.range, id.value.clone(), keyword));
                continue;
            };
            records[r].addressed.push(e.head_range);
            records[r].addressed_entries.push(i);
            match keyword {
                "done" | "declined" if closed[r].is_none() => {
                    closed[r] = Some(i);
                    records[r].closed_entry = Some(i);
                    records[r].status = if keyword == "done" {
                        RecStatus::Done
                    } else {
                        RecStatus::Declined
                    };
                    if keyword == "done" {
                        judged[r].done_entry = Some(i);
                    }
                }
                "partial" if records[r].status == RecStatus::Open => {
                    records[r].status = RecStatus::Partial;
                }
                _ => {}
            }
        }
    }

    // Judgement.
    let as_of = cx.as_of;
    for r in 0..records.len() {
        let closed_by_as_of =
            closed[r].is_some_and(|c| cx.timeline.iv[c].earliest.is_none_or(|lo| lo <= as_of));
        let at = records[r].range;
        match due[r] {
            Some(d) => {
                if let Some(done) = judged[r].done_entry {
                    let div = cx.timeline.iv[done];
                    if let (Some(t0), Some(d1)) = (div.earliest, d.latest)
                        && t0 > d1
                    {
                        judged[r].late = true;
                        let min = cx.count(d1, t0, CountUnit::WorkingDays, at);
                        let max = match (d.earliest, div.latest) {
                            (Some(d0), Some(t1)) => {
                                Some(cx.count(d0, t1, CountUnit::WorkingDays, at))
                            }
                            _ => None,
                        };
                        records[r].late = Some(CountRange {
                            min: Some(min),
                            max,
                        });
                    }
                }
                // Past the earliest due day only: some readings are overdue.
                records[r].possibly_overdue = !closed_by_as_of
                    && d.earliest.is_some_and(|d0| as_of > d0)
                    && d.latest.is_none_or(|d1| as_of <= d1);
                if !closed_by_as_of && d.latest.is_some_and(|d1| as_of > d1) {
                    judged[r].overdue = true;
                    // Working days from the due date to the as-of date: the
                    // latest due day gives the fewest.
                    let at = records[r].range;
                    records[r].overdue = Some(CountRange {
                        min: d
                            .latest
                            .map(|d1| cx.count(d1, as_of, CountUnit::WorkingDays, at)),
                        max: d
                            .earliest
                            .map(|d0| cx.count(d0, as_of, CountUnit::WorkingDays, at)),
                    });
                }
            }
            None => {
                let made_before = cx.timeline.iv[records[r].entry]
                    .latest
                    .is_some_and(|hi| hi < as_of);
                if made_before && !closed_by_as_of {
                    judged[r].unaddressed = true;
                }
            }
        }
    }
    facts.judged = judged;
    cx.rec_facts = facts;
    cx.recs = records;
}
