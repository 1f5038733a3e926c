//! The requests the page makes, as plain functions over JSON (so `cargo test`
//! runs them natively): `check` (the CLI's JSON report for a set of files),
//! `open` (the file being edited: its findings with their quick fixes and its
//! inline hints, kept as the session the next requests read), `hover`,
//! `complete`, `format`, and `report` (the timeline page).
//!
//! Orchestration only: which workspace a file is in, reading texts out of a
//! `MemoryFs`, and converting answers with `convert`. Every finding, figure
//! and sentence comes from the libraries.

use crate::convert::{self, Pos};
use caseline_check::{Analysis, CheckOptions};
use caseline_report::findings::{self, FileFacts, FileReport, Unreadable};
use caseline_syntax::{Parse, TextEdit, TextRange};
use caseline_workspace::{FileSystem as _, MemoryFs, Scope, Workspace};
use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{Value, json};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A folder's files: name (relative, `/` separators) -> text.
type Files = BTreeMap<String, String>;

#[derive(Deserialize)]
#[serde(tag = "op", rename_all = "camelCase")]
enum Request {
    /// `caseline check --format json` run in the folder of `files`: on every
    /// `.case` file (as `caseline check .`), or on `paths` only.
    Check {
        files: Files,
        #[serde(default)]
        paths: Option<Vec<String>>,
        today: String,
        #[serde(default, rename = "asOf")]
        as_of: Option<String>,
    },
    /// The file `path` of `files` is the one being edited.
    Open {
        files: Files,
        path: String,
        today: String,
        #[serde(default, rename = "asOf")]
        as_of: Option<String>,
    },
    Hover {
        at: Pos,
    },
    Complete {
        at: Pos,
    },
    Format {
        text: String,
    },
    Report,
    /// The procedures the folder of `files` knows (built-in and defined).
    Procedures {
        files: Files,
    },
    /// A new case for `procedures`, as `caseline new` writes it.
    NewCase {
        files: Files,
        procedures: Vec<String>,
    },
    /// `caseline calendar add|between|holidays`.
    Calendar {
        #[serde(default)]
        calendar: Option<String>,
        action: String,
        #[serde(default)]
        date: Option<String>,
        #[serde(default)]
        to: Option<String>,
        #[serde(default)]
        duration: Option<String>,
        #[serde(default)]
        year: Option<i32>,
    },
}

/// Answers one request: `{"ok": ...}`, or `{"error": "a sentence"}`.
pub fn call(request: &str) -> String {
    let answer = match serde_json::from_str::<Request>(request) {
        Err(e) => Err(format!("caseline could not read the request: {e}")),
        Ok(request) => run(request),
    };
    match answer {
        Ok(value) => json!({ "ok": value }).to_string(),
        Err(message) => json!({ "error": message }).to_string(),
    }
}

fn run(request: Request) -> Result<Value, String> {
    match request {
        Request::Check {
            files,
            paths,
            today,
            as_of,
        } => check(
            &files,
            paths.as_deref(),
            date(&today)?,
            as_of.as_deref().map(date).transpose()?,
        ),
        Request::Open {
            files,
            path,
            today,
            as_of,
        } => open(
            files,
            &path,
            date(&today)?,
            as_of.as_deref().map(date).transpose()?,
        ),
        Request::Hover { at } => with_session(|s| hover(s, at)),
        Request::Complete { at } => with_session(|s| complete(s, at)),
        Request::Format { text } => Ok(Value::String(caseline_syntax::format(&text))),
        Request::Report => with_session(report),
        Request::Procedures { files } => {
            let ws = folder_workspace(&files);
            let defs = &ws.definitions;
            Ok(Value::Array(
                defs.procedure_names()
                    .into_iter()
                    .map(|name| {
                        let title = defs.procedure(&name).and_then(|p| p.title.clone());
                        json!({ "name": name, "title": title })
                    })
                    .collect(),
            ))
        }
        Request::NewCase { files, procedures } => {
            let ws = folder_workspace(&files);
            match caseline_ide::new_case(&ws, &procedures, caseline_ide::TemplateForm::Text) {
                Ok(text) => Ok(Value::String(text)),
                Err(caseline_ide::TemplateError::NoProcedure) => {
                    Err("choose the procedure the complaint went through".to_string())
                }
                Err(caseline_ide::TemplateError::UnknownProcedure(name)) => {
                    Err(format!("there is no procedure called `{name}`"))
                }
            }
        }
        Request::Calendar {
            calendar,
            action,
            date: from,
            to,
            duration,
            year,
        } => working_days(
            calendar.as_deref(),
            &action,
            from.as_deref(),
            to.as_deref(),
            duration.as_deref(),
            year,
        ),
    }
}

fn date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date: write it as YYYY-MM-DD, e.g. 2024-11-05"))
}

/// The folder the files are placed in.
const ROOT: &str = "/";

/// Where the file named `name` is in the in-memory folder.
fn at(name: &str) -> PathBuf {
    let name = name.replace('\\', "/");
    let name = name.trim_start_matches("./").trim_start_matches('/');
    Path::new(ROOT).join(name)
}

/// How a path in the in-memory folder is shown: as its name in `files`.
fn show(path: &Path) -> String {
    path.strip_prefix(ROOT)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

fn memory_fs(files: &Files) -> MemoryFs {
    let mut fs = MemoryFs::new();
    for (name, text) in files {
        fs.insert(at(name), text.clone());
    }
    fs
}

/// The workspace of the whole folder of `files` (as `caseline check .` sees it).
fn folder_workspace(files: &Files) -> Workspace {
    let fs = memory_fs(files);
    Workspace::load(&fs, &Scope::of_folder(&fs, Path::new(ROOT)))
}

/// The workspaces of one run, each loaded once (as the CLI's `Workspaces`).
#[derive(Default)]
struct Workspaces {
    loaded: Vec<Workspace>,
    by_scope: HashMap<Scope, usize>,
}

impl Workspaces {
    fn of(&mut self, fs: &MemoryFs, scope: Scope) -> Result<usize, String> {
        if let Some(&i) = self.by_scope.get(&scope) {
            return Ok(i);
        }
        let ws = Workspace::load(fs, &scope);
        if let Some(problem) = &ws.config_problem {
            return Err(format!("{} (in {})", problem.message, show(&problem.path)));
        }
        self.loaded.push(ws);
        self.by_scope.insert(scope, self.loaded.len() - 1);
        Ok(self.loaded.len() - 1)
    }
}

fn check(
    files: &Files,
    paths: Option<&[String]>,
    today: NaiveDate,
    as_of: Option<NaiveDate>,
) -> Result<Value, String> {
    let fs = memory_fs(files);
    let mut workspaces = Workspaces::default();
    let mut found: Vec<(PathBuf, usize)> = Vec::new();
    let mut unreadable: Vec<Unreadable> = Vec::new();
    let folder = |workspaces: &mut Workspaces, dir: &Path, found: &mut Vec<(PathBuf, usize)>| {
        let i = workspaces.of(&fs, Scope::of_folder(&fs, dir))?;
        let (in_dir, _) = fs.case_files(dir, true);
        let filter = &workspaces.loaded[i].filter;
        found.extend(
            in_dir
                .into_iter()
                .filter(|f| filter.allows(f))
                .map(|f| (f, i)),
        );
        Ok::<(), String>(())
    };
    match paths {
        None => folder(&mut workspaces, Path::new(ROOT), &mut found)?,
        Some(paths) => {
            for name in paths {
                let path = at(name);
                if fs.is_file(&path) {
                    let i = workspaces.of(&fs, Scope::of_file(&fs, &path))?;
                    found.push((path, i));
                } else if fs.is_dir(&path) {
                    folder(&mut workspaces, &path, &mut found)?;
                } else {
                    unreadable.push(Unreadable {
                        path: show(&path),
                        message: "no such file or directory".to_string(),
                    });
                }
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    found.retain(|(f, _)| seen.insert(f.clone()));

    let mut reports: Vec<FileReport> = Vec::new();
    let mut not_read: Vec<Unreadable> = Vec::new();
    for (path, i) in found {
        let display = show(&path);
        let text = match fs.read(&path) {
            Ok(text) => text,
            Err(message) => {
                not_read.push(Unreadable {
                    path: display,
                    message,
                });
                continue;
            }
        };
        let ws = &workspaces.loaded[i];
        let parse = Arc::new(caseline_syntax::parse(&text));
        let options = CheckOptions {
            today,
            as_of_override: as_of,
            config: ws.config.clone(),
        };
        let analysis =
            caseline_check::check_with(&parse, &ws.definitions, &options, ws.problems_of(&path));
        reports.push(findings::file_report(display, parse, &analysis, ws, &show));
    }
    unreadable.extend(not_read);
    serde_json::to_value(findings::to_json(&reports, &unreadable)).map_err(|e| e.to_string())
}

/// The file being edited, checked, and what the other requests read.
struct Session {
    path: PathBuf,
    display: String,
    /// The other files the workspace was loaded from, and that workspace
    /// (before the edited file is put in): a keystroke reuses it.
    others: Files,
    base: Workspace,
    workspace: Workspace,
    parse: Arc<Parse>,
    analysis: Analysis,
    today: NaiveDate,
}

thread_local! {
    static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
}

fn with_session(f: impl FnOnce(&Session) -> Result<Value, String>) -> Result<Value, String> {
    SESSION.with(|s| match &*s.borrow() {
        Some(session) => f(session),
        None => Err("no file is open".to_string()),
    })
}

fn open(
    mut files: Files,
    name: &str,
    today: NaiveDate,
    as_of: Option<NaiveDate>,
) -> Result<Value, String> {
    let path = at(name);
    let text = files
        .remove(name)
        .ok_or_else(|| format!("`{name}` is not among the files"))?;
    let previous = SESSION.with(|s| s.borrow_mut().take());
    // A keystroke: the same file in the same company. Reuse the workspace, and
    // reparse incrementally (what changed is found by comparing the texts, so
    // the page need not track edits; `reparse` checks the edit and parses
    // afresh if it does not give the new text).
    let (base, parse) = match previous {
        Some(p) if p.path == path && p.others == files => {
            let Session {
                base,
                parse: old,
                workspace,
                ..
            } = p;
            drop(workspace); // holds the old parse too
            let edit = one_edit(old.text(), &text);
            let parse = match Arc::try_unwrap(old) {
                Ok(old) => old.reparse_owned(&[edit], &text).0,
                Err(shared) => shared.reparse(&[edit], &text),
            };
            (base, parse)
        }
        _ => {
            let mut fs = memory_fs(&files);
            fs.insert(path.clone(), String::new());
            let base = Workspace::load(&fs, &Scope::of_file(&fs, &path));
            (base, caseline_syntax::parse(&text))
        }
    };
    let parse = Arc::new(parse);
    let workspace = base.with_file(&path, Some(Arc::clone(&parse)));
    let options = CheckOptions {
        today,
        as_of_override: as_of,
        config: workspace.config.clone(),
    };
    let analysis = caseline_check::check_with(
        &parse,
        &workspace.definitions,
        &options,
        workspace.problems_of(&path),
    );
    let session = Session {
        display: show(&path),
        path,
        others: files,
        base,
        workspace,
        parse,
        analysis,
        today,
    };
    let answer = file_answer(&session);
    SESSION.with(|s| *s.borrow_mut() = Some(session));
    Ok(answer)
}

/// The one edit that turns `old` into `new`: what lies between their common
/// start and their common end (at character boundaries).
fn one_edit(old: &str, new: &str) -> TextEdit {
    let mut start = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(start) {
        start -= 1;
    }
    let most = old.len().min(new.len()) - start;
    let mut end = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(most)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - end) || !new.is_char_boundary(new.len() - end) {
        end -= 1;
    }
    let range = TextRange::new(size(start), size(old.len() - end));
    TextEdit::new(range, &new[start..new.len() - end])
}

fn size(n: usize) -> caseline_syntax::TextSize {
    caseline_syntax::TextSize::from(u32::try_from(n).unwrap_or(u32::MAX))
}

/// The edited file's findings (with their quick fixes), inline hints and
/// what was checked in it.
fn file_answer(s: &Session) -> Value {
    let index = s.parse.line_index();
    let range = |r| {
        let (from, to) = convert::range(index, r);
        json!({ "from": from, "to": to })
    };
    let diagnostics: Vec<Value> = s
        .analysis
        .diagnostics
        .iter()
        .map(|d| {
            json!({
                "range": range(d.range),
                "severity": d.severity.as_str(),
                "code": d.rule.name(),
                "message": d.message,
                "related": d.related.iter().map(|r| json!({
                    "range": range(r.range),
                    "message": r.message,
                })).collect::<Vec<_>>(),
                "fixes": d.fixes.iter().map(|f| json!({
                    "title": f.title,
                    "edits": f.edits.iter().map(|e| json!({
                        "range": range(e.range),
                        "insert": e.new_text,
                    })).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let hints: Vec<Value> = caseline_ide::inlay_hints(&s.parse, &s.analysis, index_range(&s.parse))
        .into_iter()
        .map(|h| {
            json!({
                "at": convert::position(index, h.offset),
                "label": h.label,
                "tooltip": h.tooltip,
            })
        })
        .collect();
    let mut facts = FileFacts::of(index, &s.analysis);
    facts.definitions =
        findings::definitions_used(&s.workspace, &s.analysis.checked.procedures, &show);
    json!({
        "path": s.display,
        "diagnostics": diagnostics,
        "acknowledged": s.analysis.acknowledged.len(),
        "hints": hints,
        "checked": facts.describe(),
        "problem": facts.problem(),
        "configProblem": s.workspace.config_problem.as_ref().map(|p| p.message.clone()),
    })
}

/// The whole text's range.
fn index_range(parse: &Parse) -> TextRange {
    TextRange::up_to(parse.line_index().len())
}

fn hover(s: &Session, at: Pos) -> Result<Value, String> {
    let index = s.parse.line_index();
    let offset = convert::offset(index, at);
    Ok(
        match caseline_ide::hover(&s.parse, &s.analysis, &s.workspace, offset) {
            None => Value::Null,
            Some(h) => {
                let (from, to) = convert::range(index, h.range);
                json!({ "from": from, "to": to, "markdown": h.markdown })
            }
        },
    )
}

fn complete(s: &Session, at: Pos) -> Result<Value, String> {
    let index = s.parse.line_index();
    let offset = convert::offset(index, at);
    let items: Vec<Value> = caseline_ide::completions(&s.parse, &s.workspace, offset, s.today)
        .into_iter()
        .map(|c| {
            let (from, to) = convert::range(index, c.edit_range);
            json!({
                "label": c.label,
                "kind": format!("{:?}", c.kind).to_lowercase(),
                "detail": c.detail,
                "documentation": c.documentation,
                "sortText": c.sort_text,
                "from": from,
                "to": to,
                "insert": c.insert_text,
            })
        })
        .collect();
    Ok(Value::Array(items))
}

fn report(s: &Session) -> Result<Value, String> {
    let name = s.display.rsplit('/').next().unwrap_or(&s.display);
    let title = caseline_report::page_title(s.parse.document(), name);
    let layout = caseline_report::layout(&s.parse, &s.analysis);
    Ok(json!({
        "title": title,
        "html": caseline_report::render_html(&layout, &title),
    }))
}

/// The working-day calculator: what `caseline calendar` prints, in the same
/// words (`caseline_report::working_days`), with the built-in calendars.
fn working_days(
    calendar: Option<&str>,
    action: &str,
    from: Option<&str>,
    to: Option<&str>,
    duration: Option<&str>,
    year: Option<i32>,
) -> Result<Value, String> {
    use caseline_report::working_days as wd;
    let calendars = caseline_calendar::Calendars::builtin();
    let name = calendar.unwrap_or(caseline_calendar::DEFAULT_CALENDAR);
    let Some(cal) = calendars.get(name) else {
        return Err(format!(
            "there is no calendar called `{name}`; the built-in calendars are: {}",
            calendars.names().join(", ")
        ));
    };
    let working = match action {
        "add" => wd::add(
            &cal,
            date(need(from, "the date")?)?,
            wd::parse_duration(need(duration, "the number of days")?)?,
        ),
        "between" => wd::between(
            &cal,
            date(need(from, "the first date")?)?,
            date(need(to, "the second date")?)?,
        ),
        "holidays" => wd::holidays(&cal, year.ok_or("the year is missing")?)?,
        other => return Err(format!("`{other}` is not add, between or holidays")),
    };
    Ok(json!({
        "text": working.text,
        "warning": working.warning,
        "calendars": calendars.names(),
    }))
}

/// A field the calculator needs, or what is missing.
fn need<'a>(v: Option<&'a str>, what: &str) -> Result<&'a str, String> {
    v.ok_or_else(|| format!("{what} is missing"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(request: Value) -> Value {
        let answer: Value = serde_json::from_str(&call(&request.to_string())).expect("JSON");
        assert!(answer.get("error").is_none(), "{answer}");
        answer["ok"].clone()
    }

    const CASE: &str = "case \"1\"\n  body \"Council\"\n  procedure lgsco\n  as-of 2024-06-01\n\n2024-01-02 stage1.received\n2024-03-01 stage1.response\n";

    #[test]
    fn check_gives_the_json_report_with_the_file_names_as_given() {
        let files = json!({ "a.case": CASE, "sub/b.case": "2024-01-01 note \"x\"\n" });
        let report = ok(json!({ "op": "check", "files": files, "today": "2024-06-01" }));
        assert_eq!(report["version"], 1);
        assert_eq!(report["summary"]["files"], 2);
        assert_eq!(report["files"][0]["path"], "a.case");
        assert_eq!(report["files"][1]["path"], "sub/b.case");
        let only = ok(
            json!({ "op": "check", "files": files, "paths": ["a.case", "nope.case"], "today": "2024-06-01" }),
        );
        assert_eq!(only["summary"]["files"], 1);
        assert_eq!(only["unreadable"][0]["path"], "nope.case");
    }

    #[test]
    fn open_then_hover_complete_and_report_read_the_session() {
        let files = json!({ "a.case": CASE });
        let file =
            ok(json!({ "op": "open", "files": files, "path": "a.case", "today": "2024-06-01" }));
        assert!(file["diagnostics"].is_array(), "{file}");
        assert!(
            file["checked"]
                .as_str()
                .is_some_and(|c| c.contains("lgsco")),
            "{file}"
        );
        let hover = ok(json!({ "op": "hover", "at": [5, 2] }));
        assert!(hover["markdown"].is_string(), "{hover}");
        let items = ok(json!({ "op": "complete", "at": [6, 11] }));
        assert!(items.as_array().is_some_and(|i| !i.is_empty()), "{items}");
        let page = ok(json!({ "op": "report" }));
        assert!(
            page["html"].as_str().is_some_and(|h| h.contains("<svg")),
            "{page}"
        );
    }

    #[test]
    fn the_calculator_shows_its_working() {
        let answer = ok(
            json!({ "op": "calendar", "action": "add", "date": "2024-12-20", "duration": "5wd" }),
        );
        let text = answer["text"].as_str().unwrap_or_default();
        assert!(
            text.starts_with("2024-12-20 + 5 working days = 2024-12-31"),
            "{text}"
        );
        assert!(text.contains("Christmas Day"), "{text}");
        let answer = ok(
            json!({ "op": "calendar", "action": "between", "date": "2024-12-20", "to": "2025-01-02" }),
        );
        assert!(
            answer["text"]
                .as_str()
                .is_some_and(|t| t.contains(": 6 working days")),
            "{answer}"
        );
    }

    #[test]
    fn one_edit_is_what_changed() {
        let apply = |old: &str, new: &str| {
            let e = one_edit(old, new);
            let (a, b) = (usize::from(e.range.start()), usize::from(e.range.end()));
            format!("{}{}{}", &old[..a], e.new_text, &old[b..])
        };
        for (old, new) in [
            ("abc", "abXc"),
            ("aaa", "aa"),
            ("", "x"),
            ("é£", "é€"),
            ("a🙂b", "a🙃b"),
            ("same", "same"),
        ] {
            assert_eq!(apply(old, new), new, "{old} -> {new}");
        }
        assert_eq!(
            one_edit("abXc", "abc").range,
            TextRange::new(2.into(), 3.into())
        );
    }

    #[test]
    fn a_keystroke_reparses_to_what_a_fresh_open_gives() {
        let files = |text: &str| json!({ "a.case": text });
        let first = ok(
            json!({ "op": "open", "files": files(CASE), "path": "a.case", "today": "2024-06-01" }),
        );
        let edited = CASE.replace("2024-03-01", "2024-03-0");
        let typed = ok(
            json!({ "op": "open", "files": files(&edited), "path": "a.case", "today": "2024-06-01" }),
        );
        SESSION.with(|s| *s.borrow_mut() = None);
        let fresh = ok(
            json!({ "op": "open", "files": files(&edited), "path": "a.case", "today": "2024-06-01" }),
        );
        assert_eq!(typed, fresh);
        assert_ne!(typed, first);
    }

    #[test]
    fn a_new_case_is_caseline_news_template() {
        let names = ok(json!({ "op": "procedures", "files": {} }));
        assert!(
            names
                .as_array()
                .is_some_and(|n| n.iter().any(|p| p["name"] == "lgsco")),
            "{names}"
        );
        let text = ok(json!({ "op": "newCase", "files": {}, "procedures": ["lgsco"] }));
        assert!(
            text.as_str().is_some_and(|t| t.contains("procedure lgsco")),
            "{text}"
        );
    }

    #[test]
    fn bad_requests_are_sentences() {
        let answer: Value = serde_json::from_str(&call("{\"op\":\"check\"}")).expect("JSON");
        assert!(answer["error"].is_string());
        let answer: Value = serde_json::from_str(&call(
            &json!({ "op": "check", "files": {}, "today": "5 May" }).to_string(),
        ))
        .expect("JSON");
        assert!(
            answer["error"]
                .as_str()
                .is_some_and(|e| e.contains("YYYY-MM-DD"))
        );
    }
}
