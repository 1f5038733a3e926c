//! Places a feature points at: in the file asked about, in a definitions file
//! of the workspace, or in a built-in procedure's source. Front ends turn a
//! [`FileRef`] into whatever names a file for them (the server: a `file:` or
//! `caseline-builtin:` URI) and use [`source_parse`] for its line index.

use std::sync::Arc;

use caseline_syntax::{Parse, TextRange};
use caseline_workspace::{Origin, Workspace};

/// The file a range is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileRef {
    /// The file the request was about.
    Current,
    /// A workspace definitions file (by absolute path) or a built-in
    /// procedure's source (by its file name, `children-statutory`).
    Other(Origin),
}

/// Something to go to: a name and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavigationTarget {
    pub file: FileRef,
    /// The name itself (an ID, an event kind, a procedure name), in `file`.
    pub range: TextRange,
    pub name: String,
}

/// The parse of the source a target in another file points into: the
/// workspace's copy of a definitions file (an open editor buffer's text, when
/// the front end gave it to the workspace), or a built-in procedure's source.
/// Built-ins are parsed once per process.
pub fn source_parse(workspace: &Workspace, origin: &Origin) -> Option<Arc<Parse>> {
    match origin {
        Origin::File(path) => Some(Arc::clone(&workspace.files.get(path)?.parse)),
        Origin::Builtin(file) => crate::sources::builtin_parse(file),
    }
}
