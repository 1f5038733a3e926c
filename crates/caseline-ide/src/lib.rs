//! caseline-ide: the editor features, as plain data (rust-analyzer's `ide`
//! crate is the model). Offsets in, data out: each feature takes what it reads
//! (a file's [`Parse`], the check engine's [`Analysis`] of it, the
//! [`Workspace`] it was checked in) and a byte offset or range, and returns
//! structs with byte ranges and Markdown or plain text.
//!
//! Invariants: knows nothing of LSP (no `ls_types`, no lines and columns in
//! an encoding, no URIs: a place in another file is a [`FileRef`]); reads no
//! files, no clock and no environment ("today" comes in as an argument); every
//! date, count and judgement it shows is read off `Analysis` and the
//! procedures' own definitions, never computed here, so an editor can never
//! disagree with `caseline check`. Dates, counts and states are phrased by
//! `caseline_check::wording`, as everywhere else.
//!
//! [`Parse`]: caseline_syntax::Parse
//! [`Analysis`]: caseline_check::Analysis
//! [`Workspace`]: caseline_workspace::Workspace

mod completion;
mod definition_text;
mod document_symbols;
mod goto_definition;
mod hover;
mod ids;
mod inlay_hints;
mod navigation;
mod new_case;
mod references;
mod rename;
mod sources;

#[cfg(test)]
mod fixture;

pub use completion::{CompletionItem, CompletionKind, completions};
pub use definition_text::{DefinitionText, Part, procedure_text};
pub use document_symbols::{Symbol, SymbolKind, document_symbols};
pub use goto_definition::{GotoDefinition, goto_definition};
pub use hover::{HoverResult, hover};
pub use inlay_hints::{InlayHint, inlay_hints};
pub use navigation::{FileRef, NavigationTarget, source_parse};
pub use new_case::{
    PLACEHOLDER_BODY, PLACEHOLDER_COMPLAINANT, PLACEHOLDER_DATE, PLACEHOLDER_REFERENCE,
    PLACEHOLDER_TITLE, TemplateError, TemplateForm, new_case,
};
pub use references::{ReferenceRange, references};
pub use rename::{RenameError, RenameResult, prepare_rename, rename};
