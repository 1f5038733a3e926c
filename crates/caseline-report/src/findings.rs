//! The findings of `caseline check` as one neutral model ([`FileReport`]:
//! findings, acknowledged findings and what was checked, converted from the
//! engine's [`Analysis`] once by [`file_report`]), and the `--format json`
//! report built from it ([`to_json`]; docs/format.md#output-contract).
//!
//! Shared by the command line (which streams the same wire structs a file at
//! a time, `crates/caseline/src/render/json.rs`) and the browser build
//! (`crates/caseline-wasm`), so both give the same object for the same files.
//! Paths are shown as the caller says (`show`): the CLI as given on the
//! command line, the page as the keys of the files it was handed.
//!
//! Every position comes from `LineIndex::display_position`; nothing here
//! counts bytes or code units itself.

use caseline_check::{Analysis, Checked, Diagnostic, Rule, Severity};
use caseline_syntax::{LineIndex, Parse, TextRange};
use caseline_workspace::{Origin, Workspace};
use std::path::Path;
use std::sync::Arc;

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

impl From<Severity> for Level {
    fn from(s: Severity) -> Level {
        match s {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
            Severity::Info => Level::Info,
            Severity::Hint => Level::Hint,
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
    pub fn of(index: &LineIndex, analysis: &Analysis) -> FileFacts {
        let mut lines: Vec<u32> = analysis
            .diagnostics
            .iter()
            .filter(|d| d.rule == Rule::Syntax)
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

impl Totals {
    /// Counts one more file.
    pub fn add(&mut self, f: &FileReport) {
        self.files += 1;
        self.silenced += f.silenced.len();
        self.deadlines += f.facts.checked.deadlines;
        self.recommendations += f.facts.checked.recommendations;
        self.nothing_checked += usize::from(f.facts.nothing_checked());
        for d in &f.findings {
            match d.level {
                Level::Error => self.errors += 1,
                Level::Warning => self.warnings += 1,
                Level::Info | Level::Hint => {}
            }
        }
    }
}

/// 1-based (line, column, end line, end column) in characters; the end is the
/// position just after the range, as SARIF's `endColumn` defines it.
pub fn span(index: &LineIndex, range: TextRange) -> (u32, u32, u32, u32) {
    let (line, column) = index.display_position(range.start());
    let (end_line, end_column) = index.display_position(range.end());
    (line, column, end_line, end_column)
}

/// One checked file's report, as `caseline check` shows it: consumes the
/// parse, keeping only its line index. `workspace` is the one the file was
/// checked in (for the definitions files its procedures come from, and for
/// the folders it reaches when a name is not found); `show` says how a path
/// is shown (the CLI: as on the command line; the page: as its file keys).
pub fn file_report(
    display: String,
    parse: Arc<Parse>,
    analysis: &Analysis,
    workspace: &Workspace,
    show: &dyn Fn(&Path) -> String,
) -> FileReport {
    // In position order already: the analysis sorts its findings.
    let mut findings: Vec<Finding> = analysis.diagnostics.iter().map(finding).collect();
    // A name not found may be defined in a folder this workspace does not
    // reach: say which folders it has.
    if let Some(note) = workspace.scope_note() {
        for f in &mut findings {
            if matches!(f.code, "procedure-unknown" | "calendar-unknown") {
                f.help.push(note.clone());
            }
        }
    }
    let mut facts = FileFacts::of(parse.line_index(), analysis);
    facts.definitions = definitions_used(workspace, &analysis.checked.procedures, show);
    let index = match Arc::try_unwrap(parse) {
        Ok(parse) => parse.into_line_index(),
        Err(shared) => shared.line_index().clone(),
    };
    FileReport {
        path: display,
        index,
        facts,
        findings,
        silenced: analysis
            .acknowledged
            .iter()
            .map(|a| Silenced {
                finding: finding(&a.diagnostic),
                reason: a.reason.clone(),
            })
            .collect(),
    }
}

/// The definitions files that the procedures in force come from, as shown
/// (built-ins are not listed), in order, each once.
pub fn definitions_used(
    ws: &Workspace,
    procedures: &[String],
    show: &dyn Fn(&Path) -> String,
) -> Vec<String> {
    let mut used = Vec::new();
    for name in procedures {
        if let Some(Origin::File(path)) = ws.procedure_origin(name) {
            let shown = show(&path);
            if !used.contains(&shown) {
                used.push(shown);
            }
        }
    }
    used
}

/// One of the engine's diagnostics as a finding.
pub fn finding(d: &Diagnostic) -> Finding {
    Finding {
        code: d.rule.name(),
        level: d.severity.into(),
        range: d.range,
        message: d.message.clone(),
        notes: d
            .related
            .iter()
            .map(|r| Note {
                range: r.range,
                message: r.message.clone(),
            })
            .collect(),
        help: d.fixes.iter().map(|f| f.title.clone()).collect(),
    }
}

/// `--format json`'s wire structs and their conversion from the model.
///
/// The required keys are exactly `version`, `diagnostics` (path, line, column,
/// end_line, end_column, severity, code, message) and `summary` (files, errors,
/// warnings). Extra keys, which consumers may ignore: `related` on a diagnostic,
/// `acknowledged` (findings silenced in the files, with their reason),
/// `unreadable` (paths that could not be checked) and `files` (one object per
/// checked file: what was checked in it, from `Analysis::checked`, and what went
/// wrong, so that a case with nothing checked never looks clean).
pub mod json {
    use super::{FileReport, Finding, Totals, Unreadable, span};
    use serde::Serialize;

    /// The report's shape: what `caseline check --format json` prints.
    #[derive(Serialize)]
    pub struct JsonReport<'a> {
        pub version: u32,
        pub diagnostics: Vec<JsonDiagnostic<'a>>,
        pub summary: JsonSummary,
        pub acknowledged: Vec<JsonAcknowledged<'a>>,
        pub unreadable: Vec<JsonUnreadable<'a>>,
        pub files: Vec<JsonFile<'a>>,
    }

    #[derive(Serialize)]
    pub struct JsonDiagnostic<'a> {
        pub path: &'a str,
        pub line: u32,
        pub column: u32,
        pub end_line: u32,
        pub end_column: u32,
        pub severity: &'static str,
        pub code: &'static str,
        pub message: &'a str,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        pub related: Vec<JsonRelated<'a>>,
    }

    #[derive(Serialize)]
    pub struct JsonRelated<'a> {
        pub line: u32,
        pub column: u32,
        pub end_line: u32,
        pub end_column: u32,
        pub message: &'a str,
    }

    #[derive(Serialize)]
    pub struct JsonAcknowledged<'a> {
        #[serde(flatten)]
        pub diagnostic: JsonDiagnostic<'a>,
        pub reason: &'a str,
    }

    #[derive(Serialize)]
    pub struct JsonSummary {
        pub files: usize,
        pub errors: usize,
        pub warnings: usize,
    }

    impl From<&Totals> for JsonSummary {
        fn from(t: &Totals) -> JsonSummary {
            JsonSummary {
                files: t.files,
                errors: t.errors,
                warnings: t.warnings,
            }
        }
    }

    #[derive(Serialize)]
    pub struct JsonUnreadable<'a> {
        pub path: &'a str,
        pub message: &'a str,
    }

    /// What was checked in one file: the engine's `Checked`, field by field.
    #[derive(Serialize)]
    pub struct JsonFile<'a> {
        pub path: &'a str,
        /// `case`, or `definitions` for a file with no header and no entries.
        pub kind: &'static str,
        /// The same sentence as the human output's line for the file.
        pub checked: String,
        /// The procedures in force (named in the header and known).
        pub procedures: &'a [String],
        /// The definitions files those procedures come from (built-ins are not
        /// listed), as shown in `path`.
        pub definitions: &'a [String],
        pub deadlines_checked: usize,
        pub deadlines_late: usize,
        pub deadlines_possibly_late: usize,
        pub recommendations_tracked: usize,
        pub recommendations_late: usize,
        pub stages_unchecked: usize,
        pub acknowledged: usize,
        /// Lines that could not be read (each has a `syntax` diagnostic).
        pub unreadable_lines: usize,
        /// What went wrong, in words, or `null`: lines that could not be read,
        /// entries with no case header, a case in which nothing was checked.
        pub problem: Option<String>,
    }

    /// The `files` element of one file.
    pub fn file(file: &FileReport) -> JsonFile<'_> {
        let facts = &file.facts;
        let c = &facts.checked;
        JsonFile {
            path: &file.path,
            kind: if facts.is_definitions() {
                "definitions"
            } else {
                "case"
            },
            checked: facts.describe(),
            procedures: &c.procedures,
            definitions: &facts.definitions,
            deadlines_checked: c.deadlines,
            deadlines_late: c.late,
            deadlines_possibly_late: c.possibly_late,
            recommendations_tracked: c.recommendations,
            recommendations_late: c.recommendations_late,
            stages_unchecked: c.unchecked_stages,
            acknowledged: c.acknowledged,
            unreadable_lines: facts.unreadable_lines.len(),
            problem: facts.problem(),
        }
    }

    /// The `diagnostics` element of one finding of `file`.
    pub fn diagnostic<'a>(file: &'a FileReport, f: &'a Finding) -> JsonDiagnostic<'a> {
        let (line, column, end_line, end_column) = span(&file.index, f.range);
        JsonDiagnostic {
            path: &file.path,
            line,
            column,
            end_line,
            end_column,
            severity: f.level.as_str(),
            code: f.code,
            message: &f.message,
            related: f
                .notes
                .iter()
                .map(|n| {
                    let (line, column, end_line, end_column) = span(&file.index, n.range);
                    JsonRelated {
                        line,
                        column,
                        end_line,
                        end_column,
                        message: &n.message,
                    }
                })
                .collect(),
        }
    }

    /// The `acknowledged` elements of `file`.
    pub fn acknowledged(file: &FileReport) -> impl Iterator<Item = JsonAcknowledged<'_>> {
        file.silenced.iter().map(move |s| JsonAcknowledged {
            diagnostic: diagnostic(file, &s.finding),
            reason: &s.reason,
        })
    }

    /// The `unreadable` array.
    pub fn unreadable(paths: &[Unreadable]) -> Vec<JsonUnreadable<'_>> {
        paths
            .iter()
            .map(|u| JsonUnreadable {
                path: &u.path,
                message: &u.message,
            })
            .collect()
    }
}

/// The whole `--format json` report of `files` (in output order) and the
/// paths that could not be checked, as one value.
pub fn to_json<'a>(files: &'a [FileReport], unreadable: &'a [Unreadable]) -> json::JsonReport<'a> {
    let mut totals = Totals::default();
    for f in files {
        totals.add(f);
    }
    json::JsonReport {
        version: 1,
        diagnostics: files
            .iter()
            .flat_map(|file| file.findings.iter().map(move |f| json::diagnostic(file, f)))
            .collect(),
        summary: (&totals).into(),
        acknowledged: files.iter().flat_map(json::acknowledged).collect(),
        unreadable: json::unreadable(unreadable),
        files: files.iter().map(json::file).collect(),
    }
}
