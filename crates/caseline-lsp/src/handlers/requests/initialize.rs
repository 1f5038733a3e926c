//! `initialize`: negotiate the position encoding, note what the client supports,
//! and load the workspace (none, one or several folders) before answering, so
//! the first `didOpen` is already checked against the workspace's definitions.

use std::path::PathBuf;

use tower_lsp_server::ls_types::{InitializeParams, InitializeResult, ServerInfo};

use crate::capabilities;
use crate::convert;
use crate::session::{ClientFlags, Session};
use crate::workspace::Workspaces;

pub fn handle(session: &Session, p: InitializeParams) -> anyhow::Result<InitializeResult> {
    let encoding = convert::negotiate_encoding(&p.capabilities);
    let ws_caps = p.capabilities.workspace.as_ref();
    let flags = ClientFlags {
        inlay_hint_refresh: ws_caps
            .and_then(|w| w.inlay_hint.as_ref())
            .and_then(|i| i.refresh_support)
            .unwrap_or(false),
        watched_files_dynamic: ws_caps
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false),
    };
    let folders: Vec<PathBuf> = match &p.workspace_folders {
        Some(folders) => folders
            .iter()
            .filter_map(|f| f.uri.to_file_path().map(|p| p.into_owned()))
            .collect(),
        // Older clients (and some single-file setups) only send a root.
        None => root_uri(&p)
            .and_then(|u| u.to_file_path().map(|p| p.into_owned()))
            .into_iter()
            .collect(),
    };
    tracing::info!(folders = folders.len(), ?encoding, "initialize");
    let as_of = as_of_option(p.initialization_options.as_ref());
    let workspaces = Workspaces::load(folders);
    session.set_client(encoding, flags, workspaces, as_of);
    Ok(InitializeResult {
        capabilities: capabilities::server_capabilities(encoding),
        server_info: Some(ServerInfo {
            name: "caseline".to_owned(),
            version: Some(env!("CARGO_PKG_VERSION").to_owned()),
        }),
        ..Default::default()
    })
}

#[allow(deprecated)] // `rootUri` is deprecated, but older clients send only it.
fn root_uri(p: &InitializeParams) -> Option<&tower_lsp_server::ls_types::Uri> {
    p.root_uri.as_ref()
}

/// `initializationOptions.asOf` ("YYYY-MM-DD"), sent by the editor clients in
/// `editors/`. Anything else is ignored with a warning: a bad setting must not
/// stop the server.
fn as_of_option(options: Option<&serde_json::Value>) -> Option<chrono::NaiveDate> {
    let raw = options?.get("asOf")?;
    let parsed = raw
        .as_str()
        .and_then(|s| chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok());
    if parsed.is_none() && !raw.is_null() {
        tracing::warn!("ignoring the asOf setting: it is not a date like 2025-02-18");
    }
    parsed
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn as_of_setting() {
        let d = |s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(
            super::as_of_option(Some(&json!({"asOf": "2025-02-18"}))),
            d("2025-02-18")
        );
        assert_eq!(
            super::as_of_option(Some(&json!({"asOf": "18/02/2025"}))),
            None
        );
        assert_eq!(super::as_of_option(Some(&json!({"asOf": 3}))), None);
        assert_eq!(super::as_of_option(Some(&json!({}))), None);
        assert_eq!(super::as_of_option(None), None);
    }
}
