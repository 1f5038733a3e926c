//! A procedure's `use` lines resolved: its events, deadlines and requires
//! together with those of the procedures it uses, in declaration order.

use std::collections::{BTreeMap, HashSet};

use caseline_syntax::TextRange;
use caseline_syntax::ast;

use super::{
    DeadlineDef, EventDef, ExceptionDef, Outcome, PauseDef, Procedure, RequireDef, duration,
};

/// A procedure before its `use`s are flattened.
#[derive(Debug, Clone)]
pub(super) struct RawProcedure {
    pub(super) name: String,
    pub(super) title: Option<String>,
    pub(super) source: Option<String>,
    pub(super) origin: String,
    pub(super) range: TextRange,
    pub(super) name_range: TextRange,
    /// `use` lines with their ranges.
    pub(super) uses: Vec<(String, TextRange)>,
    pub(super) events: Vec<EventDef>,
    pub(super) deadlines: Vec<DeadlineDef>,
    pub(super) requires: Vec<RequireDef>,
    pub(super) calendar: Option<(String, TextRange)>,
    pub(super) exceptions: Vec<ExceptionDef>,
    pub(super) pauses: Vec<PauseDef>,
}

impl RawProcedure {
    pub(super) fn from_ast(def: &ast::ProcedureDef, origin: &str) -> RawProcedure {
        // The procedure's `pause` lines, read once: each deadline keeps those
        // for its own outcomes.
        let pauses: Vec<PauseDef> = def
            .pauses
            .iter()
            .map(|p| PauseDef {
                target: p.target.value.clone(),
                from: p.from.value.clone(),
                until: p.until.value.clone(),
                from_range: p.from.range,
                until_range: p.until.range,
                target_range: p.target.range,
                citation: p.citation.as_ref().map(|c| c.value.clone()),
                range: p.range,
            })
            .collect();
        RawProcedure {
            name: def.name.value.clone(),
            title: def.title.as_ref().map(|t| t.value.clone()),
            source: def.source.as_ref().map(|t| t.value.clone()),
            origin: origin.to_string(),
            range: def.range,
            name_range: def.name.range,
            uses: def
                .uses
                .iter()
                .map(|u| (u.value.clone(), u.range))
                .collect(),
            events: def
                .events
                .iter()
                .map(|e| EventDef {
                    name: e.name.value.clone(),
                    label: e
                        .label
                        .as_ref()
                        .map(|l| l.value.clone())
                        .unwrap_or_else(|| e.name.value.clone()),
                    recommends: e.recommends,
                    ends: e.ends,
                    range: e.range,
                })
                .collect(),
            deadlines: def
                .deadlines
                .iter()
                .map(|d| {
                    let outcome_kinds: Vec<&str> = std::iter::once(d.target.value.as_str())
                        .chain(d.alternatives.iter().map(|(t, _)| t.value.as_str()))
                        .collect();
                    DeadlineDef {
                        target: d.target.value.clone(),
                        start: d.start.value.clone(),
                        target_range: d.target.range,
                        start_range: d.start.range,
                        limit: duration(d.limit.value),
                        extended_limit: d.extended_limit.as_ref().map(|e| duration(e.value)),
                        uncapped_extension: d.uncapped_extension,
                        citation: d.citation.as_ref().map(|c| c.value.clone()),
                        range: d.range,
                        alternatives: d
                            .alternatives
                            .iter()
                            .map(|(t, l)| Outcome {
                                kind: t.value.clone(),
                                range: t.range,
                                limit: duration(l.value),
                            })
                            .collect(),
                        more_starts: d
                            .more_starts
                            .iter()
                            .map(|s| (s.value.clone(), s.range))
                            .collect(),
                        inclusive: d.inclusive,
                        repeating: d.repeating,
                        roll_forward: d.roll_forward,
                        guidance: d.guidance,
                        calendar: def.calendar.as_ref().map(|c| c.value.clone()),
                        pauses: pauses
                            .iter()
                            .filter(|p| outcome_kinds.contains(&p.target.as_str()))
                            .cloned()
                            .collect(),
                        exception: def
                            .exceptions
                            .iter()
                            .find(|e| {
                                e.targets
                                    .iter()
                                    .any(|t| outcome_kinds.contains(&t.value.as_str()))
                            })
                            .map(|e| e.citation.as_ref().map(|c| c.value.clone())),
                    }
                })
                .collect(),
            requires: def
                .requires
                .iter()
                .map(|r| RequireDef {
                    first: r.first.value.clone(),
                    then: r.then.value.clone(),
                    first_range: r.first.range,
                    then_range: r.then.range,
                    range: r.range,
                })
                .collect(),
            calendar: def.calendar.as_ref().map(|c| (c.value.clone(), c.range)),
            pauses,
            exceptions: def
                .exceptions
                .iter()
                .map(|e| ExceptionDef {
                    targets: e
                        .targets
                        .iter()
                        .map(|t| (t.value.clone(), t.range))
                        .collect(),
                    citation: e.citation.as_ref().map(|c| c.value.clone()),
                    range: e.range,
                })
                .collect(),
        }
    }

    pub(super) fn from_procedure(p: &Procedure) -> RawProcedure {
        RawProcedure {
            name: p.name.clone(),
            title: p.title.clone(),
            source: p.source.clone(),
            origin: p.origin.clone(),
            range: p.range,
            name_range: p.name_range,
            uses: p
                .uses
                .iter()
                .cloned()
                .zip(p.use_ranges.iter().copied())
                .collect(),
            events: p.events.clone(),
            deadlines: p.deadlines.clone(),
            requires: p.requires.clone(),
            calendar: p.calendar.clone(),
            exceptions: p.exceptions.clone(),
            pauses: p.pauses.clone(),
        }
    }
}

/// Resolves every procedure's `use`s into its flattened lists. A `use` loop
/// or an unknown name contributes nothing (reported elsewhere).
pub(super) fn flatten(raw: BTreeMap<String, RawProcedure>) -> BTreeMap<String, Procedure> {
    let mut out = BTreeMap::new();
    for (name, p) in &raw {
        let mut events = Vec::new();
        let mut deadlines = Vec::new();
        let mut requires = Vec::new();
        let mut visiting = HashSet::new();
        collect(
            &raw,
            name,
            &mut visiting,
            &mut events,
            &mut deadlines,
            &mut requires,
        );
        out.insert(
            name.clone(),
            Procedure {
                name: p.name.clone(),
                title: p.title.clone(),
                source: p.source.clone(),
                origin: p.origin.clone(),
                range: p.range,
                name_range: p.name_range,
                uses: p.uses.iter().map(|(u, _)| u.clone()).collect(),
                use_ranges: p.uses.iter().map(|(_, r)| *r).collect(),
                events: p.events.clone(),
                deadlines: p.deadlines.clone(),
                requires: p.requires.clone(),
                calendar: p.calendar.clone(),
                exceptions: p.exceptions.clone(),
                pauses: p.pauses.clone(),
                all_events: events,
                all_deadlines: deadlines,
                all_requires: requires,
            },
        );
    }
    out
}

fn collect(
    raw: &BTreeMap<String, RawProcedure>,
    name: &str,
    visiting: &mut HashSet<String>,
    events: &mut Vec<EventDef>,
    deadlines: &mut Vec<(String, DeadlineDef)>,
    requires: &mut Vec<RequireDef>,
) {
    let Some(p) = raw.get(name) else { return };
    if !visiting.insert(name.to_string()) {
        return;
    }
    // Interleave own events and used procedures' events in source order.
    let mut items: Vec<(TextRange, Option<&EventDef>, Option<&str>)> = p
        .events
        .iter()
        .map(|e| (e.range, Some(e), None))
        .chain(p.uses.iter().map(|(u, r)| (*r, None, Some(u.as_str()))))
        .collect();
    items.sort_by_key(|(r, _, _)| r.start());
    for (_, event, used) in items {
        if let Some(e) = event {
            if !events.iter().any(|x: &EventDef| x.name == e.name) {
                events.push(e.clone());
            }
        } else if let Some(u) = used {
            collect(raw, u, visiting, events, deadlines, requires);
        }
    }
    for d in &p.deadlines {
        deadlines.push((p.name.clone(), d.clone()));
    }
    requires.extend(p.requires.iter().cloned());
}
