//! Exact positions with non-ASCII text (é, £, an emoji) and CRLF line endings,
//! in UTF-16 (the default) and UTF-8 (when the client offers it). Expected
//! columns are counted by hand in the comments.

use caseline_syntax::Encoding;
use serde_json::{Value, json};

use crate::harness::{TestClient, pos, range, utf8_caps, utf16_caps};
use crate::support::{expected, from_lsp};

const URI: &str = "file:///cases/positions.case";

fn text() -> String {
    [
        "case \"é-1\"",
        "  title \"Café £5 😀\"",
        "  as-of 2024-06-01",
        "",
        "2024-01-05 note \"a😀b\" # £ é",
        "2024-01-10 done zz",
        "",
    ]
    .join("\r\n")
}

/// Semantic tokens as absolute (line, start, length).
fn absolute(data: &Value) -> Vec<(u64, u64, u64)> {
    let nums: Vec<u64> = data
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default();
    let (mut line, mut start) = (0, 0);
    let mut out = Vec::new();
    for t in nums.chunks(5) {
        if t.len() < 5 {
            break;
        }
        if t[0] > 0 {
            line += t[0];
            start = t[1];
        } else {
            start += t[1];
        }
        out.push((line, start, t[2]));
    }
    out
}

async fn check_encoding(caps: Value, enc: Encoding, kind: &str) {
    let (mut c, init) = TestClient::start(caps, json!(null)).await;
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], kind);
    let text = text();
    c.open(URI, 1, &text);
    let got = from_lsp(&c.diagnostics(URI, 1).await);
    assert_eq!(got, expected(&text, enc));
    // `done zz` names no recommendation: rec-unknown on the ID, line 5
    // (0-based, after four CRLF line breaks and a blank line), columns 16..18.
    let unknown: Vec<_> = got.iter().filter(|d| d.code == "rec-unknown").collect();
    assert_eq!(unknown.len(), 1, "{got:#?}");
    assert_eq!((unknown[0].start, unknown[0].end), ((5, 16), (5, 18)));

    // Line 4: `2024-01-05 note "a😀b" # £ é`. The string starts at column 16;
    // it is 6 UTF-16 units long (the emoji counts 2) or 8 UTF-8 bytes (the
    // emoji counts 4). The comment starts one space later: 23 or 25.
    let (string_len, comment_start) = match enc {
        Encoding::Utf8 => (8, 25),
        _ => (6, 23),
    };
    let tokens = c
        .result(
            "textDocument/semanticTokens/full",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
    let tokens = absolute(&tokens["data"]);
    assert!(tokens.contains(&(4, 16, string_len)), "{tokens:?}");
    assert!(
        tokens.iter().any(|t| t.0 == 4 && t.1 == comment_start),
        "{tokens:?}"
    );
    // No token ever crosses a line end: line 1's title string ends the line.
    assert!(tokens.iter().all(|t| t.2 > 0));

    // Insert "X" before the "b" of "a😀b": UTF-16 column 16+1+1+2 = 20,
    // UTF-8 column 16+1+1+4 = 22.
    let col = match enc {
        Encoding::Utf8 => 22,
        _ => 20,
    };
    c.change(
        URI,
        2,
        json!([{"range": range((4, col), (4, col)), "text": "X"}]),
    );
    let symbols = c
        .result(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
    let details: Vec<&str> = symbols
        .as_array()
        .map(|a| a.iter().filter_map(|s| s["detail"].as_str()).collect())
        .unwrap_or_default();
    assert!(details.contains(&"a😀Xb"), "{details:?}");

    // Hovering the date of line 5 covers exactly its ten characters.
    let hover = c
        .result(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": pos(5, 3)}),
        )
        .await;
    assert_eq!(hover["range"], range((5, 0), (5, 10)));
    let text2 = crate::support::apply(&text, (4, col), (4, col), "X", enc);
    assert_eq!(
        from_lsp(&c.diagnostics(URI, 2).await),
        expected(&text2, enc)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn utf16_positions_with_non_ascii_and_crlf() {
    check_encoding(utf16_caps(), Encoding::Utf16, "utf-16").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn utf8_positions_when_the_client_offers_them() {
    check_encoding(utf8_caps(), Encoding::Utf8, "utf-8").await;
}
