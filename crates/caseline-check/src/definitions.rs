//! Procedures and calendars visible to a case: the built-ins (written in the
//! caseline language, shipped in `procedures/*.case`) plus the workspace's
//! definitions files.
//!
//! The caller hands in parsed definitions files; this module reads no files.
//! Problems in those files (`definition-conflict`, `procedure-unknown`,
//! `calendar-unknown`, `require-cycle`) are returned per file index.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, LazyLock};

use caseline_calendar::{Calendars, Duration, NaiveDate, Unit};
use caseline_syntax::ast::{self, DateSpec, DurationLit, DurationUnit};
use caseline_syntax::{Parse, TextRange};

use crate::Rule;
use crate::diagnostic::{Diagnostic, Fix, Related};
use crate::suggest::did_you_mean;

/// The built-in procedures, in the order they are listed to users.
const BUILTIN_SOURCES: &[(&str, &str)] = &[
    (
        "children-statutory",
        include_str!("../procedures/children-statutory.case"),
    ),
    ("lgsco", include_str!("../procedures/lgsco.case")),
    (
        "housing-code",
        include_str!("../procedures/housing-code.case"),
    ),
    (
        "council-code",
        include_str!("../procedures/council-code.case"),
    ),
    (
        "adult-social-care",
        include_str!("../procedures/adult-social-care.case"),
    ),
    ("spso", include_str!("../procedures/spso.case")),
    ("nipso", include_str!("../procedures/nipso.case")),
];

/// `event NAME "label" [recommends]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDef {
    pub name: String,
    /// The label as written, or the name when there is none.
    pub label: String,
    pub recommends: bool,
    /// The declaration, in the procedure's source text.
    pub range: TextRange,
}

/// `deadline TARGET within DUR of START [extendable to DUR] ["citation"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineDef {
    pub target: String,
    pub start: String,
    /// Where the target and start names are written.
    pub target_range: TextRange,
    pub start_range: TextRange,
    pub limit: Duration,
    pub extended_limit: Option<Duration>,
    pub citation: Option<String>,
    pub range: TextRange,
}

/// `require FIRST before THEN`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequireDef {
    pub first: String,
    pub then: String,
    /// Where the two names are written.
    pub first_range: TextRange,
    pub then_range: TextRange,
    pub range: TextRange,
}

/// A procedure: its own declarations, and the flattened view that includes
/// what it `use`s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Procedure {
    pub name: String,
    pub title: Option<String>,
    /// The `source` line (where the procedure comes from), if any.
    pub source: Option<String>,
    /// `builtin:<name>` or the definitions file's display name.
    pub origin: String,
    /// The whole `procedure` block and its name, in the origin's source text.
    pub range: TextRange,
    pub name_range: TextRange,
    pub uses: Vec<String>,
    pub events: Vec<EventDef>,
    pub deadlines: Vec<DeadlineDef>,
    pub requires: Vec<RequireDef>,
    /// Where each `use` line stands (same order as `uses`), so re-flattening
    /// keeps the declaration order.
    use_ranges: Vec<TextRange>,
    /// Events of this procedure and what it uses, in declaration order (a `use`
    /// line contributes the used procedure's events where it stands).
    all_events: Vec<EventDef>,
    /// Deadlines and requires of this procedure and what it uses, each with the
    /// name of the procedure that declares it.
    all_deadlines: Vec<(String, DeadlineDef)>,
    all_requires: Vec<RequireDef>,
}

impl Procedure {
    /// Events including those of used procedures, in declaration order.
    pub fn all_events(&self) -> &[EventDef] {
        &self.all_events
    }
    /// Deadlines including those of used procedures, with the declaring procedure.
    pub fn all_deadlines(&self) -> &[(String, DeadlineDef)] {
        &self.all_deadlines
    }
    /// Requires including those of used procedures.
    pub fn all_requires(&self) -> &[RequireDef] {
        &self.all_requires
    }
    /// The label of one of its events (including used ones).
    pub fn event(&self, name: &str) -> Option<&EventDef> {
        self.all_events.iter().find(|e| e.name == name)
    }
}

/// All procedures and calendars visible to a case. Cheap to clone (shared data).
#[derive(Debug, Clone)]
pub struct Definitions {
    procedures: Arc<BTreeMap<String, Procedure>>,
    /// origin -> source text, for go-to-definition into built-ins.
    sources: Arc<HashMap<String, Arc<str>>>,
    calendars: Calendars,
}

static BUILTIN: LazyLock<Definitions> = LazyLock::new(|| {
    let mut raw = Vec::new();
    let mut sources = HashMap::new();
    for (name, text) in BUILTIN_SOURCES {
        let parse = caseline_syntax::parse(text);
        let origin = format!("builtin:{name}");
        for def in &parse.document().procedures {
            raw.push(RawProcedure::from_ast(def, &origin));
        }
        sources.insert(origin, Arc::<str>::from(*text));
    }
    let procedures = flatten(raw.into_iter().map(|p| (p.name.clone(), p)).collect());
    Definitions {
        procedures: Arc::new(procedures),
        sources: Arc::new(sources),
        calendars: Calendars::builtin(),
    }
});

impl Definitions {
    /// The built-in procedures and calendars (parsed once per process).
    pub fn builtin() -> Definitions {
        BUILTIN.clone()
    }

    /// The built-ins plus the procedures and calendars of the workspace's
    /// definitions files. `files` are (display name, parsed file); the returned
    /// problems carry the index of the file they are in. A user definition never
    /// replaces a built-in or an earlier file's definition (`definition-conflict`).
    pub fn with_workspace(files: &[(String, &Parse)]) -> (Definitions, Vec<(usize, Diagnostic)>) {
        let base = Definitions::builtin();
        let mut problems = Vec::new();
        let mut raw: BTreeMap<String, RawProcedure> = base
            .procedures
            .values()
            .map(|p| (p.name.clone(), RawProcedure::from_procedure(p)))
            .collect();
        let mut sources: HashMap<String, Arc<str>> = (*base.sources).clone();
        // Where each user definition was first seen: (file, name range).
        let mut proc_seen: HashMap<String, (usize, TextRange)> = HashMap::new();
        let mut cal_seen: HashMap<String, (usize, TextRange)> = HashMap::new();
        let builtin_calendars: HashSet<String> = base.calendars.names().into_iter().collect();
        let mut user_calendars: Vec<(usize, &ast::CalendarDef)> = Vec::new();
        let mut user_procs: Vec<(usize, String)> = Vec::new();

        for (i, (file_name, parse)) in files.iter().enumerate() {
            sources.insert(file_name.clone(), Arc::<str>::from(parse.text()));
            let doc = parse.document();
            for def in &doc.procedures {
                let name = &def.name.value;
                if raw.contains_key(name) {
                    let (message, related) = conflict_message("procedure", name, i, &proc_seen);
                    problems.push((
                        i,
                        diag(Rule::DefinitionConflict, def.name.range, message, related),
                    ));
                    continue;
                }
                proc_seen.insert(name.clone(), (i, def.name.range));
                raw.insert(name.clone(), RawProcedure::from_ast(def, file_name));
                user_procs.push((i, name.clone()));
            }
            for cal in &doc.calendars {
                let name = &cal.name.value;
                if builtin_calendars.contains(name) || cal_seen.contains_key(name) {
                    let (message, related) = conflict_message("calendar", name, i, &cal_seen);
                    problems.push((
                        i,
                        diag(Rule::DefinitionConflict, cal.name.range, message, related),
                    ));
                    continue;
                }
                cal_seen.insert(name.clone(), (i, cal.name.range));
                user_calendars.push((i, cal));
            }
        }

        // `use` lines must name a known procedure.
        let proc_names: Vec<String> = raw.keys().cloned().collect();
        for (i, name) in &user_procs {
            let Some(p) = raw.get(name) else { continue };
            for (used, range) in &p.uses {
                if !raw.contains_key(used) {
                    problems.push((
                        *i,
                        unknown_name(
                            Rule::ProcedureUnknown,
                            "procedure",
                            used,
                            *range,
                            &proc_names,
                        ),
                    ));
                }
            }
        }

        // Calendars may extend each other in any file order: define them once
        // everything they extend exists.
        let mut calendars = base.calendars.clone();
        let all_cal_names: Vec<String> = builtin_calendars
            .iter()
            .cloned()
            .chain(user_calendars.iter().map(|(_, c)| c.name.value.clone()))
            .collect();
        let mut pending = user_calendars;
        loop {
            let before = pending.len();
            let mut still = Vec::new();
            for (i, cal) in pending {
                let ready = cal.extends.iter().all(|e| {
                    calendars.get(&e.value).is_some() || !all_cal_names.contains(&e.value)
                });
                if !ready {
                    still.push((i, cal));
                    continue;
                }
                let mut extends = Vec::new();
                for e in &cal.extends {
                    if calendars.get(&e.value).is_some() {
                        extends.push(e.value.as_str());
                    } else {
                        problems.push((
                            i,
                            unknown_name(
                                Rule::CalendarUnknown,
                                "calendar",
                                &e.value,
                                e.range,
                                &all_cal_names,
                            ),
                        ));
                    }
                }
                let closed = closed_days(cal);
                // A rejected definition (e.g. a bad name) leaves the calendar
                // undefined; cases naming it then get `calendar-unknown`.
                let _ = calendars.define(&cal.name.value, &extends, &closed);
            }
            if still.is_empty() || still.len() == before {
                // What is left extends itself through a loop: report the names.
                for (i, cal) in still {
                    for e in &cal.extends {
                        if calendars.get(&e.value).is_none() {
                            problems.push((i, diag(
                                Rule::CalendarUnknown,
                                e.range,
                                format!("calendar `{}` extends `{}`, which (directly or not) extends `{}` again", cal.name.value, e.value, cal.name.value),
                                Vec::new(),
                            )));
                        }
                    }
                }
                break;
            }
            pending = still;
        }

        let procedures = flatten(raw);
        for (i, name) in &user_procs {
            if let Some(p) = procedures.get(name) {
                undeclared_events(p, *i, &mut problems);
            }
        }
        for (i, name) in &user_procs {
            if let Some(p) = procedures.get(name)
                && let Some(cycle) = require_cycle(p)
            {
                problems.push((
                    *i,
                    diag(
                        Rule::RequireCycle,
                        p.name_range,
                        format!(
                            "procedure `{name}` requires {}: no timeline can satisfy that",
                            cycle.join(" before ")
                        ),
                        Vec::new(),
                    ),
                ));
            }
        }

        (
            Definitions {
                procedures: Arc::new(procedures),
                sources: Arc::new(sources),
                calendars,
            },
            problems,
        )
    }

    /// Every procedure name, sorted.
    pub fn procedure_names(&self) -> Vec<String> {
        self.procedures.keys().cloned().collect()
    }

    pub fn procedure(&self, name: &str) -> Option<&Procedure> {
        self.procedures.get(name)
    }

    /// Where a procedure is defined and that definition's whole source text
    /// (`builtin:<name>` for the shipped ones).
    pub fn procedure_source(&self, name: &str) -> Option<(&str, &str)> {
        let p = self.procedures.get(name)?;
        let text = self.sources.get(&p.origin)?;
        Some((p.origin.as_str(), text))
    }

    pub fn calendars(&self) -> &Calendars {
        &self.calendars
    }
}

fn diag(rule: Rule, range: TextRange, message: String, related: Vec<Related>) -> Diagnostic {
    Diagnostic {
        rule,
        severity: rule.default_severity(),
        range,
        message,
        related,
        fixes: Vec::new(),
    }
}

fn conflict_message(
    what: &str,
    name: &str,
    file: usize,
    seen: &HashMap<String, (usize, TextRange)>,
) -> (String, Vec<Related>) {
    match seen.get(name) {
        Some((j, range)) if *j == file => (
            format!("{what} `{name}` is already defined in this file"),
            vec![Related {
                range: *range,
                message: "first defined here".into(),
            }],
        ),
        Some(_) => (
            format!(
                "{what} `{name}` is already defined in another definitions file of this workspace"
            ),
            Vec::new(),
        ),
        None => (
            format!(
                "{what} `{name}` is built into caseline and cannot be redefined; give yours another name"
            ),
            Vec::new(),
        ),
    }
}

/// `procedure-unknown` / `calendar-unknown` with a "did you mean" and its fix.
pub(crate) fn unknown_name(
    rule: Rule,
    what: &str,
    name: &str,
    range: TextRange,
    known: &[String],
) -> Diagnostic {
    let suggestion = did_you_mean(name, known.iter().map(String::as_str));
    let mut message = format!("there is no {what} called `{name}`");
    let mut fixes = Vec::new();
    if let Some(s) = suggestion {
        message.push_str(&format!(": did you mean `{s}`?"));
        fixes.push(Fix::replace(range, s));
    } else {
        let mut list: Vec<&str> = known.iter().map(String::as_str).collect();
        list.sort_unstable();
        message.push_str(&format!(" (known: {})", list.join(", ")));
    }
    Diagnostic {
        rule,
        severity: rule.default_severity(),
        range,
        message,
        related: Vec::new(),
        fixes,
    }
}

fn closed_days(cal: &ast::CalendarDef) -> Vec<(NaiveDate, String)> {
    let mut out = Vec::new();
    for line in &cal.closed {
        let reason = line
            .reason
            .as_ref()
            .map(|r| r.value.clone())
            .unwrap_or_else(|| "Closed".to_string());
        for d in &line.dates {
            let (first, last) = match d.value {
                DateSpec::Day(d) => (d, d),
                DateSpec::Span { first, last } => (first, last),
                DateSpec::Unknown => continue,
            };
            // A closure longer than a few years is a typo; cap the expansion so
            // a bad range cannot allocate without bound.
            let mut day = first;
            let mut n = 0;
            while day <= last && n < 4000 {
                out.push((day, reason.clone()));
                match day.succ_opt() {
                    Some(next) => day = next,
                    None => break,
                }
                n += 1;
            }
        }
    }
    out
}

/// A duration as written in a file, for the calendar to count.
pub fn duration(lit: DurationLit) -> Duration {
    Duration {
        amount: lit.amount,
        unit: match lit.unit {
            DurationUnit::WorkingDays => Unit::WorkingDays,
            DurationUnit::Days => Unit::Days,
            DurationUnit::Weeks => Unit::Weeks,
            DurationUnit::Months => Unit::Months,
            DurationUnit::Years => Unit::Years,
        },
    }
}

/// A procedure before its `use`s are flattened.
#[derive(Debug, Clone)]
struct RawProcedure {
    name: String,
    title: Option<String>,
    source: Option<String>,
    origin: String,
    range: TextRange,
    name_range: TextRange,
    /// `use` lines with their ranges.
    uses: Vec<(String, TextRange)>,
    events: Vec<EventDef>,
    deadlines: Vec<DeadlineDef>,
    requires: Vec<RequireDef>,
}

impl RawProcedure {
    fn from_ast(def: &ast::ProcedureDef, origin: &str) -> RawProcedure {
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
                    range: e.range,
                })
                .collect(),
            deadlines: def
                .deadlines
                .iter()
                .map(|d| DeadlineDef {
                    target: d.target.value.clone(),
                    start: d.start.value.clone(),
                    target_range: d.target.range,
                    start_range: d.start.range,
                    limit: duration(d.limit.value),
                    extended_limit: d.extended_limit.as_ref().map(|e| duration(e.value)),
                    citation: d.citation.as_ref().map(|c| c.value.clone()),
                    range: d.range,
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
        }
    }

    fn from_procedure(p: &Procedure) -> RawProcedure {
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
        }
    }
}

/// Resolves every procedure's `use`s into its flattened lists. A `use` loop
/// or an unknown name contributes nothing (reported elsewhere).
fn flatten(raw: BTreeMap<String, RawProcedure>) -> BTreeMap<String, Procedure> {
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

/// `event-unknown` for deadline and require lines of a user procedure that
/// name an event neither it nor what it uses declares: such a line would never
/// apply, silently.
fn undeclared_events(p: &Procedure, file: usize, problems: &mut Vec<(usize, Diagnostic)>) {
    let names: Vec<&str> = p.all_events.iter().map(|e| e.name.as_str()).collect();
    let mut check = |name: &str, range: TextRange| {
        if names.contains(&name) {
            return;
        }
        let mut message = format!(
            "procedure `{}` declares no event `{name}`, so this line never applies",
            p.name
        );
        let mut fixes = Vec::new();
        if let Some(s) = crate::suggest::closest(name, names.iter().copied(), 2) {
            message.push_str(&format!(": did you mean `{s}`?"));
            fixes.push(Fix::replace(range, s));
        } else {
            message.push_str(&format!(" (add `event {name} \"label\"` to the procedure)"));
        }
        let mut d = diag(Rule::EventUnknown, range, message, Vec::new());
        d.fixes = fixes;
        problems.push((file, d));
    };
    for d in &p.deadlines {
        check(&d.target, d.target_range);
        check(&d.start, d.start_range);
    }
    for r in &p.requires {
        check(&r.first, r.first_range);
        check(&r.then, r.then_range);
    }
}

/// A cycle among a procedure's `require` rules, as the event names around it.
fn require_cycle(p: &Procedure) -> Option<Vec<String>> {
    let mut graph: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for r in &p.all_requires {
        graph
            .entry(r.first.as_str())
            .or_default()
            .push(r.then.as_str());
    }
    // Iterative depth-first search with colours: 1 = on the stack, 2 = done.
    let mut colour: HashMap<&str, u8> = HashMap::new();
    for &root in graph.keys() {
        if colour.contains_key(root) {
            continue;
        }
        let mut stack: Vec<(&str, usize)> = vec![(root, 0)];
        colour.insert(root, 1);
        while let Some((node, next)) = stack.last().copied() {
            let succ = graph.get(node).map(Vec::as_slice).unwrap_or(&[]);
            if let Some(&s) = succ.get(next) {
                if let Some(top) = stack.last_mut() {
                    top.1 += 1;
                }
                match colour.get(s) {
                    Some(1) => {
                        let pos = stack.iter().position(|(n, _)| *n == s).unwrap_or(0);
                        let mut cycle: Vec<String> =
                            stack[pos..].iter().map(|(n, _)| n.to_string()).collect();
                        cycle.push(s.to_string());
                        return Some(cycle);
                    }
                    Some(_) => {}
                    None => {
                        colour.insert(s, 1);
                        stack.push((s, 0));
                    }
                }
            } else {
                colour.insert(node, 2);
                stack.pop();
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtins_parse_cleanly_and_are_consistent() {
        for (name, text) in BUILTIN_SOURCES {
            let parse = caseline_syntax::parse(text);
            assert!(parse.errors().is_empty(), "{name}: {:?}", parse.errors());
            assert!(parse.document().is_definitions_file(), "{name}");
        }
        let (defs, problems) = Definitions::with_workspace(&[]);
        assert!(problems.is_empty(), "{problems:?}");
        let names = defs.procedure_names();
        for (name, _) in BUILTIN_SOURCES {
            assert!(names.contains(&name.to_string()), "{name} missing");
            let p = defs.procedure(name).expect("listed");
            assert_eq!(p.origin, format!("builtin:{name}"));
            let (origin, text) = defs.procedure_source(name).expect("source kept");
            assert_eq!(origin, p.origin);
            assert!(text[usize::from(p.name_range.start())..].starts_with(name));
            assert!(
                p.title.is_some() && p.source.is_some(),
                "{name}: title and source"
            );
            for (_, d) in p.all_deadlines() {
                assert!(
                    p.event(&d.start).is_some(),
                    "{name}: {} undeclared",
                    d.start
                );
                assert!(
                    p.event(&d.target).is_some(),
                    "{name}: {} undeclared",
                    d.target
                );
                assert!(d.citation.is_some(), "{name}: deadline without a citation");
            }
            for r in p.all_requires() {
                assert!(
                    p.event(&r.first).is_some() && p.event(&r.then).is_some(),
                    "{name}"
                );
            }
            assert!(require_cycle(p).is_none(), "{name}");
        }
    }

    #[test]
    fn the_children_procedure_has_the_regulations_limits() {
        let defs = Definitions::builtin();
        let p = defs.procedure("children-statutory").expect("built in");
        let find = |t: &str, s: &str| {
            p.deadlines
                .iter()
                .find(|d| d.target == t && d.start == s)
                .unwrap_or_else(|| panic!("{s} -> {t}"))
        };
        let wd = |n| Duration {
            amount: n,
            unit: Unit::WorkingDays,
        };
        let s1 = find("stage1.response", "stage1.received");
        assert_eq!((s1.limit, s1.extended_limit), (wd(10), Some(wd(20))));
        let s2 = find("stage2.adjudication", "stage2.requested");
        assert_eq!((s2.limit, s2.extended_limit), (wd(25), Some(wd(65))));
        assert_eq!(find("stage3.panel", "stage3.requested").limit, wd(30));
        assert_eq!(find("stage3.report", "stage3.panel").limit, wd(5));
        assert_eq!(find("stage3.response", "stage3.report").limit, wd(15));
        let derived = find("stage3.response", "stage3.panel");
        assert_eq!(derived.limit, wd(20));
        assert!(
            derived
                .citation
                .as_deref()
                .is_some_and(|c| c.contains("derived"))
        );
        assert!(p.event("stage2.report").is_some_and(|e| e.recommends));
        assert!(p.event("stage3.panel").is_some_and(|e| e.recommends));
    }

    #[test]
    fn use_flattens_events_in_place_and_keeps_the_declaring_procedure() {
        let text = "procedure mine\n  event mine.a \"a\"\n  use lgsco\n  event mine.b \"b\"\n  deadline mine.b within 5wd of mine.a\n";
        let parse = caseline_syntax::parse(text);
        let (defs, problems) = Definitions::with_workspace(&[("mine.case".to_string(), &parse)]);
        assert!(problems.is_empty(), "{problems:?}");
        let p = defs.procedure("mine").expect("defined");
        let order: Vec<&str> = p.all_events().iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            order,
            [
                "mine.a",
                "ombudsman.received",
                "ombudsman.draft",
                "ombudsman.decision",
                "mine.b"
            ]
        );
        assert_eq!(p.all_deadlines()[0].0, "mine");
        assert_eq!(defs.procedure_source("mine"), Some(("mine.case", text)));
    }

    #[test]
    fn user_calendars_extend_in_any_file_order() {
        let a = caseline_syntax::parse("calendar b\n  extends a\n  closed 2024-12-30 \"x\"\n");
        let b = caseline_syntax::parse(
            "calendar a\n  extends england-and-wales\n  closed 2024-12-27 \"y\"\n",
        );
        let (defs, problems) =
            Definitions::with_workspace(&[("1.case".to_string(), &a), ("2.case".to_string(), &b)]);
        assert!(problems.is_empty(), "{problems:?}");
        let cal = defs.calendars().get("b").expect("defined");
        let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).expect("valid");
        assert!(!cal.is_working_day(d(12, 27)));
        assert!(!cal.is_working_day(d(12, 30)));
        assert!(!cal.is_working_day(d(12, 25)));
        assert!(cal.is_working_day(d(12, 23)));
    }
}

#[cfg(test)]
mod workspace_tests {
    use super::*;

    #[test]
    fn problems_carry_the_index_of_the_file_they_are_in() {
        let a = caseline_syntax::parse("procedure mine\n  event mine.a \"a\"\n");
        let b = caseline_syntax::parse(
            "procedure mine\n  event mine.b \"b\"\n\nprocedure other\n  use lgsc\n  event other.a \"a\"\n",
        );
        let (defs, problems) =
            Definitions::with_workspace(&[("a.case".to_string(), &a), ("b.case".to_string(), &b)]);
        let summary: Vec<(usize, Rule)> = problems.iter().map(|(i, d)| (*i, d.rule)).collect();
        assert_eq!(
            summary,
            [(1, Rule::DefinitionConflict), (1, Rule::ProcedureUnknown)]
        );
        assert!(problems[0].1.message.contains("another definitions file"));
        // The first definition wins.
        let mine = defs.procedure("mine").expect("defined");
        assert_eq!(mine.origin, "a.case");
        assert!(mine.event("mine.a").is_some() && mine.event("mine.b").is_none());
        // The unknown `use` suggests the built-in and offers to change it.
        let unknown = &problems[1].1;
        assert!(
            unknown.message.contains("did you mean `lgsco`"),
            "{}",
            unknown.message
        );
        let edit = &unknown.fixes[0].edits[0];
        assert_eq!(&b.text()[edit.range], "lgsc");
        assert_eq!(edit.new_text, "lgsco");
    }
}
