//! The server's side of the workspace model (`caseline-workspace`, shared with
//! the CLI): one workspace per editor folder (each with the `caseline.toml` at
//! its top), and for a file outside them the workspace `caseline check FILE`
//! would use (its nearest `caseline.toml`'s tree, else its own folder alone),
//! loaded when first needed. Open buffers override files on disk through
//! `Workspace::with_file`. This module adds only URIs and the read-only
//! `caseline-builtin:` documents; it knows nothing of rules.
//!
//! A `Workspaces` value is immutable (cheap to clone: the workspaces are
//! shared); a change builds a new one that the session swaps in.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;

use caseline_syntax::Parse;
use caseline_workspace::{NativeFs, Origin, Scope};
use tower_lsp_server::ls_types::Uri;

pub use caseline_workspace::Workspace;

/// URI scheme of the read-only built-in procedure sources.
pub const BUILTIN_SCHEME: &str = "caseline-builtin";

/// Every workspace the server knows of.
#[derive(Clone)]
pub struct Workspaces {
    /// The editor's folders, in the order the client gave them.
    pub folders: Vec<PathBuf>,
    by_folder: Vec<Arc<Workspace>>,
    /// Workspaces of files outside every folder, by scope.
    outside: HashMap<Scope, Arc<Workspace>>,
    /// For documents with no file (unsaved, or built-in): built-ins and defaults.
    detached: Arc<Workspace>,
}

impl Workspaces {
    /// No folders (yet).
    pub fn empty() -> Workspaces {
        Workspaces::load(Vec::new())
    }

    /// Loads each folder's workspace (outside any lock: this reads the disk).
    pub fn load(folders: Vec<PathBuf>) -> Workspaces {
        let by_folder = folders
            .iter()
            .map(|f| {
                let ws = Workspace::load(&NativeFs, &Scope::of_editor_folder(&NativeFs, f));
                for p in &ws.walk_problems {
                    tracing::warn!(path = %p.path.display(), "{}", p.message);
                }
                Arc::new(ws)
            })
            .collect();
        Workspaces {
            folders,
            by_folder,
            outside: HashMap::new(),
            detached: Arc::new(Workspace::detached()),
        }
    }

    /// The workspace of the document at `uri`: the innermost editor folder
    /// holding it, else the one `caseline check FILE` would use (loaded now
    /// if it was not yet), else (no file) the detached one.
    pub fn for_uri(&mut self, uri: &Uri) -> Arc<Workspace> {
        let Some(path) = file_path(uri) else {
            return Arc::clone(&self.detached);
        };
        if let Some(ws) = self
            .by_folder
            .iter()
            .filter(|ws| ws.contains(&path))
            .max_by_key(|ws| ws.root.as_ref().map_or(0, |r| r.components().count()))
        {
            return Arc::clone(ws);
        }
        let scope = Scope::of_file(&NativeFs, &path);
        Arc::clone(
            self.outside
                .entry(scope)
                .or_insert_with_key(|scope| Arc::new(Workspace::load(&NativeFs, scope))),
        )
    }

    /// Every workspace loaded so far.
    pub fn all(&self) -> impl Iterator<Item = &Arc<Workspace>> {
        self.by_folder.iter().chain(self.outside.values())
    }

    /// The built-ins and default settings.
    pub fn detached(&self) -> Arc<Workspace> {
        Arc::clone(&self.detached)
    }

    /// A copy in which every workspace that `f` changes (`Some`) is replaced.
    /// `None` when `f` changed none.
    pub fn changed(&self, f: impl Fn(&Workspace) -> Option<Workspace>) -> Option<Workspaces> {
        let mut any = false;
        let mut next = self.clone();
        for ws in next.by_folder.iter_mut().chain(next.outside.values_mut()) {
            if let Some(new) = f(ws) {
                *ws = Arc::new(new);
                any = true;
            }
        }
        any.then_some(next)
    }

    /// The problem with the `caseline.toml` at `uri`, if one of the
    /// workspaces has it as its configuration and could not use it.
    pub fn config_problem(&self, uri: &Uri) -> Option<String> {
        let path = file_path(uri)?;
        self.all()
            .filter_map(|ws| ws.config_problem.as_ref())
            .find(|p| p.path == path)
            .map(|p| {
                format!(
                    "{}; caseline is using its default settings until this is fixed",
                    p.message
                )
            })
    }
}

/// The file path of a `file:` URI.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    uri.to_file_path().map(|p| p.into_owned())
}

/// The URI of a procedure's source: a workspace file, or a read-only
/// built-in document.
pub fn origin_uri(origin: &Origin) -> Option<Uri> {
    match origin {
        Origin::Builtin(file) => builtin_uri(file),
        Origin::File(path) => Uri::from_file_path(path),
    }
}

/// The text on disk of the file at `path`, parsed, when it may hold
/// definitions (read outside any lock).
pub fn read_definitions(path: &Path) -> Option<Arc<Parse>> {
    use caseline_workspace::FileSystem as _;
    let text = NativeFs.read(path).ok()?;
    caseline_syntax::may_define(&text).then(|| Arc::new(caseline_syntax::parse(&text)))
}

/// `caseline-builtin:/NAME.case`.
pub fn builtin_uri(name: &str) -> Option<Uri> {
    Uri::from_str(&format!("{BUILTIN_SCHEME}:/{name}.case")).ok()
}

/// The procedure name in a built-in URI, if it is one.
pub fn builtin_name(uri: &Uri) -> Option<String> {
    let s = uri.as_str();
    let rest = s.strip_prefix(BUILTIN_SCHEME)?.strip_prefix(':')?;
    let rest = rest.trim_start_matches('/');
    Some(rest.strip_suffix(".case").unwrap_or(rest).to_owned())
}

/// Whether `uri` names a `caseline.toml` (the file name exactly, not
/// `mycaseline.toml`).
pub fn is_config_uri(uri: &Uri) -> bool {
    let path = uri.as_str().split(['?', '#']).next().unwrap_or_default();
    path.rsplit('/').next() == Some("caseline.toml")
}

#[cfg(test)]
mod config_uri_tests {
    use super::*;

    #[test]
    fn only_a_file_named_caseline_toml_is_the_config() {
        let uri = |s: &str| s.parse::<Uri>().expect("a valid URI");
        assert!(is_config_uri(&uri("file:///w/caseline.toml")));
        assert!(!is_config_uri(&uri("file:///w/mycaseline.toml")));
        assert!(!is_config_uri(&uri("file:///w/caseline.toml.bak")));
    }
}
