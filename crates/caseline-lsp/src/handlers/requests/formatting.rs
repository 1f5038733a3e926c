//! `textDocument/formatting`: the one formatter (`caseline_syntax::format`, also
//! used by `caseline fmt`), sent as a single minimal edit.

use tower_lsp_server::ls_types::{DocumentFormattingParams, TextEdit};

use crate::convert;
use crate::handlers::{minimal_edit, snapshot};
use crate::session::Session;

pub fn handle(
    session: &Session,
    p: DocumentFormattingParams,
) -> anyhow::Result<Option<Vec<TextEdit>>> {
    let Some(snap) = snapshot(session, &p.text_document.uri) else {
        return Ok(None);
    };
    let formatted = caseline_syntax::format(snap.text());
    let edits = minimal_edit(snap.text(), &formatted)
        .map(|(range, new_text)| TextEdit {
            range: convert::range(snap.index(), range, snap.encoding),
            new_text,
        })
        .into_iter()
        .collect();
    Ok(Some(edits))
}
