//! `textDocument/references`: `caseline_ide::references` at the cursor
//! (recommendation IDs, which are per file), as locations in this document.

use tower_lsp_server::ls_types::{Location, ReferenceParams};

use crate::convert;
use crate::handlers::snapshot;
use crate::session::Session;

pub fn handle(session: &Session, p: ReferenceParams) -> anyhow::Result<Option<Vec<Location>>> {
    let tdp = p.text_document_position;
    let Some(snap) = snapshot(session, &tdp.text_document.uri) else {
        return Ok(None);
    };
    let offset = convert::offset(snap.index(), tdp.position, snap.encoding);
    let found = caseline_ide::references(&snap.parse, offset, p.context.include_declaration);
    Ok(found.map(|refs| {
        refs.into_iter()
            .map(|r| {
                Location::new(
                    snap.uri.clone(),
                    convert::range(snap.index(), r.range, snap.encoding),
                )
            })
            .collect()
    }))
}
