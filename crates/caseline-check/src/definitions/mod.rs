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
    /// `ends`: recording it ends the procedure (a request closed).
    pub ends: bool,
    /// The declaration, in the procedure's source text.
    pub range: TextRange,
}

/// `deadline TARGET within DUR [or TARGET within DUR]... (of | starting with)
/// [latest of] START... [extendable to DUR] [repeating] [roll-forward]
/// [guidance] ["citation"]`, with what its procedure says about it (its
/// calendar, pauses and exceptions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineDef {
    /// The first outcome written.
    pub target: String,
    /// The first start written (the one each round is paired on).
    pub start: String,
    /// Where the target and start names are written.
    pub target_range: TextRange,
    pub start_range: TextRange,
    /// The first outcome's limit.
    pub limit: Duration,
    pub extended_limit: Option<Duration>,
    /// `extendable without limit`: an extension (by agreement) has no cap, so
    /// a recorded extension covers any lateness.
    pub uncapped_extension: bool,
    pub citation: Option<String>,
    pub range: TextRange,
    /// Alternative outcomes after `or`, each with its own limit: the first
    /// of any of the outcomes recorded is judged against its own limit.
    pub alternatives: Vec<Outcome>,
    /// The other events after `latest of`: the clock starts at the latest of
    /// `start` and these, where recorded in the round.
    pub more_starts: Vec<(String, TextRange)>,
    /// `starting with` / `beginning with`: the start day is the first day.
    pub inclusive: bool,
    /// Each occurrence of the target also starts the next period.
    pub repeating: bool,
    /// A due day that is not a working day moves to the next working day.
    pub roll_forward: bool,
    /// A limit from guidance, not law: reported as `guidance-missed`.
    pub guidance: bool,
    /// The declaring procedure's `calendar` line: the calendar this deadline
    /// counts in, whatever the case's.
    pub calendar: Option<String>,
    /// The declaring procedure's `pause` lines for one of this deadline's outcomes.
    pub pauses: Vec<PauseDef>,
    /// The citation of the declaring procedure's `exception` line naming one of
    /// this deadline's outcomes (`Some(None)`: allowed, no citation).
    pub exception: Option<Option<String>>,
}

/// One alternative outcome of a deadline: its event kind and limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub kind: String,
    pub range: TextRange,
    pub limit: Duration,
}

/// `pause TARGET from EVENT until EVENT ["citation"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PauseDef {
    pub target: String,
    pub from: String,
    pub until: String,
    pub from_range: TextRange,
    pub until_range: TextRange,
    pub target_range: TextRange,
    pub citation: Option<String>,
    pub range: TextRange,
}

impl DeadlineDef {
    /// Every outcome: the first, then the alternatives, each with its limit.
    pub fn outcomes(&self) -> Vec<(&str, Duration)> {
        std::iter::once((self.target.as_str(), self.limit))
            .chain(self.alternatives.iter().map(|o| (o.kind.as_str(), o.limit)))
            .collect()
    }

    /// Every start event: the first, then those after `latest of`.
    pub fn starts(&self) -> Vec<&str> {
        std::iter::once(self.start.as_str())
            .chain(self.more_starts.iter().map(|(s, _)| s.as_str()))
            .collect()
    }

    /// Whether `kind` is one of its outcomes.
    pub fn ends_in(&self, kind: &str) -> bool {
        self.target == kind || self.alternatives.iter().any(|o| o.kind == kind)
    }
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

/// `exception TARGET... ["citation"]` in a procedure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExceptionDef {
    pub targets: Vec<(String, TextRange)>,
    pub citation: Option<String>,
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
    /// The `calendar` line: the calendar its deadlines count in, and where it is written.
    pub calendar: Option<(String, TextRange)>,
    /// `exception TARGET... ["citation"]` lines: the outcomes whose limits a
    /// case may switch off, with the citation.
    pub exceptions: Vec<ExceptionDef>,
    /// Its own `pause` lines (each deadline also carries those for its outcomes).
    pub pauses: Vec<PauseDef>,
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
