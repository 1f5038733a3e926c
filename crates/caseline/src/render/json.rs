//! `--format json`: the stable machine-readable report of docs/format.md#output-contract.
//!
//! The required keys are exactly `version`, `diagnostics` (path, line, column,
//! end_line, end_column, severity, code, message) and `summary` (files, errors,
//! warnings). Extra keys, which consumers may ignore: `related` on a diagnostic,
//! `acknowledged` (findings silenced in the files, with their reason),
//! `unreadable` (paths that could not be checked) and `files` (one object per
//! checked file: what was checked in it, from `Analysis::checked`, and what went
//! wrong, so that a case with nothing checked never looks clean).

use super::{FileReport, Finding, Sink, Spill, Totals, Unreadable, pretty_at, span};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, Write};

/// The report's shape; [`render`] writes it piece by piece.
#[cfg(test)]
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

fn file_json(file: &FileReport) -> JsonFile<'_> {
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

fn diagnostic<'a>(file: &'a FileReport, f: &'a Finding) -> JsonDiagnostic<'a> {
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

/// The whole report as one value: what [`render`] writes, built the simple way
/// (the tests check `render` against it byte for byte).
#[cfg(test)]
pub fn to_json<'a>(report: &'a super::Report) -> JsonReport<'a> {
    JsonReport {
        version: 1,
        diagnostics: report
            .files
            .iter()
            .flat_map(|file| file.findings.iter().map(move |f| diagnostic(file, f)))
            .collect(),
        summary: summary(report),
        acknowledged: acknowledged(report),
        unreadable: unreadable(&report.unreadable),
        files: report.files.iter().map(file_json).collect(),
    }
}

#[cfg(test)]
fn summary(report: &super::Report) -> JsonSummary {
    let totals = report.totals();
    JsonSummary {
        files: totals.files,
        errors: totals.errors,
        warnings: totals.warnings,
    }
}

#[cfg(test)]
fn acknowledged(report: &super::Report) -> Vec<JsonAcknowledged<'_>> {
    report
        .files
        .iter()
        .flat_map(|file| {
            file.silenced.iter().map(move |s| JsonAcknowledged {
                diagnostic: diagnostic(file, &s.finding),
                reason: &s.reason,
            })
        })
        .collect()
}

fn unreadable(paths: &[Unreadable]) -> Vec<JsonUnreadable<'_>> {
    paths
        .iter()
        .map(|u| JsonUnreadable {
            path: &u.path,
            message: &u.message,
        })
        .collect()
}

/// Writes the report exactly as `serde_json::to_writer_pretty` writes
/// [`to_json`]'s value.
#[cfg(test)]
pub fn render(report: &super::Report, out: &mut dyn Write) -> io::Result<()> {
    super::render_all(&mut Json::default(), report, out)
}

/// The JSON format as a [`Sink`]: the diagnostics are written as their files
/// come (serialised a file at a time in parallel: a large run's report is
/// several times the size of its input, and serialising it on one thread was
/// a tenth of the whole run). What follows them in the document (the summary,
/// the acknowledged findings, one small object per file) is kept as
/// serialised bytes until the end.
#[derive(Default)]
pub struct Json {
    started: bool,
    any_diagnostic: bool,
    totals: Totals,
    /// Elements of `acknowledged` and of `files`, each after its separator.
    acknowledged: Spill,
    files: Spill,
}

/// An element of a top-level array: its separator, then the element.
fn element(buf: &mut Vec<u8>, value: &impl Serialize) -> io::Result<()> {
    buf.extend_from_slice(b",\n    ");
    pretty_at(buf, value, 2)
}

/// A top-level array from its elements as [`element`] wrote them (the first
/// one's comma is left out).
fn array(out: &mut dyn Write, elements: &mut Spill) -> io::Result<()> {
    if elements.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    elements.write_to(1, out)?;
    out.write_all(b"\n  ]")
}

impl Sink for Json {
    fn files(&mut self, batch: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            out.write_all(b"{\n  \"version\": 1,\n  \"diagnostics\": [")?;
            self.started = true;
        }
        // A batch of files at a time, so the memory of one batch's text is
        // reused for the next.
        for batch in batch.chunks(256) {
            let chunks: Vec<(Vec<u8>, Vec<u8>, Vec<u8>)> = batch
                .par_iter()
                .map(|file| {
                    let mut diagnostics = Vec::new();
                    for f in &file.findings {
                        element(&mut diagnostics, &diagnostic(file, f))?;
                    }
                    let mut acknowledged = Vec::new();
                    for s in &file.silenced {
                        let a = JsonAcknowledged {
                            diagnostic: diagnostic(file, &s.finding),
                            reason: &s.reason,
                        };
                        element(&mut acknowledged, &a)?;
                    }
                    let mut facts = Vec::new();
                    element(&mut facts, &file_json(file))?;
                    Ok((diagnostics, acknowledged, facts))
                })
                .collect::<io::Result<_>>()?;
            for (diagnostics, acknowledged, facts) in &chunks {
                if !diagnostics.is_empty() {
                    // The first element has no comma before it.
                    out.write_all(if self.any_diagnostic {
                        diagnostics
                    } else {
                        &diagnostics[1..]
                    })?;
                    self.any_diagnostic = true;
                }
                self.acknowledged.extend(acknowledged)?;
                self.files.extend(facts)?;
            }
            for file in batch {
                self.totals.add(file);
            }
        }
        Ok(())
    }

    fn finish(&mut self, unreadable_paths: &[Unreadable], out: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            out.write_all(b"{\n  \"version\": 1,\n  \"diagnostics\": [")?;
        }
        out.write_all(if self.any_diagnostic { b"\n  ]" } else { b"]" })?;
        let mut rest = Vec::new();
        rest.extend_from_slice(b",\n  \"summary\": ");
        let summary = JsonSummary {
            files: self.totals.files,
            errors: self.totals.errors,
            warnings: self.totals.warnings,
        };
        pretty_at(&mut rest, &summary, 1)?;
        rest.extend_from_slice(b",\n  \"acknowledged\": ");
        out.write_all(&rest)?;
        array(out, &mut self.acknowledged)?;
        out.write_all(b",\n  \"unreadable\": ")?;
        let mut rest = Vec::new();
        pretty_at(&mut rest, &unreadable(unreadable_paths), 1)?;
        out.write_all(&rest)?;
        out.write_all(b",\n  \"files\": ")?;
        array(out, &mut self.files)?;
        out.write_all(b"\n}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::render::Report;
    use crate::render::{FileFacts, Level, Note, Silenced, Unreadable};
    use caseline_check::Checked;
    use caseline_syntax::{LineIndex, TextRange};

    fn finding(code: &'static str, at: (u32, u32), message: &str, notes: Vec<Note>) -> Finding {
        Finding {
            code,
            level: Level::Warning,
            range: TextRange::new(at.0.into(), at.1.into()),
            message: message.to_string(),
            notes,
            help: Vec::new(),
        }
    }

    fn file(path: &str, text: &str, findings: Vec<Finding>, silenced: Vec<Silenced>) -> FileReport {
        FileReport {
            path: path.to_string(),
            index: LineIndex::new(text),
            findings,
            silenced,
            facts: Default::default(),
        }
    }

    fn written(report: &Report) -> String {
        let mut buf = Vec::new();
        render(report, &mut buf).expect("writing to memory");
        String::from_utf8(buf).expect("JSON is UTF-8")
    }

    fn reference(report: &Report) -> String {
        let mut s = serde_json::to_string_pretty(&to_json(report)).expect("serialises");
        s.push('\n');
        s
    }

    #[test]
    fn render_writes_what_serde_json_writes_for_the_whole_report() {
        let text = "2024-01-01 note \"é £ 🙂\"\n  rec a \"x\"\n";
        let note = Note {
            range: TextRange::new(27.into(), 30.into()),
            message: "made \"here\"\nnext line".to_string(),
        };
        let report = Report {
            files: vec![
                file(
                    "a.case",
                    text,
                    vec![
                        finding("rec-late", (0, 10), "late: 3 working days", vec![note]),
                        finding("event-unknown", (11, 15), "tab\there", vec![]),
                    ],
                    vec![Silenced {
                        finding: finding("rec-late", (0, 10), "late", vec![]),
                        reason: "agreed".to_string(),
                    }],
                ),
                file("empty.case", "", vec![], vec![]),
                file(
                    "b/c.case",
                    text,
                    vec![finding("syntax", (0, 4), "bad", vec![])],
                    vec![],
                ),
            ],
            unreadable: vec![Unreadable {
                path: "x.case".to_string(),
                message: "not UTF-8".to_string(),
            }],
            rules: vec![],
        };
        let mut report = report;
        report.files[0].facts = FileFacts {
            checked: Checked {
                has_header: true,
                entries: 4,
                procedures: vec!["children-statutory".to_string(), "lgsco".to_string()],
                unknown_procedures: Vec::new(),
                deadlines: 5,
                late: 2,
                possibly_late: 1,
                recommendations: 3,
                recommendations_late: 1,
                unchecked_stages: 1,
                unreadable_lines: 1,
                acknowledged: 1,
                switched_off: 0,
            },
            unreadable_lines: vec![7],
            definitions: vec!["procedures/local.case".to_string()],
        };
        report.files[2].facts.checked.entries = 2;
        assert_eq!(written(&report), reference(&report));
        let files =
            serde_json::from_str::<serde_json::Value>(&written(&report)).expect("JSON")["files"]
                .clone();
        assert_eq!(files[0]["procedures"][1], "lgsco");
        assert_eq!(files[0]["problem"], "1 line could not be read (line 7)");
        assert_eq!(files[1]["kind"], "definitions");
        assert_eq!(files[1]["problem"], serde_json::Value::Null);
        assert_eq!(
            files[2]["problem"],
            "no case header: its entries are not checked"
        );
        // Over one batch of files: the separators between batches too.
        let many = Report {
            files: (0..600)
                .map(|i| file(&format!("{i}.case"), "", vec![], vec![]))
                .collect(),
            unreadable: vec![],
            rules: vec![],
        };
        assert_eq!(written(&many), reference(&many));
        // And with nothing at all: empty arrays stay `[]`.
        let empty = Report {
            files: vec![file("empty.case", "", vec![], vec![])],
            unreadable: vec![],
            rules: vec![],
        };
        assert_eq!(written(&empty), reference(&empty));
        assert!(written(&empty).contains("\"diagnostics\": [],"));
        let none = Report {
            files: vec![],
            unreadable: vec![],
            rules: vec![],
        };
        assert_eq!(written(&none), reference(&none));
        assert!(written(&none).ends_with("\"files\": []\n}\n"));
    }
}
