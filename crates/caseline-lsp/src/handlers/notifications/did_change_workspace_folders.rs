//! `workspace/didChangeWorkspaceFolders`: folders were added or removed, so the
//! definitions and `caseline.toml` are loaded again from the new set.

use std::path::PathBuf;

use tower_lsp_server::ls_types::DidChangeWorkspaceFoldersParams;

use crate::session::Session;

pub fn handle(session: &Session, p: DidChangeWorkspaceFoldersParams) {
    let path = |uri: &tower_lsp_server::ls_types::Uri| uri.to_file_path().map(|p| p.into_owned());
    let removed: Vec<PathBuf> = p
        .event
        .removed
        .iter()
        .filter_map(|f| path(&f.uri))
        .collect();
    let mut folders: Vec<PathBuf> = session
        .folders()
        .into_iter()
        .filter(|f| !removed.contains(f))
        .collect();
    for added in p.event.added.iter().filter_map(|f| path(&f.uri)) {
        if !folders.contains(&added) {
            folders.push(added);
        }
    }
    tracing::info!(folders = folders.len(), "workspace folders changed");
    session.set_folders(folders);
}
