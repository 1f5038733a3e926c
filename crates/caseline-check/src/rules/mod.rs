//! The rules, one file each under `rules/<group>/<rule_name>.rs`.
//!
//! Each rule file declares its documentation with `declare_rule!` (below), which keeps
//! the doc comment as a `&'static str` (read by `caseline explain`, LSP hover and
//! the generated docs), and holds the rule's logic. The convention: a rule file
//! either **detects** (its `check` reads the document and the analysis context,
//! `analysis::Cx`, and reports what it finds: `event-unknown`, `date-order`,
//! `ack-invalid`'s reading of a comment, `require-cycle`'s search for a cycle) or
//! **phrases a record the analysis computed** once for every front end
//! (`deadline-missed` words a `DeadlineRecord`, `rec-late` a `RecRecord`). The
//! definitions rules are called while `definitions/merge.rs` walks the workspace's
//! files (it says which file a problem is in; the rule says what it is).
//! Rules never print, read files or read the clock: "today" and the calendar arrive
//! through the context.
//!
//! Adding a rule touches: its file here (docs, detection or phrasing, a `fixtures`
//! test), its fixtures in `test_data/<rule_name>/`, its one line in `registry.rs`
//! (name, severity, summary, and the phase its `check` runs in: the registry runs
//! every rule's check, in registry order within a phase, so a rule that reads
//! what another found stands below it), and the `pub mod` line of its group,
//! which Rust needs to see the file.

/// Declares a rule's documentation: the `///` comment becomes [`RuleDoc::doc`],
/// together with the file and line where the rule lives.
macro_rules! declare_rule {
    ($(#[doc = $doc:literal])+ $vis:vis static $name:ident = $status:expr;) => {
        $(#[doc = $doc])+
        $vis static $name: $crate::rules::RuleDoc = $crate::rules::RuleDoc {
            doc: concat!($($doc, "\n"),+),
            status: $status,
            file: file!(),
            line: line!(),
        };
    };
}

pub mod calendar;
pub mod deadline;
pub mod definitions;
pub mod recs;
pub mod stage;
pub mod suppression;
pub mod timeline;

/// A rule's documentation and life-cycle status, captured at compile time.
#[derive(Debug)]
pub struct RuleDoc {
    /// The doc comment as written (each line still has the space after `///`).
    pub doc: &'static str,
    pub status: Status,
    pub file: &'static str,
    pub line: u32,
}

/// Where a rule is in its life: new rules start in preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Preview { since: &'static str },
    Stable { since: &'static str },
    Deprecated { since: &'static str },
    Removed { since: &'static str },
}

/// Status of every rule that shipped with the first release.
pub(crate) const STABLE_0_1: Status = Status::Stable { since: "0.1.0" };
