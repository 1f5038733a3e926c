//! `initialized`: ask the client to watch definitions files and `caseline.toml`
//! when it supports dynamic registration. The registration is a request to the
//! client, so it runs in its own task: awaiting it here could deadlock the
//! transport (docs/architecture.md, caseline-lsp, "Concurrency").

use std::sync::Arc;

use tower_lsp_server::Client;
use tower_lsp_server::ls_types::{
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern, Registration,
};

use crate::session::Session;

pub fn handle(client: &Client, session: &Arc<Session>) {
    if !session.flags().watched_files_dynamic {
        return;
    }
    let options = DidChangeWatchedFilesRegistrationOptions {
        watchers: ["**/*.case", "**/caseline.toml"]
            .into_iter()
            .map(|g| FileSystemWatcher {
                glob_pattern: GlobPattern::String(g.to_owned()),
                kind: None,
            })
            .collect(),
    };
    let Ok(register_options) = serde_json::to_value(options) else {
        return;
    };
    let registration = Registration {
        id: "caseline-watch".to_owned(),
        method: "workspace/didChangeWatchedFiles".to_owned(),
        register_options: Some(register_options),
    };
    let client = client.clone();
    tokio::spawn(async move {
        if let Err(err) = client.register_capability(vec![registration]).await {
            tracing::warn!("the client refused to watch files: {err}");
        }
    });
}
