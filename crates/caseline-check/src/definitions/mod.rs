//! Procedures and calendars visible to a case: the data model. The built-ins
//! (written in the caseline language, shipped in `procedures/*.case`) are in
//! [`builtins`]; merging the workspace's definitions files into them, with the
//! problems found on the way, is [`merge`]; resolving `use` lines is
//! [`flatten`]. The rules that phrase those problems
//! (`definition-conflict`, `procedure-unknown`, `calendar-unknown`,
//! `require-cycle`, `event-unknown`) live in their own files under `rules/`.
//!
//! The caller hands in parsed definitions files; this module reads no files.

mod builtins;
mod flatten;
mod merge;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use caseline_calendar::{Calendars, Duration, Unit};
use caseline_syntax::TextRange;
use caseline_syntax::ast::{DurationLit, DurationUnit};

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

impl Definitions {
    /// The built-in procedures and calendars (parsed once per process).
    pub fn builtin() -> Definitions {
        builtins::BUILTIN.clone()
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
