//! `textDocument/codeAction`: the quick fixes the check engine attached to the
//! findings on the requested lines, wherever the cursor is on them (insert a `done` entry, apply a "did you mean",
//! add a missing stage or an `extended` line). A fix's edits are relative to the
//! document as it is, sorted and non-overlapping (`caseline_check::Fix`), so
//! each is converted as it is into one workspace edit.
//!
//! A finding that may be accepted (`Rule::acknowledgeable`: not a slip to
//! correct, like a line that cannot be read or a misspelt event) can also be
//! acknowledged: a `# caseline: allow RULE ""` comment on the line above. Its
//! reason is left EMPTY for the user to write: until they do, the comment is
//! `ack-invalid` and silences nothing, so no click removes a finding the user
//! has not explained.
//!
//! On a stage's entry or a `rec`/`promise` line, "Copy as decision wording"
//! offers that stage's or recommendation's paragraph, as `caseline report
//! --format text` words it (`caseline_report::decision_paragraphs_at`). It
//! carries no edit, only the client command `caseline.copyDecisionWording`
//! with the paragraph as its argument: the document never changes.

use std::collections::HashMap;

use caseline_check::Rule;

use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionResponse, Command,
    TextEdit, WorkspaceEdit,
};

use crate::convert;
use crate::handlers::{publish_diagnostics, snapshot};
use crate::lsp_ext;
use crate::session::{DocumentSnapshot, Session};

pub fn handle(
    session: &Session,
    p: CodeActionParams,
) -> anyhow::Result<Option<CodeActionResponse>> {
    let Some(snap) = snapshot(session, &p.text_document.uri) else {
        return Ok(None);
    };
    // Every finding on the requested lines, not only those the range touches:
    // an editor asks with the cursor (an empty range), and the cursor at the
    // start of an indented `rec` line is on that line's finding (Emacs asks
    // from column 0).
    let asked = convert::text_range(snap.index(), p.range, snap.encoding);
    let index = snap.index();
    let wanted = caseline_syntax::TextRange::new(
        convert::line_content(index, convert::line_of(index, asked.start())).start(),
        convert::line_content(index, convert::line_of(index, asked.end())).end(),
    );
    let analysis = snap.analysis();
    let mut actions = Vec::new();
    for diag in &analysis.diagnostics {
        if diag.range.intersect(wanted).is_none() {
            continue;
        }
        for fix in &diag.fixes {
            let text = snap.text();
            let fits = |r: caseline_syntax::TextRange| {
                let (s, e) = (usize::from(r.start()), usize::from(r.end()));
                e <= text.len() && s <= e && text.is_char_boundary(s) && text.is_char_boundary(e)
            };
            if fix.edits.is_empty() || !fix.edits.iter().all(|e| fits(e.range)) {
                tracing::error!(
                    rule = diag.rule.name(),
                    "a fix's edit is outside the text; skipped"
                );
                continue;
            }
            let edits: Vec<TextEdit> = fix
                .edits
                .iter()
                .map(|e| TextEdit {
                    range: convert::range(snap.index(), e.range, snap.encoding),
                    new_text: e.new_text.clone(),
                })
                .collect();
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![publish_diagnostics::to_lsp(&snap, diag)]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(snap.uri.clone(), edits)])),
                    ..Default::default()
                }),
                is_preferred: Some(diag.fixes.len() == 1),
                ..Default::default()
            }));
        }
    }
    // Only findings to accept, never mistakes to correct; the engine refuses
    // an acknowledgement of the others anyway (`ack-invalid`).
    for diag in &analysis.diagnostics {
        if diag.range.intersect(wanted).is_none() || !diag.rule.acknowledgeable() {
            continue;
        }
        actions.push(acknowledge(&snap, diag));
    }
    if wants(
        p.context.only.as_deref(),
        lsp_ext::COPY_DECISION_WORDING_KIND,
    ) {
        actions.extend(copy_decision_wording(&snap, &analysis, wanted));
    }
    Ok(Some(actions))
}

/// Whether a kind is among those the client asked for (`context.only`):
/// each asked kind covers itself and the kinds below it (`a` covers `a.b`).
fn wants(only: Option<&[CodeActionKind]>, kind: &str) -> bool {
    only.is_none_or(|only| {
        only.iter().any(|k| {
            let k = k.as_str();
            k.is_empty()
                || kind == k
                || kind
                    .strip_prefix(k)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    })
}

/// "Copy as decision wording: stage 1 response": one action per paragraph
/// on the lines of `wanted`, each a command carrying the paragraph.
fn copy_decision_wording(
    snap: &DocumentSnapshot,
    analysis: &caseline_check::Analysis,
    wanted: caseline_syntax::TextRange,
) -> Vec<CodeActionOrCommand> {
    caseline_report::decision_paragraphs_at(&snap.parse, analysis, wanted)
        .into_iter()
        .map(|p| {
            let title = format!(
                "Copy as decision wording: {}",
                caseline_check::wording::label(&p.heading)
            );
            CodeActionOrCommand::CodeAction(CodeAction {
                title: title.clone(),
                kind: Some(CodeActionKind::new(lsp_ext::COPY_DECISION_WORDING_KIND)),
                command: Some(Command {
                    title,
                    command: lsp_ext::COPY_DECISION_WORDING.to_string(),
                    arguments: Some(vec![serde_json::Value::String(p.text)]),
                }),
                ..Default::default()
            })
        })
        .collect()
}

/// "Acknowledge": insert an allow comment above the finding's line, indented
/// like it and ending like the file's other lines, with an empty reason. The
/// finding stays reported (and the comment gets `ack-invalid`) until the user
/// writes the reason between the quotes.
fn acknowledge(snap: &DocumentSnapshot, diag: &caseline_check::Diagnostic) -> CodeActionOrCommand {
    let index = snap.index();
    let line = convert::line_content(index, convert::line_of(index, diag.range.start()));
    let content = snap
        .text()
        .get(usize::from(line.start())..usize::from(line.end()))
        .unwrap_or("");
    let indent = &content[..content.len() - content.trim_start().len()];
    let eol = if index.uses_crlf() { "\r\n" } else { "\n" };
    let comment = format!("{indent}# caseline: allow {} \"\"{eol}", diag.rule.name());
    let at = convert::position(index, line.start(), snap.encoding);
    let edit = TextEdit {
        range: tower_lsp_server::ls_types::Range::new(at, at),
        new_text: comment,
    };
    CodeActionOrCommand::CodeAction(CodeAction {
        title: ack_title(diag.rule),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![publish_diagnostics::to_lsp(snap, diag)]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(snap.uri.clone(), vec![edit])])),
            ..Default::default()
        }),
        is_preferred: Some(false),
        ..Default::default()
    })
}

/// The action's title says what the click does and what is left to do: the
/// comment alone silences nothing.
pub fn ack_title(rule: Rule) -> String {
    format!(
        "Acknowledge {}: add a comment, then write the reason between the quotes",
        rule.name()
    )
}
