//! `textDocument/codeAction`: the quick fixes the check engine attached to the
//! findings under the cursor (insert a `done` entry, apply a "did you mean",
//! add a missing stage or an `extended` line). A fix's edits are sequential, so
//! they are applied to a copy and sent as one minimal edit of the original.

use std::collections::HashMap;

use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionResponse,
    TextEdit, WorkspaceEdit,
};

use crate::convert;
use crate::handlers::{minimal_edit, publish_diagnostics, snapshot};
use crate::session::Session;

pub fn handle(
    session: &Session,
    p: CodeActionParams,
) -> anyhow::Result<Option<CodeActionResponse>> {
    let Some(snap) = snapshot(session, &p.text_document.uri) else {
        return Ok(None);
    };
    let wanted = convert::text_range(snap.index(), p.range, snap.encoding);
    let analysis = snap.analysis();
    let mut actions = Vec::new();
    for diag in &analysis.diagnostics {
        if diag.fixes.is_empty() || diag.range.intersect(wanted).is_none() {
            continue;
        }
        for fix in &diag.fixes {
            let mut text = snap.text().to_owned();
            let mut ok = true;
            for edit in &fix.edits {
                let (s, e) = (
                    usize::from(edit.range.start()),
                    usize::from(edit.range.end()),
                );
                if e > text.len() || s > e || !text.is_char_boundary(s) || !text.is_char_boundary(e)
                {
                    ok = false;
                    break;
                }
                text.replace_range(s..e, &edit.new_text);
            }
            if !ok {
                tracing::error!(
                    rule = diag.rule.name(),
                    "a fix's edit is outside the text; skipped"
                );
                continue;
            }
            let Some((range, new_text)) = minimal_edit(snap.text(), &text) else {
                continue;
            };
            let edit = TextEdit {
                range: convert::range(snap.index(), range, snap.encoding),
                new_text,
            };
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![publish_diagnostics::to_lsp(&snap, diag)]),
                edit: Some(WorkspaceEdit {
                    changes: Some(HashMap::from([(snap.uri.clone(), vec![edit])])),
                    ..Default::default()
                }),
                is_preferred: Some(diag.fixes.len() == 1),
                ..Default::default()
            }));
        }
    }
    Ok(Some(actions))
}
