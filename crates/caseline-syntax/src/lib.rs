//! caseline-syntax: `.case` text -> tree-sitter tree -> typed [`ast::Document`],
//! plus syntax errors, the line index and the formatter.
//!
//! Invariant: parsing never fails and never panics; every input gives a document
//! plus errors. This crate knows nothing of calendars, rules, LSP or terminals,
//! and it is the only crate that depends on `tree-sitter` (no `Node` or `Point`
//! escapes it: everything is converted to byte ranges first).

pub mod ast;
mod dates;
mod errors;
mod format;
mod kinds;
pub mod line_index;
mod lower;
mod parse;
mod query_cache;
mod scan;
mod shift;
mod slips;
pub mod vocabulary;

pub use dates::{max_duration_amount, parse_duration};
pub use errors::{SyntaxError, SyntaxErrorKind, SyntaxFix};
pub use format::format;
pub use line_index::{Encoding, LineCol, LineIndex};
pub use parse::{Leftovers, Parse, TextEdit, may_define, parse};
pub use query_cache::{Highlight, folding_ranges, highlights};
pub use slips::quiet_slips;
pub use text_size::{TextRange, TextSize};
