//! `textDocument/inlayHint`: `caseline_ide::inlay_hints` for the requested
//! range of the snapshot, each placed at its position with a space before it.
//! What a hint says is decided there.

use tower_lsp_server::ls_types::{InlayHint, InlayHintLabel, InlayHintParams, InlayHintTooltip};

use crate::convert;
use crate::handlers::snapshot;
use crate::session::Session;

pub fn handle(session: &Session, p: InlayHintParams) -> anyhow::Result<Option<Vec<InlayHint>>> {
    let Some(snap) = snapshot(session, &p.text_document.uri) else {
        return Ok(None);
    };
    let wanted = convert::text_range(snap.index(), p.range, snap.encoding);
    let hints = caseline_ide::inlay_hints(&snap.parse, &snap.analysis(), wanted)
        .into_iter()
        .map(|h| InlayHint {
            position: convert::position(snap.index(), h.offset, snap.encoding),
            label: InlayHintLabel::String(h.label),
            kind: None,
            text_edits: None,
            tooltip: h.tooltip.map(InlayHintTooltip::String),
            padding_left: Some(true),
            padding_right: None,
            data: None,
        })
        .collect();
    Ok(Some(hints))
}
