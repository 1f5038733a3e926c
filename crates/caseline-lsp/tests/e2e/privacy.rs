//! Privacy (issue 7): at the default log level the server's logs never contain
//! document text, even when it warns about odd client behaviour.

use std::io::Write;
use std::sync::{Arc, Mutex};

use serde_json::json;

use crate::harness::{TestClient, pos, range, utf16_caps};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut v) = self.0.lock() {
            v.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn logs_at_the_default_level_hold_no_document_text() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::INFO)
        .with_writer(move || writer.clone())
        .finish();
    // One thread, so every server task logs through this subscriber.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    tracing::subscriber::with_default(subscriber, || {
        runtime.block_on(async {
            let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
            let uri = "file:///private/secret.case";
            let text = "case \"SECRET-REF\"\n  complainant \"Ms SECRETNAME\"\n  as-of 2024-06-01\n\n2024-01-05 done SECRETID\n";
            c.open(uri, 1, text);
            c.diagnostics(uri, 1).await;
            // Things the server warns about: an old version, an unknown document.
            c.change(uri, 1, json!([{"range": range((0, 0), (0, 0)), "text": "SECRET-EDIT"}]));
            c.change("file:///private/other.case", 4, json!([{"text": "SECRET-OTHER"}]));
            let _ = c
                .request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": pos(4, 17)}))
                .await;
            let _ = c
                .request("textDocument/rename", json!({"textDocument": {"uri": uri}, "position": pos(4, 17), "newName": "not valid"}))
                .await;
            let _ = c.request("shutdown", json!(null)).await;
        });
    });
    let logs = captured
        .0
        .lock()
        .map(|v| String::from_utf8_lossy(&v).into_owned())
        .unwrap_or_default();
    // The warnings were logged (so this test can see logs at all) ...
    assert!(logs.contains("old version"), "{logs}");
    assert!(logs.contains("not open"), "{logs}");
    // ... and no document text is in them.
    assert!(!logs.contains("SECRET"), "{logs}");
}
