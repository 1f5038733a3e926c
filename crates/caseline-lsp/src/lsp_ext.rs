//! caseline's custom LSP methods, declared once here. Mirrored exactly by
//! `editors/vscode/src/lsp_ext.ts` (keep the two in step) and documented in
//! this crate's README (and `docs/lsp-extensions.md` once the lead adds it).
//!
//! `caseline/builtinSource`: the text of a built-in procedure, for clients that
//! open `caseline-builtin:` documents (go-to-definition on an event kind lands in
//! them). Must not depend on session internals.

use serde::{Deserialize, Serialize};
use tower_lsp_server::ls_types::Uri;

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
