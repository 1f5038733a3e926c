//! Output of `caseline check`: one neutral report model, converted from the core
//! types once (in `commands/check.rs`), and one module per output format.
//!
//! Every position shown to users comes from `LineIndex` (`display_position`, and
//! `line_col` for caret placement); nothing here counts bytes or code units itself.
//! The wire structs for JSON and SARIF live in their modules and derive `Serialize`
//! there, so the core crates never do.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use caseline_syntax::{LineIndex, TextRange};

/// Severity as rendered; mirrors `caseline_check::Severity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Error,
    Warning,
    Info,
    Hint,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "info",
            Level::Hint => "hint",
        }
    }
}

/// A secondary span in the same file, e.g. "the request was here".
#[derive(Debug, Clone)]
pub struct Note {
    pub range: TextRange,
    pub message: String,
}

/// One finding, ready to render.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The rule's stable name (FORMAT.md §5), e.g. `deadline-missed`.
    pub code: &'static str,
    pub level: Level,
    pub range: TextRange,
    pub message: String,
    pub notes: Vec<Note>,
}

/// A finding silenced by `# caseline: allow RULE "reason"`.
#[derive(Debug, Clone)]
pub struct Silenced {
    pub finding: Finding,
    pub reason: String,
}

/// Everything found in one file that could be read.
pub struct FileReport {
    /// As shown to the user (relative paths stay relative, `/` separators).
    pub path: String,
    /// Owned, so a file's tree and document can be dropped as soon as it is
    /// checked (in the parallel worker) while its report waits to be printed.
    pub index: LineIndex,
    pub findings: Vec<Finding>,
    pub silenced: Vec<Silenced>,
}

/// A path that could not be checked (missing, unreadable, not UTF-8, too big).
#[derive(Debug, Clone)]
pub struct Unreadable {
    pub path: String,
    pub message: String,
}

/// A rule as the registry describes it, for SARIF's `tool.driver.rules`.
pub struct RuleInfo {
    pub name: &'static str,
    pub level: Level,
    pub summary: &'static str,
    pub explanation: &'static str,
}

/// The whole run.
pub struct Report {
    pub files: Vec<FileReport>,
    pub unreadable: Vec<Unreadable>,
    pub rules: Vec<RuleInfo>,
}

/// Counts for the summary line and the exit code.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub silenced: usize,
}

impl Report {
    pub fn totals(&self) -> Totals {
        let mut t = Totals {
            files: self.files.len(),
            ..Totals::default()
        };
        for f in &self.files {
            t.silenced += f.silenced.len();
            for d in &f.findings {
                match d.level {
                    Level::Error => t.errors += 1,
                    Level::Warning => t.warnings += 1,
                    Level::Info | Level::Hint => {}
                }
            }
        }
        t
    }
}

/// 1-based (line, column, end line, end column) in characters; the end is the
/// position just after the range, as SARIF's `endColumn` defines it.
pub fn span(index: &LineIndex, range: TextRange) -> (u32, u32, u32, u32) {
    let (line, column) = index.display_position(range.start());
    let (end_line, end_column) = index.display_position(range.end());
    (line, column, end_line, end_column)
}
