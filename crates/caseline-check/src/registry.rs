//! The one list of rules: every rule appears here exactly once, with its stable
//! name (the code users see and suppress, docs/format.md#checks), its default severity and
//! a one-line summary. The `Rule` enum is generated from this list.
//!
//! Strings become `Rule` only at the edges (config, CLI flags, acknowledgement
//! comments) through [`Rule::from_name`]. Names are never reused; a renamed rule
//! keeps working through [`REDIRECTS`].

use std::sync::LazyLock;

use crate::Severity;
use crate::analysis::Cx;
use crate::rules::{self, RuleDoc, Status};

macro_rules! rule_registry {
    ($( $variant:ident => $($module:ident)::+ [$doc:ident] $phase:ident,
        $name:literal, $sev:ident, $summary:literal; )*) => {
        /// A check. See [`Rule::explanation`] for what each one does.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule { $( $variant, )* }

        const ALL: &[Rule] = &[ $( Rule::$variant, )* ];

        impl Rule {
            /// The stable, kebab-case name (`deadline-missed`).
            pub fn name(self) -> &'static str {
                match self { $( Rule::$variant => $name, )* }
            }
            /// The severity used when `caseline.toml` does not override it.
            pub fn default_severity(self) -> Severity {
                match self { $( Rule::$variant => Severity::$sev, )* }
            }
            /// One line saying when the rule fires.
            pub fn summary(self) -> &'static str {
                match self { $( Rule::$variant => $summary, )* }
            }
            pub(crate) fn doc(self) -> &'static RuleDoc {
                match self { $( Rule::$variant => &$($module)::+::$doc, )* }
            }
        }

        /// Runs, in registry order, the `check` of every rule of `phase`.
        pub(crate) fn run(phase: Phase, cx: &mut Cx) {
            $( run_in_phase!(phase, cx, $phase, $($module)::+); )*
        }
    };
}

/// One registry line's call: a rule found `Elsewhere` has no per-case `check`.
macro_rules! run_in_phase {
    ($now:ident, $cx:ident, Elsewhere, $($module:ident)::+) => {};
    ($now:ident, $cx:ident, $phase:ident, $($module:ident)::+) => {
        if $now == Phase::$phase {
            $($module)::+::check($cx);
        }
    };
}

/// When a rule's `check` runs in one case's analysis (`analysis::check_with`).
/// Rules of one phase run in registry order, so a rule that reads what
/// another found (`id-unexpected` reads the `syntax` findings) stands below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phase {
    /// On the document as read, before any deadline is judged.
    Read,
    /// After the deadline records are computed (`analysis/deadlines.rs`).
    Deadlines,
    /// After the recommendation records are computed (`analysis/recs.rs`).
    Recs,
    /// Last, when every record is complete.
    End,
    /// Not a per-case check: found while the workspace's definitions are
    /// merged (`definitions/merge.rs`) or while acknowledgement comments are
    /// applied (`rules/suppression`).
    #[allow(dead_code)] // written in registry lines, matched by `run_in_phase!`
    Elsewhere,
}

rule_registry! {
    Syntax => rules::timeline::syntax [SYNTAX] Read, "syntax", Error,
        "the parser could not make sense of a line";
    DateInvalid => rules::timeline::date_invalid [DATE_INVALID] Read, "date-invalid", Error,
        "a date names a day that does not exist";
    DateOrder => rules::timeline::date_order [DATE_ORDER] Read, "date-order", Warning,
        "an entry is certainly earlier than the one above it";
    EventUnknown => rules::timeline::event_unknown [EVENT_UNKNOWN] Read, "event-unknown", Error,
        "an event kind looks like a procedure's event but is not one of them";
    DeadlineMissed => rules::deadline::deadline_missed [DEADLINE_MISSED] Deadlines, "deadline-missed", Error,
        "a stage happened after its time limit under every reading of the dates";
    DeadlinePossiblyMissed => rules::deadline::deadline_possibly_missed [DEADLINE_POSSIBLY_MISSED] Deadlines,
        "deadline-possibly-missed", Warning,
        "a stage was late under some readings of uncertain dates";
    ExtensionUnrecorded => rules::deadline::extension_unrecorded [EXTENSION_UNRECORDED] Deadlines,
        "extension-unrecorded", Warning,
        "a stage needed its extended time limit but no extension is recorded";
    DeadlineOverdue => rules::deadline::deadline_overdue [DEADLINE_OVERDUE] Deadlines, "deadline-overdue", Error,
        "a stage that is still awaited is past its time limit";
    StageMissing => rules::stage::stage_missing [STAGE_MISSING] Deadlines, "stage-missing", Error,
        "a stage is recorded without the stage that must come before it";
    StageOrder => rules::stage::stage_order [STAGE_ORDER] Deadlines, "stage-order", Error,
        "a stage is recorded before the stage that must come first";
    RecUnaddressed => rules::recs::rec_unaddressed [REC_UNADDRESSED] Recs, "rec-unaddressed", Warning,
        "a recommendation or promise without a due date was never done or declined";
    RecOverdue => rules::recs::rec_overdue [REC_OVERDUE] Recs, "rec-overdue", Error,
        "a recommendation or promise is past its due date and not done or declined";
    RecLate => rules::recs::rec_late [REC_LATE] Recs, "rec-late", Warning,
        "a recommendation or promise was done after its due date";
    RecUnknown => rules::recs::rec_unknown [REC_UNKNOWN] Recs, "rec-unknown", Error,
        "an entry names a recommendation that is not defined in the case";
    RecDuplicate => rules::recs::rec_duplicate [REC_DUPLICATE] Recs, "rec-duplicate", Error,
        "two recommendations or promises share an ID";
    DeclinedWithoutReason => rules::recs::declined_without_reason [DECLINED_WITHOUT_REASON] Recs,
        "declined-without-reason", Warning,
        "a recommendation was declined without a recorded reason";
    CalendarCoverage => rules::calendar::calendar_coverage [CALENDAR_COVERAGE] End, "calendar-coverage", Warning,
        "a deadline falls in a year the shipped bank holiday list does not cover";
    HeaderUnknownKey => rules::timeline::header_unknown_key [HEADER_UNKNOWN_KEY] Read, "header-unknown-key", Warning,
        "the case header has a key caseline does not know";
    ProcedureUnknown => rules::definitions::procedure_unknown [PROCEDURE_UNKNOWN] Read, "procedure-unknown", Error,
        "a procedure name is neither built in nor defined in the workspace";
    CalendarUnknown => rules::calendar::calendar_unknown [CALENDAR_UNKNOWN] Read, "calendar-unknown", Error,
        "a calendar name is neither built in nor defined in the workspace";
    DefinitionConflict => rules::definitions::definition_conflict [DEFINITION_CONFLICT] Elsewhere,
        "definition-conflict", Error,
        "two definitions share a procedure or calendar name";
    RequireCycle => rules::definitions::require_cycle [REQUIRE_CYCLE] Elsewhere, "require-cycle", Error,
        "a procedure's require rules form a cycle";
    RecMisplaced => rules::recs::rec_misplaced [REC_MISPLACED] Recs, "rec-misplaced", Warning,
        "a recommendation is recorded on an event that does not make recommendations";
    AckUnused => rules::suppression::ack_unused [ACK_UNUSED] Elsewhere, "ack-unused", Warning,
        "an acknowledgement comment silences nothing";
    AckInvalid => rules::suppression::ack_invalid [ACK_INVALID] Elsewhere, "ack-invalid", Warning,
        "an acknowledgement comment is malformed or gives no reason";
    DefinitionInCase => rules::definitions::definition_in_case [DEFINITION_IN_CASE] Read,
        "definition-in-case", Error,
        "a procedure or calendar block in a case file, which is not read (often a header line not indented)";
    ProcedureMissing => rules::timeline::procedure_missing [PROCEDURE_MISSING] Read, "procedure-missing", Error,
        "the case names no procedure, so no deadline is checked";
    CaseMissing => rules::timeline::case_missing [CASE_MISSING] Read, "case-missing", Error,
        "a file has dated entries but no case header";
    EventForeign => rules::timeline::event_foreign [EVENT_FOREIGN] Read, "event-foreign", Error,
        "an entry uses an event of a procedure the case does not name";
    EventLookalike => rules::timeline::event_lookalike [EVENT_LOOKALIKE] Read, "event-lookalike", Error,
        "a free event's words match a procedure event, so it may be a stage written another way";
    IdUnexpected => rules::timeline::id_unexpected [ID_UNEXPECTED] Read, "id-unexpected", Warning,
        "words after an event kind that takes no IDs (usually a description without quotes)";
    DeadlineUnchecked => rules::deadline::deadline_unchecked [DEADLINE_UNCHECKED] Deadlines, "deadline-unchecked", Warning,
        "a stage has a time limit, but none could be checked because its start is not recorded";
    ExtendedMisplaced => rules::deadline::extended_misplaced [EXTENDED_MISPLACED] Deadlines, "extended-misplaced", Warning,
        "an `extended` line is under an entry whose stage has no extendable time limit";
    DateAfterAsOf => rules::timeline::date_after_as_of [DATE_AFTER_AS_OF] Read, "date-after-as-of", Warning,
        "an entry is dated after the date the case is judged at";
    GuidanceMissed => rules::deadline::guidance_missed [GUIDANCE_MISSED] Deadlines, "guidance-missed", Warning,
        "a stage was later than a limit the procedure marks as guidance, not law";
    ExceptionInvalid => rules::deadline::exception_invalid [EXCEPTION_INVALID] Deadlines, "exception-invalid", Error,
        "an `exception` line switches no limit off: no reason, or no limit of the case's procedures allows one";
}

/// Old rule names that still work in config files and comments. Empty so far;
/// entries are added when a rule is renamed, never removed.
pub const REDIRECTS: &[(&str, Rule)] = &[];

/// Explanations with the one-space indent of `///` comments removed, built once.
static EXPLANATIONS: LazyLock<Vec<String>> = LazyLock::new(|| {
    ALL.iter()
        .map(|rule| {
            rule.doc()
                .doc
                .lines()
                .map(|line| line.strip_prefix(' ').unwrap_or(line))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
});

impl Rule {
    /// Every rule, in registry order.
    pub fn all() -> &'static [Rule] {
        ALL
    }

    /// The rule with this name (or an old name from [`REDIRECTS`]).
    pub fn from_name(s: &str) -> Option<Rule> {
        ALL.iter()
            .copied()
            .find(|r| r.name() == s)
            .or_else(|| REDIRECTS.iter().find(|(old, _)| *old == s).map(|(_, r)| *r))
    }

    /// The rule's documentation (markdown with the headings `## What it checks`,
    /// `## Why it matters`, `## Example`, `## How to fix`, `## References`).
    pub fn explanation(self) -> &'static str {
        EXPLANATIONS
            .get(self as usize)
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Whether an `# caseline: allow RULE "reason"` comment may silence this
    /// rule's findings. Findings that are simply mistakes to correct (a line
    /// that cannot be read, a misspelt event or ID, a date out of order) are
    /// never acknowledged: an acknowledgement would hide the slip and every
    /// check it switched off. The editor offers no "Acknowledge" action for
    /// them, and a comment that tries is `ack-invalid`.
    pub fn acknowledgeable(self) -> bool {
        !matches!(
            self,
            Rule::Syntax
                | Rule::DateInvalid
                | Rule::DateOrder
                | Rule::EventUnknown
                | Rule::EventForeign
                | Rule::RecUnknown
                | Rule::RecDuplicate
                | Rule::ProcedureUnknown
                | Rule::CalendarUnknown
                | Rule::CaseMissing
                | Rule::DefinitionInCase
                | Rule::IdUnexpected
                | Rule::ExtendedMisplaced
                | Rule::ExceptionInvalid
                | Rule::AckInvalid
                | Rule::AckUnused
        )
    }

    /// Whether the rule is stable, in preview, deprecated or removed.
    pub fn status(self) -> Status {
        self.doc().status
    }

    /// Where the rule is implemented (for `caseline explain` and the docs).
    pub fn source_location(self) -> (&'static str, u32) {
        let doc = self.doc();
        (doc.file, doc.line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADINGS: &[&str] = &[
        "## What it checks",
        "## Why it matters",
        "## Example",
        "## How to fix",
        "## References",
    ];

    #[test]
    fn names_are_unique_kebab_case_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for &r in Rule::all() {
            assert!(seen.insert(r.name()), "duplicate name {}", r.name());
            assert!(
                r.name().chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{} is not kebab-case",
                r.name()
            );
            assert_eq!(Rule::from_name(r.name()), Some(r));
            assert!(!r.summary().is_empty());
        }
        assert_eq!(Rule::all().len(), 36);
        assert_eq!(Rule::from_name("no-such-rule"), None);
    }

    #[test]
    fn default_severities_follow_the_format_table() {
        use Severity::*;
        let expect = [
            (Rule::Syntax, Error),
            (Rule::DateInvalid, Error),
            (Rule::DateOrder, Warning),
            (Rule::EventUnknown, Error),
            (Rule::DeadlineMissed, Error),
            (Rule::DeadlinePossiblyMissed, Warning),
            (Rule::ExtensionUnrecorded, Warning),
            (Rule::DeadlineOverdue, Error),
            (Rule::StageMissing, Error),
            (Rule::StageOrder, Error),
            (Rule::RecUnaddressed, Warning),
            (Rule::RecOverdue, Error),
            (Rule::RecLate, Warning),
            (Rule::RecUnknown, Error),
            (Rule::RecDuplicate, Error),
            (Rule::DeclinedWithoutReason, Warning),
            (Rule::CalendarCoverage, Warning),
            (Rule::HeaderUnknownKey, Warning),
            (Rule::ProcedureUnknown, Error),
            (Rule::CalendarUnknown, Error),
            (Rule::DefinitionConflict, Error),
            (Rule::RequireCycle, Error),
            (Rule::RecMisplaced, Warning),
            (Rule::AckUnused, Warning),
            (Rule::AckInvalid, Warning),
            (Rule::ProcedureMissing, Error),
            (Rule::CaseMissing, Error),
            (Rule::DefinitionInCase, Error),
            (Rule::EventForeign, Error),
            (Rule::EventLookalike, Error),
            (Rule::IdUnexpected, Warning),
            (Rule::DeadlineUnchecked, Warning),
            (Rule::ExtendedMisplaced, Warning),
            (Rule::DateAfterAsOf, Warning),
            (Rule::GuidanceMissed, Warning),
            (Rule::ExceptionInvalid, Error),
        ];
        for (rule, sev) in expect {
            assert_eq!(rule.default_severity(), sev, "{}", rule.name());
        }
    }

    #[test]
    fn every_explanation_has_the_headings_in_order() {
        for &r in Rule::all() {
            let doc = r.explanation();
            let mut at = 0;
            for h in HEADINGS {
                let pos = doc[at..]
                    .find(h)
                    .unwrap_or_else(|| panic!("{}: missing or out-of-order {h}", r.name()));
                at += pos + h.len();
            }
            assert!(
                !doc.contains("\n ## "),
                "{}: explanation not dedented",
                r.name()
            );
            let (file, _) = r.source_location();
            assert!(
                file.ends_with(&format!("{}.rs", r.name().replace('-', "_"))),
                "{} lives in {file}",
                r.name()
            );
        }
    }

    #[test]
    fn every_example_fires_its_rule() {
        for &r in Rule::all() {
            let example = crate::testing::example(r)
                .unwrap_or_else(|| panic!("{}: no ```caseline example", r.name()));
            let found = crate::testing::found(&example);
            assert!(
                found.iter().any(|(_, rule)| *rule == r),
                "{}: the example does not fire the rule; it gives {:?}",
                r.name(),
                found
            );
        }
    }
}
