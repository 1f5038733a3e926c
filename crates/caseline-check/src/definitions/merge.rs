//! The built-ins plus a workspace's definitions files, merged: a user
//! definition never replaces a built-in or an earlier file's definition. The
//! problems found on the way are detected and phrased by their rules (under
//! `rules/`); this module only walks the files and says where each problem is.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use caseline_calendar::NaiveDate;
use caseline_syntax::ast::{self, DateSpec};
use caseline_syntax::{Parse, TextRange};

use super::Definitions;
use super::flatten::{RawProcedure, flatten};
use crate::Rule;
use crate::diagnostic::Diagnostic;
use crate::rules;

impl Definitions {
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
                    let d = rules::definitions::definition_conflict::conflict(
                        "procedure",
                        name,
                        def.name.range,
                        i,
                        &proc_seen,
                    );
                    problems.push((i, d));
                    continue;
                }
                proc_seen.insert(name.clone(), (i, def.name.range));
                raw.insert(name.clone(), RawProcedure::from_ast(def, file_name));
                user_procs.push((i, name.clone()));
            }
            for cal in &doc.calendars {
                let name = &cal.name.value;
                if builtin_calendars.contains(name) || cal_seen.contains_key(name) {
                    let d = rules::definitions::definition_conflict::conflict(
                        "calendar",
                        name,
                        cal.name.range,
                        i,
                        &cal_seen,
                    );
                    problems.push((i, d));
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
                        rules::definitions::unknown_name(
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
                            rules::definitions::unknown_name(
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
                            problems.push((
                                i,
                                rules::calendar::calendar_unknown::extends_loop(
                                    &cal.name.value,
                                    &e.value,
                                    e.range,
                                ),
                            ));
                        }
                    }
                }
                break;
            }
            pending = still;
        }

        // A procedure's own `calendar` line must name a calendar that exists.
        let cal_names = calendars.names();
        for (i, name) in &user_procs {
            if let Some((cal, range)) = raw.get(name).and_then(|p| p.calendar.as_ref())
                && calendars.get(cal).is_none()
            {
                problems.push((
                    *i,
                    rules::definitions::unknown_name(
                        Rule::CalendarUnknown,
                        "calendar",
                        cal,
                        *range,
                        &cal_names,
                    ),
                ));
            }
        }

        let procedures = flatten(raw);
        for (i, name) in &user_procs {
            if let Some(p) = procedures.get(name) {
                rules::timeline::event_unknown::undeclared_events(p, *i, &mut problems);
            }
        }
        for (i, name) in &user_procs {
            if let Some(d) = procedures
                .get(name)
                .and_then(rules::definitions::require_cycle::check)
            {
                problems.push((*i, d));
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
