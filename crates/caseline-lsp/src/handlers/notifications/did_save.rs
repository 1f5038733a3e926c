//! `textDocument/didSave`: a saved definitions file or `caseline.toml` changes
//! what every open case is checked against, so re-check them all.

use tower_lsp_server::ls_types::DidSaveTextDocumentParams;

use crate::session::Session;

pub fn handle(session: &Session, p: DidSaveTextDocumentParams) {
    let uri = p.text_document.uri;
    if crate::workspace::is_config_uri(&uri) {
        session.reload_config(&uri);
    } else if session
        .snapshot(&uri)
        .is_some_and(|s| s.is_definitions_file())
    {
        session.republish_all();
    }
}
