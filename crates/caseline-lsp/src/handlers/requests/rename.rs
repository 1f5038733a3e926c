//! `textDocument/prepareRename` and `textDocument/rename`:
//! `caseline_ide::{prepare_rename, rename}` at the cursor. A refused rename
//! (an invalid name, or one already in use) is an error response whose
//! message the client shows to the user.

use std::collections::HashMap;

use tower_lsp_server::ls_types::{
    PrepareRenameResponse, RenameParams, TextDocumentPositionParams, TextEdit, WorkspaceEdit,
};

use crate::convert;
use crate::handlers::{file_of, snapshot};
use crate::session::Session;

pub fn prepare(
    session: &Session,
    p: TextDocumentPositionParams,
) -> anyhow::Result<Option<PrepareRenameResponse>> {
    let Some(snap) = snapshot(session, &p.text_document.uri) else {
        return Ok(None);
    };
    let offset = convert::offset(snap.index(), p.position, snap.encoding);
    Ok(
        caseline_ide::prepare_rename(&snap.parse, offset).map(|range| {
            PrepareRenameResponse::Range(convert::range(snap.index(), range, snap.encoding))
        }),
    )
}

pub fn handle(session: &Session, p: RenameParams) -> anyhow::Result<Option<WorkspaceEdit>> {
    let tdp = p.text_document_position;
    let Some(snap) = snapshot(session, &tdp.text_document.uri) else {
        return Ok(None);
    };
    let offset = convert::offset(snap.index(), tdp.position, snap.encoding);
    let Some(result) = caseline_ide::rename(&snap.parse, offset, &p.new_name)? else {
        return Ok(None);
    };
    let mut changes = HashMap::new();
    for (file, edits) in result.changes {
        let Some((uri, parse)) = file_of(&snap, &file) else {
            anyhow::bail!("a file the rename changes has no address the editor knows");
        };
        let edits: Vec<TextEdit> = edits
            .into_iter()
            .map(|e| TextEdit {
                range: convert::range(parse.line_index(), e.range, snap.encoding),
                new_text: e.new_text,
            })
            .collect();
        changes.insert(uri, edits);
    }
    Ok(Some(WorkspaceEdit {
        changes: Some(changes),
        ..Default::default()
    }))
}
