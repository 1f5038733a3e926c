//! The CLI's side of the workspace model (`caseline-workspace`, shared with the
//! server): which workspace each path argument belongs to, each loaded once,
//! and reading files and standard input with the model's size cap. A
//! `caseline.toml` that cannot be used is a usage error here (exit 2); the
//! server shows the same problem on the file instead.
//!
//! Knows nothing of rendering: problems come back as data.

use crate::discover;
use caseline_workspace::{FileSystem as _, NativeFs, Scope, Workspace, fs::MAX_FILE_BYTES};
use std::collections::HashMap;
use std::path::Path;

/// The workspaces of one run, each loaded once however many paths share it.
#[derive(Default)]
pub struct Workspaces {
    loaded: Vec<Workspace>,
    by_scope: HashMap<Scope, usize>,
}

impl Workspaces {
    /// The index of the workspace of `path`: a file's (the nearest
    /// `caseline.toml` above it, else its own folder without subfolders) or a
    /// folder's (its `caseline.toml`'s tree, else its own tree).
    pub fn of_path(&mut self, path: &Path) -> anyhow::Result<usize> {
        let abs = discover::absolute(path);
        let scope = if NativeFs.is_dir(&abs) {
            Scope::of_folder(&NativeFs, &abs)
        } else {
            Scope::of_file(&NativeFs, &abs)
        };
        if let Some(&i) = self.by_scope.get(&scope) {
            return Ok(i);
        }
        let ws = Workspace::load(&NativeFs, &scope);
        if let Some(problem) = &ws.config_problem {
            // The message names caseline.toml already; add where that file is.
            anyhow::bail!(
                "{} (in {})",
                problem.message,
                discover::display_path(&problem.path)
            );
        }
        tracing::debug!(root = %scope.root.display(), recursive = scope.recursive,
            definitions = ws.files.len(), "workspace");
        self.loaded.push(ws);
        self.by_scope.insert(scope, self.loaded.len() - 1);
        Ok(self.loaded.len() - 1)
    }

    pub fn len(&self) -> usize {
        self.loaded.len()
    }

    pub fn get(&self, i: usize) -> &Workspace {
        &self.loaded[i]
    }

    /// Replaces workspace `i` (standard input standing for a file in it).
    pub fn set(&mut self, i: usize, ws: Workspace) {
        self.loaded[i] = ws;
    }
}

/// Runs `f`, turning a panic (a bug in caseline, never the user's fault) into a
/// message for that file, so one file cannot take the whole run down with it.
/// The panic itself is still printed to stderr by the default hook.
pub fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|_| {
        "caseline hit an internal error on this file (a bug: please report it with the file)"
            .to_string()
    })
}

/// One input file read but not parsed yet: its path as shown, and its text or
/// why it could not be read.
pub struct Source {
    pub display: String,
    pub text: Result<String, String>,
}

/// Reads `path` without parsing it.
pub fn read(path: &Path) -> Source {
    Source {
        display: discover::display_path(path),
        text: NativeFs.read(path),
    }
}

/// Reads the case from stdin (with the same size cap and UTF-8 check as files);
/// `display` is the name shown for it.
pub fn read_stdin(display: String) -> Source {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    let read = std::io::stdin()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes);
    let text = match read {
        Err(err) => Err(format!("could not read stdin: {err}")),
        Ok(_) if bytes.len() as u64 > MAX_FILE_BYTES => Err(format!(
            "stdin holds more than {} MB, more than caseline reads",
            MAX_FILE_BYTES / (1024 * 1024)
        )),
        Ok(_) => caseline_workspace::fs::utf8_text(bytes),
    };
    Source { display, text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_message_for_that_file() {
        let failed: Result<u8, String> = guarded(|| panic!("a bug in a library"));
        assert!(failed.is_err_and(|m| m.contains("internal error")));
        assert_eq!(guarded(|| 7), Ok(7));
    }
}
