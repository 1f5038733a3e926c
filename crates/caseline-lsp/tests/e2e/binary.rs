//! The real binary: `caseline lsp` over its stdio, when `target/debug/caseline`
//! has been built (the binary is another crate; this crate's tests don't build
//! it). Checks the framing end to end and the Kent diagnostics.

use caseline_syntax::Encoding;
use serde_json::json;

use crate::harness::{TestClient, utf16_caps};
use crate::support::{KENT_URI, expected, from_lsp, kent};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_caseline_binary_serves_lsp_on_stdio() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/debug/caseline");
    if !std::path::Path::new(path).exists() {
        // Optional: run `cargo build -p caseline` first to include this check.
        return;
    }
    let mut child = tokio::process::Command::new(path)
        .arg("lsp")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("the binary starts");
    let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
        panic!("piped stdio");
    };
    let idle = tokio::spawn(async {});
    let c = TestClient::connect(tokio::io::join(stdout, stdin), idle).await;
    let (mut c, init) = c.initialize_with(utf16_caps(), json!(null)).await;
    assert_eq!(init["result"]["serverInfo"]["name"], "caseline");
    let text = kent();
    c.open(KENT_URI, 1, &text);
    assert_eq!(
        from_lsp(&c.diagnostics(KENT_URI, 1).await),
        expected(&text, Encoding::Utf16)
    );
    let _ = c.request("shutdown", json!(null)).await;
    c.notify("exit", json!(null));
    let status = tokio::time::timeout(crate::harness::TIMEOUT, child.wait())
        .await
        .expect("the binary exits after `exit`")
        .expect("waiting for the binary");
    assert!(status.success(), "{status}");
}
