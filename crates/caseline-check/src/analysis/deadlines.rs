//! Deadline evaluation (docs/format.md#procedures and the readings of
//! docs/format.md#checks): pairs each start occurrence with its target by dates (never by
//! line position), computes the limits from both ends of the start interval and decides
//! met / missed / possibly missed / extension unrecorded / overdue / pending / not judged.
//! The rules only phrase the result.
//!
//! Calendar arithmetic goes through `Cx` (which notes uncovered years); no wording here.

use caseline_calendar::Unit;

use super::Cx;
use super::timeline::{EntryDate, namespace};
use crate::records::{CountRange, CountUnit, DeadlineRecord, DeadlineStatus, NotJudged};

pub(crate) fn evaluate(cx: &mut Cx) {
    let mut records = Vec::new();
    // The list is borrowed from `defs`, not from `cx`, so it can be walked while
    // `cx` is mutated (coverage notes).
    let active: Vec<(String, crate::definitions::DeadlineDef, Vec<String>)> = cx
        .procs
        .deadlines
        .iter()
        .map(|a| {
            (
                a.procedure.to_string(),
                a.def.clone(),
                a.after_target.iter().map(|s| s.to_string()).collect(),
            )
        })
        .collect();
    for (procedure, def, after_target) in &active {
        if def.start == def.target {
            continue;
        }
        let extended = cx.timeline.extended_index(namespace(&def.target));
        for round in pair(&cx.timeline, &def.start, &def.target) {
            // An `extended` line counts for this round unless it is certainly
            // before the previous round's target or certainly after this
            // round's end (its target, else the next start). It may sit on any
            // entry of the stage, including one before the start (e.g. on the
            // receipt), but not on the previous round's target itself nor on
            // the next round's start.
            let iv = |i: usize| cx.timeline.iv[i];
            let (until, next_start) = match (round.target, round.next_start) {
                (Some(t), _) => (Some(iv(t)), None),
                (None, n) => (n.map(iv), n),
            };
            let extension_recorded = extended.any_in(
                round.previous_target.map(iv),
                until,
                [round.previous_target, next_start],
            );
            let moved_on = after_target
                .iter()
                .any(|e| cx.timeline.kind_not_before(e, iv(round.start)));
            let rec = judge(
                cx,
                procedure,
                def,
                round.start,
                round.target,
                extension_recorded,
                moved_on,
            );
            records.push(rec);
        }
    }
    cx.deadlines = records;
}

/// One occurrence of a deadline's START with what it pairs with.
struct Round {
    start: usize,
    target: Option<usize>,
    /// The TARGET occurrence before this round's, in date order.
    previous_target: Option<usize>,
    /// The START's next occurrence, in date order.
    next_start: Option<usize>,
}

/// Pairs every `start` occurrence with its `target` by dates, never by where
/// the lines stand (docs/format.md#procedures): in date order (earliest day, latest day,
/// then file order), each START pairs with the first TARGET that is not
/// certainly before it and not certainly after the START's next occurrence.
/// Rounds come back in the file order of their starts.
fn pair(timeline: &super::timeline::Timeline, start: &str, target: &str) -> Vec<Round> {
    let by_date = |list: &[usize]| {
        let mut v = list.to_vec();
        v.sort_by_key(|&i| (timeline.iv[i].order_key(), i));
        v
    };
    let starts = by_date(timeline.of_kind(start));
    let targets = by_date(timeline.of_kind(target));
    let mut rounds = Vec::with_capacity(starts.len());
    // `f`: the first target (in date order) not certainly before the current
    // start. Starts come by earliest day, so `f` never moves back.
    let mut f = 0;
    for (k, &s) in starts.iter().enumerate() {
        let siv = timeline.iv[s];
        while targets.get(f).is_some_and(|&t| timeline.iv[t].before(siv)) {
            f += 1;
        }
        let next_start = starts.get(k + 1).copied();
        // Targets by earliest day: those certainly after the next start come
        // last, so the first candidate is the only one to look at.
        let paired = targets
            .get(f)
            .copied()
            .filter(|&t| next_start.is_none_or(|n| !timeline.iv[n].before(timeline.iv[t])));
        rounds.push(Round {
            start: s,
            target: paired,
            previous_target: f.checked_sub(1).map(|j| targets[j]),
            next_start,
        });
    }
    rounds.sort_by_key(|r| r.start);
    rounds
}

fn judge(
    cx: &mut Cx,
    procedure: &str,
    def: &crate::definitions::DeadlineDef,
    s: usize,
    target: Option<usize>,
    extension_recorded: bool,
    moved_on: bool,
) -> DeadlineRecord {
    let start_entry = &cx.doc.entries[s];
    let at = start_entry.head_range;
    let unit = if def.limit.unit == Unit::WorkingDays {
        CountUnit::WorkingDays
    } else {
        CountUnit::Days
    };
    let siv = cx.timeline.iv[s];
    let due = cx.add_iv(siv, def.limit, at);
    let extended_due = def.extended_limit.map(|e| cx.add_iv(siv, e, at));
    // The limit that decides lateness: the extended one where one is allowed.
    let eff = extended_due.unwrap_or(due);

    let mut rec = DeadlineRecord {
        procedure: procedure.to_string(),
        citation: def.citation.clone(),
        source: cx.defs.procedure(procedure).and_then(|p| p.source.clone()),
        start_entry: s,
        start_range: at,
        start_kind: def.start.clone(),
        start_label: cx.procs.label(&def.start),
        target_kind: def.target.clone(),
        target_label: cx.procs.label(&def.target),
        target_entry: target,
        target_range: target
            .and_then(|t| cx.doc.entries.get(t))
            .map(|e| e.head_range),
        limit: def.limit,
        extended_limit: def.extended_limit,
        due: due,
        extended_due,
        actual: target.map(|t| cx.timeline.iv[t]),
        unit,
        taken: None,
        late: None,
        extension_recorded: false,
        status: DeadlineStatus::Pending,
        not_judged: None,
    };

    match target {
        Some(t) => {
            let tiv = cx.timeline.iv[t];
            rec.extension_recorded = extension_recorded;
            rec.taken = Some(CountRange {
                min: both(siv.latest, tiv.earliest).map(|(a, b)| cx.count(a, b, unit, at).max(0)),
                max: both(siv.earliest, tiv.latest).map(|(a, b)| cx.count(a, b, unit, at)),
            });
            rec.late = Some(CountRange {
                min: both(eff.latest, tiv.earliest).map(|(a, b)| cx.count(a, b, unit, at)),
                max: both(eff.earliest, tiv.latest).map(|(a, b)| cx.count(a, b, unit, at)),
            });
            // Missed: late under every reading (t0 > L1). Possibly: not missed,
            // and late under some reading (t1 > L0); an open end can only make
            // a finding "possible".
            let missed = matches!(both(tiv.earliest, eff.latest), Some((t0, l1)) if t0 > l1);
            let possibly = !missed
                && match (tiv.latest, eff.earliest) {
                    (Some(t1), Some(l0)) => t1 > l0,
                    _ => true,
                };
            let over_standard_always =
                matches!(both(tiv.earliest, due.latest), Some((t0, l1)) if t0 > l1);
            rec.status = if missed {
                DeadlineStatus::Missed
            } else if possibly {
                DeadlineStatus::PossiblyMissed
            } else if extended_due.is_some() && over_standard_always {
                if rec.extension_recorded {
                    DeadlineStatus::MetWithExtension
                } else {
                    DeadlineStatus::ExtensionUnrecorded
                }
            } else {
                DeadlineStatus::Met
            };
        }
        None => {
            let as_of = cx.as_of;
            rec.extension_recorded = extension_recorded;
            if moved_on {
                rec.status = DeadlineStatus::NotJudged;
                rec.not_judged = Some(NotJudged::MovedOn);
            } else {
                rec.status = match eff.latest {
                    Some(l1) if as_of > l1 => DeadlineStatus::Overdue,
                    _ => DeadlineStatus::Pending,
                };
                // Counting up to the as-of date is part of a finding only when
                // the stage is overdue; a pending count must not raise
                // `calendar-coverage` just because "today" is in a later year.
                let noted = rec.status == DeadlineStatus::Overdue;
                let mut count = |a: chrono::NaiveDate| {
                    if noted {
                        cx.count(a, as_of, unit, at)
                    } else {
                        cx.count_quietly(a, as_of, unit)
                    }
                };
                rec.taken = Some(CountRange {
                    min: siv.latest.map(|a| count(a).max(0)),
                    max: siv.earliest.map(&mut count),
                });
                rec.late = Some(CountRange {
                    min: eff.latest.map(&mut count),
                    max: eff.earliest.map(&mut count),
                });
            }
        }
    }
    rec
}

fn both<A, B>(a: Option<A>, b: Option<B>) -> Option<(A, B)> {
    Some((a?, b?))
}
