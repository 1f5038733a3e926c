//! Request handlers, one file per LSP method. Each takes a snapshot at entry and
//! computes without holding any lock.

pub mod builtin_source;
pub mod code_action;
pub mod completion;
pub mod document_link;
pub mod document_symbol;
pub mod folding_range;
pub mod formatting;
pub mod goto_definition;
pub mod hover;
pub mod initialize;
pub mod inlay_hint;
pub mod references;
pub mod rename;
pub mod semantic_tokens;
pub mod timeline;
