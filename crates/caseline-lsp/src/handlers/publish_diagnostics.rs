//! `textDocument/publishDiagnostics` payloads: the check engine's findings for
//! one snapshot, converted to LSP (rule name as `code`, related spans as
//! `relatedInformation`); a definitions file's problems in the workspace are
//! among them (`caseline_check::check_with`). Sent by `publisher.rs`.

use caseline_check::{Rule, Severity};
use tower_lsp_server::ls_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Range,
};

use crate::convert;
use crate::session::DocumentSnapshot;

pub fn compute(snap: &DocumentSnapshot) -> Vec<Diagnostic> {
    snap.analysis()
        .diagnostics
        .iter()
        .map(|d| to_lsp(snap, d))
        .collect()
}

/// The problem with `caseline.toml`, if `uri` is that file and it has one. The
/// file is TOML, not a case, so the finding goes on its first line.
pub fn config_problem(message: Option<String>) -> Vec<Diagnostic> {
    message
        .into_iter()
        .map(|message| Diagnostic {
            range: Range::default(),
            severity: Some(DiagnosticSeverity::ERROR),
            source: Some("caseline".to_owned()),
            message,
            ..Default::default()
        })
        .collect()
}

/// Shown instead of findings when checking a document failed (a bug).
pub fn internal_error() -> Diagnostic {
    Diagnostic {
        range: Range::default(),
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some("caseline".to_owned()),
        message: "caseline could not check this file because of an internal error; \
                  please report it with the file attached"
            .to_owned(),
        ..Default::default()
    }
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

pub fn to_lsp(snap: &DocumentSnapshot, d: &caseline_check::Diagnostic) -> Diagnostic {
    let index = snap.index();
    let mut related: Vec<DiagnosticRelatedInformation> = d
        .related
        .iter()
        .map(|r| DiagnosticRelatedInformation {
            location: Location::new(
                snap.uri.clone(),
                convert::range(index, r.range, snap.encoding),
            ),
            message: r.message.clone(),
        })
        .collect();
    // A name not found may be defined in a folder this file's workspace does
    // not reach (no caseline.toml above it): say so, as the CLI's `help:` does,
    // beside the finding (the finding's own words stay the engine's).
    if let Some(note) = snap.workspace.scope_note()
        && matches!(d.rule, Rule::ProcedureUnknown | Rule::CalendarUnknown)
    {
        related.push(DiagnosticRelatedInformation {
            location: Location::new(
                snap.uri.clone(),
                convert::range(index, d.range, snap.encoding),
            ),
            message: note,
        });
    }
    Diagnostic {
        range: convert::range(index, d.range, snap.encoding),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.rule.name().to_owned())),
        source: Some("caseline".to_owned()),
        message: d.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}
