//! caseline-lsp: the language server. The only crate that speaks LSP.
//!
//! Invariant: nothing a client sends can crash the server or make it show
//! diagnostics for text other than the latest version. Rule logic lives in
//! `caseline-check`, parsing and formatting in `caseline-syntax`, what hover,
//! completion, hints, navigation, rename and the outline show in `caseline-ide`;
//! this crate only keeps documents, converts positions (`convert.rs`) and
//! wires handlers.

mod capabilities;
mod convert;
mod disposal;
mod handlers;
pub mod lsp_ext;
mod publisher;
mod server;
mod session;
mod workspace;

use std::sync::Arc;

use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::{LspService, Server as Transport};

use crate::server::Server;
use crate::session::Session;

/// Serves the protocol over any pair of byte streams until the client sends
/// `exit` or closes the input. Tests use in-memory pipes; `run_stdio` uses stdio.
pub async fn serve<I, O>(input: I, output: O)
where
    I: AsyncRead + Unpin,
    O: AsyncWrite,
{
    let (service, socket) = LspService::build(|client| {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        let session = Arc::new(Session::new(tx));
        publisher::spawn(client.clone(), Arc::downgrade(&session), rx);
        Server { client, session }
    })
    .custom_method(lsp_ext::BUILTIN_SOURCE, Server::builtin_source)
    .custom_method(lsp_ext::TIMELINE, Server::timeline)
    .finish();
    Transport::new(input, output, socket).serve(service).await;
}

/// Runs the server on stdin/stdout until the client says `exit`. Blocking: it
/// builds its own tokio runtime. Logging is the caller's business (the binary
/// installs a `tracing` subscriber writing to stderr).
pub fn run_stdio() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async {
        tracing::info!("caseline language server starting on stdio");
        serve(tokio::io::stdin(), tokio::io::stdout()).await;
        tracing::info!("caseline language server stopped");
    });
    Ok(())
}
