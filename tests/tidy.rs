//! Tidy: the invariants `docs/architecture.md` states, checked over the
//! repository's text on every `cargo test` (alone: `cargo test -p caseline --test tidy`).
//! rust-analyzer's `xtask/src/tidy.rs` is the model: plain scans of the source
//! text, no parser, and every failure names the file and line and says what to do.
//!
//! 1. Every module under `crates/*/src` starts with a `//!` doc.
//! 2. Column arithmetic happens only in `crates/caseline-syntax/src/line_index.rs`
//!    and `crates/caseline-lsp/src/convert.rs`.
//! 3. Doc references resolve: repository paths, `docs/*.md#anchor`, Markdown
//!    file names; no section numbers of the unshipped specification.
//! 4. The library crates read no clock, no environment and no files.
//!
//! It is a test of the `caseline` crate, like the CLI suite beside it in the
//! workspace's `tests/`, because it needs no crate of its own: it uses only
//! `std` and reads files. Each rule's exact form, and what it deliberately
//! leaves out, is documented on its test below.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The workspace root.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the crate sits two levels below the workspace root")
}

/// Folders that hold build output, installed packages, fuzzer state, generated
/// code or third-party data: nobody writes prose there.
const SKIP: &[&str] = &[
    ".git",
    "target",
    "node_modules",
    "fuzz/target",
    "fuzz/corpus",
    "fuzz/artifacts",
    "fuzz/seeds",
    "editors/vscode/out",
    "editors/vscode/dist",
    "editors/vscode/server",
    "grammars/tree-sitter-caseline/src",
    "crates/caseline-calendar/data",
    "tests/data",
];

/// Every file under the root, as (path relative to the root with `/`, full path), sorted.
fn files() -> Vec<(String, PathBuf)> {
    let root = root();
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let rel = relative(&root, &path);
            let name = entry.file_name().to_string_lossy().into_owned();
            if SKIP.contains(&rel.as_str()) || SKIP.contains(&name.as_str()) {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push((rel, path));
            }
        }
    }
    out.sort();
    out
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

fn read(path: &Path) -> String {
    String::from_utf8_lossy(&std::fs::read(path).expect("a file the walk found is readable"))
        .into_owned()
}

/// The Rust sources of the crates: `crates/*/src/**/*.rs`.
fn crate_sources() -> Vec<(String, PathBuf)> {
    files()
        .into_iter()
        .filter(|(rel, _)| {
            let parts: Vec<&str> = rel.split('/').collect();
            parts.len() >= 4 && parts[0] == "crates" && parts[2] == "src" && rel.ends_with(".rs")
        })
        .collect()
}

/// Files that are compiled only for tests: declared `#[cfg(test)] mod NAME;`.
fn test_only_modules(sources: &[(String, PathBuf)]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (rel, path) in sources {
        let text = read(path);
        let lines: Vec<&str> = text.lines().collect();
        for pair in lines.windows(2) {
            if pair[0].trim() != "#[cfg(test)]" {
                continue;
            }
            let decl = pair[1].trim();
            let decl = decl
                .strip_prefix("pub(crate) ")
                .or_else(|| decl.strip_prefix("pub "))
                .unwrap_or(decl);
            let Some(name) = decl.strip_prefix("mod ").and_then(|d| d.strip_suffix(';')) else {
                continue;
            };
            // `lib.rs`, `main.rs` and `mod.rs` own their folder; `foo.rs` owns `foo/`.
            let (dir, file) = rel.rsplit_once('/').expect("under crates/");
            let base = match file {
                "lib.rs" | "main.rs" | "mod.rs" => dir.to_string(),
                _ => format!("{dir}/{}", file.trim_end_matches(".rs")),
            };
            out.insert(format!("{base}/{name}.rs"));
            out.insert(format!("{base}/{name}/mod.rs"));
        }
    }
    out
}

/// The lines of `text` that are compiled outside tests, with 1-based numbers
/// and without comments. Skipped: comment lines, the rest of a line after `//`
/// (when the quotes before it are balanced), and every top-level item under
/// one of `skip_attrs` (e.g. `#[cfg(test)]`): a one-line item, or everything
/// up to the `}` that closes it in column 0 (rustfmt's layout, which CI enforces).
fn code_lines<'t>(text: &'t str, skip_attrs: &[&str]) -> Vec<(usize, &'t str)> {
    let mut out = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((i, line)) = lines.next() {
        if skip_attrs.contains(&line) {
            // Further attributes, then the item.
            for (_, item) in lines.by_ref() {
                if item.starts_with("#[") {
                    continue;
                }
                if !item.trim_end().ends_with(';') {
                    for (_, inside) in lines.by_ref() {
                        if inside == "}" {
                            break;
                        }
                    }
                }
                break;
            }
            continue;
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") {
            continue;
        }
        let code = match line.find("//") {
            Some(at) if line[..at].matches('"').count() % 2 == 0 => &line[..at],
            _ => line,
        };
        out.push((i + 1, code));
    }
    out
}

/// Whether `token` occurs in `line` as a whole token: an identifier character
/// at either end of `token` must not continue into the line around it.
fn has_token(line: &str, token: &str) -> bool {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let starts_ident = token.chars().next().is_some_and(ident);
    let ends_ident = token.chars().last().is_some_and(ident);
    line.match_indices(token).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + token.len()..].chars().next();
        !(starts_ident && before.is_some_and(ident)) && !(ends_ident && after.is_some_and(ident))
    })
}

fn report(what: &str, failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{what}:\n  {}\n",
        failures.join("\n  ")
    );
}

/// Every `.rs` file under `crates/*/src` starts (after blank lines) with a
/// `//!` doc saying what the module is for and what it must not depend on.
///
/// Exempt, as in STYLE's "Comments and docs" (and rust-analyzer's
/// `// Diagnostic:` files): a rule file under `crates/caseline-check/src/rules/`
/// whose `declare_rule!` doc opens with `## What it checks`. That doc is the
/// rule's documentation (`caseline explain`, hover) and says what the file is
/// for; a `//!` above it would repeat it. The exemption is checked, not assumed.
#[test]
fn every_module_starts_with_a_doc() {
    let mut failures = Vec::new();
    for (rel, path) in crate_sources() {
        let text = read(&path);
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        if first.starts_with("//!") {
            continue;
        }
        let in_rules = rel.starts_with("crates/caseline-check/src/rules/")
            && rel.split('/').count() == 6
            && !rel.ends_with("/mod.rs");
        let lines: Vec<&str> = text.lines().collect();
        let rule_doc = lines
            .windows(2)
            .any(|w| w[0].trim() == "declare_rule! {" && w[1].trim() == "/// ## What it checks");
        if in_rules && rule_doc {
            continue;
        }
        failures.push(if in_rules {
            format!(
                "{rel}: a rule file needs its `declare_rule!` doc to open with `/// ## What it checks` (or a `//!` module doc)"
            )
        } else {
            format!(
                "{rel}: starts with {first:?}, not a `//!` module doc; say what the module is for and what it must not depend on"
            )
        });
    }
    report(
        "modules without a `//!` doc at the top (docs/architecture.md; STYLE: every file starts with one)",
        &failures,
    );
}

/// The files that turn offsets into (line, column) and back: the line index,
/// and each front end's one conversion module (the server's, the page's).
const POSITION_FILES: &[&str] = &[
    "crates/caseline-syntax/src/line_index.rs",
    "crates/caseline-lsp/src/convert.rs",
    "crates/caseline-wasm/src/convert.rs",
];

/// What column arithmetic looks like in this code base, and why each token
/// stands for it. Lines are not covered: a line number is the same in every
/// encoding, and a few reports (`fmt`'s list of unread lines, the summary,
/// rename's message) add 1 to `LineIndex::line_of` to show one.
const POSITION_TOKENS: &[(&str, &str)] = &[
    ("len_utf16", "counts UTF-16 code units"),
    ("encode_utf16", "counts UTF-16 code units"),
    (".character", "reads the column of an LSP `Position`"),
    (
        "Position::new",
        "builds an LSP `Position` (a column) by hand",
    ),
    ("Position {", "builds an LSP `Position` (a column) by hand"),
    (
        "LineCol {",
        "builds a (line, column) by hand instead of asking the `LineIndex`",
    ),
    (
        ".start_position()",
        "reads a tree-sitter `Point` (a byte column)",
    ),
    (
        ".end_position()",
        "reads a tree-sitter `Point` (a byte column)",
    ),
    (".row", "reads a tree-sitter `Point`"),
    (".column", "reads a tree-sitter `Point` (a byte column)"),
];

/// Positions are converted in one place (docs/architecture.md: `line_index.rs`
/// is the only place that turns byte offsets into columns in UTF-8, UTF-16 or
/// characters; `convert.rs` the only file that touches LSP positions).
///
/// The proxy: outside those two files and outside test code, no crate source
/// uses a token of [`POSITION_TOKENS`]. Everything else asks the `LineIndex`
/// (`line_col`, `display_position`, `offset`) or `convert` (`position`,
/// `range`), which is allowed everywhere: reading a `LineCol` it returned, or
/// putting two converted positions into an LSP `Range`, is not arithmetic.
#[test]
fn columns_are_computed_only_in_line_index_and_convert() {
    let sources = crate_sources();
    let test_only = test_only_modules(&sources);
    let mut failures = Vec::new();
    for (rel, path) in &sources {
        if POSITION_FILES.contains(&rel.as_str()) || test_only.contains(rel) {
            continue;
        }
        let text = read(path);
        for (line_no, code) in code_lines(&text, &["#[cfg(test)]"]) {
            for (token, why) in POSITION_TOKENS {
                if has_token(code, token) && !names_a_type(code, token) {
                    failures.push(format!("{rel}:{line_no}: `{token}` {why}: {}", code.trim()));
                }
            }
        }
    }
    report(
        &format!(
            "column arithmetic outside {}; convert through `LineIndex` (caseline-syntax) or `convert` (caseline-lsp) instead",
            POSITION_FILES.join(" and ")
        ),
        &failures,
    );
}

/// Whether every `NAME {` match of `token` in `code` names the type rather than
/// building a value: a return type (`-> LineCol {`) or an `impl ... for` block.
fn names_a_type(code: &str, token: &str) -> bool {
    token.ends_with(" {")
        && code.match_indices(token).all(|(at, _)| {
            let before = code[..at]
                .trim_end_matches(|c: char| c.is_alphanumeric() || c == '_' || c == ':')
                .trim_end();
            before.ends_with("->") || before.ends_with(" for") || before.ends_with("impl")
        })
}

/// The start of a repository path in prose.
const PATH_ROOTS: &[&str] = &[
    "crates/",
    "tests/",
    "docs/",
    "benches/",
    "fuzz/",
    "editors/",
    "grammars/",
    ".ci/",
];

/// The product specification that docs/format.md implements and names; it is
/// not shipped, so it may be named but its sections (`§N`) not cited.
const UNSHIPPED_SPEC: &str = "FORMAT.md";

fn is_path_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '/' | '-')
}

/// The text of `content` that is prose: all of a Markdown file; the comments
/// of source files (after `//`, `#`, `--` or `;` by language, and lines of a
/// `/* */` block); the docstrings and comments of Emacs Lisp and the
/// `comment` fields of JSON, which are read whole.
fn prose(rel: &str, content: &str) -> Vec<(usize, String)> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    let marker: Option<&str> = match ext {
        "md" | "el" | "json" => None,
        "rs" | "js" | "ts" | "mjs" | "cjs" => Some("//"),
        "sh" | "py" | "toml" | "yml" | "yaml" | "case" | "" => Some("#"),
        "lua" => Some("--"),
        "scm" => Some(";"),
        _ => return Vec::new(),
    };
    content
        .lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let text = match marker {
                None => line,
                Some(m) => {
                    let t = line.trim_start();
                    if (m == "//") && (t.starts_with("/*") || t.starts_with("* ") || t == "*") {
                        t
                    } else {
                        &line[line.find(m)? + m.len()..]
                    }
                }
            };
            Some((i + 1, text.to_string()))
        })
        .collect()
}

/// GitHub's anchor for a Markdown heading: lower case, punctuation other than
/// `-` and `_` dropped, spaces to `-`.
fn slug(heading: &str) -> String {
    heading
        .trim_start_matches('#')
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

fn anchors(markdown: &str) -> BTreeSet<String> {
    markdown
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(slug)
        .collect()
}

/// No dangling doc references. In prose (see [`prose`]) of every file outside
/// [`SKIP`]:
/// - a path starting `crates/`, `tests/`, `docs/`, `benches/`, `fuzz/`,
///   `editors/`, `grammars/` or `.ci/` exists, from the root, the citing file's
///   package or its folder (a placeholder such as `<rule>` or `*` ends the path
///   there); a cited `FILE.md#anchor` has that heading, as does `](#anchor)`
///   in a Markdown file;
/// - a bare `NAME.md` is the name of a file in the repository, except
///   `FORMAT.md`, the product specification docs/format.md names;
/// - nothing cites a section number (`§4.1`): those were FORMAT.md's, which the
///   repository does not ship; cite `docs/format.md#anchor` instead.
#[test]
fn doc_references_resolve() {
    let root = root();
    let all = files();
    let names: BTreeSet<String> = all
        .iter()
        .filter_map(|(rel, _)| rel.rsplit('/').next().map(str::to_string))
        .collect();
    let mut failures = Vec::new();
    for (rel, path) in &all {
        if rel == "tests/tidy.rs" {
            continue; // its docs show the patterns it looks for
        }
        let content = read(path);
        let folder = path.parent().expect("a file has a folder").to_path_buf();
        let package = folder
            .ancestors()
            .find(|d| d.join("Cargo.toml").is_file() || d.join("package.json").is_file())
            .unwrap_or(&root)
            .to_path_buf();
        for (line_no, text) in prose(rel, &content) {
            let at = format!("{rel}:{line_no}");
            if let Some(cited) = section_citation(&text) {
                failures.push(format!(
                    "{at}: cites a section number (`{cited}`) of FORMAT.md, which the repository does not ship; cite docs/format.md#anchor"
                ));
            }
            for (target, anchor) in paths_in(&text) {
                let found = [&root, &package, &folder]
                    .iter()
                    .map(|base| base.join(&target))
                    .find(|p| p.exists());
                let Some(file) = found else {
                    failures.push(format!("{at}: `{target}` does not exist"));
                    continue;
                };
                if let Some(anchor) = anchor
                    && !anchors(&read(&file)).contains(&anchor)
                {
                    failures.push(format!("{at}: `{target}` has no heading `#{anchor}`"));
                }
            }
            for name in bare_markdown_names(&text) {
                if name != UNSHIPPED_SPEC && !names.contains(&name) {
                    failures.push(format!(
                        "{at}: `{name}` is not a file in the repository; cite a file that is (docs/ holds the shipped documentation)"
                    ));
                }
            }
            if rel.ends_with(".md") {
                for anchor in local_anchors(&text) {
                    if !anchors(&content).contains(&anchor) {
                        failures.push(format!("{at}: no heading `#{anchor}` in this file"));
                    }
                }
            }
        }
    }
    report("dangling doc references", &failures);
}

/// A citation of a numbered section of the unshipped specification, as
/// written: `§4.1`, or `FORMAT.md section 1`.
fn section_citation(text: &str) -> Option<String> {
    let number = |rest: &str| -> String {
        let n: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        n.trim_end_matches('.').to_string()
    };
    let signs = text.match_indices('§');
    let words = text.match_indices("FORMAT.md section ");
    signs
        .chain(words)
        .map(|(i, m)| (m, number(&text[i + m.len()..])))
        .find(|(_, n)| !n.is_empty())
        .map(|(m, n)| format!("{m}{n}"))
}

/// Repository paths in `text`, each with the anchor after a `.md#`.
fn paths_in(text: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    for root in PATH_ROOTS {
        for (at, _) in text.match_indices(root) {
            if text[..at].chars().next_back().is_some_and(is_path_char) {
                continue;
            }
            let rest = &text[at..];
            let len = rest.find(|c: char| !is_path_char(c)).unwrap_or(rest.len());
            let mut path = rest[..len].trim_end_matches('.').to_string();
            let next = rest[len..].chars().next();
            if next.is_some_and(|c| matches!(c, '<' | '*' | '{' | '…' | '$')) {
                // A pattern: the folder before the placeholder must exist.
                path.truncate(path.rfind('/').map_or(0, |i| i + 1));
            }
            // An upper-case component (`TARGET`, `NAME`) is a placeholder too.
            let placeholder = path
                .split('/')
                .position(|c| c.len() > 1 && c.chars().all(|c| c.is_ascii_uppercase() || c == '_'));
            if let Some(k) = placeholder {
                path = path.split('/').take(k).map(|c| format!("{c}/")).collect();
            }
            // Build output, installed packages and fuzzer state exist only once made.
            if SKIP
                .iter()
                .any(|s| path.starts_with(&format!("{s}/")) || path.split('/').any(|c| c == *s))
            {
                continue;
            }
            let anchor = (path.ends_with(".md") && next == Some('#')).then(|| {
                rest[len + 1..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                    .collect::<String>()
            });
            if !path.is_empty() {
                out.push((path, anchor));
            }
        }
    }
    out
}

/// `NAME.md` written on its own (not at the end of a path).
fn bare_markdown_names(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices(".md") {
        let after = text[at + 3..].chars().next();
        if after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        let start = text[..at]
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .map_or(0, |i| i + 1);
        if start == at || text[..start].ends_with(['/', '.']) {
            continue;
        }
        out.push(text[start..at + 3].to_string());
    }
    out
}

/// `#anchor` targets of Markdown links within the same file: `](#anchor)`.
fn local_anchors(text: &str) -> Vec<String> {
    text.match_indices("](#")
        .map(|(at, _)| {
            text[at + 3..]
                .chars()
                .take_while(|c| *c != ')')
                .collect::<String>()
        })
        .collect()
}

/// The library crates: the engine and what it stands on.
const LIBRARY_CRATES: &[&str] = &[
    "caseline-syntax",
    "caseline-calendar",
    "caseline-check",
    "caseline-report",
    "caseline-workspace",
    "caseline-ide",
    "caseline-wasm",
];

/// How a library would read the clock, the environment or the file system.
const HIDDEN_INPUTS: &[(&str, &str)] = &[
    ("chrono::Local", "reads the local clock and time zone"),
    ("Local::now", "reads the clock"),
    ("Utc::now", "reads the clock"),
    ("SystemTime::now", "reads the clock"),
    ("Instant::now", "reads the clock"),
    ("std::env", "reads the environment"),
    ("env::var", "reads the environment"),
    ("std::fs", "reads files"),
];

/// The library crates read no clock, no environment and no files
/// (docs/architecture.md: "today", the configuration and the definitions come
/// in through `CheckOptions`, `Definitions` and the `FileSystem` trait).
/// chrono's `clock` feature is off for them, so `Local` and `Utc::now` do not
/// compile there; this also catches `std`'s own clock, environment and files.
///
/// Not counted: test code, and caseline-workspace's `NativeFs` (the items under
/// `#[cfg(feature = "native")]` in `src/fs.rs`), the one adapter through which
/// the workspace model reads real files.
#[test]
fn library_crates_read_no_clock_environment_or_files() {
    let sources = crate_sources();
    let test_only = test_only_modules(&sources);
    let mut failures = Vec::new();
    for (rel, path) in &sources {
        let krate = rel.split('/').nth(1).unwrap_or("");
        if !LIBRARY_CRATES.contains(&krate) || test_only.contains(rel) {
            continue;
        }
        let mut skip = vec!["#[cfg(test)]"];
        if rel == "crates/caseline-workspace/src/fs.rs" {
            skip.push("#[cfg(feature = \"native\")]");
        }
        let text = read(path);
        for (line_no, code) in code_lines(&text, &skip) {
            let mut found: Vec<(&str, &str)> = HIDDEN_INPUTS
                .iter()
                .copied()
                .filter(|(token, _)| has_token(code, token))
                .collect();
            // `use std::{env, fs}`.
            if let Some(list) = code.split("std::{").nth(1) {
                for word in list.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
                    match word {
                        "env" => found.push(("std::{env}", "reads the environment")),
                        "fs" => found.push(("std::{fs}", "reads files")),
                        _ => {}
                    }
                }
            }
            for (token, why) in found {
                failures.push(format!("{rel}:{line_no}: `{token}` {why}: {}", code.trim()));
            }
        }
    }
    report(
        "hidden inputs in a library crate; take them as arguments (`CheckOptions`, `Definitions`, the `FileSystem` trait)",
        &failures,
    );
}

/// The scanners above, on small inputs, so a bug in them cannot make a rule
/// pass vacuously.
#[test]
fn the_scanners_find_what_they_look_for() {
    assert_eq!(slug("### The case header"), "the-case-header");
    assert_eq!(
        slug("## Decisions (where FORMAT.md was silent)"),
        "decisions-where-formatmd-was-silent"
    );
    assert_eq!(
        slug("#### Which target a start pairs with, and moving on"),
        "which-target-a-start-pairs-with-and-moving-on"
    );
    let code = "fn a() {}\n// x.character\n#[cfg(test)]\nmod tests {\n    fn b() { p.character }\n}\nfn c() { q.character } // y.row\n";
    let lines = code_lines(code, &["#[cfg(test)]"]);
    assert_eq!(
        lines.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
        [1, 7],
        "{lines:?}"
    );
    assert!(has_token(lines[1].1, ".character") && !has_token(lines[1].1, ".row"));
    assert!(!has_token("a.rows", ".row") && has_token("a.row + 1", ".row"));
    assert!(names_a_type(
        "fn f() -> caseline_syntax::LineCol {",
        "LineCol {"
    ));
    assert!(!names_a_type("let p = LineCol { line, col };", "LineCol {"));
    assert_eq!(
        paths_in(
            "see `docs/format.md#dates`, crates/caseline-check/src/rules/<group>/x.rs and https://x.io/docs/y.md."
        ),
        [
            ("crates/caseline-check/src/rules/".to_string(), None),
            ("docs/format.md".to_string(), Some("dates".to_string())),
        ]
    );
    assert_eq!(
        paths_in("fuzz/artifacts/TARGET/ and tests/cases/NAME"),
        [("tests/cases/".to_string(), None)]
    );
    assert_eq!(
        bare_markdown_names("(STYLE.md, docs/format.md, EXPECTED-own.md's)"),
        ["STYLE.md", "EXPECTED-own.md"]
    );
    assert_eq!(local_anchors("see [Entries](#entries)."), ["entries"]);
    assert_eq!(
        section_citation("(FORMAT.md §4.1)."),
        Some("§4.1".to_string())
    );
    assert_eq!(
        section_citation("names (FORMAT.md section 1)"),
        Some("FORMAT.md section 1".to_string())
    );
    assert_eq!(section_citation("§ alone, FORMAT.md itself"), None);
}
