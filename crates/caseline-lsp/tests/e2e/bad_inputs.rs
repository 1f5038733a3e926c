//! The bad-input corpus (`tests/bad/`, issue 7) through the server: each file,
//! as an editor would hand it over (non-UTF-8 bytes replaced), gets exactly the
//! checker's diagnostics, in both encodings, and the server keeps serving.

use caseline_syntax::Encoding;
use serde_json::json;

use crate::harness::{TestClient, pos, utf8_caps, utf16_caps};
use crate::support::{expected, from_lsp};

fn corpus() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/bad");
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "case"))
                .filter_map(|e| {
                    let bytes = std::fs::read(e.path()).ok()?;
                    let name = e.file_name().to_string_lossy().into_owned();
                    Some((name, String::from_utf8_lossy(&bytes).into_owned()))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_bad_input_gets_the_checkers_diagnostics() {
    let files = corpus();
    assert!(files.len() >= 10, "the corpus is in tests/bad");
    for (caps, enc) in [
        (utf16_caps(), Encoding::Utf16),
        (utf8_caps(), Encoding::Utf8),
    ] {
        let (mut c, _) = TestClient::start(caps, json!(null)).await;
        for (name, text) in &files {
            let uri = format!("file:///bad/{name}");
            c.open(&uri, 1, text);
            let got = from_lsp(&c.diagnostics(&uri, 1).await);
            assert_eq!(got, expected(text, enc), "{name}");
            // Every request kind answers on it without an error.
            for method in [
                "textDocument/hover",
                "textDocument/completion",
                "textDocument/definition",
            ] {
                let reply = c
                    .request(
                        method,
                        json!({"textDocument": {"uri": uri}, "position": pos(1, 3)}),
                    )
                    .await;
                assert!(reply.get("error").is_none(), "{name} {method}: {reply}");
            }
            for method in [
                "textDocument/documentSymbol",
                "textDocument/foldingRange",
                "textDocument/semanticTokens/full",
            ] {
                let reply = c
                    .request(method, json!({"textDocument": {"uri": uri}}))
                    .await;
                assert!(reply.get("error").is_none(), "{name} {method}: {reply}");
            }
            let reply = c
                .request(
                    "textDocument/inlayHint",
                    json!({"textDocument": {"uri": uri}, "range": crate::harness::range((0, 0), (99999, 0))}),
                )
                .await;
            assert!(reply.get("error").is_none(), "{name} inlayHint: {reply}");
            c.notify(
                "textDocument/didClose",
                json!({"textDocument": {"uri": uri}}),
            );
        }
    }
}
