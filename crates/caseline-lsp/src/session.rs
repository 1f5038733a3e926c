//! The server's state: open documents as immutable snapshots, the workspace
//! (definitions and configuration), and the negotiated position encoding.
//!
//! Concurrency rule (see docs/architecture.md, caseline-lsp, "Concurrency"):
//! tower-lsp-server polls up to four handlers at once, so every state change happens
//! *synchronously* under one short `std::sync::Mutex` and no lock is ever held across an
//! `.await`. A document is an `Arc<DocumentSnapshot>` that is swapped, never mutated;
//! requests clone the `Arc` and compute without a lock. Edits are applied in arrival order
//! because each notification handler applies its edit before its first `.await` (it has
//! none). Must not depend on handler modules or on rule logic.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};

use caseline_check::{Analysis, CheckOptions};
use caseline_syntax::{Encoding, LineIndex, Parse, TextEdit, TextRange};
use tokio::sync::mpsc::UnboundedSender;
use tower_lsp_server::ls_types::{TextDocumentContentChangeEvent, Uri};

use crate::convert;
use crate::workspace::{Workspace, Workspaces};

/// One version of one open document. Immutable: a change makes a new snapshot.
pub struct DocumentSnapshot {
    pub uri: Uri,
    pub version: i32,
    /// The parse of exactly this version's text (it also holds the text and the
    /// line index built from it).
    /// Shared, so re-checking against a new workspace costs no copy.
    pub parse: Arc<Parse>,
    /// The workspace this version is checked against.
    pub workspace: Arc<Workspace>,
    /// The client's `asOf` setting (`initializationOptions`): overrides every
    /// case's as-of date, like the CLI's `--as-of`.
    pub as_of_override: Option<chrono::NaiveDate>,
    /// The column encoding negotiated with the client.
    pub encoding: Encoding,
    /// Computed on first use by whoever needs it (publisher or a request).
    analysis: OnceLock<Arc<Analysis>>,
}

impl DocumentSnapshot {
    fn new(uri: Uri, version: i32, parse: Arc<Parse>, st: &mut State) -> Self {
        let workspace = st.workspaces.for_uri(&uri);
        DocumentSnapshot {
            uri,
            version,
            parse,
            workspace,
            as_of_override: st.as_of_override,
            encoding: st.encoding,
            analysis: OnceLock::new(),
        }
    }

    pub fn text(&self) -> &str {
        self.parse.text()
    }

    pub fn index(&self) -> &LineIndex {
        self.parse.line_index()
    }

    /// The check result for this exact text, computed once.
    pub fn analysis(&self) -> Arc<Analysis> {
        self.analysis
            .get_or_init(|| {
                let opts = CheckOptions {
                    today: today(),
                    as_of_override: self.as_of_override,
                    config: self.workspace.config.clone(),
                };
                // A definitions file's problems in the workspace (conflicts,
                // unknown names) are checked with it, like its own findings.
                let problems = crate::workspace::file_path(&self.uri)
                    .map_or(&[][..], |path| self.workspace.problems_of(&path));
                Arc::new(caseline_check::check_with(
                    &self.parse,
                    &self.workspace.definitions,
                    &opts,
                    problems,
                ))
            })
            .clone()
    }

    /// True when this document holds procedure/calendar definitions (no case
    /// header). A built-in procedure opened read-only is not one: it is
    /// already defined, and adding it again would conflict with itself.
    pub fn is_definitions_file(&self) -> bool {
        if crate::workspace::builtin_name(&self.uri).is_some() {
            return false;
        }
        caseline_workspace::is_definitions(&self.parse)
    }
}

/// The server reads the clock; the check engine never does (it is given "today").
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// What the client told us it supports, as far as we care.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClientFlags {
    pub inlay_hint_refresh: bool,
    pub watched_files_dynamic: bool,
}

struct State {
    encoding: Encoding,
    flags: ClientFlags,
    docs: HashMap<Uri, Arc<DocumentSnapshot>>,
    workspaces: Workspaces,
    as_of_override: Option<chrono::NaiveDate>,
    hints_stale: bool,
}

/// All server state behind one short lock.
pub struct Session {
    state: Mutex<State>,
    /// Documents whose diagnostics must be (re)published. Sending never blocks.
    publish: UnboundedSender<Uri>,
}

/// What a change did, so the caller can log it.
#[derive(Debug, PartialEq, Eq)]
pub enum ChangeOutcome {
    Applied,
    UnknownDocument,
    StaleVersion { current: i32, got: i32 },
}

impl Session {
    pub fn new(publish: UnboundedSender<Uri>) -> Session {
        Session {
            state: Mutex::new(State {
                encoding: Encoding::Utf16,
                flags: ClientFlags::default(),
                docs: HashMap::new(),
                workspaces: Workspaces::empty(),
                as_of_override: None,
                hints_stale: false,
            }),
            publish,
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic in another handler must not take the whole server down with it:
        // the state is only ever replaced wholesale, so it is consistent anyway.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn set_client(
        &self,
        encoding: Encoding,
        flags: ClientFlags,
        workspaces: Workspaces,
        as_of_override: Option<chrono::NaiveDate>,
    ) {
        let problems = config_uris(&workspaces);
        let mut st = self.lock();
        st.encoding = encoding;
        st.flags = flags;
        st.workspaces = workspaces;
        st.as_of_override = as_of_override;
        drop(st);
        for uri in problems {
            self.schedule_publish(uri);
        }
    }

    pub fn flags(&self) -> ClientFlags {
        self.lock().flags
    }

    /// The editor's workspace folders.
    pub fn folders(&self) -> Vec<std::path::PathBuf> {
        self.lock().workspaces.folders.clone()
    }

    /// Built-in definitions and default settings (no folder).
    pub fn builtins(&self) -> Arc<Workspace> {
        self.lock().workspaces.detached()
    }

    /// What is wrong with the `caseline.toml` at `uri`, if a workspace uses it.
    pub fn config_problem(&self, uri: &Uri) -> Option<String> {
        self.lock().workspaces.config_problem(uri)
    }

    /// True once, after the workspace changed: inlay hints of every open
    /// document may be stale, and the client should ask again.
    pub fn take_hints_stale(&self) -> bool {
        let mut st = self.lock();
        std::mem::take(&mut st.hints_stale) && st.flags.inlay_hint_refresh
    }

    /// The current snapshot of an open document.
    pub fn snapshot(&self, uri: &Uri) -> Option<Arc<DocumentSnapshot>> {
        self.lock().docs.get(uri).cloned()
    }

    /// Asks the publisher to (re)publish diagnostics for `uri`.
    pub fn schedule_publish(&self, uri: Uri) {
        // The receiver only goes away when the server stops; nothing to do then.
        let _ = self.publish.send(uri);
    }

    pub fn open(&self, uri: Uri, version: i32, text: String) {
        let parse = Arc::new(caseline_syntax::parse(&text));
        let defs_changed = {
            let mut st = self.lock();
            let snap = DocumentSnapshot::new(uri.clone(), version, parse, &mut st);
            let is_defs = snap.is_definitions_file();
            st.docs.insert(uri.clone(), Arc::new(snap));
            is_defs && self.refresh_definitions_locked(&mut st, &uri)
        };
        if !defs_changed {
            self.schedule_publish(uri);
        }
    }

    /// Applies one `didChange`: every content change in order, each relative to
    /// the text after the previous one, then one incremental reparse.
    pub fn change(
        &self,
        uri: &Uri,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
    ) -> ChangeOutcome {
        let mut st = self.lock();
        let Some(old) = st.docs.get(uri).cloned() else {
            return ChangeOutcome::UnknownDocument;
        };
        if version <= old.version {
            return ChangeOutcome::StaleVersion {
                current: old.version,
                got: version,
            };
        }
        let (edits, text) = apply_changes(&old.parse, changes, st.encoding);
        let was_definitions = old.is_definitions_file();
        // The map and `old` are usually the only holders of this version; then
        // its parse is taken by value and what it reuses is moved, not copied.
        // A request or the publisher may still be reading it: then it is
        // shared. The lock is held throughout, so nobody sees it missing.
        st.docs.remove(uri);
        let old_parse = match Arc::try_unwrap(old) {
            Ok(snap) => {
                let DocumentSnapshot {
                    parse, analysis, ..
                } = snap;
                crate::disposal::dispose(analysis);
                parse
            }
            Err(shared) => {
                let parse = Arc::clone(&shared.parse);
                crate::disposal::dispose(shared);
                parse
            }
        };
        // If the incremental path ever fails, the text must still be stored:
        // otherwise every later edit would apply to the wrong text.
        let reparsed = catch_unwind(AssertUnwindSafe(|| match Arc::try_unwrap(old_parse) {
            Ok(owned) => {
                let (parse, leftovers) = owned.reparse_owned(&edits, &text);
                // Freeing the old tree is not on the way to the diagnostics.
                crate::disposal::dispose(leftovers);
                parse
            }
            Err(shared) => {
                let parse = shared.reparse(&edits, &text);
                crate::disposal::dispose(shared);
                parse
            }
        }));
        let parse = reparsed.unwrap_or_else(|_| {
            tracing::error!("incremental reparse panicked; parsing the whole text instead");
            caseline_syntax::parse(&text)
        });
        let parse = Arc::new(parse);
        let snap = DocumentSnapshot::new(uri.clone(), version, parse, &mut st);
        let is_defs = snap.is_definitions_file() || was_definitions;
        st.docs.insert(uri.clone(), Arc::new(snap));
        let refreshed = is_defs && self.refresh_definitions_locked(&mut st, uri);
        drop(st);
        if !refreshed {
            self.schedule_publish(uri.clone());
        }
        ChangeOutcome::Applied
    }

    /// Forgets a document; its diagnostics are cleared by the publisher.
    pub fn close(&self, uri: &Uri) -> bool {
        let mut st = self.lock();
        let Some(old) = st.docs.remove(uri) else {
            return false;
        };
        if old.is_definitions_file()
            && let Some(path) = crate::workspace::file_path(uri)
        {
            // Fall back to the copy on disk (or to nothing if it was never saved).
            drop(st);
            let from_disk = crate::workspace::read_definitions(&path);
            let mut st = self.lock();
            if let Some(next) = st.workspaces.changed(|ws| {
                ws.contains(&path)
                    .then(|| ws.with_file(&path, from_disk.clone()))
            }) {
                self.install_workspace_locked(&mut st, next);
            }
            drop(st);
            self.schedule_publish(uri.clone());
            return true;
        }
        drop(st);
        self.schedule_publish(uri.clone());
        true
    }

    /// A definitions file changed on disk (saved, created, deleted): reload it
    /// unless it is open (then the editor's text wins).
    pub fn definitions_file_changed_on_disk(&self, uri: &Uri) {
        let Some(path) = crate::workspace::file_path(uri) else {
            return;
        };
        // Read and parse outside the lock: other handlers keep going.
        let from_disk = crate::workspace::read_definitions(&path);
        let defining = from_disk
            .as_deref()
            .is_some_and(caseline_workspace::is_definitions);
        let mut st = self.lock();
        if st.docs.contains_key(uri) {
            return;
        }
        // A case file that was not and is not a definitions file changes
        // nothing: no rebuild, no re-check of every open document (a git
        // checkout touches hundreds of cases).
        let next = st.workspaces.changed(|ws| {
            (ws.contains(&path) && (defining || ws.defines(&path)))
                .then(|| ws.with_file(&path, from_disk.clone()))
        });
        if let Some(next) = next {
            self.install_workspace_locked(&mut st, next);
        }
    }

    /// Loads every workspace again for a new set of folders (or because a
    /// `caseline.toml` changed, which can change which folder a file's
    /// workspace is). Open definitions files keep their editor text.
    pub fn set_folders(&self, folders: Vec<std::path::PathBuf>) {
        // Reading the folders happens outside the lock.
        let mut next = Workspaces::load(folders);
        let mut st = self.lock();
        let open_defs: Vec<(std::path::PathBuf, Arc<Parse>)> = st
            .docs
            .values()
            .filter(|d| d.is_definitions_file())
            .filter_map(|d| Some((crate::workspace::file_path(&d.uri)?, Arc::clone(&d.parse))))
            .collect();
        for (path, parse) in open_defs {
            if let Some(edited) = next.changed(|ws| {
                ws.contains(&path)
                    .then(|| ws.with_file(&path, Some(Arc::clone(&parse))))
            }) {
                next = edited;
            }
        }
        self.install_workspace_locked(&mut st, next);
    }

    /// `caseline.toml` changed (saved, created, deleted): load everything
    /// again, and show (or clear) the problem with the file.
    pub fn reload_config(&self, uri: &Uri) {
        self.set_folders(self.folders());
        self.schedule_publish(uri.clone());
    }

    /// Rebuilds the definitions with the open text of `uri` and re-snapshots every
    /// open document against them. Returns true (publishes were scheduled).
    fn refresh_definitions_locked(&self, st: &mut State, uri: &Uri) -> bool {
        let Some(snap) = st.docs.get(uri) else {
            return false;
        };
        let from_editor = snap.is_definitions_file().then(|| Arc::clone(&snap.parse));
        let Some(path) = crate::workspace::file_path(uri) else {
            return false;
        };
        let Some(next) = st.workspaces.changed(|ws| {
            ws.contains(&path)
                .then(|| ws.with_file(&path, from_editor.clone()))
        }) else {
            return false;
        };
        self.install_workspace_locked(st, next);
        true
    }

    fn install_workspace_locked(&self, st: &mut State, workspaces: Workspaces) {
        let problems = config_uris(&workspaces);
        st.workspaces = workspaces;
        st.hints_stale = true;
        let docs: Vec<Arc<DocumentSnapshot>> = st.docs.values().cloned().collect();
        for old in docs {
            let snap = DocumentSnapshot::new(old.uri.clone(), old.version, old.parse.clone(), st);
            // Only documents whose workspace changed need checking again.
            let same = Arc::ptr_eq(&snap.workspace, &old.workspace);
            if !same {
                st.docs.insert(old.uri.clone(), Arc::new(snap));
                self.schedule_publish(old.uri.clone());
            }
        }
        for uri in problems {
            self.schedule_publish(uri);
        }
    }
}

/// The `caseline.toml` files with a problem, to publish it on.
fn config_uris(workspaces: &Workspaces) -> Vec<Uri> {
    workspaces
        .all()
        .filter_map(|ws| ws.config_problem.as_ref())
        .filter_map(|p| Uri::from_file_path(&p.path))
        .collect()
}

/// Applies LSP content changes to `parse`'s text, returning the byte edits (each
/// relative to the text after the previous one) and the final text. Positions are
/// clamped, so a client that is off by a few columns cannot make us panic.
pub fn apply_changes(
    parse: &Parse,
    changes: &[TextDocumentContentChangeEvent],
    enc: Encoding,
) -> (Vec<TextEdit>, String) {
    let mut text = parse.text().to_owned();
    let mut edits = Vec::with_capacity(changes.len());
    // The parse's index describes the text before the first change; each
    // later change in the same notification needs an index of the text so
    // far (built only then: most notifications carry one change).
    let mut fresh: Option<LineIndex> = None;
    for (i, change) in changes.iter().enumerate() {
        if i > 0 {
            fresh = Some(LineIndex::new(&text));
        }
        let range = match change.range {
            Some(r) => {
                let index = fresh.as_ref().unwrap_or_else(|| parse.line_index());
                convert::text_range(index, r, enc)
            }
            None => TextRange::up_to(convert::text_size(text.len())),
        };
        text.replace_range(
            usize::from(range.start())..usize::from(range.end()),
            &change.text,
        );
        edits.push(TextEdit {
            range,
            new_text: change.text.clone(),
        });
    }
    (edits, text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::{Position, Range};

    fn change(a: (u32, u32), b: (u32, u32), text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(a.0, a.1), Position::new(b.0, b.1))),
            range_length: None,
            text: text.to_owned(),
        }
    }

    #[test]
    fn later_changes_are_relative_to_earlier_ones() {
        let parse = caseline_syntax::parse("ab\ncd\n");
        // Insert a line at the top, then edit what is now line 2 ("cd").
        let changes = [change((0, 0), (0, 0), "zz\n"), change((2, 1), (2, 2), "X")];
        let (edits, text) = apply_changes(&parse, &changes, Encoding::Utf16);
        assert_eq!(text, "zz\nab\ncX\n");
        assert_eq!(edits[1].range, TextRange::new(7.into(), 8.into()));
    }

    #[test]
    fn utf16_columns_and_full_replacement() {
        let parse = caseline_syntax::parse("😀a\r\nb");
        // Column 2 in UTF-16 is just after the emoji (two code units).
        let (_, text) = apply_changes(&parse, &[change((0, 2), (0, 3), "é")], Encoding::Utf16);
        assert_eq!(text, "😀é\r\nb");
        let (_, text) = apply_changes(&parse, &[change((0, 4), (0, 5), "é")], Encoding::Utf8);
        assert_eq!(text, "😀é\r\nb");
        let full = TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "new".to_owned(),
        };
        let (edits, text) = apply_changes(&parse, &[full], Encoding::Utf16);
        assert_eq!(text, "new");
        assert_eq!(edits[0].range, TextRange::new(0.into(), 8.into()));
    }

    #[test]
    fn out_of_range_changes_are_clamped() {
        let parse = caseline_syntax::parse("ab\ncd");
        let (_, text) = apply_changes(&parse, &[change((7, 0), (9, 9), "!")], Encoding::Utf16);
        assert_eq!(text, "ab\ncd!");
        // Reversed ranges are put in order rather than rejected.
        let (_, text) = apply_changes(&parse, &[change((1, 1), (0, 1), "")], Encoding::Utf16);
        assert_eq!(text, "ad");
    }
}
