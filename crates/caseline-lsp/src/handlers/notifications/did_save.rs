//! `textDocument/didSave`: a saved definitions file or `caseline.toml` changes
//! what every open case is checked against, so re-check them all.

use tower_lsp_server::ls_types::DidSaveTextDocumentParams;

use crate::session::Session;

pub fn handle(session: &Session, p: DidSaveTextDocumentParams) {
    let uri = p.text_document.uri;
    if uri.as_str().ends_with("caseline.toml") {
        session.reload_config(&uri);
    } else if session
        .snapshot(&uri)
        .is_some_and(|s| s.is_definitions_file())
    {
        session.republish_all();
    }
}
