//! `textDocument/documentLink`: the header's `source` (the published decision)
//! and `related` values that are web addresses become clickable links.

use std::str::FromStr;

use tower_lsp_server::ls_types::{DocumentLink, DocumentLinkParams, Uri};

use crate::convert;
use crate::handlers::snapshot;
use crate::session::Session;

pub fn handle(
    session: &Session,
    p: DocumentLinkParams,
) -> anyhow::Result<Option<Vec<DocumentLink>>> {
    let Some(snap) = snapshot(session, &p.text_document.uri) else {
        return Ok(None);
    };
    let Some(header) = &snap.parse.document().header else {
        return Ok(Some(Vec::new()));
    };
    let links = header
        .source
        .iter()
        .chain(header.related.iter())
        .filter(|s| s.value.starts_with("https://") || s.value.starts_with("http://"))
        .filter_map(|s| {
            let target = Uri::from_str(&s.value).ok()?;
            Some(DocumentLink {
                range: convert::range(snap.index(), s.range, snap.encoding),
                target: Some(target),
                tooltip: Some("Open the published decision".to_owned()),
                data: None,
            })
        })
        .collect();
    Ok(Some(links))
}
