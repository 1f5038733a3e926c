//! Deadline evaluation (docs/format.md#procedures and the readings of
//! docs/format.md#checks): pairs each start occurrence with its outcome by dates
//! (never by line position), computes the limits from both ends of the start
//! interval and decides met / missed / possibly missed / extension unrecorded /
//! overdue / pending / not judged. The rules only phrase the result.
//!
//! A deadline line may carry counting rules (docs/format.md#deadline-clauses):
//! alternative outcomes (`or`), a start that is the latest of several events
//! (`latest of`), the start day as day one (`starting with`), a due day that
//! rolls forward to a working day (`roll-forward`), a repeating period
//! (`repeating`), paused days (`pause`), an exception recorded in the case
//! (`exception`), and the procedure's own calendar (`calendar`). Each is
//! applied here and written into [`Counting`] so every front end can explain it.
//!
//! Calendar arithmetic goes through `Cx` (which notes uncovered years); no wording here.

use caseline_calendar::{Calendar, Duration, Interval, NaiveDate, Unit};
use caseline_syntax::TextRange;
use caseline_syntax::ast::EntryChild;

use super::Cx;
use super::timeline::{EntryDate, Timeline, namespace};
use crate::definitions::DeadlineDef;
use crate::records::{CountRange, CountUnit, Counting, DeadlineRecord, DeadlineStatus, NotJudged};

/// An `exception TARGET "reason"` line of the case: its entry, target, reason
/// and the line.
pub(crate) struct ExceptionLine {
    pub entry: usize,
    pub target: String,
    pub reason: Option<String>,
    pub range: TextRange,
}

/// Every `exception` line of the case, in file order.
pub(crate) fn exception_lines(cx: &Cx) -> Vec<ExceptionLine> {
    let mut out = Vec::new();
    for (i, e) in cx.doc.entries.iter().enumerate() {
        for c in &e.children {
            if let EntryChild::Exception(x) = c {
                out.push(ExceptionLine {
                    entry: i,
                    target: x.target.value.clone(),
                    reason: x.reason.as_ref().map(|r| r.value.clone()),
                    range: x.range,
                });
            }
        }
    }
    out
}

/// Whether an exception line gives a usable reason (not empty, not a
/// placeholder): an exception without one switches nothing off.
pub(crate) fn usable_reason(reason: Option<&str>) -> bool {
    reason.is_some_and(|r| !crate::rules::suppression::ack_invalid::is_placeholder(r))
}

pub(crate) fn evaluate(cx: &mut Cx) {
    let mut records = Vec::new();
    // The list is borrowed from `defs`, not from `cx`, so it can be walked while
    // `cx` is mutated (coverage notes).
    type Active = (String, DeadlineDef, Vec<String>, Vec<String>);
    let active: Vec<Active> = cx
        .procs
        .deadlines
        .iter()
        .map(|a| {
            (
                a.procedure.to_string(),
                a.def.clone(),
                a.after_target.iter().map(|s| s.to_string()).collect(),
                a.closers.iter().map(|s| s.to_string()).collect(),
            )
        })
        .collect();
    let exceptions = exception_lines(cx);
    for (procedure, def, after_target, closers) in &active {
        if !def.repeating && def.starts().iter().any(|s| def.ends_in(s)) {
            continue;
        }
        // The procedure's own calendar, when it names one that exists.
        let own = def
            .calendar
            .as_deref()
            .and_then(|n| cx.defs.calendars().get(n));
        let saved = own.clone().map(|c| std::mem::replace(&mut cx.calendar, c));
        let extended = cx.timeline.extended_index(namespace(&def.target));
        let outcome_kinds: Vec<&str> = def.outcomes().iter().map(|(k, _)| *k).collect();
        let mut start_kinds = vec![def.start.as_str()];
        if def.repeating {
            start_kinds.extend(outcome_kinds.iter().copied());
        }
        for round in pair(&cx.timeline, &start_kinds, &outcome_kinds) {
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
            // A repeating period never "moves on": the next period's events
            // are the current one's outcome and what follows it.
            let moved_on = !def.repeating
                && after_target
                    .iter()
                    .any(|e| cx.timeline.kind_not_before(e, iv(round.start)));
            // Like `extended`: not on the previous round's outcome nor on the
            // next round's start, which belong to those rounds.
            let in_round = |i: usize| {
                let v = iv(i);
                Some(i) != round.previous_target
                    && Some(i) != next_start
                    && round.previous_target.is_none_or(|p| !v.before(iv(p)))
                    && until.is_none_or(|u| !u.before(v))
            };
            let exception = def.exception.as_ref().and_then(|_| {
                exceptions.iter().find(|x| {
                    def.ends_in(&x.target)
                        && usable_reason(x.reason.as_deref())
                        && in_round(x.entry)
                })
            });
            // The first event that ends the procedure in this round (a
            // request closed), when no outcome is recorded.
            let closed_by = match round.target {
                Some(_) => None,
                None => closers
                    .iter()
                    .flat_map(|k| cx.timeline.of_kind(k).iter().copied())
                    .filter(|&c| {
                        let v = iv(c);
                        !v.before(iv(round.start)) && until.is_none_or(|u| !u.before(v))
                    })
                    .min_by_key(|&c| (iv(c).order_key(), c)),
            };
            let (start, start_iv) = latest_start(&cx.timeline, def, &round, until);
            let pauses = pauses_in(&cx.timeline, def, start_iv, round.target, until, next_start);
            let rec = judge(
                cx,
                procedure,
                def,
                Start {
                    entry: start,
                    iv: start_iv,
                    anchor: round.start,
                },
                round.target,
                Facts {
                    extension_recorded,
                    moved_on,
                    closed_by,
                    pauses,
                    exception: exception.map(|x| {
                        (
                            x.reason.clone().unwrap_or_default(),
                            x.range,
                            def.exception.clone().flatten(),
                        )
                    }),
                    // Named only where it differs from the case's.
                    calendar: own
                        .clone()
                        .filter(|c| saved.as_ref().is_some_and(|case| case.name() != c.name())),
                },
            );
            records.push(rec);
        }
        if let Some(c) = saved {
            cx.calendar = c;
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

/// Pairs every `start` occurrence with its target by dates, never by where
/// the lines stand (docs/format.md#procedures): in date order (earliest day,
/// latest day, then file order), each START pairs with the first TARGET that is
/// not certainly before it, is not the START's own entry (a repeating period's
/// outcome starts the next period) and is not certainly after the START's next
/// occurrence. Any of `starts` is a START and any of `targets` a TARGET.
/// Rounds come back in the file order of their starts.
fn pair(timeline: &Timeline, starts: &[&str], targets: &[&str]) -> Vec<Round> {
    let by_date = |kinds: &[&str]| {
        let mut v: Vec<usize> = kinds
            .iter()
            .flat_map(|k| timeline.of_kind(k).iter().copied())
            .collect();
        v.sort_by_key(|&i| (timeline.iv[i].order_key(), i));
        v.dedup();
        v
    };
    let starts = by_date(starts);
    let targets = by_date(targets);
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
        // The start's own entry is never its target (repeating periods).
        let mut g = f;
        while targets.get(g) == Some(&s) {
            g += 1;
        }
        // Targets by earliest day: those certainly after the next start come
        // last, so the first candidate is the only one to look at.
        let paired = targets
            .get(g)
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

/// `latest of`: the clock starts at the latest of the round's start and the
/// other start events recorded in the round (not certainly before the start,
/// not certainly after the round's end). Returns the entry that starts it and
/// the start interval (the latest reading of each end over all of them).
fn latest_start(
    timeline: &Timeline,
    def: &DeadlineDef,
    round: &Round,
    until: Option<Interval>,
) -> (usize, Interval) {
    let s = round.start;
    let siv = timeline.iv[s];
    if def.more_starts.is_empty() {
        return (s, siv);
    }
    let mut best = (s, siv);
    let mut hull = siv;
    for (kind, _) in &def.more_starts {
        for &i in timeline.of_kind(kind) {
            let v = timeline.iv[i];
            if v.before(siv) || until.is_some_and(|u| u.before(v)) {
                continue;
            }
            hull = Interval {
                earliest: max_open_low(hull.earliest, v.earliest),
                latest: max_open_high(hull.latest, v.latest),
            };
            if v.order_key() > best.1.order_key() {
                best = (i, v);
            }
        }
    }
    (best.0, hull)
}

/// The later of two earliest days (an open one is "no later than anything").
fn max_open_low(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (x, None) | (None, x) => x,
    }
}

/// The later of two latest days (an open one is later than anything).
fn max_open_high(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    Some(a?.max(b?))
}

/// One pause of a round: the entry that began it and the one that ended it
/// (none yet, when the clock is still paused).
struct Pause {
    from: usize,
    until: Option<usize>,
}

/// The `pause` lines' periods inside a round: each occurrence of a pause's
/// FROM event that is not certainly before the start nor certainly after the
/// round's end (its target, else the next start), paired with the first UNTIL
/// after it that is not certainly after the round's end either (a fee received
/// for a later request does not end this one's pause).
fn pauses_in(
    timeline: &Timeline,
    def: &DeadlineDef,
    start: Interval,
    target: Option<usize>,
    until: Option<Interval>,
    next_start: Option<usize>,
) -> Vec<Pause> {
    let mut out = Vec::new();
    let end = target.map(|t| timeline.iv[t]).or(until);
    for p in &def.pauses {
        for &a in timeline.of_kind(&p.from) {
            let av = timeline.iv[a];
            if av.before(start) || end.is_some_and(|e| e.before(av)) || Some(a) == next_start {
                continue;
            }
            let b = timeline
                .of_kind(&p.until)
                .iter()
                .copied()
                .filter(|&b| {
                    let bv = timeline.iv[b];
                    !bv.before(av) && end.is_none_or(|e| !e.before(bv)) && Some(b) != next_start
                })
                .min_by_key(|&b| (timeline.iv[b].order_key(), b));
            out.push(Pause { from: a, until: b });
        }
    }
    out
}

/// Where the clock starts: the entry named in messages, its interval (the
/// latest of several for `latest of`) and the round's own start entry.
struct Start {
    entry: usize,
    iv: Interval,
    anchor: usize,
}

/// What the round found besides the dates.
struct Facts {
    extension_recorded: bool,
    moved_on: bool,
    /// The entry that ended the procedure with no outcome recorded.
    closed_by: Option<usize>,
    pauses: Vec<Pause>,
    /// (reason, line, the procedure's citation for the exception).
    exception: Option<(String, TextRange, Option<String>)>,
    calendar: Option<Calendar>,
}

/// The due day for a start day under a deadline line's counting rules, and
/// whether it rolled forward.
fn due_day(
    cx: &mut Cx,
    d: NaiveDate,
    dur: Duration,
    def: &DeadlineDef,
    at: TextRange,
) -> (NaiveDate, bool) {
    let base = if def.inclusive {
        match dur.unit {
            // Day one is the start day when it is a working day: count from
            // the day before.
            Unit::WorkingDays => match d.pred_opt() {
                Some(p) => cx.add(p, dur, at),
                None => cx.add(d, dur, at),
            },
            // "12 months starting with 1 March 2023" ends on 29 February 2024,
            // the day before the corresponding date; where there is no
            // corresponding date (31 January + 1 month), the month's last day.
            Unit::Months | Unit::Years => {
                let c = cx.add(d, dur, at);
                if chrono::Datelike::day(&c) != chrono::Datelike::day(&d) {
                    c
                } else {
                    c.pred_opt().unwrap_or(c)
                }
            }
            Unit::Days | Unit::Weeks => {
                let c = cx.add(d, dur, at);
                c.pred_opt().unwrap_or(c)
            }
        }
    } else {
        cx.add(d, dur, at)
    };
    if !def.roll_forward {
        return (base, false);
    }
    let mut day = base;
    // A calendar with every day closed for weeks is a typo; stop after a year.
    for _ in 0..366 {
        if cx.calendar.is_working_day(day) {
            break;
        }
        match day.succ_opt() {
            Some(n) => day = n,
            None => break,
        }
    }
    (day, day != base)
}

/// Both ends of the start interval plus a limit under the line's counting
/// rules; open ends stay open.
fn due_iv(
    cx: &mut Cx,
    siv: Interval,
    dur: Duration,
    def: &DeadlineDef,
    at: TextRange,
) -> (Interval, bool) {
    let mut rolled = false;
    let mut one = |cx: &mut Cx, d: Option<NaiveDate>| {
        d.map(|d| {
            let (r, moved) = due_day(cx, d, dur, def, at);
            rolled |= moved;
            r
        })
    };
    let earliest = one(cx, siv.earliest);
    let latest = one(cx, siv.latest);
    (Interval { earliest, latest }, rolled)
}

/// Days in the deadline's unit covered by a set of periods (each from one day
/// to another, both included), counting a day once however many periods
/// cover it, and only days after `after` (the start day itself never counts).
fn paused_days(
    cal: &Calendar,
    periods: &mut [(NaiveDate, NaiveDate)],
    after: NaiveDate,
    unit: Unit,
) -> i64 {
    periods.sort();
    let mut total = 0;
    let mut covered_to: Option<NaiveDate> = Some(after);
    for &(a, b) in periods.iter() {
        // Start after what is already counted (and after the start day).
        let from = match covered_to {
            Some(c) if a <= c => match c.succ_opt() {
                Some(n) => n,
                None => continue,
            },
            _ => a,
        };
        if b < from {
            continue;
        }
        total += match unit {
            Unit::WorkingDays => match from.pred_opt() {
                Some(p) => cal.working_days_between(p, b),
                None => 0,
            },
            _ => (b - from).num_days() + 1,
        };
        covered_to = Some(covered_to.map_or(b, |c| c.max(b)));
    }
    total
}

/// Moves a due day on by `n` paused days of the deadline's unit.
fn extend_by(cal: &Calendar, due: NaiveDate, n: i64, unit: Unit) -> NaiveDate {
    let n = u32::try_from(n.max(0)).unwrap_or(u32::MAX);
    match unit {
        Unit::WorkingDays => cal.add_working_days(due, n),
        _ => cal.add(
            due,
            Duration {
                amount: n,
                unit: Unit::Days,
            },
        ),
    }
}

/// The due interval moved on by the round's pauses: the earliest due by the
/// shortest reading of each pause, the latest due by the longest. Only pauses
/// that begin on or before the due day count (one that begins after it
/// changes nothing), and a day covered by two pauses counts once. Returns the
/// days disregarded as a range (in the unit), whether a pause that began in
/// time is still open (no end and no outcome recorded), and whether a pause
/// ended only at the outcome (no end recorded).
fn apply_pauses(
    cx: &Cx,
    start: Interval,
    due: Interval,
    pauses: &[Pause],
    unit: Unit,
    target_iv: Option<Interval>,
) -> (Interval, Option<CountRange>, bool, bool) {
    if pauses.is_empty() {
        return (due, None, false, false);
    }
    let cal = &cx.calendar;
    let mut open = false;
    let mut unended = false;
    let mut short: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    let mut long: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    let (mut short_known, mut long_known) = (true, true);
    for p in pauses {
        let a = cx.timeline.iv[p.from];
        // A pause certainly begun after the latest due day changes nothing.
        if matches!((a.earliest, due.latest), (Some(x), Some(d)) if x > d) {
            continue;
        }
        // An open pause ends at the outcome, if one is recorded.
        let b = match (p.until, target_iv) {
            (Some(u), _) => cx.timeline.iv[u],
            (None, Some(t)) => {
                unended = true;
                t
            }
            (None, None) => {
                open = true;
                continue;
            }
        };
        // Shortest: from the latest day it can have begun to the earliest it
        // can have ended, if it began by the earliest due day; longest: the
        // other way round.
        match (a.latest, b.earliest, due.earliest) {
            (Some(x), Some(y), Some(d)) if x <= d => short.push((x, y)),
            (Some(_), Some(_), Some(_)) => {}
            _ => short_known = false,
        }
        match (a.earliest, b.latest, due.latest) {
            (Some(x), Some(y), Some(d)) if x <= d => long.push((x, y)),
            (Some(_), Some(_), Some(_)) => {}
            _ => long_known = false,
        }
    }
    let lo_days = match (short_known, start.earliest) {
        (true, Some(s)) => Some(paused_days(cal, &mut short, s, unit)),
        _ => None,
    };
    let hi_days = match (long_known, start.earliest) {
        (true, Some(s)) => Some(paused_days(cal, &mut long, s, unit)),
        _ => None,
    };
    let moved = Interval {
        earliest: due
            .earliest
            .zip(lo_days)
            .map(|(d, n)| extend_by(cal, d, n, unit)),
        latest: due
            .latest
            .zip(hi_days)
            .map(|(d, n)| extend_by(cal, d, n, unit)),
    };
    (
        moved,
        Some(CountRange {
            min: lo_days,
            max: hi_days,
        }),
        open,
        unended,
    )
}

fn judge(
    cx: &mut Cx,
    procedure: &str,
    def: &DeadlineDef,
    start: Start,
    target: Option<usize>,
    facts: Facts,
) -> DeadlineRecord {
    let s = start.entry;
    let start_entry = &cx.doc.entries[start.anchor];
    let at = start_entry.head_range;
    let siv = start.iv;
    // The outcome judged: the recorded one, else (for an open round) the
    // one whose limit runs longest, so a case is overdue only once every
    // alternative's time has passed.
    let outcomes = def.outcomes();
    let target_kind = match target {
        Some(t) => cx
            .doc
            .entries
            .get(t)
            .and_then(|e| e.kind.as_ref())
            .map(|k| k.value.clone())
            .unwrap_or_else(|| def.target.clone()),
        None => {
            let mut best = (def.target.clone(), None::<NaiveDate>);
            for (k, l) in &outcomes {
                let d = siv
                    .latest
                    .map(|d| cx.calendar.add(d, *l))
                    .or(siv.earliest.map(|d| cx.calendar.add(d, *l)));
                if best.1.is_none() || d > best.1 {
                    best = (k.to_string(), d);
                }
            }
            best.0
        }
    };
    let limit = outcomes
        .iter()
        .find(|(k, _)| *k == target_kind)
        .map_or(def.limit, |(_, l)| *l);
    let unit = if limit.unit == Unit::WorkingDays {
        CountUnit::WorkingDays
    } else {
        CountUnit::Days
    };
    let (due, rolled) = due_iv(cx, siv, limit, def, at);
    let (extended_due, rolled_ext) = match def.extended_limit {
        Some(e) => {
            let (d, r) = due_iv(cx, siv, e, def, at);
            (Some(d), r)
        }
        None => (None, false),
    };
    let target_iv = target.map(|t| cx.timeline.iv[t]);
    let (due, paused, open_standard, unended) =
        apply_pauses(cx, siv, due, &facts.pauses, limit.unit, target_iv);
    let mut open_pause = open_standard;
    let mut paused_ext = None;
    let extended_due = extended_due.map(|e| {
        let (moved, days, open, _) = apply_pauses(
            cx,
            siv,
            e,
            &facts.pauses,
            def.extended_limit.map_or(limit.unit, |l| l.unit),
            target_iv,
        );
        open_pause |= open;
        paused_ext = days;
        moved
    });
    // The limit that decides lateness: the extended one where one is allowed.
    let eff = extended_due.unwrap_or(due);

    let target_label = match target {
        Some(_) => cx.procs.label(&target_kind),
        None if outcomes.len() > 1 => {
            let labels: Vec<String> = outcomes.iter().map(|(k, _)| cx.procs.label(k)).collect();
            labels.join(" or ")
        }
        None => cx.procs.label(&target_kind),
    };
    let target_kind_for_label = target_kind.clone();
    let start_kind = cx
        .doc
        .entries
        .get(s)
        .and_then(|e| e.kind.as_ref())
        .map(|k| k.value.clone())
        .unwrap_or_else(|| def.start.clone());
    let counting = Counting {
        inclusive: def.inclusive,
        rolled_forward: rolled,
        extended_rolled_forward: rolled_ext,
        calendar: facts.calendar.clone(),
        // The days that moved the due day shown: the standard one's, else
        // (when only the extended due day was reached by a pause) its own.
        paused: match paused {
            Some(p) if p.max.unwrap_or(0) > 0 => Some(p),
            _ => paused_ext,
        },
        pause_events: def.pauses.first().map(|p| {
            let until = if unended {
                format!(
                    "{} (no {} is recorded)",
                    cx.procs.label(&target_kind_for_label),
                    cx.procs.label(&p.until)
                )
            } else {
                cx.procs.label(&p.until)
            };
            (cx.procs.label(&p.from), until)
        }),
        latest_of: if def.more_starts.is_empty() {
            Vec::new()
        } else {
            def.starts().iter().map(|k| cx.procs.label(k)).collect()
        },
        repeating: def.repeating,
        alternatives: outcomes
            .iter()
            .filter(|(k, _)| *k != target_kind)
            .map(|(k, _)| cx.procs.label(k))
            .collect(),
    };

    let mut rec = DeadlineRecord {
        procedure: procedure.to_string(),
        citation: def.citation.clone(),
        source: cx.defs.procedure(procedure).and_then(|p| p.source.clone()),
        start_entry: s,
        start_range: cx.doc.entries[s].head_range,
        start_label: cx.procs.label(&start_kind),
        start_kind,
        target_label,
        target_kind,
        target_entry: target,
        target_range: target
            .and_then(|t| cx.doc.entries.get(t))
            .map(|e| e.head_range),
        limit,
        extended_limit: def.extended_limit,
        uncapped_extension: def.uncapped_extension,
        due,
        extended_due,
        actual: target_iv,
        unit,
        taken: None,
        late: None,
        extension_recorded: false,
        status: DeadlineStatus::Pending,
        not_judged: None,
        guidance: def.guidance,
        counting,
        exception: None,
        exception_citation: None,
        closed_by: None,
    };

    match target {
        Some(t) => {
            let tiv = cx.timeline.iv[t];
            rec.extension_recorded = facts.extension_recorded;
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
            rec.status = if def.uncapped_extension && (missed || possibly) {
                // Extendable without limit: a recorded extension covers any
                // lateness; without one, a stage certainly past the standard
                // limit needed the extension.
                if rec.extension_recorded {
                    DeadlineStatus::MetWithExtension
                } else if missed {
                    DeadlineStatus::ExtensionUnrecorded
                } else {
                    DeadlineStatus::PossiblyMissed
                }
            } else if missed {
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
            rec.extension_recorded = facts.extension_recorded;
            if facts.moved_on {
                rec.status = DeadlineStatus::NotJudged;
                rec.not_judged = Some(NotJudged::MovedOn);
            } else if let Some(c) = facts.closed_by {
                // Ended before the limit passed: nothing was due. Ended after
                // it (under every reading): overdue, counted to the end.
                let civ = cx.timeline.iv[c];
                rec.closed_by = Some(c);
                match both(civ.earliest, eff.latest) {
                    Some((c0, l1)) if c0 > l1 => {
                        rec.status = DeadlineStatus::Overdue;
                        let end = civ.earliest.unwrap_or(c0);
                        rec.taken = Some(CountRange {
                            min: siv.latest.map(|a| cx.count(a, end, unit, at).max(0)),
                            max: siv.earliest.map(|a| cx.count(a, end, unit, at)),
                        });
                        rec.late = Some(CountRange {
                            min: eff.latest.map(|a| cx.count(a, end, unit, at)),
                            max: eff.earliest.map(|a| cx.count(a, end, unit, at)),
                        });
                    }
                    _ => {
                        rec.status = DeadlineStatus::NotJudged;
                        rec.not_judged = Some(NotJudged::MovedOn);
                    }
                }
            } else if open_pause {
                rec.status = DeadlineStatus::NotJudged;
                rec.not_judged = Some(NotJudged::Paused);
            } else {
                rec.status = match eff.latest {
                    // An extension without limit is recorded: nothing is due yet.
                    _ if def.uncapped_extension && facts.extension_recorded => {
                        DeadlineStatus::Pending
                    }
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
    // An exception the procedure allows switches the limit off: nothing is
    // judged, whatever the dates say, and every front end shows the reason.
    if let Some((reason, line, citation)) = facts.exception {
        rec.status = DeadlineStatus::NotJudged;
        rec.not_judged = Some(NotJudged::Exception);
        rec.exception = Some((reason, line));
        rec.exception_citation = citation;
    }
    rec
}

fn both<A, B>(a: Option<A>, b: Option<B>) -> Option<(A, B)> {
    Some((a?, b?))
}
