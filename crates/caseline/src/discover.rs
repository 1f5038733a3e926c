//! The CLI's walk over its path arguments: the `.case` files under each, each
//! with its workspace (the walk itself, the ignore files and the `include`/
//! `exclude` patterns are `caseline-workspace`'s, shared with the server), and
//! how paths are shown.

use crate::workspace::Workspaces;
use caseline_workspace::{FileSystem as _, NativeFs};
use std::path::{Path, PathBuf};

/// A path given on the command line that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathProblem {
    pub path: String,
    pub message: String,
}

/// A file to check, and the index of its workspace in the run's [`Workspaces`].
pub struct Found {
    pub path: PathBuf,
    pub workspace: usize,
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

/// The `.case` files under `paths`, in a stable order, each with its workspace.
/// A file named explicitly is always taken, whatever its extension, the ignore
/// rules or `caseline.toml`'s `include`/`exclude`; folders are walked honouring
/// `.gitignore`/`.ignore` (also outside a git repository) and those patterns.
/// Paths that do not exist come back as problems, and the walk carries on; a
/// `caseline.toml` that cannot be used is an error.
pub fn case_files(
    paths: &[PathBuf],
    workspaces: &mut Workspaces,
) -> anyhow::Result<(Vec<Found>, Vec<PathProblem>)> {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if !path.exists() {
            problems.push(PathProblem {
                path: display_path(path),
                message: "no such file or directory".to_string(),
            });
            continue;
        }
        let workspace = workspaces.of_path(path)?;
        if !path.is_dir() {
            found.push(Found {
                path: path.clone(),
                workspace,
            });
            continue;
        }
        let filter = &workspaces.get(workspace).filter;
        let (files, walk_problems) = NativeFs.case_files(path, true);
        problems.extend(walk_problems.into_iter().map(|p| PathProblem {
            path: display_path(&p.path),
            message: p.message,
        }));
        found.extend(
            files
                .into_iter()
                .filter(|f| filter.allows(&absolute(f)))
                .map(|path| Found { path, workspace }),
        );
    }
    // Two arguments may overlap (`check . cases/`): check each file once.
    let mut seen = std::collections::HashSet::new();
    found.retain(|f| seen.insert(absolute(&f.path)));
    Ok((found, problems))
}

/// The `.case` files under `paths` with no regard to `caseline.toml`
/// (`caseline fmt` formats what it is given).
pub fn all_case_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<PathProblem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.is_file() {
            files.push(path.clone());
        } else if path.is_dir() {
            let (found, walk_problems) = NativeFs.case_files(path, true);
            files.extend(found);
            problems.extend(walk_problems.into_iter().map(|p| PathProblem {
                path: display_path(&p.path),
                message: p.message,
            }));
        } else {
            problems.push(PathProblem {
                path: display_path(path),
                message: "no such file or directory".to_string(),
            });
        }
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(absolute(f)));
    (files, problems)
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
    fn display_paths_drop_leading_dot_slash() {
        assert_eq!(display_path(Path::new("./a/b.case")), "a/b.case");
        assert_eq!(display_path(Path::new("a/b.case")), "a/b.case");
    }
}
