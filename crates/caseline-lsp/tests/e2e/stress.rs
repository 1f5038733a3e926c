//! The server under odd and heavy input (issue 7): positions past the end,
//! unopened documents, old versions, 1,000 rapid changes, shutdown with
//! requests in flight. It must answer every request and keep serving.

use caseline_syntax::Encoding;
use serde_json::json;

use crate::harness::{TestClient, pos, range, utf16_caps};
use crate::support::{KENT_URI, expected, from_lsp, kent};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn positions_past_the_end_and_unopened_documents() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    let text = kent();
    c.open(KENT_URI, 1, &text);
    let far = [pos(0, 9999), pos(9999, 0), pos(9999, 9999), pos(19, 500)];
    for p in far {
        for (method, extra) in [
            ("textDocument/hover", json!({})),
            ("textDocument/definition", json!({})),
            ("textDocument/completion", json!({})),
            ("textDocument/prepareRename", json!({})),
            (
                "textDocument/references",
                json!({"context": {"includeDeclaration": true}}),
            ),
        ] {
            let mut params = json!({"textDocument": {"uri": KENT_URI}, "position": p});
            if let Some(obj) = extra.as_object() {
                for (k, v) in obj {
                    params[k] = v.clone();
                }
            }
            let reply = c.request(method, params).await;
            assert!(reply.get("error").is_none(), "{method} at {p}: {reply}");
        }
    }
    let reply = c
        .request(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": KENT_URI}, "range": range((500, 3), (9999, 9999))}),
        )
        .await;
    assert!(reply.get("error").is_none(), "{reply}");
    // A change whose range lies far outside the text is clamped to the end.
    c.change(
        KENT_URI,
        2,
        json!([{"range": range((9000, 5), (9001, 0)), "text": "\n"}]),
    );
    let want = format!("{text}\n");
    assert_eq!(
        from_lsp(&c.diagnostics(KENT_URI, 2).await),
        expected(&want, Encoding::Utf16)
    );

    // A document that was never opened: empty answers, no errors, no crash.
    let ghost = "file:///nowhere/ghost.case";
    for method in [
        "textDocument/hover",
        "textDocument/definition",
        "textDocument/completion",
    ] {
        let reply = c
            .request(
                method,
                json!({"textDocument": {"uri": ghost}, "position": pos(0, 0)}),
            )
            .await;
        assert_eq!(reply["result"], json!(null), "{method}: {reply}");
    }
    c.change(ghost, 3, json!([{"text": "case \"x\"\n"}]));
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": ghost}}),
    );
    // Still serving.
    let symbols = c
        .result(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": KENT_URI}}),
        )
        .await;
    assert!(symbols.as_array().is_some_and(|a| !a.is_empty()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn out_of_order_versions_are_ignored() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    let uri = "file:///cases/versions.case";
    let v1 = "case \"v\"\n  as-of 2024-06-01\n";
    c.open(uri, 1, v1);
    let v5 = format!("{v1}2024-01-05 done zz\n");
    c.change(uri, 5, json!([{"text": v5}]));
    // An older version arriving late must not replace the newer text.
    c.change(uri, 3, json!([{"text": v1}]));
    c.change(uri, 5, json!([{"text": v1}]));
    let got = from_lsp(&c.diagnostics(uri, 5).await);
    assert_eq!(got, expected(&v5, Encoding::Utf16));
    assert!(got.iter().any(|d| d.code == "rec-unknown"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_rapid_changes_then_a_hover() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    let text = kent();
    c.open(KENT_URI, 1, &text);
    // Type and delete a character at the start of line 12 (0-based 11) a
    // thousand times; the text ends where it began.
    for i in 0..1000u32 {
        let change = if i % 2 == 0 {
            json!([{"range": range((11, 0), (11, 0)), "text": "x"}])
        } else {
            json!([{"range": range((11, 0), (11, 1)), "text": ""}])
        };
        c.change(KENT_URI, i64::from(i) + 2, change);
    }
    let hover = c
        .result(
            "textDocument/hover",
            json!({"textDocument": {"uri": KENT_URI}, "position": pos(19, 3)}),
        )
        .await;
    // Line 20 (1-based) starts with 2024-02-21, a Wednesday.
    let shown = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(shown.contains("Wednesday 21 February 2024"), "{shown}");
    assert_eq!(
        from_lsp(&c.diagnostics(KENT_URI, 1001).await),
        expected(&text, Encoding::Utf16)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_with_requests_in_flight_answers_them_all() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    c.open(KENT_URI, 1, &kent());
    let mut ids = Vec::new();
    for line in 0..20 {
        ids.push(c.send_request(
            "textDocument/hover",
            json!({"textDocument": {"uri": KENT_URI}, "position": pos(line, 2)}),
        ));
        ids.push(c.send_request(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": KENT_URI}, "range": range((0, 0), (40, 0))}),
        ));
    }
    let shutdown = c.send_request("shutdown", json!(null));
    for id in ids {
        let reply = c.response(id).await;
        assert!(reply.get("result").is_some() || reply.get("error").is_some());
    }
    assert_eq!(c.response(shutdown).await["result"], json!(null));
    // After shutdown, requests are refused but answered.
    let late = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": KENT_URI}, "position": pos(0, 0)}),
        )
        .await;
    assert!(late.get("error").is_some(), "{late}");
    c.notify("exit", json!(null));
    tokio::time::timeout(crate::harness::TIMEOUT, c.server)
        .await
        .expect("the server stops after exit")
        .expect("the server task did not panic");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelled_requests_are_answered_and_the_server_carries_on() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    c.open(KENT_URI, 1, &kent());
    let mut ids = Vec::new();
    for line in 0..30 {
        let id = c.send_request(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": KENT_URI}, "range": range((line, 0), (40, 0))}),
        );
        c.notify("$/cancelRequest", json!({"id": id}));
        ids.push(id);
    }
    for id in ids {
        let reply = c.response(id).await;
        // Either it finished first, or it was cancelled (-32800).
        let ok = reply.get("result").is_some() || reply["error"]["code"] == json!(-32800);
        assert!(ok, "{reply}");
    }
    let hover = c
        .result(
            "textDocument/hover",
            json!({"textDocument": {"uri": KENT_URI}, "position": pos(19, 3)}),
        )
        .await;
    assert!(
        hover["contents"]["value"]
            .as_str()
            .is_some_and(|s| s.contains("2024"))
    );
}
