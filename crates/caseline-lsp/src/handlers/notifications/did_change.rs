//! `textDocument/didChange`: apply the edits in order, reparse incrementally and
//! schedule diagnostics. Changes to unknown documents or with an old version
//! number are ignored with a log line.

use tower_lsp_server::ls_types::DidChangeTextDocumentParams;

use crate::session::{ChangeOutcome, Session};

pub fn handle(session: &Session, p: DidChangeTextDocumentParams) {
    let uri = p.text_document.uri;
    let version = p.text_document.version;
    match session.change(&uri, version, &p.content_changes) {
        ChangeOutcome::Applied => {}
        ChangeOutcome::UnknownDocument => {
            tracing::warn!(
                uri = uri.as_str(),
                "change to a document that is not open; ignored"
            );
        }
        ChangeOutcome::StaleVersion { current, got } => {
            tracing::warn!(
                uri = uri.as_str(),
                current,
                got,
                "change with an old version number; ignored"
            );
        }
    }
}
