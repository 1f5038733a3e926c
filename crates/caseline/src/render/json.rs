//! `--format json`: the stable machine-readable report of docs/format.md#output-contract,
//! streamed. What it holds is the library's (`caseline_report::findings::json`,
//! which the browser build returns as one object); this module only writes it
//! a batch of files at a time.
//!
//! The required keys are exactly `version`, `diagnostics` (path, line, column,
//! end_line, end_column, severity, code, message) and `summary` (files, errors,
//! warnings). Extra keys, which consumers may ignore: `related` on a diagnostic,
//! `acknowledged` (findings silenced in the files, with their reason),
//! `unreadable` (paths that could not be checked) and `files` (one object per
//! checked file: what was checked in it, from `Analysis::checked`, and what went
//! wrong, so that a case with nothing checked never looks clean).

use super::{FileReport, Sink, Spill, Totals, Unreadable, pretty_at};
use caseline_report::findings::json::{
    JsonSummary, acknowledged, diagnostic, file as file_json, unreadable,
};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, Write};

/// The whole report as one value (the library's, which the page prints too):
/// [`render`] must write exactly this.
#[cfg(test)]
pub fn to_json(report: &super::Report) -> caseline_report::findings::json::JsonReport<'_> {
    caseline_report::findings::to_json(&report.files, &report.unreadable)
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
                    let mut silenced = Vec::new();
                    for a in acknowledged(file) {
                        element(&mut silenced, &a)?;
                    }
                    let mut facts = Vec::new();
                    element(&mut facts, &file_json(file))?;
                    Ok((diagnostics, silenced, facts))
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
        let summary = JsonSummary::from(&self.totals);
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
    use crate::render::{FileFacts, Finding, Level, Note, Silenced, Unreadable};
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
                paused: 0,
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
