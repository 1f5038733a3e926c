//! `textDocument/prepareRename` and `textDocument/rename` for recommendation IDs:
//! the definition and every use in the file change together. A new name must be
//! a valid ID (`[A-Za-z0-9][A-Za-z0-9_-]*`, docs/format.md#tokens) and must not be in use
//! in the file already: renaming `r1` onto an existing `r2` would merge the two
//! recommendations and silently drop `r2`'s findings. Both refusals are error
//! responses with a plain message, which clients show to the user.

use std::collections::HashMap;

use caseline_syntax::ast::{Document, EntryChild, RecKind};
use tower_lsp_server::ls_types::{
    PrepareRenameResponse, RenameParams, TextDocumentPositionParams, TextEdit, WorkspaceEdit,
};

use crate::convert;
use crate::handlers::{id_at, id_occurrences, snapshot};
use crate::session::{DocumentSnapshot, Session};

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
    let new_name = p.new_name.as_str();
    anyhow::ensure!(
        is_valid_id(new_name),
        "`{new_name}` is not a valid ID: use letters, digits, '-' and '_', starting with a letter or digit (like `r2` or `s3-b`)"
    );
    let offset = convert::offset(snap.index(), tdp.position, snap.encoding);
    let doc = snap.parse.document();
    let Some(id) = id_at(doc, offset) else {
        return Ok(None);
    };
    if id.name != new_name
        && let Some(problem) = in_use(&snap, doc, new_name)
    {
        anyhow::bail!("{problem}; choose another name");
    }
    let edits: Vec<TextEdit> = id_occurrences(doc)
        .into_iter()
        .filter(|o| o.name == id.name)
        .map(|o| TextEdit {
            range: convert::range(snap.index(), o.range, snap.encoding),
            new_text: new_name.to_owned(),
        })
        .collect();
    Ok(Some(WorkspaceEdit {
        changes: Some(HashMap::from([(snap.uri.clone(), edits)])),
        ..Default::default()
    }))
}

/// Why `name` cannot be given to another ID in this file: it already names a
/// recommendation or promise, or a `done`/`declined`/`partial`/`agree` line
/// already refers to it (the rename would attach that line to the renamed one).
fn in_use(snap: &DocumentSnapshot, doc: &Document, name: &str) -> Option<String> {
    let line = |range: caseline_syntax::TextRange| snap.index().line_of(range.start()) + 1;
    for entry in &doc.entries {
        for child in &entry.children {
            if let EntryChild::Rec(rec) = child
                && rec.id.value == name
            {
                let what = match rec.kind {
                    RecKind::Rec => "recommendation",
                    RecKind::Promise => "promise",
                };
                return Some(format!(
                    "`{name}` is already the ID of another {what} (line {})",
                    line(rec.id.range)
                ));
            }
        }
    }
    id_occurrences(doc)
        .into_iter()
        .find(|o| o.name == name)
        .map(|o| {
            format!(
                "`{name}` is already used on line {}, which would then refer to the renamed one",
                line(o.range)
            )
        })
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
