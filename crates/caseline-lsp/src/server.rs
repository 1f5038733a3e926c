//! The `LanguageServer` implementation: each method is a one-line delegation to
//! its handler in `handlers/`, wrapped so that a panic in one handler answers
//! that request with an error (or drops that notification with a log line) and
//! the server keeps serving.
//!
//! Handlers are synchronous: a notification applies its state change before the framework
//! can poll anything else (docs/architecture.md, caseline-lsp, "Concurrency"), and a
//! request takes its snapshot at entry, after every earlier notification. Must not hold
//! logic.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use crate::handlers::{notifications, requests};
use crate::lsp_ext::{BuiltinSource, BuiltinSourceParams, Timeline, TimelineParams};
use crate::session::Session;

pub struct Server {
    pub(crate) client: Client,
    pub(crate) session: Arc<Session>,
}

/// Runs a request handler, turning both its errors and its panics into a
/// JSON-RPC error for that request alone.
fn request<T>(name: &str, f: impl FnOnce() -> anyhow::Result<T>) -> Result<T> {
    tracing::debug!(method = name, "request");
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(err)) => {
            tracing::error!(method = name, "request failed: {err:#}");
            Err(Error::invalid_params(format!("{err:#}")))
        }
        Err(_) => {
            tracing::error!(method = name, "request handler panicked");
            Err(Error::internal_error())
        }
    }
}

/// Runs a notification handler; a panic is logged and the server carries on.
fn notification(name: &str, f: impl FnOnce()) {
    tracing::debug!(method = name, "notification");
    if catch_unwind(AssertUnwindSafe(f)).is_err() {
        tracing::error!(method = name, "notification handler panicked");
    }
}

impl Server {
    pub async fn builtin_source(&self, p: BuiltinSourceParams) -> Result<BuiltinSource> {
        request("caseline/builtinSource", || {
            requests::builtin_source::handle(&self.session, p)
        })
    }

    pub async fn timeline(&self, p: TimelineParams) -> Result<Timeline> {
        request("caseline/timeline", || {
            requests::timeline::handle(&self.session, p)
        })
    }
}

impl LanguageServer for Server {
    async fn initialize(&self, p: InitializeParams) -> Result<InitializeResult> {
        request("initialize", || {
            requests::initialize::handle(&self.session, p)
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        notification("initialized", || {
            notifications::initialized::handle(&self.client, &self.session)
        })
    }

    async fn shutdown(&self) -> Result<()> {
        tracing::info!("shutdown requested");
        Ok(())
    }

    async fn did_open(&self, p: DidOpenTextDocumentParams) {
        notification("didOpen", || {
            notifications::did_open::handle(&self.session, p)
        })
    }

    async fn did_change(&self, p: DidChangeTextDocumentParams) {
        notification("didChange", || {
            notifications::did_change::handle(&self.session, p)
        })
    }

    async fn did_save(&self, p: DidSaveTextDocumentParams) {
        notification("didSave", || {
            notifications::did_save::handle(&self.session, p)
        })
    }

    async fn did_close(&self, p: DidCloseTextDocumentParams) {
        notification("didClose", || {
            notifications::did_close::handle(&self.session, p)
        })
    }

    async fn did_change_watched_files(&self, p: DidChangeWatchedFilesParams) {
        notification("didChangeWatchedFiles", || {
            notifications::did_change_watched_files::handle(&self.session, p)
        })
    }

    async fn did_change_workspace_folders(&self, p: DidChangeWorkspaceFoldersParams) {
        notification("didChangeWorkspaceFolders", || {
            notifications::did_change_workspace_folders::handle(&self.session, p)
        })
    }

    async fn hover(&self, p: HoverParams) -> Result<Option<Hover>> {
        request("hover", || requests::hover::handle(&self.session, p))
    }

    async fn inlay_hint(&self, p: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        request("inlayHint", || {
            requests::inlay_hint::handle(&self.session, p)
        })
    }

    async fn completion(&self, p: CompletionParams) -> Result<Option<CompletionResponse>> {
        request("completion", || {
            requests::completion::handle(&self.session, p)
        })
    }

    async fn code_action(&self, p: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        request("codeAction", || {
            requests::code_action::handle(&self.session, p)
        })
    }

    async fn goto_definition(
        &self,
        p: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        request("definition", || {
            requests::goto_definition::handle(&self.session, p)
        })
    }

    async fn references(&self, p: ReferenceParams) -> Result<Option<Vec<Location>>> {
        request("references", || {
            requests::references::handle(&self.session, p)
        })
    }

    async fn prepare_rename(
        &self,
        p: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        request("prepareRename", || {
            requests::rename::prepare(&self.session, p)
        })
    }

    async fn rename(&self, p: RenameParams) -> Result<Option<WorkspaceEdit>> {
        request("rename", || requests::rename::handle(&self.session, p))
    }

    async fn document_symbol(
        &self,
        p: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        request("documentSymbol", || {
            requests::document_symbol::handle(&self.session, p)
        })
    }

    async fn document_link(&self, p: DocumentLinkParams) -> Result<Option<Vec<DocumentLink>>> {
        request("documentLink", || {
            requests::document_link::handle(&self.session, p)
        })
    }

    async fn folding_range(&self, p: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        request("foldingRange", || {
            requests::folding_range::handle(&self.session, p)
        })
    }

    async fn semantic_tokens_full(
        &self,
        p: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        request("semanticTokens", || {
            requests::semantic_tokens::handle(&self.session, p)
        })
    }

    async fn formatting(&self, p: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        request("formatting", || {
            requests::formatting::handle(&self.session, p)
        })
    }
}
