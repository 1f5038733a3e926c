//! Output of `caseline check`: one module per output format over one neutral
//! report model (`caseline_report::findings`, converted from the core types
//! once, and shared with the browser build). Also `markdown`: the rules'
//! Markdown as `caseline explain` shows it.
//!
//! Every position shown to users comes from `LineIndex` (`display_position`, and
//! `line_col` for caret placement); nothing here counts bytes or code units itself.
//! The JSON wire structs are the library's (`caseline_report::findings::json`),
//! so the page prints the same object; SARIF's live in `sarif.rs`. Both derive
//! `Serialize` there, so the core crates never do.

pub mod github;
pub mod human;
pub mod json;
pub mod markdown;
pub mod sarif;

use std::io::{self, Write};

// The model of a check's findings is the library's (shared with the page,
// `crates/caseline-wasm`); the formats here only print it.
pub use caseline_report::findings::{
    FileFacts, FileReport, Finding, Level, Totals, Unreadable, span,
};
#[cfg(test)]
pub use caseline_report::findings::{Note, Silenced};

/// A rule as the registry describes it, for SARIF's `tool.driver.rules`.
pub struct RuleInfo {
    pub name: &'static str,
    pub level: Level,
    pub summary: &'static str,
    pub explanation: &'static str,
}

/// The whole run.
#[cfg(test)]
pub struct Report {
    pub files: Vec<FileReport>,
    pub unreadable: Vec<Unreadable>,
    pub rules: Vec<RuleInfo>,
}

/// One output format, fed the files a batch at a time in file order and then
/// told what could not be read. A run never holds every file's report (each
/// holds its file's text): memory stays flat however many files are checked.
pub trait Sink {
    fn files(&mut self, batch: &[FileReport], out: &mut dyn Write) -> io::Result<()>;
    fn finish(&mut self, unreadable: &[Unreadable], out: &mut dyn Write) -> io::Result<()>;
}

/// Writes a whole report through `sink`: what a streamed run writes for the
/// same files (the formats' tests use this).
#[cfg(test)]
pub fn render_all(sink: &mut dyn Sink, report: &Report, out: &mut dyn Write) -> io::Result<()> {
    sink.files(&report.files, out)?;
    sink.finish(&report.unreadable, out)
}

/// Output kept for the end of a run (the JSON's per-file objects, the human
/// format's per-file lines): in memory up to [`Spill::IN_MEMORY`] bytes, then
/// in an anonymous temporary file that the operating system deletes when it
/// is closed (or the process ends), so a caseload of any size keeps a flat
/// amount of it in memory. If no temporary file can be made, it stays in
/// memory: the output is the same either way.
#[derive(Default)]
pub struct Spill {
    memory: Vec<u8>,
    file: Option<std::io::BufWriter<std::fs::File>>,
    len: u64,
}

impl Spill {
    const IN_MEMORY: usize = 1 << 20;

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn extend(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.len += bytes.len() as u64;
        if self.file.is_none() && self.memory.len() + bytes.len() > Self::IN_MEMORY {
            if let Ok(file) = tempfile::tempfile() {
                let mut file = std::io::BufWriter::with_capacity(1 << 16, file);
                file.write_all(&self.memory)?;
                self.memory = Vec::new();
                self.file = Some(file);
            }
        }
        match &mut self.file {
            Some(file) => file.write_all(bytes),
            None => {
                self.memory.extend_from_slice(bytes);
                Ok(())
            }
        }
    }

    /// Writes everything kept, skipping its first `skip` bytes.
    pub fn write_to(&mut self, skip: usize, out: &mut dyn Write) -> io::Result<()> {
        use std::io::{Read as _, Seek as _};
        match self.file.take() {
            None => out.write_all(self.memory.get(skip..).unwrap_or_default()),
            Some(file) => {
                let mut file = file.into_inner().map_err(|e| e.into_error())?;
                file.seek(std::io::SeekFrom::Start(skip as u64))?;
                let mut buf = vec![0; 1 << 16];
                loop {
                    let n = file.read(&mut buf)?;
                    if n == 0 {
                        return Ok(());
                    }
                    out.write_all(&buf[..n])?;
                }
            }
        }
    }
}

/// `value` as `serde_json::to_vec_pretty` writes it, every line after the
/// first indented `depth` levels further, for splicing into a larger
/// pretty-printed document written piece by piece.
pub fn pretty_at(out: &mut Vec<u8>, value: &impl serde::Serialize, depth: usize) -> io::Result<()> {
    let text = serde_json::to_vec_pretty(value)?;
    let indent = "  ".repeat(depth);
    for (i, line) in text.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.push(b'\n');
            out.extend_from_slice(indent.as_bytes());
        }
        out.extend_from_slice(line);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use caseline_check::Checked;
    use caseline_syntax::{LineIndex, TextRange};

    /// 25 files (past the human format's every-file limit): some with
    /// findings and notes, some acknowledged, some clean, one in which
    /// nothing was checked, with `\t` and non-ASCII text.
    fn caseload() -> Report {
        let text = "case \"1\"\n  procedure lgsco\n2024-01-01 note \"é £ 🙂\"\n  rec a \"x\"\n";
        let finding = |code: &'static str, level, at: (u32, u32), message: &str| Finding {
            code,
            level,
            range: TextRange::new(at.0.into(), at.1.into()),
            message: message.to_string(),
            notes: vec![Note {
                range: TextRange::new(9.into(), 12.into()),
                message: "the clock starts \"here\"".to_string(),
            }],
            help: vec!["write the date".to_string()],
        };
        let files = (0..25)
            .map(|i| {
                let mut checked = Checked {
                    has_header: true,
                    entries: 2,
                    procedures: vec!["lgsco".to_string()],
                    deadlines: i % 3,
                    recommendations: 1,
                    ..Checked::default()
                };
                if i == 7 {
                    checked.deadlines = 0;
                    checked.recommendations = 0;
                }
                let findings = match i % 4 {
                    0 => vec![finding(
                        "deadline-missed",
                        Level::Error,
                        (27, 37),
                        "late\tby 3",
                    )],
                    1 => vec![
                        finding("rec-late", Level::Warning, (55, 60), "late"),
                        finding("event-unknown", Level::Hint, (38, 42), "unknown"),
                    ],
                    _ => Vec::new(),
                };
                let silenced = if i == 5 {
                    vec![Silenced {
                        finding: finding("rec-unaddressed", Level::Warning, (55, 60), "open"),
                        reason: "agreed on the phone".to_string(),
                    }]
                } else {
                    Vec::new()
                };
                FileReport {
                    path: format!("cases/{i:02} Mr X.case"),
                    index: LineIndex::new(text),
                    findings,
                    silenced,
                    facts: FileFacts {
                        checked,
                        unreadable_lines: Vec::new(),
                        definitions: if i == 3 {
                            vec!["procedures/local.case".to_string()]
                        } else {
                            Vec::new()
                        },
                    },
                }
            })
            .collect();
        Report {
            files,
            unreadable: vec![Unreadable {
                path: "broken.case".to_string(),
                message: "the file is not UTF-8 text".to_string(),
            }],
            rules: crate::commands::check::rule_infos(),
        }
    }

    fn sinks(rules: &[RuleInfo]) -> Vec<(&'static str, Box<dyn Sink + '_>)> {
        vec![
            ("human", Box::new(human::Human::default())),
            ("json", Box::new(json::Json::default())),
            ("sarif", Box::new(sarif::Sarif::new(rules))),
            ("github", Box::new(github::Github)),
        ]
    }

    #[test]
    fn a_run_streamed_in_batches_writes_what_one_batch_writes() {
        let report = caseload();
        let whole: Vec<Vec<u8>> = sinks(&report.rules)
            .into_iter()
            .map(|(_, mut sink)| {
                let mut out = Vec::new();
                render_all(&mut *sink, &report, &mut out).expect("writing to memory");
                out
            })
            .collect();
        for size in [1, 2, 7, 24] {
            for ((name, mut sink), expected) in sinks(&report.rules).into_iter().zip(&whole) {
                let mut out = Vec::new();
                for batch in report.files.chunks(size) {
                    sink.files(batch, &mut out).expect("writing to memory");
                }
                sink.finish(&report.unreadable, &mut out)
                    .expect("writing to memory");
                assert_eq!(
                    String::from_utf8_lossy(&out),
                    String::from_utf8_lossy(expected),
                    "{name}, batches of {size}"
                );
            }
        }
        // With no files at all, every format still writes a whole document.
        for (name, mut sink) in sinks(&report.rules) {
            let mut out = Vec::new();
            sink.finish(&[], &mut out).expect("writing to memory");
            if name == "json" || name == "sarif" {
                serde_json::from_slice::<serde_json::Value>(&out)
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
            }
        }
    }

    #[test]
    fn streamed_sarif_is_what_serde_json_writes_for_the_whole_log() {
        let report = caseload();
        let mut streamed = Vec::new();
        sarif::render(&report, &mut streamed).expect("writing to memory");
        let mut whole = serde_json::to_vec_pretty(&sarif::to_sarif(&report)).expect("serialises");
        whole.push(b'\n');
        assert_eq!(
            String::from_utf8_lossy(&streamed),
            String::from_utf8_lossy(&whole)
        );
        let empty = Report {
            files: Vec::new(),
            unreadable: Vec::new(),
            rules: report.rules,
        };
        let mut streamed = Vec::new();
        sarif::render(&empty, &mut streamed).expect("writing to memory");
        let mut whole = serde_json::to_vec_pretty(&sarif::to_sarif(&empty)).expect("serialises");
        whole.push(b'\n');
        assert_eq!(
            String::from_utf8_lossy(&streamed),
            String::from_utf8_lossy(&whole)
        );
    }

    #[test]
    fn the_human_closing_lines_count_every_file() {
        let report = caseload();
        let mut out = Vec::new();
        human::render(&report, &mut out).expect("writing to memory");
        let text = String::from_utf8_lossy(&out);
        // Past 20 files only notable ones get a line: those with findings
        // (i % 4 of 0 or 1: 13 files) and the one with nothing checked (7);
        // the 11 others are counted.
        let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("cases/")).collect();
        assert_eq!(lines.len(), 14, "{text}");
        assert!(text.contains("11 other files: no problems found"), "{text}");
        assert!(
            text.contains("cases/07 Mr X.case: lgsco · no deadline checked"),
            "{text}"
        );
        let last = text.lines().last().unwrap_or_default();
        // 7 files with an error (i % 4 == 0), 6 with a warning (i % 4 == 1);
        // deadlines: the sum of i % 3 over 0..25, less file 7's one.
        assert!(
            last.contains("checked 25 files (23 deadlines, 24 recommendations): 7 errors, 6 warnings; nothing was checked in 1 of them (no deadline or recommendation to check) (1 finding acknowledged in the files); 1 path could not be read"),
            "{last}"
        );
    }
}
