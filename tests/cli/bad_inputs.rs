//! The bad-input corpus through the `caseline` binary, as a user runs it: every
//! committed file gives the same (line, rule) findings as the libraries (from
//! tests/bad/EXPECTED.md), a file that is not UTF-8 is refused with a clear
//! message and exit 2, a file over the size cap is refused without being read,
//! and a 20 MB file is checked — never a panic, within the time limit.
//!
//! The libraries' side of the same corpus is `crates/caseline-check/tests/bad_corpus.rs`.
//! Unlike `support::run_in`, the runner here kills a run that takes too long and
//! reads output lossily: these inputs are where a hang or stray bytes would show.

use crate::expected;
use crate::support::{TIME_LIMIT, workspace_root};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

/// What one timed run of the binary produced.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `caseline ARGS` in `dir` with colour and logging pinned off, failing
/// the test if it takes longer than [`TIME_LIMIT`] (it is then killed).
fn run_caseline(dir: &Path, args: &[&str]) -> Run {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_caseline"))
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
fn assert_no_panic(what: &str, run: &Run) {
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

/// The per-file sections of `tests/bad/EXPECTED.md`, by file name.
fn expected_bad() -> BTreeMap<String, expected::Section> {
    expected::read(&workspace_root().join("tests/bad/EXPECTED.md"), |rule| {
        caseline_check::Rule::from_name(rule).is_some()
    })
}

/// (path, line, rule) of every diagnostic in `--format json` output.
fn json_findings(stdout: &str) -> BTreeMap<String, Vec<(u32, String)>> {
    let v: serde_json::Value = serde_json::from_str(stdout)
        .unwrap_or_else(|e| panic!("--format json printed invalid JSON ({e}):\n{stdout}"));
    let mut out: BTreeMap<String, Vec<(u32, String)>> = BTreeMap::new();
    for d in v["diagnostics"].as_array().expect("a diagnostics array") {
        let path = d["path"].as_str().expect("path");
        let file = path.rsplit('/').next().unwrap_or(path).to_string();
        let line = d["line"].as_u64().expect("line") as u32;
        let code = d["code"].as_str().expect("code").to_string();
        out.entry(file).or_default().push((line, code));
    }
    for v in out.values_mut() {
        v.sort();
    }
    out
}

#[test]
fn the_cli_reports_the_corpus_findings_and_refuses_the_non_utf8_file() {
    let run = run_caseline(
        &workspace_root(),
        &["check", "tests/bad", "--format", "json"],
    );
    assert_no_panic("check tests/bad", &run);
    // Exit 2: one file could not be read (not UTF-8); the others are still checked.
    assert_eq!(run.code, Some(2), "stderr:\n{}", run.stderr);
    assert!(
        run.stderr.contains("non-utf8.case")
            && run.stderr.contains("not UTF-8")
            && run.stderr.contains("line 6"),
        "the non-UTF-8 file is named, with the line of the first bad byte:\n{}",
        run.stderr
    );
    let got = json_findings(&run.stdout);
    let mut failures = Vec::new();
    for (file, want) in expected_bad() {
        if file == "non-utf8.case" {
            assert!(
                !got.contains_key(&file),
                "a refused file has no diagnostics"
            );
            continue;
        }
        let have = got.get(&file).cloned().unwrap_or_default();
        if have != want.findings {
            failures.push(format!(
                "{file}:\n  expected {:?}\n  got      {have:?}",
                want.findings
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_file_over_the_size_cap_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("huge.case");
    // A sparse 1 GiB file: no disk space used, no time spent writing. Far over
    // any sensible cap; if caseline tried to read it whole, the time limit or
    // memory would show it.
    let file = std::fs::File::create(&path).expect("creating the file");
    file.set_len(1024 * 1024 * 1024).expect("making it sparse");
    drop(file);
    let run = run_caseline(dir.path(), &["check", "huge.case"]);
    assert_no_panic("check huge.case", &run);
    assert_eq!(
        run.code,
        Some(2),
        "stdout:\n{}\nstderr:\n{}",
        run.stdout,
        run.stderr
    );
    assert!(
        run.stderr.contains("huge.case") && run.stderr.contains("MB"),
        "the refusal names the file and the size limit:\n{}",
        run.stderr
    );
}

#[test]
fn a_twenty_megabyte_file_is_checked() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("big.case");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).expect("creating"));
    out.write_all(b"case \"big\"\n  procedure lgsco\n  as-of 2025-01-01\n")
        .expect("writing");
    let mut written = 0usize;
    let mut i = 0usize;
    while written < 20 * 1024 * 1024 {
        let line = format!(
            "2024-06-{:02} note \"line {i:08} of a big file\"\n",
            1 + i / 20_000 % 28
        );
        out.write_all(line.as_bytes()).expect("writing");
        written += line.len();
        i += 1;
    }
    // One real finding at the very end, so we know the whole file was read.
    out.write_all(b"2024-13-01 note \"no month 13\"\n")
        .expect("writing");
    out.flush().expect("flushing");
    drop(out);
    let run = run_caseline(dir.path(), &["check", "big.case", "--format", "json"]);
    assert_no_panic("check big.case", &run);
    assert_eq!(run.code, Some(1), "stderr:\n{}", run.stderr);
    let got = json_findings(&run.stdout);
    // Lines: 3 header lines, then i entries, then the bad one.
    let last_line = 3 + i as u32 + 1;
    assert_eq!(
        got.get("big.case"),
        Some(&vec![(last_line, "date-invalid".to_string())])
    );
}

#[test]
fn a_nul_byte_is_a_syntax_error_on_its_line_through_the_cli() {
    let run = run_caseline(
        &workspace_root(),
        &["check", "tests/bad/nul-byte.case", "--format", "json"],
    );
    assert_no_panic("check nul-byte.case", &run);
    assert_eq!(run.code, Some(1), "stderr:\n{}", run.stderr);
    assert_eq!(
        json_findings(&run.stdout).get("nul-byte.case"),
        Some(&vec![
            (2, "procedure-missing".to_string()),
            (5, "syntax".to_string())
        ])
    );
}

#[test]
fn human_output_for_the_corpus_never_panics() {
    // The default renderer draws source excerpts with carets: the place where
    // odd bytes (NUL, U+FFFD, control characters, 50,000-character lines) would
    // trip a width or slicing bug.
    let run = run_caseline(&workspace_root(), &["check", "tests/bad"]);
    assert_no_panic("check tests/bad (human)", &run);
    assert_eq!(run.code, Some(2));
    assert!(run.stdout.contains("date-invalid"), "{}", run.stdout);
}

/// Every file of the corpus, byte for byte, by name.
fn snapshot(dir: &std::path::Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .expect("reading the folder")
        .filter_map(|e| e.ok())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("reading a file"),
            )
        })
        .collect()
}

fn copy_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, bytes) in snapshot(&workspace_root().join("tests/bad")) {
        std::fs::write(dir.path().join(name), bytes).expect("copying the corpus");
    }
    dir
}

#[test]
fn check_and_fmt_check_never_change_a_file() {
    let dir = copy_corpus();
    let before = snapshot(dir.path());
    for args in [
        &["check", "."][..],
        &["check", ".", "--format", "sarif"],
        &["fmt", "--check", "."],
    ] {
        let run = run_caseline(dir.path(), args);
        assert_no_panic(&args.join(" "), &run);
        assert_eq!(
            snapshot(dir.path()),
            before,
            "`caseline {}` changed a file",
            args.join(" ")
        );
    }
}

#[test]
fn fmt_on_bad_inputs_changes_only_whitespace_and_leaves_unreadable_files_alone() {
    let dir = copy_corpus();
    let before = snapshot(dir.path());
    let run = run_caseline(dir.path(), &["fmt", "."]);
    assert_no_panic("fmt .", &run);
    let after = snapshot(dir.path());
    let ink = |b: &[u8]| -> Vec<u8> {
        b.iter()
            .copied()
            .filter(|c| !c.is_ascii_whitespace())
            .collect()
    };
    for (name, old) in &before {
        let new = after.get(name).expect("fmt never deletes a file");
        if name == "non-utf8.case" {
            // Not UTF-8: caseline cannot read it, so it must not rewrite it.
            assert_eq!(new, old, "fmt rewrote a file it cannot read");
            continue;
        }
        assert_eq!(
            ink(new),
            ink(old),
            "fmt changed more than whitespace in {name}"
        );
    }
    // only-comments.case has comments indented with three spaces and a tab,
    // which the canonical layout re-indents: fmt really wrote something.
    assert_ne!(after, before, "fmt changed nothing at all");
    // Formatting again changes nothing (the formatter is idempotent on disk too).
    let run = run_caseline(dir.path(), &["fmt", "."]);
    assert_no_panic("fmt . (again)", &run);
    assert_eq!(snapshot(dir.path()), after, "a second fmt changed a file");
}
