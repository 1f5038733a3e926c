//! `textDocument/didSave`: a saved `caseline.toml` changes what every open case
//! is checked against, so it is read again (also when the client does not
//! watch files for us). A saved definitions file needs nothing: the workspace
//! already follows its text in the editor.

use tower_lsp_server::ls_types::DidSaveTextDocumentParams;

use crate::session::Session;

pub fn handle(session: &Session, p: DidSaveTextDocumentParams) {
    let uri = p.text_document.uri;
    if crate::workspace::is_config_uri(&uri) {
        session.reload_config(&uri);
    }
}
