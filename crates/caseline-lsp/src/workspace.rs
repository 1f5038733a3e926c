//! The workspace: its folders (zero, one or several), the `caseline.toml`
//! configuration, and the procedure/calendar definitions visible to every case
//! (built-ins plus the `.case` definitions files found in the folders).
//!
//! A `Workspace` value is immutable; a change builds a new one that the session
//! swaps in. This module reads files (the check engine never does) but knows
//! nothing of LSP messages beyond `Uri`, and nothing of rules.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::{Arc, LazyLock};

use caseline_check::{Config, Definitions, Diagnostic};
use caseline_syntax::Parse;
use tower_lsp_server::ls_types::Uri;

/// URI scheme of the read-only built-in procedure sources.
pub const BUILTIN_SCHEME: &str = "caseline-builtin";

/// Files bigger than this are not read while scanning (a definitions file is small;
/// a huge `.case` file is a case, opened on its own).
const MAX_SCAN_FILE_BYTES: u64 = 2 * 1024 * 1024;
/// Stop scanning after this many files, so a huge folder cannot stall startup.
const MAX_SCAN_FILES: usize = 20_000;

/// A `caseline.toml` that could not be used, to be shown on that file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    pub uri: Uri,
    pub message: String,
}

pub struct Workspace {
    pub folders: Vec<PathBuf>,
    /// The client's `asOf` setting (`initializationOptions`): overrides every
    /// case's as-of date, like the CLI's `--as-of`.
    pub as_of_override: Option<chrono::NaiveDate>,
    pub config: Config,
    pub config_problem: Option<ConfigProblem>,
    pub definitions: Definitions,
    /// Definitions files by URI: (display name, parse). The open text wins over disk.
    /// Shared: a rebuild after an edit copies pointers, not trees.
    pub files: BTreeMap<Uri, (String, Arc<Parse>)>,
    /// Problems with the definitions (conflicts, cycles...) per definitions file.
    pub problems: HashMap<Uri, Vec<Diagnostic>>,
}

impl Workspace {
    /// No folders: built-in definitions and default configuration only.
    pub fn empty() -> Workspace {
        Workspace {
            folders: Vec::new(),
            as_of_override: None,
            config: default_config(),
            config_problem: None,
            definitions: Definitions::builtin(),
            files: BTreeMap::new(),
            problems: HashMap::new(),
        }
    }

    /// Scans `folders` for definitions files and reads the first `caseline.toml`.
    pub fn load(folders: Vec<PathBuf>, as_of_override: Option<chrono::NaiveDate>) -> Workspace {
        let mut files = BTreeMap::new();
        let mut seen = 0usize;
        for folder in &folders {
            let mut stack = vec![folder.clone()];
            while let Some(dir) = stack.pop() {
                let Ok(entries) = std::fs::read_dir(&dir) else {
                    tracing::warn!(dir = %dir.display(), "cannot read folder");
                    continue;
                };
                for entry in entries.flatten() {
                    seen += 1;
                    if seen > MAX_SCAN_FILES {
                        tracing::warn!(
                            "stopped scanning the workspace after {MAX_SCAN_FILES} files"
                        );
                        break;
                    }
                    let path = entry.path();
                    let Ok(kind) = entry.file_type() else {
                        continue;
                    };
                    let name = entry.file_name();
                    let name = name.to_string_lossy();
                    if kind.is_dir() {
                        if !skip_dir(&name) {
                            stack.push(path);
                        }
                    } else if kind.is_file()
                        && name.ends_with(".case")
                        && let Some((uri, display, parse)) = read_definitions(folder, &path)
                    {
                        files.insert(uri, (display, Arc::new(parse)));
                    }
                }
            }
        }
        let (config, config_problem) = read_config(&folders);
        let mut ws = Workspace {
            folders,
            as_of_override,
            config,
            config_problem,
            definitions: Definitions::builtin(),
            files,
            problems: HashMap::new(),
        };
        ws.rebuild_definitions();
        ws
    }

    /// Whether `uri` is one of the definitions files.
    pub fn knows_file(&self, uri: &Uri) -> bool {
        self.files.keys().any(|known| same_file(known, uri))
    }

    /// A copy with one definitions file replaced: `Some(Some(parse))` is its
    /// new text (the editor's, or read from disk), `Some(None)` means it is no
    /// longer a definitions file, `None` means read it from disk again.
    pub fn reload_file(&self, uri: &Uri, from_editor: Option<Option<Arc<Parse>>>) -> Workspace {
        let mut files = self.files.clone();
        // The client may spell a file's URI differently from our scan (percent
        // encoding, drive letter case): one file must never count twice, or it
        // would conflict with itself.
        files.retain(|known, _| !same_file(known, uri));
        let display = display_name(&self.folders, uri);
        let parse = match from_editor {
            Some(from_editor) => from_editor,
            None => read_definitions_uri(uri),
        };
        if let Some(parse) = parse {
            files.insert(uri.clone(), (display, parse));
        }
        let mut ws = Workspace {
            folders: self.folders.clone(),
            as_of_override: self.as_of_override,
            config: self.config.clone(),
            config_problem: self.config_problem.clone(),
            definitions: Definitions::builtin(),
            files,
            problems: HashMap::new(),
        };
        ws.rebuild_definitions();
        ws
    }

    /// A copy with `caseline.toml` read again.
    pub fn reload_config(&self) -> Workspace {
        let (config, config_problem) = read_config(&self.folders);
        let mut ws = Workspace {
            folders: self.folders.clone(),
            as_of_override: self.as_of_override,
            config,
            config_problem,
            definitions: Definitions::builtin(),
            files: self.files.clone(),
            problems: HashMap::new(),
        };
        ws.rebuild_definitions();
        ws
    }

    fn rebuild_definitions(&mut self) {
        let uris: Vec<&Uri> = self.files.keys().collect();
        let inputs: Vec<(String, &Parse)> = self
            .files
            .values()
            .map(|(name, parse)| (name.clone(), &**parse))
            .collect();
        let (defs, problems) = Definitions::with_workspace(&inputs);
        let mut by_uri: HashMap<Uri, Vec<Diagnostic>> = HashMap::new();
        for (i, diag) in problems {
            if let Some(uri) = uris.get(i) {
                by_uri.entry((*uri).clone()).or_default().push(diag);
            }
        }
        self.definitions = defs;
        self.problems = by_uri;
    }

    /// Where a procedure's source can be opened (a workspace file or a built-in
    /// document) and its parse. Nothing is parsed here: workspace files are
    /// kept parsed, and each built-in is parsed once per process.
    pub fn procedure_location(&self, name: &str) -> Option<(Uri, Arc<Parse>)> {
        let (origin, _) = self.definitions.procedure_source(name)?;
        if let Some(builtin) = origin.strip_prefix("builtin:") {
            return Some((builtin_uri(builtin)?, builtin_parse(origin)?));
        }
        self.files
            .iter()
            .find(|(_, (display, _))| display == origin)
            .map(|(uri, (_, parse))| (uri.clone(), Arc::clone(parse)))
    }
}

/// The parse of a built-in procedure's source, by its origin (`builtin:NAME`).
fn builtin_parse(origin: &str) -> Option<Arc<Parse>> {
    static PARSES: LazyLock<HashMap<String, Arc<Parse>>> = LazyLock::new(|| {
        let defs = Definitions::builtin();
        defs.procedure_names()
            .into_iter()
            .filter_map(|name| {
                let (origin, text) = defs.procedure_source(&name)?;
                Some((origin.to_owned(), Arc::new(caseline_syntax::parse(text))))
            })
            .collect()
    });
    PARSES.get(origin).cloned()
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

/// The definitions file at `uri` on disk, parsed; `None` when it cannot be
/// read or is not a definitions file.
pub fn read_definitions_uri(uri: &Uri) -> Option<Arc<Parse>> {
    uri.to_file_path()
        .and_then(|p| read_definitions_path(&p))
        .filter(|p| p.document().is_definitions_file())
        .map(Arc::new)
}

fn same_file(a: &Uri, b: &Uri) -> bool {
    if a == b {
        return true;
    }
    match (a.to_file_path(), b.to_file_path()) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

fn skip_dir(name: &str) -> bool {
    name.starts_with('.') || matches!(name, "target" | "node_modules")
}

fn read_definitions(folder: &Path, path: &Path) -> Option<(Uri, String, Parse)> {
    let parse = read_definitions_path(path)?;
    if !parse.document().is_definitions_file() {
        return None;
    }
    let uri = Uri::from_file_path(path)?;
    let display = path
        .strip_prefix(folder)
        .unwrap_or(path)
        .display()
        .to_string();
    Some((uri, display, parse))
}

fn read_definitions_path(path: &Path) -> Option<Parse> {
    let meta = std::fs::metadata(path).ok()?;
    if meta.len() > MAX_SCAN_FILE_BYTES {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    // Most .case files in a workspace are cases: only a file that may hold
    // definitions is worth parsing here.
    caseline_syntax::may_define(&text).then(|| caseline_syntax::parse(&text))
}

fn display_name(folders: &[PathBuf], uri: &Uri) -> String {
    match uri.to_file_path() {
        Some(path) => folders
            .iter()
            .find_map(|f| path.strip_prefix(f).ok())
            .unwrap_or(&path)
            .display()
            .to_string(),
        None => uri.as_str().to_owned(),
    }
}

/// The first folder's `caseline.toml`, and the problem with it if it could not
/// be read (then the defaults apply, and the problem is shown on the file).
fn read_config(folders: &[PathBuf]) -> (Config, Option<ConfigProblem>) {
    for folder in folders {
        let path = folder.join("caseline.toml");
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        match Config::from_toml(&text) {
            Ok(config) => return (config, None),
            Err(err) => {
                tracing::warn!(path = %path.display(), "ignoring caseline.toml: {err}");
                let problem = Uri::from_file_path(&path).map(|uri| ConfigProblem {
                    uri,
                    message: format!(
                        "{err}; caseline is using its default settings until this is fixed"
                    ),
                });
                return (default_config(), problem);
            }
        }
    }
    (default_config(), None)
}

fn default_config() -> Config {
    Config::from_toml("").unwrap_or_default()
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
