//! `textDocument/didClose`: forget the document and clear its diagnostics.

use tower_lsp_server::ls_types::DidCloseTextDocumentParams;

use crate::session::Session;

pub fn handle(session: &Session, p: DidCloseTextDocumentParams) {
    let uri = p.text_document.uri;
    if !session.close(&uri) {
        tracing::warn!(
            uri = uri.as_str(),
            "close of a document that is not open; ignored"
        );
    }
}
