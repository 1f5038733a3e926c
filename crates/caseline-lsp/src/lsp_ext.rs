//! caseline's custom LSP methods, declared once here. Mirrored exactly by
//! `editors/vscode/src/lsp_ext.ts` (keep the two in step) and documented in
//! `docs/lsp-extensions.md`.
//!
//! `caseline/builtinSource`: the text of a built-in procedure, for clients that
//! open `caseline-builtin:` documents (go-to-definition on an event kind lands in
//! them). `caseline/timeline`: the timeline page of an open document, drawn from
//! its text in the editor (saved or not) with the server's workspace, so the
//! editor shows what the diagnostics say without running the CLI.
//! `caseline.copyDecisionWording`: not a method but a client command, which
//! the "Copy as decision wording" code action carries with its paragraph; the
//! client writes the text to the clipboard (the server never runs it).
//! Must not depend on session internals.

use serde::{Deserialize, Serialize};
use tower_lsp_server::ls_types::{TextDocumentIdentifier, Uri};

/// Method name of the built-in source request.
pub const BUILTIN_SOURCE: &str = "caseline/builtinSource";

/// Params of `caseline/builtinSource`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BuiltinSourceParams {
    /// A `caseline-builtin:/NAME.case` URI.
    pub uri: Uri,
}

/// Result of `caseline/builtinSource`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BuiltinSource {
    pub uri: Uri,
    /// The procedure's source, in the `.case` language.
    pub text: String,
}

/// Method name of the timeline request.
pub const TIMELINE: &str = "caseline/timeline";

/// Params of `caseline/timeline`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimelineParams {
    /// An open document.
    pub text_document: TextDocumentIdentifier,
}

/// Result of `caseline/timeline`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Timeline {
    /// The version of the document the page was drawn from.
    pub version: i32,
    /// The page's title (the case reference and title, or the file name).
    pub title: String,
    /// One self-contained HTML page (inline CSS and SVG, no scripts, a
    /// Content-Security-Policy that forbids every fetch), as `caseline report`
    /// writes it.
    pub html: String,
}

/// The client command of the "Copy as decision wording" code action; its one
/// argument is the paragraph (a string) to put on the clipboard. Run by the
/// client, never sent to the server (not in `executeCommandProvider`).
pub const COPY_DECISION_WORDING: &str = "caseline.copyDecisionWording";

/// The kind of that code action: not a quick fix, a refactoring or a source
/// action, since it changes nothing (VS Code shows such kinds with the light
/// bulb, where it hides `source` ones).
pub const COPY_DECISION_WORDING_KIND: &str = "caseline.copyDecisionWording";
