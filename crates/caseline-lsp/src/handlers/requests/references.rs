//! `textDocument/references`: every place a recommendation ID is defined,
//! agreed, done, declined or partly done (recommendation IDs are per file).

use tower_lsp_server::ls_types::{Location, ReferenceParams};

use crate::convert;
use crate::handlers::{id_at, id_occurrences, snapshot};
use crate::session::Session;

pub fn handle(session: &Session, p: ReferenceParams) -> anyhow::Result<Option<Vec<Location>>> {
    let tdp = p.text_document_position;
    let Some(snap) = snapshot(session, &tdp.text_document.uri) else {
        return Ok(None);
    };
    let offset = convert::offset(snap.index(), tdp.position, snap.encoding);
    let doc = snap.parse.document();
    let Some(id) = id_at(doc, offset) else {
        return Ok(None);
    };
    let include_decl = p.context.include_declaration;
    let locations = id_occurrences(doc)
        .into_iter()
        .filter(|o| o.name == id.name && (include_decl || !o.is_definition))
        .map(|o| {
            Location::new(
                snap.uri.clone(),
                convert::range(snap.index(), o.range, snap.encoding),
            )
        })
        .collect();
    Ok(Some(locations))
}
