//! The files of one run: read and parsed in parallel, and the workspace's
//! definitions files (no case header, only `procedure`/`calendar` blocks) turned
//! into [`Definitions`]. Shared by `check`, `--summary` and `procedures`.
//!
//! Knows nothing of rendering: problems come back as data.

use crate::discover::{self, Filter};
use anyhow::Context as _;
use caseline_check::{Config, Definitions, Diagnostic};
use caseline_syntax::Parse;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// One input file: its path as shown, and its parse or why it could not be read.
pub struct Loaded {
    pub display: String,
    pub parse: Result<Parse, String>,
}

impl Loaded {
    pub fn is_definitions(&self) -> bool {
        self.parse.as_ref().is_ok_and(is_definitions)
    }
}

/// A definitions file: no case header, no entries, not blank.
pub fn is_definitions(parse: &Parse) -> bool {
    parse.document().is_definitions_file() && !parse.text().trim().is_empty()
}

/// One input file read but not parsed yet: its path as shown, and its text or
/// why it could not be read.
pub struct Source {
    pub display: String,
    pub text: Result<String, String>,
}

impl Source {
    /// Parses the text when it may hold `procedure` or `calendar` blocks
    /// (`caseline_syntax::may_define`): only such a file can add definitions.
    pub fn parse_if_defining(&self) -> Option<Result<Parse, String>> {
        match &self.text {
            Ok(text) if caseline_syntax::may_define(text) => {
                Some(guarded(|| caseline_syntax::parse(text)))
            }
            _ => None,
        }
    }
}

/// The `caseline.toml` that governs `start` (found by walking up from it), if any,
/// and its settings; no file means the defaults. A config that cannot be read or
/// parsed is an error (a usage problem, exit 2).
pub fn config_for(start: &Path) -> anyhow::Result<(Option<PathBuf>, Config)> {
    let Some(path) = discover::find_config(start) else {
        return Ok((None, Config::default()));
    };
    let shown = discover::display_path(&path);
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {shown}"))?;
    // The error already names caseline.toml; add where that file is.
    let config = Config::from_toml(&text).map_err(|e| anyhow::anyhow!("{e} (in {shown})"))?;
    Ok((Some(path), config))
}

/// The folder tree whose definitions files a run sees: the one `caseline.toml`
/// governs, or else the folder of `first` when it is a single file (so a case
/// checked on its own sees the definitions next to it, or below). `None` for a
/// directory without a config: walking it finds its definitions anyway.
pub fn definitions_root(config: Option<&Path>, first: &Path) -> Option<PathBuf> {
    match config.and_then(Path::parent) {
        Some(dir) => Some(dir.to_path_buf()),
        None if first.is_file() => discover::absolute(first).parent().map(Path::to_path_buf),
        None => None,
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

/// Reads `files` in parallel, keeping their order, without parsing them.
pub fn read_all(files: &[PathBuf]) -> Vec<Source> {
    files
        .par_iter()
        .map(|path| Source {
            display: discover::display_path(path),
            text: discover::read_text(path),
        })
        .collect()
}

/// Reads the case from stdin (with the same size cap and UTF-8 check as files);
/// `display` is the name shown for it.
pub fn read_stdin(display: String) -> Source {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    let read = std::io::stdin()
        .take(discover::MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes);
    let text = match read {
        Err(err) => Err(format!("could not read stdin: {err}")),
        Ok(_) if bytes.len() as u64 > discover::MAX_FILE_BYTES => Err(format!(
            "stdin holds more than {} MB, more than caseline reads",
            discover::MAX_FILE_BYTES / (1024 * 1024)
        )),
        Ok(_) => discover::utf8_text(bytes),
    };
    Source { display, text }
}

/// The definitions files under `root` that are not among `already` (the files
/// being checked). Only their definitions are used; they are not reported on.
pub fn definitions_outside(root: &Path, filter: &Filter, already: &[PathBuf]) -> Vec<Loaded> {
    let known: std::collections::HashSet<PathBuf> =
        already.iter().map(|p| discover::absolute(p)).collect();
    let (files, _) = discover::case_files(&[root.to_path_buf()], filter);
    let others: Vec<PathBuf> = files
        .into_iter()
        .filter(|f| !known.contains(&discover::absolute(f)))
        .collect();
    // Read them all, but parse only those that may define something.
    read_all(&others)
        .into_par_iter()
        .filter_map(|source| {
            let parse = source.parse_if_defining()?;
            let loaded = Loaded {
                display: source.display,
                parse,
            };
            loaded.is_definitions().then_some(loaded)
        })
        .collect()
}

/// Built-ins plus every definitions file among `loaded` and `extra`. The problems
/// are keyed by index into `loaded` (problems in `extra` files are not reported:
/// they are outside what the user asked to check).
pub fn definitions(loaded: &[Loaded], extra: &[Loaded]) -> (Definitions, Vec<(usize, Diagnostic)>) {
    let files = loaded
        .iter()
        .enumerate()
        .filter_map(|(i, l)| Some((i, l.display.as_str(), l.parse.as_ref().ok()?)));
    definitions_of(files, extra)
}

/// [`definitions`] for files given as (index, path as shown, parse); those that
/// are not definitions files are passed over, and problems carry the index.
pub fn definitions_of<'a>(
    files: impl IntoIterator<Item = (usize, &'a str, &'a Parse)>,
    extra: &'a [Loaded],
) -> (Definitions, Vec<(usize, Diagnostic)>) {
    let mut owners = Vec::new();
    let mut inputs: Vec<(String, &Parse)> = Vec::new();
    for (i, display, parse) in files {
        if is_definitions(parse) {
            owners.push(Some(i));
            inputs.push((display.to_string(), parse));
        }
    }
    for l in extra {
        if let Ok(parse) = &l.parse {
            owners.push(None);
            inputs.push((l.display.clone(), parse));
        }
    }
    if inputs.is_empty() {
        return (Definitions::builtin(), Vec::new());
    }
    let (defs, problems) = Definitions::with_workspace(&inputs);
    let problems = problems
        .into_iter()
        .filter_map(|(i, d)| owners.get(i).copied().flatten().map(|owner| (owner, d)))
        .collect();
    (defs, problems)
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

    #[test]
    fn definitions_root_prefers_the_config_folder() {
        let config = Path::new("/w/caseline.toml");
        assert_eq!(
            definitions_root(Some(config), Path::new("/elsewhere")),
            Some(PathBuf::from("/w"))
        );
        // A directory without a config: walking it finds its definitions anyway.
        assert_eq!(definitions_root(None, Path::new("/")), None);
    }
}
