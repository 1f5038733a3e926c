//! Shared helpers for the robustness tests: run parse + check the way the CLI
//! does, turn findings into (line, rule) pairs, time a step against a generous
//! bound, and check the invariants every diagnostic must keep (its range lies in
//! the text, on character boundaries, and it has a message).
//!
//! Must not depend on LSP or terminal code: only the libraries.
#![allow(dead_code)] // each test file uses its own subset of these helpers

use caseline_check::{Analysis, CheckOptions, Config, Definitions, Diagnostic, check};
use caseline_syntax::{Parse, parse};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How long any single bad input may take in a debug build. Deliberately
/// generous (timing tests must never flake on a loaded CI machine); the real
/// numbers belong in benchmarks.
pub const TIME_LIMIT: Duration = Duration::from_secs(20);

/// The workspace root (where `tests/bad` lives).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The fixed "today" of these tests, so nothing depends on the clock.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1).expect("a real day")
}

pub fn options() -> CheckOptions {
    CheckOptions {
        today: today(),
        as_of_override: None,
        config: Config::default(),
    }
}

/// Parses and checks `text` with the built-in definitions, as `caseline check`
/// does for a file with no workspace definitions.
pub fn check_text(text: &str) -> (Parse, Analysis) {
    let parse = parse(text);
    let analysis = check(&parse, &Definitions::builtin(), &options());
    (parse, analysis)
}

/// Runs `f`, failing the test if it takes longer than [`TIME_LIMIT`].
pub fn within_limit<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(
        took < TIME_LIMIT,
        "{what} took {took:?}, over the {TIME_LIMIT:?} limit"
    );
    out
}

/// 1-based line of a byte offset.
pub fn line_of(parse: &Parse, offset: text_size::TextSize) -> u32 {
    parse.line_index().line_of(offset) + 1
}

/// The findings as sorted (1-based line, rule name) pairs.
pub fn findings(parse: &Parse, diagnostics: &[Diagnostic]) -> Vec<(u32, String)> {
    let mut out: Vec<(u32, String)> = diagnostics
        .iter()
        .map(|d| (line_of(parse, d.range.start()), d.rule.name().to_string()))
        .collect();
    out.sort();
    out
}

/// Every diagnostic points into the text (on character boundaries, so editors
/// and the CLI can show it) and says something.
pub fn assert_well_formed(what: &str, parse: &Parse, diagnostics: &[Diagnostic]) {
    let text = parse.text();
    for d in diagnostics {
        let (start, end) = (usize::from(d.range.start()), usize::from(d.range.end()));
        assert!(
            end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end),
            "{what}: {} has range {start}..{end}, outside the text ({} bytes) or inside a character",
            d.rule.name(),
            text.len()
        );
        assert!(
            !d.message.trim().is_empty(),
            "{what}: {} at {start}..{end} has no message",
            d.rule.name()
        );
        for r in &d.related {
            let (s, e) = (usize::from(r.range.start()), usize::from(r.range.end()));
            assert!(
                e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e),
                "{what}: related range {s}..{e} of {} is outside the text",
                d.rule.name()
            );
        }
    }
}

/// One `## file.case` section of EXPECTED.md.
#[derive(Debug)]
pub struct Expected {
    pub definitions_file: bool,
    pub findings: Vec<(u32, String)>,
}

/// Reads the per-file sections (everything before the `# Generated inputs` part).
pub fn expected() -> BTreeMap<String, Expected> {
    let path = workspace_root().join("tests/bad/EXPECTED.md");
    let text = std::fs::read_to_string(&path).expect("tests/bad/EXPECTED.md is readable");
    let mut out: BTreeMap<String, Expected> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if line.starts_with("# ") && current.is_some() {
            break; // the generated-inputs part: checked by other tests
        }
        if let Some(head) = line.strip_prefix("## ") {
            let name = head.split_whitespace().next().unwrap_or("").to_string();
            out.insert(
                name.clone(),
                Expected {
                    definitions_file: head.contains("(definitions file)"),
                    findings: Vec::new(),
                },
            );
            current = Some(name);
            continue;
        }
        let Some(name) = &current else { continue };
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // `| 7 | date-invalid | why |` -> ["", "7", "date-invalid", "why", ""]
        if cells.len() >= 4
            && let Ok(line_no) = cells[1].parse::<u32>()
        {
            let rule = cells[2].to_string();
            assert!(
                caseline_check::Rule::from_name(&rule).is_some(),
                "EXPECTED.md names an unknown rule `{rule}` for {name}"
            );
            if let Some(e) = out.get_mut(name) {
                e.findings.push((line_no, rule));
            }
        }
    }
    for e in out.values_mut() {
        e.findings.sort();
    }
    out
}

/// The `caseline` binary, built once per test process with the same cargo and
/// target folder as the tests (cargo releases its build lock while tests run,
/// so this nested build is safe; in a workspace `cargo test` it finds the
/// binary already up to date). `CASELINE_BIN` overrides it.
pub fn caseline_bin() -> PathBuf {
    static BIN: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    BIN.get_or_init(|| {
        if let Some(path) = std::env::var_os("CASELINE_BIN") {
            return PathBuf::from(path);
        }
        let out = std::process::Command::new(env!("CARGO"))
            .args([
                "build",
                "--quiet",
                "-p",
                "caseline",
                "--message-format=json",
            ])
            .current_dir(workspace_root())
            .output()
            .expect("running cargo build -p caseline");
        assert!(
            out.status.success(),
            "cargo build -p caseline failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // The build's own report names the executable it made.
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|v| v["reason"] == "compiler-artifact" && v["target"]["name"] == "caseline")
            .find_map(|v| v["executable"].as_str().map(PathBuf::from))
            .expect("cargo reported the caseline executable")
    })
    .clone()
}

/// What one run of the binary produced.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `caseline ARGS` in `dir` with colour and logging pinned off, failing
/// the test if it takes longer than [`TIME_LIMIT`] (it is then killed).
pub fn run_caseline(dir: &std::path::Path, args: &[&str]) -> Run {
    use std::process::{Command, Stdio};
    let mut child = Command::new(caseline_bin())
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CASELINE_LOG")
        .env_remove("RUST_LOG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starting caseline");
    // Read the pipes on threads so a large output cannot block the child.
    let mut stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    let out_thread = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stdout, &mut s);
        s
    });
    let err_thread = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stderr, &mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for caseline") {
            break status;
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("caseline {args:?} took over {TIME_LIMIT:?}; killed");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stdout = out_thread.join().unwrap_or_default();
    let stderr = err_thread.join().unwrap_or_default();
    Run {
        code: status.code(),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// No panic reached the user: neither Rust's panic text nor the CLI's own
/// "this is a bug" report.
pub fn assert_no_panic(what: &str, run: &Run) {
    for text in [&run.stdout, &run.stderr] {
        assert!(
            !text.contains("panicked at")
                && !text.contains("RUST_BACKTRACE")
                && !text.contains("internal error"),
            "{what}: caseline panicked:\n{text}"
        );
    }
    assert!(
        run.code.is_some(),
        "{what}: caseline was killed by a signal\n{}",
        run.stderr
    );
}

/// Whether this runs under CI: `CI` is set to anything but empty, `0` or
/// `false` (CI services set `CI=true`, and so does `.ci/run`).
pub fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false" | "FALSE" | "False"))
}

/// A check that needs a tool this machine lacks: on a developer's machine it
/// is skipped with `why` on stderr; under CI it fails, so a green CI always
/// means the check ran.
pub fn cannot_run(why: &str) {
    assert!(
        !under_ci(),
        "{why}; under CI (CI={:?}) this check must run, so a missing tool is a failure",
        std::env::var("CI").unwrap_or_default()
    );
    eprintln!("SKIPPED: {why}");
}
