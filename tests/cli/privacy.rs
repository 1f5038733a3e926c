//! Privacy (issue 7, item 4): the CLI and the language server make no network
//! connections, and the server's logs at the default level contain no document
//! text. "No connection" is checked the way it can be checked from outside:
//! every command runs under `strace -f -e trace=%network` and the trace must
//! show no socket other than a local (AF_UNIX) one and no connect() to any
//! address that is not local. A control run (bash opening a TCP socket) proves
//! the trace would have caught one.
//!
//! strace is a Linux tool; where it is missing (or ptrace is not allowed) these
//! tests say so on stderr and pass without checking, except under CI
//! (`CI=true`), where that is a failure: `.ci/run` installs strace, and a green
//! CI always means the no-network check ran. Drives the binary as a separate process; links no CLI or LSP
//! code.

use crate::ci::cannot_run;
use crate::support::{TIME_LIMIT, workspace_root};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Whether strace can trace here; prints why not if it cannot (and fails the
/// test under CI).
fn strace_works() -> bool {
    match Command::new("strace")
        .args(["-f", "-e", "trace=%network", "-o", "/dev/null", "true"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
    {
        Ok(out) if out.status.success() => true,
        Ok(out) => {
            cannot_run(&format!(
                "strace cannot trace here ({}); the no-network check did not run",
                String::from_utf8_lossy(&out.stderr).trim()
            ));
            false
        }
        Err(e) => {
            cannot_run(&format!(
                "strace is not installed ({e}); install it (apt-get install strace) to check that caseline makes no network connections"
            ));
            false
        }
    }
}

/// The network system calls in a trace that are not purely local.
fn non_local_network_calls(trace: &str) -> Vec<String> {
    trace
        .lines()
        .filter(|l| {
            let call = l.split_once(' ').map_or(*l, |(_, rest)| rest.trim_start());
            let opens_socket = call.starts_with("socket(") || call.starts_with("socketpair(");
            let connects = call.starts_with("connect(")
                || call.starts_with("sendto(")
                || call.starts_with("sendmsg(");
            (opens_socket && !call.contains("AF_UNIX") && !call.contains("AF_LOCAL"))
                || (connects && (call.contains("AF_INET") || call.contains("AF_INET6")))
        })
        .map(str::to_string)
        .collect()
}

fn trace_file(dir: &Path) -> PathBuf {
    dir.join("network.trace")
}

/// Runs `program args` under strace in `cwd` and returns the trace.
fn traced(program: &Path, args: &[&str], cwd: &Path, scratch: &Path) -> String {
    let trace = trace_file(scratch);
    let status = Command::new("strace")
        .args(["-f", "-e", "trace=%network", "-o"])
        .arg(&trace)
        .arg(program)
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("running strace");
    assert!(
        status.code().is_some(),
        "{program:?} {args:?} was killed by a signal"
    );
    std::fs::read_to_string(&trace).expect("strace wrote its trace")
}

#[test]
fn the_trace_would_catch_a_connection() {
    if !strace_works() {
        return;
    }
    let scratch = tempfile::tempdir().expect("a temporary folder");
    // bash's /dev/tcp opens an AF_INET socket and connects (refused: nothing
    // listens on port 9, and no packet leaves the machine).
    let trace = traced(
        Path::new("bash"),
        &["-c", "exec 3<>/dev/tcp/127.0.0.1/9 || true"],
        scratch.path(),
        scratch.path(),
    );
    let calls = non_local_network_calls(&trace);
    assert!(
        calls.iter().any(|c| c.contains("socket(AF_INET")),
        "the control connection was not seen in the trace:\n{trace}"
    );
}

#[test]
fn cli_commands_make_no_network_connections() {
    if !strace_works() {
        return;
    }
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_caseline"));
    let root = workspace_root();
    let scratch = tempfile::tempdir().expect("a temporary folder");
    let runs: &[&[&str]] = &[
        &["--version"],
        &["check", "tests/cases"],
        &["check", "tests/cases", "--format", "sarif"],
        &["check", "tests/bad", "--format", "json"],
        &["fmt", "--check", "tests/cases"],
        &["explain", "deadline-missed"],
        &["procedures"],
    ];
    let mut failures = Vec::new();
    for args in runs {
        let trace = traced(&bin, args, &root, scratch.path());
        let calls = non_local_network_calls(&trace);
        if !calls.is_empty() {
            failures.push(format!("caseline {}: {calls:#?}", args.join(" ")));
        }
    }
    assert!(
        failures.is_empty(),
        "network activity:\n{}",
        failures.join("\n")
    );
}

/// Frames one JSON-RPC message for the LSP base protocol.
fn frame(body: &str) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body.as_bytes());
    out
}

/// Reads LSP messages from `stdout` and forwards their bodies.
fn read_messages(stdout: impl Read + Send + 'static) -> mpsc::Receiver<serde_json::Value> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        loop {
            let mut length = None;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(v) = line.strip_prefix("Content-Length:") {
                    length = v.trim().parse::<usize>().ok();
                }
            }
            let Some(n) = length else { return };
            let mut body = vec![0; n];
            if reader.read_exact(&mut body).is_err() {
                return;
            }
            if let Ok(v) = serde_json::from_slice(&body)
                && tx.send(v).is_err()
            {
                return;
            }
        }
    });
    rx
}

/// Waits for the response to request `id`, passing over notifications.
fn response(rx: &mpsc::Receiver<serde_json::Value>, id: i64) -> serde_json::Value {
    let deadline = Instant::now() + TIME_LIMIT;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let msg = rx
            .recv_timeout(left)
            .unwrap_or_else(|_| panic!("no response to request {id} within {TIME_LIMIT:?}"));
        if msg["id"] == id {
            return msg;
        }
    }
}

#[test]
fn the_language_server_makes_no_connections_and_logs_no_document_text() {
    let scratch = tempfile::tempdir().expect("a temporary folder");
    let use_strace = strace_works();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_caseline"));
    let mut cmd = if use_strace {
        let mut c = Command::new("strace");
        c.args(["-f", "-e", "trace=%network", "-o"])
            .arg(trace_file(scratch.path()))
            .arg(&bin);
        c
    } else {
        Command::new(&bin)
    };
    // Default log level: whatever the server does when nobody asks for logs.
    let mut child = cmd
        .arg("lsp")
        .current_dir(scratch.path())
        .env_remove("CASELINE_LOG")
        .env_remove("RUST_LOG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starting caseline lsp");
    let mut stdin = child.stdin.take().expect("piped");
    let rx = read_messages(child.stdout.take().expect("piped"));
    let mut stderr = child.stderr.take().expect("piped");
    let logs = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });

    // A document whose text is unmistakable, with a finding so it is analysed.
    let secret = "Mrs Zebedee-Quartermaine at 17 Privet Lane";
    let text = format!(
        "case \"{secret}\"\n  as-of 2025-01-01\n\n2024-13-01 note \"{secret}\"\n  > {secret}\n"
    );
    let uri = "file:///tmp/private.case";
    let send = |stdin: &mut std::process::ChildStdin, v: serde_json::Value| {
        stdin
            .write_all(&frame(&v.to_string()))
            .expect("writing to the server");
        stdin.flush().expect("flushing");
    };
    send(
        &mut stdin,
        serde_json::json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"processId": null, "rootUri": null, "capabilities": {}}}),
    );
    let init = response(&rx, 1);
    assert!(init.get("result").is_some(), "initialize failed: {init}");
    send(
        &mut stdin,
        serde_json::json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
    );
    send(
        &mut stdin,
        serde_json::json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": uri, "languageId": "caseline", "version": 1, "text": text}}}),
    );
    // A request that needs the parsed document, so the text has been through
    // the whole pipeline before we look at the logs.
    send(
        &mut stdin,
        serde_json::json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/documentSymbol",
            "params": {"textDocument": {"uri": uri}}}),
    );
    let _ = response(&rx, 2);
    // Give the diagnostics (usually debounced) a moment to be computed.
    let until = Instant::now() + Duration::from_secs(5);
    while let Some(left) = until.checked_duration_since(Instant::now()) {
        match rx.recv_timeout(left) {
            Ok(m) if m["method"] == "textDocument/publishDiagnostics" => break,
            Ok(_) => continue,
            Err(_) => break,
        }
    }
    send(
        &mut stdin,
        serde_json::json!({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}),
    );
    let _ = response(&rx, 3);
    send(
        &mut stdin,
        serde_json::json!({"jsonrpc": "2.0", "method": "exit"}),
    );
    drop(stdin);
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("waiting for the server") {
            break s;
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            panic!("the server did not exit within {TIME_LIMIT:?} after shutdown/exit");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.code().is_some(), "the server was killed by a signal");
    let logs = logs.join().unwrap_or_default();
    assert!(
        !logs.contains("Zebedee") && !logs.contains("Privet"),
        "the server's default-level logs contain document text:\n{logs}"
    );
    if use_strace {
        let trace = std::fs::read_to_string(trace_file(scratch.path())).expect("the trace");
        let calls = non_local_network_calls(&trace);
        assert!(
            calls.is_empty(),
            "the language server used the network: {calls:#?}"
        );
    }
}
