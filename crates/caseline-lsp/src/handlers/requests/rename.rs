//! `textDocument/prepareRename` and `textDocument/rename` for recommendation IDs:
//! the definition and every use in the file change together. A new name must be
//! a valid ID (`[A-Za-z0-9][A-Za-z0-9_-]*`, FORMAT.md §1).

use std::collections::HashMap;

use tower_lsp_server::ls_types::{
    PrepareRenameResponse, RenameParams, TextDocumentPositionParams, TextEdit, WorkspaceEdit,
};

use crate::convert;
use crate::handlers::{id_at, id_occurrences, snapshot};
use crate::session::Session;

pub fn prepare(
    session: &Session,
    p: TextDocumentPositionParams,
) -> anyhow::Result<Option<PrepareRenameResponse>> {
    let Some(snap) = snapshot(session, &p.text_document.uri) else {
        return Ok(None);
    };
    let offset = convert::offset(snap.index(), p.position, snap.encoding);
    Ok(id_at(snap.parse.document(), offset).map(|id| {
        PrepareRenameResponse::Range(convert::range(snap.index(), id.range, snap.encoding))
    }))
}

pub fn handle(session: &Session, p: RenameParams) -> anyhow::Result<Option<WorkspaceEdit>> {
    let tdp = p.text_document_position;
    let Some(snap) = snapshot(session, &tdp.text_document.uri) else {
        return Ok(None);
    };
    anyhow::ensure!(
        is_valid_id(&p.new_name),
        "\"{}\" is not a valid recommendation ID: use letters, digits, '-' and '_', starting with a letter or digit",
        p.new_name
    );
    let offset = convert::offset(snap.index(), tdp.position, snap.encoding);
    let doc = snap.parse.document();
    let Some(id) = id_at(doc, offset) else {
        return Ok(None);
    };
    let edits: Vec<TextEdit> = id_occurrences(doc)
        .into_iter()
        .filter(|o| o.name == id.name)
        .map(|o| TextEdit {
            range: convert::range(snap.index(), o.range, snap.encoding),
            new_text: p.new_name.clone(),
        })
        .collect();
    Ok(Some(WorkspaceEdit {
        changes: Some(HashMap::from([(snap.uri.clone(), edits)])),
        ..Default::default()
    }))
}

fn is_valid_id(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_follow_the_format() {
        for ok in ["a", "R1", "s3-b", "x_y"] {
            assert!(super::is_valid_id(ok), "{ok}");
        }
        for bad in ["", "-a", "a b", "é", "a.b"] {
            assert!(!super::is_valid_id(bad), "{bad}");
        }
    }
}
