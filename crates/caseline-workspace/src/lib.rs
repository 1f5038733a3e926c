//! The workspace model shared by the CLI and the server (and later the browser):
//! which `caseline.toml` governs a case, which files it asks to check, which
//! definitions files (procedures and calendars) a case sees, and which problems
//! of those files belong to which file.
//!
//! The rule (docs/format.md, "Definitions files"): the workspace of a file is
//! the folder of the nearest `caseline.toml` above it, with its subfolders; with
//! no `caseline.toml` above, the file's own folder *without* its subfolders (a
//! letter saved in a Downloads folder of 60,000 files must not cost a walk of
//! all of them). A folder given to the CLI is that folder's tree (or its
//! `caseline.toml`'s, when one governs it); an editor's workspace folder is its
//! tree.
//!
//! Front ends stay thin: the CLI adds its argument handling and the order of
//! its output, the server its URIs and the open buffers that override files on
//! disk ([`Workspace::with_file`]). All file access goes through
//! [`fs::FileSystem`]. This crate never reads the clock or the environment, and
//! knows nothing of terminals or LSP.

mod filter;
pub mod fs;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use caseline_check::{Config, Definitions, Diagnostic};
use caseline_syntax::Parse;

pub use filter::Filter;
#[cfg(feature = "native")]
pub use fs::NativeFs;
pub use fs::{FileSystem, MemoryFs, PathProblem};

/// The configuration file's name.
pub const CONFIG_FILE: &str = "caseline.toml";

/// Whether a parse is a definitions file: no case header and no entries, and at
/// least one `procedure` or `calendar` block. (A file with neither a header nor
/// definitions is a case with nothing in it, and is reported as one.) The one
/// test every front end uses.
pub fn is_definitions(parse: &Parse) -> bool {
    let doc = parse.document();
    doc.is_definitions_file() && (!doc.procedures.is_empty() || !doc.calendars.is_empty())
}

/// Where a procedure is defined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Built into caseline (`procedures/NAME.case` in its source).
    Builtin(String),
    /// A definitions file of the workspace (absolute path).
    File(PathBuf),
}

/// A `caseline.toml` that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    pub path: PathBuf,
    /// Names the file and says what is wrong (the line, the key).
    pub message: String,
}

/// One definitions file of the workspace.
#[derive(Debug, Clone)]
pub struct DefinitionsFile {
    /// Its path relative to the workspace root, with `/` (shown in messages
    /// that point at it from other files).
    pub display: String,
    pub parse: Arc<Parse>,
}

/// A workspace: its root, its configuration and its definitions. Immutable:
/// a change makes a new one (cheaply: parses are shared).
#[derive(Debug, Clone)]
pub struct Workspace {
    /// Absolute. `None` for a workspace with no folder (an unsaved buffer):
    /// built-in definitions and default settings only.
    pub root: Option<PathBuf>,
    /// Whether the subfolders of `root` belong to it.
    pub recursive: bool,
    /// The `caseline.toml` that governs it, if any.
    pub config_path: Option<PathBuf>,
    /// Its settings; the defaults when there is no `caseline.toml`, or one
    /// that could not be used (see `config_problem`).
    pub config: Config,
    pub config_problem: Option<ConfigProblem>,
    pub filter: Filter,
    /// The definitions files, by absolute path.
    pub files: BTreeMap<PathBuf, DefinitionsFile>,
    /// Folders that could not be walked while looking for definitions.
    pub walk_problems: Vec<PathProblem>,
    /// Built-ins plus `files`.
    pub definitions: Definitions,
    /// Problems with the definitions (conflicts, cycles, unknown names), by
    /// the definitions file they are in.
    pub problems: HashMap<PathBuf, Vec<Diagnostic>>,
}

/// Where a workspace is and how far it reaches, before anything is read.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Scope {
    pub root: PathBuf,
    pub recursive: bool,
    pub config_path: Option<PathBuf>,
}

impl Scope {
    /// The workspace of a single file (absolute path): the folder of the
    /// nearest `caseline.toml` above it with its subfolders, else the file's
    /// folder alone.
    pub fn of_file(fs: &dyn FileSystem, file: &Path) -> Scope {
        let folder = file.parent().unwrap_or(file).to_path_buf();
        match find_config(fs, &folder) {
            Some(config) => Scope::governed_by(config),
            None => Scope {
                root: folder,
                recursive: false,
                config_path: None,
            },
        }
    }

    /// The workspace of a folder (absolute path) given to the CLI: the tree of
    /// the `caseline.toml` in it or above it, else the folder's own tree.
    pub fn of_folder(fs: &dyn FileSystem, folder: &Path) -> Scope {
        match find_config(fs, folder) {
            Some(config) => Scope::governed_by(config),
            None => Scope {
                root: folder.to_path_buf(),
                recursive: true,
                config_path: None,
            },
        }
    }

    /// An editor's workspace folder: its tree, with the `caseline.toml` at
    /// its top if there is one (a folder is opened as a project of its own).
    pub fn of_editor_folder(fs: &dyn FileSystem, folder: &Path) -> Scope {
        let config = folder.join(CONFIG_FILE);
        Scope {
            root: folder.to_path_buf(),
            recursive: true,
            config_path: fs.is_file(&config).then_some(config),
        }
    }

    fn governed_by(config: PathBuf) -> Scope {
        Scope {
            root: config.parent().unwrap_or(&config).to_path_buf(),
            recursive: true,
            config_path: Some(config),
        }
    }

    /// Whether `path` (absolute) is in this scope.
    pub fn contains(&self, path: &Path) -> bool {
        match path.strip_prefix(&self.root) {
            Ok(rel) => self.recursive || rel.components().count() == 1,
            Err(_) => false,
        }
    }
}

/// Walks up from `start` (an absolute folder) to the first folder holding a
/// `caseline.toml`, and returns that file's path.
pub fn find_config(fs: &dyn FileSystem, start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(CONFIG_FILE))
        .find(|candidate| fs.is_file(candidate))
}

impl Workspace {
    /// No folder: built-in definitions and default settings.
    pub fn detached() -> Workspace {
        Workspace {
            root: None,
            recursive: false,
            config_path: None,
            config: Config::default(),
            config_problem: None,
            filter: Filter::all(Path::new("/")),
            files: BTreeMap::new(),
            walk_problems: Vec::new(),
            definitions: Definitions::builtin(),
            problems: HashMap::new(),
        }
    }

    /// Reads the scope's `caseline.toml` and every definitions file in it
    /// that the configuration's `include`/`exclude` let in.
    pub fn load(fs: &dyn FileSystem, scope: &Scope) -> Workspace {
        let (config, config_problem) = read_config(fs, scope.config_path.as_deref());
        let filter = Filter::new(&scope.root, &config.include, &config.exclude);
        let (paths, walk_problems) = fs.case_files(&scope.root, scope.recursive);
        let mut files = BTreeMap::new();
        for path in paths.into_iter().filter(|p| filter.allows(p)) {
            // Most `.case` files are cases: only a file whose text may hold
            // definitions is worth parsing. An unreadable file is the CLI's to
            // report when it is checked; here it defines nothing.
            let Ok(text) = fs.read(&path) else { continue };
            if !caseline_syntax::may_define(&text) {
                continue;
            }
            let parse = caseline_syntax::parse(&text);
            if is_definitions(&parse) {
                let display = relative_display(&scope.root, &path);
                files.insert(
                    path,
                    DefinitionsFile {
                        display,
                        parse: Arc::new(parse),
                    },
                );
            }
        }
        let mut ws = Workspace {
            root: Some(scope.root.clone()),
            recursive: scope.recursive,
            config_path: scope.config_path.clone(),
            config,
            config_problem,
            filter,
            files,
            walk_problems,
            definitions: Definitions::builtin(),
            problems: HashMap::new(),
        };
        ws.rebuild();
        ws
    }

    /// The scope this workspace was loaded from (`None` when detached).
    pub fn scope(&self) -> Option<Scope> {
        Some(Scope {
            root: self.root.clone()?,
            recursive: self.recursive,
            config_path: self.config_path.clone(),
        })
    }

    /// Whether `path` (absolute) belongs to this workspace.
    pub fn contains(&self, path: &Path) -> bool {
        self.scope().is_some_and(|s| s.contains(path))
    }

    /// Whether `path` is one of the definitions files.
    pub fn defines(&self, path: &Path) -> bool {
        self.files.contains_key(path)
    }

    /// A copy in which the file at `path` has the text of `parse` (an editor's
    /// unsaved buffer, or standard input standing for that file): it counts if
    /// it is a definitions file, and if it is not, the copy on disk no longer
    /// does either. `None` removes the file. A path outside the workspace, or
    /// one the configuration leaves out, changes nothing.
    pub fn with_file(&self, path: &Path, parse: Option<Arc<Parse>>) -> Workspace {
        let mut ws = self.clone();
        let applies = self.contains(path) && self.filter.allows(path);
        let was = ws.files.remove(path).is_some();
        let now = match parse.filter(|p| applies && is_definitions(p)) {
            Some(parse) => {
                let display = self
                    .root
                    .as_deref()
                    .map_or_else(|| slashed(path), |root| relative_display(root, path));
                ws.files
                    .insert(path.to_path_buf(), DefinitionsFile { display, parse });
                true
            }
            None => false,
        };
        if was || now {
            ws.rebuild();
        }
        ws
    }

    /// A copy with the file at `path` read again from `fs` (it was saved,
    /// created or deleted).
    pub fn reread_file(&self, fs: &dyn FileSystem, path: &Path) -> Workspace {
        let parse = fs
            .read(path)
            .ok()
            .filter(|t| caseline_syntax::may_define(t))
            .map(|t| Arc::new(caseline_syntax::parse(&t)));
        self.with_file(path, parse)
    }

    /// A copy with `caseline.toml` read again. The definitions files are
    /// kept; a changed `include`/`exclude` takes effect on the next [`load`].
    ///
    /// [`load`]: Workspace::load
    pub fn reread_config(&self, fs: &dyn FileSystem) -> Workspace {
        let mut ws = self.clone();
        let (config, problem) = read_config(fs, self.config_path.as_deref());
        ws.config = config;
        ws.config_problem = problem;
        ws
    }

    /// When the workspace is a single folder without its subfolders (no
    /// `caseline.toml` above the file): a sentence saying so and how to widen
    /// it, to go with a procedure or calendar that was not found. `None` when
    /// the workspace is a whole tree.
    pub fn scope_note(&self) -> Option<String> {
        let root = self.root.as_deref().filter(|_| !self.recursive)?;
        Some(format!(
            "caseline looked for definitions files only in {} (not in its subfolders), because there is no {CONFIG_FILE} above this file; to use definitions from other folders, put a {CONFIG_FILE} (it may be empty) in the folder at the top of your cases",
            root.display()
        ))
    }

    /// Where the procedure `name` is defined, if anywhere.
    pub fn procedure_origin(&self, name: &str) -> Option<Origin> {
        let (origin, _) = self.definitions.procedure_source(name)?;
        if let Some(builtin) = origin.strip_prefix("builtin:") {
            return Some(Origin::Builtin(builtin.to_owned()));
        }
        self.files
            .iter()
            .find(|(_, f)| f.display == origin)
            .map(|(path, _)| Origin::File(path.clone()))
    }

    /// The problems of the definitions file at `path` (empty for other files).
    pub fn problems_of(&self, path: &Path) -> &[Diagnostic] {
        self.problems.get(path).map_or(&[], Vec::as_slice)
    }

    fn rebuild(&mut self) {
        if self.files.is_empty() {
            self.definitions = Definitions::builtin();
            self.problems.clear();
            return;
        }
        let paths: Vec<&PathBuf> = self.files.keys().collect();
        let inputs: Vec<(String, &Parse)> = self
            .files
            .values()
            .map(|f| (f.display.clone(), &*f.parse))
            .collect();
        let (definitions, problems) = Definitions::with_workspace(&inputs);
        let mut by_path: HashMap<PathBuf, Vec<Diagnostic>> = HashMap::new();
        for (i, diag) in problems {
            if let Some(path) = paths.get(i) {
                by_path.entry((*path).clone()).or_default().push(diag);
            }
        }
        self.definitions = definitions;
        self.problems = by_path;
    }
}

/// The settings of the `caseline.toml` at `path`, or the defaults and what is
/// wrong with it.
fn read_config(fs: &dyn FileSystem, path: Option<&Path>) -> (Config, Option<ConfigProblem>) {
    let Some(path) = path else {
        return (Config::default(), None);
    };
    let parsed = fs
        .read(path)
        .map_err(|reason| format!("{CONFIG_FILE}: {reason}"))
        .and_then(|text| Config::from_toml(&text).map_err(|e| e.to_string()));
    match parsed {
        Ok(config) => (config, None),
        Err(message) => (
            Config::default(),
            Some(ConfigProblem {
                path: path.to_path_buf(),
                message,
            }),
        ),
    }
}

/// `path` relative to `root` with `/` between folders (as shown in messages).
fn relative_display(root: &Path, path: &Path) -> String {
    slashed(path.strip_prefix(root).unwrap_or(path))
}

fn slashed(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if path.is_absolute() {
        path.to_string_lossy().replace('\\', "/")
    } else {
        parts.join("/")
    }
}

#[cfg(test)]
mod tests;
