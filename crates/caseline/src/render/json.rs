//! `--format json`: the stable machine-readable report of FORMAT.md §6.
//!
//! The required keys are exactly `version`, `diagnostics` (path, line, column,
//! end_line, end_column, severity, code, message) and `summary` (files, errors,
//! warnings). Extra keys, which consumers may ignore: `related` on a diagnostic,
//! `acknowledged` (findings silenced in the files, with their reason) and
//! `unreadable` (paths that could not be checked).

use super::{FileReport, Finding, Report, span};
use serde::Serialize;

#[derive(Serialize)]
pub struct JsonReport<'a> {
    pub version: u32,
    pub diagnostics: Vec<JsonDiagnostic<'a>>,
    pub summary: JsonSummary,
    pub acknowledged: Vec<JsonAcknowledged<'a>>,
    pub unreadable: Vec<JsonUnreadable<'a>>,
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

pub fn to_json<'a>(report: &'a Report) -> JsonReport<'a> {
    let totals = report.totals();
    JsonReport {
        version: 1,
        diagnostics: report
            .files
            .iter()
            .flat_map(|file| file.findings.iter().map(move |f| diagnostic(file, f)))
            .collect(),
        summary: JsonSummary {
            files: totals.files,
            errors: totals.errors,
            warnings: totals.warnings,
        },
        acknowledged: report
            .files
            .iter()
            .flat_map(|file| {
                file.silenced.iter().map(move |s| JsonAcknowledged {
                    diagnostic: diagnostic(file, &s.finding),
                    reason: &s.reason,
                })
            })
            .collect(),
        unreadable: report
            .unreadable
            .iter()
            .map(|u| JsonUnreadable {
                path: &u.path,
                message: &u.message,
            })
            .collect(),
    }
}

pub fn render(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &to_json(report))?;
    writeln!(out)
}
