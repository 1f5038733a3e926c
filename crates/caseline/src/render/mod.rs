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

use caseline_check::Checked;
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
    /// The rule's stable name (docs/format.md#checks), e.g. `deadline-missed`.
    pub code: &'static str,
    pub level: Level,
    pub range: TextRange,
    pub message: String,
    pub notes: Vec<Note>,
    /// What the quick fixes would do (their titles), best first: the terminal shows them as
    /// `help:` lines, so the CLI says how to mend a slip as the editor does. Machine
    /// formats leave them out (the contract of docs/format.md#output-contract).
    pub help: Vec<String>,
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
    /// What the check judged in the file.
    pub facts: FileFacts,
}

/// What was checked in one file (the engine's `Checked`, never recounted
/// here) and the lines that could not be read, so that every output can say
/// so: a case with nothing checked must never look clean.
#[derive(Debug, Clone, Default)]
pub struct FileFacts {
    pub checked: Checked,
    /// 1-based lines holding a `syntax` finding, in order, each once.
    pub unreadable_lines: Vec<u32>,
    /// The definitions files the case's procedures come from, as shown
    /// (built-ins are not listed).
    pub definitions: Vec<String>,
}

impl FileFacts {
    /// `facts` of a file, from its analysis.
    pub fn of(index: &LineIndex, analysis: &caseline_check::Analysis) -> FileFacts {
        let mut lines: Vec<u32> = analysis
            .diagnostics
            .iter()
            .filter(|d| d.rule == caseline_check::Rule::Syntax)
            .map(|d| index.line_of(d.range.start()) + 1)
            .collect();
        lines.dedup();
        FileFacts {
            checked: analysis.checked.clone(),
            unreadable_lines: lines,
            definitions: Vec::new(),
        }
    }

    /// A definitions file: no case header and no entries, nothing to judge.
    pub fn is_definitions(&self) -> bool {
        !self.checked.has_header && self.checked.entries == 0
    }

    /// A case in which no deadline was judged and no recommendation tracked.
    pub fn nothing_checked(&self) -> bool {
        !self.is_definitions() && self.checked.nothing_checked()
    }

    /// What the check judged, in the engine's words
    /// (`children-statutory · 5 deadlines checked (2 late) · 3 recommendations tracked`).
    pub fn describe(&self) -> String {
        if self.is_definitions() {
            "definitions only (procedures and calendars): no case to check".to_string()
        } else if self.definitions.is_empty() {
            self.checked.describe()
        } else {
            format!(
                "{} · procedures from {}",
                self.checked.describe(),
                self.definitions.join(", ")
            )
        }
    }

    /// Why nothing was checked, in [`Checked::describe`]'s words: the first
    /// thing that stopped the checks.
    pub fn why_nothing(&self) -> &'static str {
        if !self.checked.has_header {
            "no case header"
        } else if self.checked.procedures.is_empty() && !self.checked.unknown_procedures.is_empty()
        {
            "the procedure named is not known"
        } else if self.checked.procedures.is_empty() {
            "no procedure named"
        } else if self.checked.unchecked_stages > 0 {
            "no stage's time limit could be checked"
        } else {
            "no deadline or recommendation to check"
        }
    }

    /// What went wrong in the file, for the `problem` of the JSON and the
    /// summary: lines that could not be read, entries without a case header,
    /// a case in which nothing was checked. `None` when nothing did.
    pub fn problem(&self) -> Option<String> {
        let mut parts = Vec::new();
        if !self.checked.has_header && self.checked.entries > 0 {
            parts.push("no case header: its entries are not checked".to_string());
        } else if self.nothing_checked() {
            parts.push(format!("nothing was checked ({})", self.why_nothing()));
        }
        if !self.unreadable_lines.is_empty() {
            parts.push(lines_not_read(&self.unreadable_lines));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

/// `1 line could not be read (line 7)`, `2 lines could not be read (lines 7, 12)`.
pub fn lines_not_read(lines: &[u32]) -> String {
    let list = lines
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if lines.len() == 1 {
        format!("1 line could not be read (line {list})")
    } else {
        format!("{} lines could not be read (lines {list})", lines.len())
    }
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
    /// Deadlines judged and recommendations tracked, over every file.
    pub deadlines: usize,
    pub recommendations: usize,
    /// Cases in which nothing was checked.
    pub nothing_checked: usize,
}

impl Report {
    pub fn totals(&self) -> Totals {
        let mut t = Totals {
            files: self.files.len(),
            ..Totals::default()
        };
        for f in &self.files {
            t.silenced += f.silenced.len();
            t.deadlines += f.facts.checked.deadlines;
            t.recommendations += f.facts.checked.recommendations;
            t.nothing_checked += usize::from(f.facts.nothing_checked());
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
