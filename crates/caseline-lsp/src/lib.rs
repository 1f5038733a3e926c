//! caseline-lsp: the language server. The only crate that speaks LSP.
