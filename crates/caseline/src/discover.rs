//! Finding and reading input files: `.case` discovery under directories (honouring
//! `.gitignore` through the `ignore` crate), the `caseline.toml` lookup, the
//! include/exclude globs, and reading with a size cap and a UTF-8 check.
//!
//! Knows nothing of parsing or rules: it hands back paths and text, or a plain
//! English reason why a file could not be read.

use anyhow::Context as _;
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::path::{Path, PathBuf};

/// Files larger than this are refused: a case timeline is a few kilobytes, and a
/// file this big is almost certainly not one (it would also exceed the 4 GiB
/// offsets the syntax tree can address long before memory runs out).
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// The configuration file looked for at the root of the checked tree.
pub const CONFIG_FILE: &str = "caseline.toml";

/// A path given on the command line that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathProblem {
    pub path: String,
    pub message: String,
}

/// The include/exclude globs of `caseline.toml`, matched against paths relative
/// to the directory holding it (or the current directory without one).
pub struct Filter {
    root: PathBuf,
    include: Option<GlobSet>,
    exclude: GlobSet,
}

impl Filter {
    pub fn new(root: &Path, include: &[String], exclude: &[String]) -> anyhow::Result<Filter> {
        let include = if include.is_empty() {
            None
        } else {
            Some(glob_set(include).context("in the `include` list of caseline.toml")?)
        };
        let exclude = glob_set(exclude).context("in the `exclude` list of caseline.toml")?;
        Ok(Filter {
            root: absolute(root),
            include,
            exclude,
        })
    }

    fn relative<'p>(&self, path: &'p Path) -> std::borrow::Cow<'p, Path> {
        let abs = absolute(path);
        match abs.strip_prefix(&self.root) {
            Ok(rel) => std::borrow::Cow::Owned(rel.to_path_buf()),
            Err(_) => std::borrow::Cow::Borrowed(path),
        }
    }

    fn excludes(&self, path: &Path) -> bool {
        !self.exclude.is_empty() && self.exclude.is_match(self.relative(path))
    }

    fn includes(&self, path: &Path) -> bool {
        match &self.include {
            None => true,
            Some(set) => set.is_match(self.relative(path)),
        }
    }
}

fn glob_set(patterns: &[String]) -> anyhow::Result<GlobSet> {
    let mut builder = GlobSetBuilder::new();
    for p in patterns {
        let glob = Glob::new(p).with_context(|| format!("`{p}` is not a valid glob pattern"))?;
        builder.add(glob);
    }
    Ok(builder.build()?)
}

/// `path` made absolute without touching the file system's symlinks, so that
/// prefixes compare as the user wrote them.
pub fn absolute(path: &Path) -> PathBuf {
    // `std::path::absolute` asks the OS for the current directory on every
    // relative path (twice per file of a large run): ask once.
    let joined = match current_dir() {
        Some(cwd) if path.is_relative() => cwd.join(path),
        _ => path.to_path_buf(),
    };
    std::path::absolute(&joined).unwrap_or(joined)
}

/// The current directory, read once (caseline never changes it).
fn current_dir() -> Option<&'static Path> {
    static CWD: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    CWD.get_or_init(|| std::env::current_dir().ok()).as_deref()
}

/// Walks up from `start` (a file or a directory) to the first directory holding a
/// `caseline.toml`, and returns that file's path.
pub fn find_config(start: &Path) -> Option<PathBuf> {
    let start = absolute(start);
    let mut dir = if start.is_dir() {
        Some(start.as_path())
    } else {
        start.parent()
    };
    while let Some(d) = dir {
        let candidate = d.join(CONFIG_FILE);
        if candidate.is_file() {
            return Some(candidate);
        }
        dir = d.parent();
    }
    None
}

/// The `.case` files under `paths`, in a stable order. A file named explicitly is
/// always taken, whatever its extension or the ignore rules; directories are walked
/// honouring `.gitignore`/`.ignore` (also outside a git repository) and the filter.
/// Paths that do not exist come back as problems, and the walk carries on.
pub fn case_files(paths: &[PathBuf], filter: &Filter) -> (Vec<PathBuf>, Vec<PathProblem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.is_file() {
            files.push(path.clone());
            continue;
        }
        if !path.is_dir() {
            problems.push(PathProblem {
                path: display_path(path),
                message: "no such file or directory".to_string(),
            });
            continue;
        }
        let mut walk = ignore::WalkBuilder::new(path);
        walk.require_git(false).sort_by_file_name(|a, b| a.cmp(b));
        for entry in walk.build() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    // An unreadable directory or a broken .gitignore: say so, keep going.
                    problems.push(PathProblem {
                        path: display_path(path),
                        message: err.to_string(),
                    });
                    continue;
                }
            };
            let p = entry.path();
            let is_file = entry.file_type().is_some_and(|t| t.is_file());
            if is_file
                && p.extension().is_some_and(|e| e == "case")
                && filter.includes(p)
                && !filter.excludes(p)
            {
                files.push(p.to_path_buf());
            }
        }
    }
    // Two arguments may overlap (`check . cases/`): check each file once.
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(absolute(f)));
    (files, problems)
}

/// Reads `path` as UTF-8 text, refusing files over [`MAX_FILE_BYTES`]. The error
/// is a sentence for the user, without the path (callers add it).
pub fn read_text(path: &Path) -> Result<String, String> {
    use std::io::Read as _;
    // One open and one stat of the open file (a large run reads thousands).
    let file = std::fs::File::open(path).map_err(|e| io_message(&e))?;
    let len = file.metadata().map_err(|e| io_message(&e))?.len();
    if len > MAX_FILE_BYTES {
        return Err(format!(
            "the file is {} MB; caseline reads files of up to {} MB (a case timeline is usually a few kilobytes)",
            len / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0).saturating_add(1));
    // The cap holds even if the file grows while it is read.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_message(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "the file is over {} MB; caseline reads files of up to {} MB",
            MAX_FILE_BYTES / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    utf8_text(bytes)
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

fn io_message(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::IsADirectory => "is a directory".to_string(),
        _ => format!("could not read the file: {err}"),
    }
}

/// How a path is shown to the user: as given (relative paths stay relative, and
/// absolute ones under the current directory are made relative to it), with
/// forward slashes so output is the same on every platform.
pub fn display_path(path: &Path) -> String {
    let path = match current_dir().map(|c| path.strip_prefix(c)) {
        Some(Ok(rel)) if !rel.as_os_str().is_empty() => rel,
        _ => path,
    };
    let s = path.to_string_lossy();
    let s = s.strip_prefix("./").unwrap_or(&s);
    if std::path::MAIN_SEPARATOR == '\\' {
        s.replace('\\', "/")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_utf8_names_the_line() {
        let err = utf8_text(b"case \"x\"\n\xff\n".to_vec()).unwrap_err();
        assert!(err.contains("line 2"), "{err}");
        assert_eq!(utf8_text(b"ok".to_vec()).as_deref(), Ok("ok"));
    }

    #[test]
    fn globs_match_relative_to_the_root() {
        let root = Path::new("/r");
        let f = Filter::new(root, &[], &["archive/**".to_string()]).unwrap();
        assert!(f.excludes(Path::new("/r/archive/a.case")));
        assert!(!f.excludes(Path::new("/r/live/a.case")));
        let f = Filter::new(root, &["live/*.case".to_string()], &[]).unwrap();
        assert!(f.includes(Path::new("/r/live/a.case")));
        assert!(!f.includes(Path::new("/r/other/a.case")));
        assert!(Filter::new(root, &["a[".to_string()], &[]).is_err());
    }

    #[test]
    fn display_paths_drop_leading_dot_slash() {
        assert_eq!(display_path(Path::new("./a/b.case")), "a/b.case");
        assert_eq!(display_path(Path::new("a/b.case")), "a/b.case");
    }
}
