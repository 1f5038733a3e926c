//! File access as a small trait, so the workspace model runs wherever there is
//! something that can list and read `.case` files: the real file system
//! ([`NativeFs`], for the CLI and the server) or a map of texts ([`MemoryFs`],
//! for tests and for the browser build).
//!
//! Paths handed to a [`FileSystem`] are absolute; the caller (which knows the
//! current directory) makes them so. Errors are sentences for the user.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Files larger than this are refused: a case timeline is a few kilobytes, and a
/// file this big is almost certainly not one (it would also exceed the 4 GiB
/// offsets the syntax tree can address long before memory runs out).
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// A path that could not be walked (an unreadable folder, a broken `.gitignore`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathProblem {
    pub path: PathBuf,
    pub message: String,
}

/// What the workspace model needs of a file system.
pub trait FileSystem: Sync {
    /// The text of `path`: UTF-8, at most [`MAX_FILE_BYTES`]; else why not, as
    /// a sentence without the path (callers add it).
    fn read(&self, path: &Path) -> Result<String, String>;
    fn is_file(&self, path: &Path) -> bool;
    fn is_dir(&self, path: &Path) -> bool;
    /// The `.case` files in `dir` (and in its subfolders when `recursive`), sorted
    /// by path, leaving out what `.gitignore`/`.ignore` files and hidden folders
    /// leave out; and the folders that could not be read.
    fn case_files(&self, dir: &Path, recursive: bool) -> (Vec<PathBuf>, Vec<PathProblem>);
}

/// Bytes -> text, or a message naming the line of the first byte that is not UTF-8.
pub fn utf8_text(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        format!(
            "the file is not UTF-8 text (first bad byte on line {line}): open it and save it again with the encoding set to UTF-8 (in Notepad: Save As, Encoding: UTF-8)"
        )
    })
}

/// The message for a file over [`MAX_FILE_BYTES`] (`len` in bytes, when known).
pub fn too_big(len: Option<u64>) -> String {
    let cap = MAX_FILE_BYTES / (1024 * 1024);
    match len {
        Some(len) => format!(
            "the file is {} MB; caseline reads files of up to {cap} MB (a case timeline is usually a few kilobytes)",
            len / (1024 * 1024)
        ),
        None => format!("the file is over {cap} MB; caseline reads files of up to {cap} MB"),
    }
}

/// Files held in memory: absolute path -> text. Folders are implied by the
/// paths. Nothing is ignored (there are no `.gitignore` files to read).
#[derive(Debug, Clone, Default)]
pub struct MemoryFs {
    files: BTreeMap<PathBuf, String>,
}

impl MemoryFs {
    pub fn new() -> MemoryFs {
        MemoryFs::default()
    }

    /// Adds (or replaces) a file.
    pub fn insert(&mut self, path: impl Into<PathBuf>, text: impl Into<String>) {
        self.files.insert(path.into(), text.into());
    }
}

impl FileSystem for MemoryFs {
    fn read(&self, path: &Path) -> Result<String, String> {
        let text = self
            .files
            .get(path)
            .ok_or_else(|| "no such file".to_string())?;
        if text.len() as u64 > MAX_FILE_BYTES {
            return Err(too_big(Some(text.len() as u64)));
        }
        Ok(text.clone())
    }

    fn is_file(&self, path: &Path) -> bool {
        self.files.contains_key(path)
    }

    fn is_dir(&self, path: &Path) -> bool {
        self.files.keys().any(|f| f.starts_with(path) && f != path)
    }

    fn case_files(&self, dir: &Path, recursive: bool) -> (Vec<PathBuf>, Vec<PathProblem>) {
        let files = self
            .files
            .keys()
            .filter(|f| f.extension().is_some_and(|e| e == "case"))
            .filter(|f| match f.strip_prefix(dir) {
                Ok(rel) => recursive || rel.components().count() == 1,
                Err(_) => false,
            })
            .cloned()
            .collect();
        (files, Vec::new())
    }
}

#[cfg(feature = "native")]
pub use native::NativeFs;

#[cfg(feature = "native")]
mod native {
    use super::*;

    /// The real file system. Folder walks honour `.gitignore` and `.ignore`
    /// (also outside a git repository) and skip hidden files and folders,
    /// through the `ignore` crate (ripgrep's).
    #[derive(Debug, Clone, Copy, Default)]
    pub struct NativeFs;

    impl FileSystem for NativeFs {
        fn read(&self, path: &Path) -> Result<String, String> {
            use std::io::Read as _;
            // One open and one stat of the open file (a large run reads thousands).
            let file = std::fs::File::open(path).map_err(|e| io_message(&e))?;
            let len = file.metadata().map_err(|e| io_message(&e))?.len();
            if len > MAX_FILE_BYTES {
                return Err(too_big(Some(len)));
            }
            let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0).saturating_add(1));
            // The cap holds even if the file grows while it is read.
            file.take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| io_message(&e))?;
            if bytes.len() as u64 > MAX_FILE_BYTES {
                return Err(too_big(None));
            }
            utf8_text(bytes)
        }

        fn is_file(&self, path: &Path) -> bool {
            path.is_file()
        }

        fn is_dir(&self, path: &Path) -> bool {
            path.is_dir()
        }

        fn case_files(&self, dir: &Path, recursive: bool) -> (Vec<PathBuf>, Vec<PathProblem>) {
            let mut files = Vec::new();
            let mut problems = Vec::new();
            let mut walk = ignore::WalkBuilder::new(dir);
            walk.require_git(false).sort_by_file_name(|a, b| a.cmp(b));
            if !recursive {
                walk.max_depth(Some(1));
            }
            for entry in walk.build() {
                match entry {
                    Ok(entry) => {
                        let p = entry.path();
                        if entry.file_type().is_some_and(|t| t.is_file())
                            && p.extension().is_some_and(|e| e == "case")
                        {
                            files.push(p.to_path_buf());
                        }
                    }
                    // An unreadable folder or a broken .gitignore: say so, keep going.
                    Err(err) => problems.push(PathProblem {
                        path: dir.to_path_buf(),
                        message: err.to_string(),
                    }),
                }
            }
            (files, problems)
        }
    }

    fn io_message(err: &std::io::Error) -> String {
        match err.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            std::io::ErrorKind::IsADirectory => "is a directory".to_string(),
            _ => format!("could not read the file: {err}"),
        }
    }
}
