//! `textDocument/documentSymbol`: `caseline_ide::document_symbols`, the
//! outline, converted. What it holds is decided there.

use caseline_ide::{Symbol, SymbolKind as Kind};
use tower_lsp_server::ls_types::{
    DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, SymbolKind,
};

use crate::convert;
use crate::handlers::snapshot;
use crate::session::{DocumentSnapshot, Session};

pub fn handle(
    session: &Session,
    p: DocumentSymbolParams,
) -> anyhow::Result<Option<DocumentSymbolResponse>> {
    let Some(snap) = snapshot(session, &p.text_document.uri) else {
        return Ok(None);
    };
    let symbols = caseline_ide::document_symbols(&snap.parse)
        .into_iter()
        .map(|s| to_lsp(&snap, s))
        .collect();
    Ok(Some(DocumentSymbolResponse::Nested(symbols)))
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be filled in.
fn to_lsp(snap: &DocumentSnapshot, s: Symbol) -> DocumentSymbol {
    let children: Vec<DocumentSymbol> = s.children.into_iter().map(|c| to_lsp(snap, c)).collect();
    DocumentSymbol {
        name: s.name,
        detail: s.detail,
        kind: match s.kind {
            Kind::Case => SymbolKind::MODULE,
            Kind::Entry | Kind::EventDecl => SymbolKind::EVENT,
            Kind::Recommendation => SymbolKind::CONSTANT,
            Kind::Procedure | Kind::Calendar => SymbolKind::NAMESPACE,
        },
        tags: None,
        deprecated: None,
        range: convert::range(snap.index(), s.range, snap.encoding),
        selection_range: convert::range(snap.index(), s.selection_range, snap.encoding),
        children: (!children.is_empty()).then_some(children),
    }
}
