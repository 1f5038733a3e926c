//! `textDocument/hover`: `caseline_ide::hover` on the snapshot, its Markdown
//! and range converted. What a hover says is decided there.

use tower_lsp_server::ls_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use crate::convert;
use crate::handlers::snapshot;
use crate::session::Session;

pub fn handle(session: &Session, p: HoverParams) -> anyhow::Result<Option<Hover>> {
    let tdp = p.text_document_position_params;
    let Some(snap) = snapshot(session, &tdp.text_document.uri) else {
        return Ok(None);
    };
    let offset = convert::offset(snap.index(), tdp.position, snap.encoding);
    let found = caseline_ide::hover(&snap.parse, &snap.analysis(), &snap.workspace, offset);
    Ok(found.map(|h| Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: h.markdown,
        }),
        range: Some(convert::range(snap.index(), h.range, snap.encoding)),
    }))
}
