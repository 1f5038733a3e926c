//! Helpers for running the binary: a runner that captures everything, the path of
//! the shipped sample cases, and temporary workspaces.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// How long any single run on a bad input (or a language-server exchange) may
/// take in a debug build. Deliberately generous (timing tests must never flake
/// on a loaded CI machine); the real numbers belong in benchmarks.
pub const TIME_LIMIT: Duration = Duration::from_secs(20);

/// What one run of the binary produced.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The workspace root (where `tests/cases` lives).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the crate sits two levels below the workspace root")
}

/// Runs `caseline ARGS` in `dir`, with colour and logging pinned off so output
/// does not depend on the environment of whoever runs the tests.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    run_with_stdin(dir, args, None)
}

pub fn run_with_stdin(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    run_full(
        dir,
        args,
        stdin,
        &[("NO_COLOR", Some("1")), ("CLICOLOR_FORCE", None)],
    )
}

/// The general runner: `env` sets (`Some`) or removes (`None`) variables.
pub fn run_full(
    dir: &Path,
    args: &[&str],
    stdin: Option<&str>,
    env: &[(&str, Option<&str>)],
) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_caseline"));
    cmd.args(args).current_dir(dir).env_remove("CASELINE_LOG");
    for (key, value) in env {
        match value {
            Some(v) => cmd.env(key, v),
            None => cmd.env_remove(key),
        };
    }
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the test binary was built by cargo");
    if let Some(input) = stdin {
        use std::io::Write;
        let mut pipe = child.stdin.take().expect("stdin was piped");
        pipe.write_all(input.as_bytes())
            .expect("writing the child's stdin");
    }
    let out = child.wait_with_output().expect("waiting for caseline");
    Run {
        code: out
            .status
            .code()
            .expect("caseline exits normally, not by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// A `caseline.toml` for workspaces whose small cases name no procedure on
/// purpose (docs/format.md#the-case-header allows it: only the generic checks run). Without
/// it every such case carries a `procedure-missing` error, which the tests
/// using these cases are not about.
pub const NO_PROCEDURE_TOML: (&str, &[u8]) =
    ("caseline.toml", b"[rules]\nprocedure-missing = \"off\"\n");

/// A temporary directory holding the given files (path relative to it, bytes).
pub fn workspace(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("creating a test directory");
        }
        std::fs::write(path, bytes).expect("writing a test file");
    }
    dir
}

pub fn json(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
            run.stdout, run.stderr
        )
    })
}

/// The findings `tests/cases/NAME` (`EXPECTED.md` or `EXPECTED-own.md`) lists,
/// as sorted (file name, 1-based line, rule): read from its tables, the one
/// place they are written down.
pub fn expected_findings(name: &str) -> Vec<(String, u64, String)> {
    let path = workspace_root().join("tests/cases").join(name);
    let sections = crate::expected::read(&path, |rule| {
        caseline_check::Rule::from_name(rule).is_some()
    });
    let findings = crate::expected::flatten(&sections);
    assert!(
        !findings.is_empty(),
        "no findings read from {}",
        path.display()
    );
    findings
        .into_iter()
        .map(|(file, line, rule)| (file, u64::from(line), rule))
        .collect()
}
