//! The `include`/`exclude` globs of `caseline.toml`, compiled once and matched
//! against paths relative to the folder holding the file.

use globset::{Glob, GlobSet, GlobSetBuilder};
use std::path::{Path, PathBuf};

/// Compiled `include`/`exclude` patterns. No patterns: every file is in.
#[derive(Debug, Clone)]
pub struct Filter {
    root: PathBuf,
    include: Option<GlobSet>,
    exclude: GlobSet,
}

impl Filter {
    /// Patterns are relative to `root` (absolute). `Config::from_toml` has
    /// already checked that each pattern compiles; one that does not is left out.
    pub fn new(root: &Path, include: &[String], exclude: &[String]) -> Filter {
        Filter {
            root: root.to_path_buf(),
            include: (!include.is_empty()).then(|| glob_set(include)),
            exclude: glob_set(exclude),
        }
    }

    /// Everything is in.
    pub fn all(root: &Path) -> Filter {
        Filter::new(root, &[], &[])
    }

    /// Whether `path` (absolute) is one the configuration asks to check.
    pub fn allows(&self, path: &Path) -> bool {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        let included = self.include.as_ref().is_none_or(|set| set.is_match(rel));
        included && (self.exclude.is_empty() || !self.exclude.is_match(rel))
    }
}

fn glob_set(patterns: &[String]) -> GlobSet {
    let mut builder = GlobSetBuilder::new();
    for p in patterns {
        if let Ok(glob) = Glob::new(p) {
            builder.add(glob);
        }
    }
    builder.build().unwrap_or_else(|_| GlobSet::empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_relative_to_the_root() {
        let root = Path::new("/r");
        let f = Filter::new(root, &[], &["archive/**".to_string()]);
        assert!(!f.allows(Path::new("/r/archive/a.case")));
        assert!(f.allows(Path::new("/r/live/a.case")));
        let f = Filter::new(root, &["live/*.case".to_string()], &[]);
        assert!(f.allows(Path::new("/r/live/a.case")));
        assert!(!f.allows(Path::new("/r/other/a.case")));
        assert!(Filter::all(root).allows(Path::new("/r/x/y.case")));
    }
}
