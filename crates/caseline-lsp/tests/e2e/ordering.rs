//! Edits must be applied in arrival order even though tower-lsp-server polls handlers
//! concurrently (docs/architecture.md, caseline-lsp, "Concurrency"), and the last published
//! diagnostics must match the last text.

use caseline_syntax::Encoding;
use serde_json::json;

use crate::harness::{TestClient, range, utf16_caps};
use crate::support::{KENT_URI, Rng, apply, expected, from_lsp, kent, line_col};

const URI: &str = "file:///cases/ordering.case";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_hundred_rapid_changes_are_applied_in_order() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    let header = "case \"ordering\"\n  as-of 2024-06-01\n\n";
    c.open(URI, 1, header);
    let mut text = header.to_owned();
    for i in 0..300u32 {
        // Each change appends a line at the current end (line 3 + i): applied
        // out of order, the notes would come out shuffled or misplaced.
        let line = format!("2024-01-01 note \"n{i}\"\n");
        c.change(
            URI,
            i64::from(i) + 2,
            json!([{"range": range((3 + i, 0), (3 + i, 0)), "text": line}]),
        );
        text.push_str(&line);
    }
    let got = from_lsp(&c.diagnostics(URI, 301).await);
    assert_eq!(got, expected(&text, Encoding::Utf16));
    let symbols = c
        .result(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
    let details: Vec<String> = symbols
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s["detail"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let want: Vec<String> = (0..300).map(|i| format!("n{i}")).collect();
    assert_eq!(details, want);
}

/// Random incremental edits (deletions and insertions of text that matters to
/// the checker, including non-ASCII and CRLF pieces): the diagnostics after
/// the last one equal `check` on the final text.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn random_incremental_edits_end_with_the_checkers_diagnostics() {
    let pieces = [
        "",
        "x",
        "\n",
        "\r\n",
        "é",
        "😀",
        "£",
        "2024-02-30 ",
        "2023-10-01 stage2.adjudication\n",
        "  rec z1 \"do it\"\n",
        "2024-03-01 done m1\n",
        "? note\n",
        "\"",
        "# c\n",
        "  ",
        ".",
        "stage2",
        "2023-09",
        "..12-03",
    ];
    for seed in [7u64, 99, 2024] {
        let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
        let mut rng = Rng(seed);
        let mut text = kent();
        c.open(KENT_URI, 1, &text);
        let mut version = 1;
        for _ in 0..120 {
            // Up to three changes in one notification (as multi-cursor edits
            // arrive), each relative to the text after the previous one.
            let mut changes = Vec::new();
            for _ in 0..=rng.below(3) {
                let len = text.len();
                let mut a = rng.below(len + 1);
                while !text.is_char_boundary(a) {
                    a -= 1;
                }
                let mut b = (a + rng.below(12)).min(len);
                while !text.is_char_boundary(b) {
                    b -= 1;
                }
                // An offset between \r and \n maps to the line's end on both sides.
                let start = line_col(&text, a, Encoding::Utf16);
                let end = line_col(&text, b, Encoding::Utf16);
                let insert = pieces[rng.below(pieces.len())];
                changes.push(json!({"range": range(start, end), "text": insert}));
                text = apply(&text, start, end, insert, Encoding::Utf16);
            }
            version += 1;
            c.change(KENT_URI, version, json!(changes));
        }
        let got = from_lsp(&c.diagnostics(KENT_URI, version).await);
        assert_eq!(got, expected(&text, Encoding::Utf16), "seed {seed}");
        // And the server's text is the client's: formatting it gives the
        // formatter's output for our copy.
        let edits = c
            .result("textDocument/formatting", json!({"textDocument": {"uri": KENT_URI}, "options": {"tabSize": 2, "insertSpaces": true}}))
            .await;
        let edits = edits.as_array().cloned().unwrap_or_default();
        let formatted = crate::support::apply_text_edits(&text, &edits, Encoding::Utf16);
        assert_eq!(formatted, caseline_syntax::format(&text), "seed {seed}");
    }
}
