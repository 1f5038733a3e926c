//! `textDocument/didOpen`: store the first snapshot and schedule diagnostics.

use tower_lsp_server::ls_types::DidOpenTextDocumentParams;

use crate::session::Session;

pub fn handle(session: &Session, p: DidOpenTextDocumentParams) {
    let doc = p.text_document;
    tracing::debug!(uri = doc.uri.as_str(), version = doc.version, "open");
    session.open(doc.uri, doc.version, doc.text);
}
