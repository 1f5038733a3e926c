//! `workspace/didChangeWatchedFiles`: definitions files and `caseline.toml`
//! changed on disk (another program, a git checkout): reload them.

use tower_lsp_server::ls_types::DidChangeWatchedFilesParams;

use crate::session::Session;

pub fn handle(session: &Session, p: DidChangeWatchedFilesParams) {
    for change in p.changes {
        let path = change.uri.as_str();
        if crate::workspace::is_config_uri(&change.uri) {
            session.reload_config(&change.uri);
        } else if path.ends_with(".case") {
            session.definitions_file_changed_on_disk(&change.uri);
        }
    }
}
