//! Publishes diagnostics, one document at a time, from a single task.
//!
//! Notifications only *schedule* a publish (a non-blocking channel send), so
//! they never await. This task coalesces whatever is queued (a light debounce
//! that costs no latency when the user pauses), checks the current snapshot
//! off the async workers, and publishes only if that snapshot is still the
//! document's current one; otherwise a newer publish is already queued. Being
//! the only publisher, it can never send an older set after a newer one.
//! Must not depend on request handlers.

use std::sync::{Arc, Weak};

use tokio::sync::mpsc::UnboundedReceiver;
use tower_lsp_server::Client;
use tower_lsp_server::ls_types::Uri;

use crate::handlers::publish_diagnostics;
use crate::session::Session;
use crate::workspace::builtin_name;

pub fn spawn(client: Client, session: Weak<Session>, rx: UnboundedReceiver<Uri>) {
    tokio::spawn(run(client, session, rx));
}

async fn run(client: Client, session: Weak<Session>, mut rx: UnboundedReceiver<Uri>) {
    while let Some(first) = rx.recv().await {
        let mut batch = vec![first];
        while let Ok(uri) = rx.try_recv() {
            if !batch.contains(&uri) {
                batch.push(uri);
            }
        }
        for uri in batch {
            if builtin_name(&uri).is_some() {
                continue;
            }
            if crate::workspace::is_config_uri(&uri) {
                let diags = session
                    .upgrade()
                    .map(|s| publish_diagnostics::config_problem(s.config_problem(&uri)))
                    .unwrap_or_default();
                client.publish_diagnostics(uri, diags, None).await;
                continue;
            }
            let Some(snap) = session.upgrade().and_then(|s| s.snapshot(&uri)) else {
                // Closed (or never opened): clear what we may have shown.
                client.publish_diagnostics(uri, Vec::new(), None).await;
                continue;
            };
            let for_check = snap.clone();
            let computed =
                tokio::task::spawn_blocking(move || publish_diagnostics::compute(&for_check)).await;
            let diags = match computed {
                Ok(d) => d,
                Err(err) => {
                    // Say so rather than leave the previous version's findings up.
                    tracing::error!("checking a document failed: {err}");
                    vec![publish_diagnostics::internal_error()]
                }
            };
            let Some(current) = session.upgrade().and_then(|s| s.snapshot(&uri)) else {
                continue;
            };
            if !Arc::ptr_eq(&current, &snap) {
                // A newer version (or workspace) arrived; its publish is queued.
                continue;
            }
            client
                .publish_diagnostics(uri, diags, Some(snap.version))
                .await;
        }
        if session.upgrade().is_some_and(|s| s.take_hints_stale()) {
            // A request to the client: never awaited where it could block
            // the transport (docs/architecture.md, caseline-lsp, "Concurrency").
            let client = client.clone();
            tokio::spawn(async move {
                if let Err(err) = client.inlay_hint_refresh().await {
                    tracing::debug!("inlay hint refresh refused: {err}");
                }
            });
        }
    }
}
