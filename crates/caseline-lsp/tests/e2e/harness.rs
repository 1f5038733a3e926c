//! A minimal LSP client for tests and the benchmark: runs the server in-process
//! over in-memory pipes with real `Content-Length` framing (as typos-lsp's tests
//! do), answers the server's own requests with `null`, and waits for the
//! initialize reply before sending anything else (notifications sent earlier
//! are dropped by tower-lsp-server). Must not depend on server internals.

#![allow(dead_code)]

use std::collections::VecDeque;
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;

pub const TIMEOUT: Duration = Duration::from_secs(30);

pub struct TestClient {
    out: mpsc::UnboundedSender<Value>,
    incoming: mpsc::UnboundedReceiver<Value>,
    /// Messages read while waiting for something else.
    backlog: VecDeque<Value>,
    next_id: i64,
    pub server: tokio::task::JoinHandle<()>,
}

/// Writes one framed message.
pub async fn write_frame<W: tokio::io::AsyncWrite + Unpin>(
    w: &mut W,
    msg: &Value,
) -> std::io::Result<()> {
    let body = serde_json::to_vec(msg)?;
    w.write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes())
        .await?;
    w.write_all(&body).await?;
    w.flush().await
}

/// Reads one framed message; `None` at end of stream.
pub async fn read_frame<R: tokio::io::AsyncBufRead + Unpin>(r: &mut R) -> Option<Value> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).await.ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            len = v.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; len?];
    r.read_exact(&mut body).await.ok()?;
    serde_json::from_slice(&body).ok()
}

impl TestClient {
    /// Starts a server and initializes it with `capabilities` and `folders`
    /// (a JSON array of workspace folders, or null).
    pub async fn start(capabilities: Value, folders: Value) -> (TestClient, Value) {
        let (client_io, server_io) = tokio::io::duplex(1 << 20);
        let (server_read, server_write) = tokio::io::split(server_io);
        let server = tokio::spawn(caseline_lsp::serve(server_read, server_write));
        Self::connect(client_io, server)
            .await
            .initialize_with(capabilities, folders)
            .await
    }

    /// Wraps any byte stream to a server (in-process pipe or a child's stdio).
    pub async fn connect<S>(io: S, server: tokio::task::JoinHandle<()>) -> TestClient
    where
        S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Send + 'static,
    {
        let (read, mut write) = tokio::io::split(io);
        let (out_tx, mut out_rx) = mpsc::unbounded_channel::<Value>();
        let (in_tx, in_rx) = mpsc::unbounded_channel::<Value>();
        tokio::spawn(async move {
            while let Some(msg) = out_rx.recv().await {
                if write_frame(&mut write, &msg).await.is_err() {
                    break;
                }
            }
        });
        let reply = out_tx.clone();
        tokio::spawn(async move {
            let mut read = BufReader::new(read);
            while let Some(msg) = read_frame(&mut read).await {
                // A request from the server (it has both an id and a method).
                if msg.get("method").is_some() && msg.get("id").is_some() {
                    let _ = reply.send(json!({"jsonrpc": "2.0", "id": msg["id"], "result": null}));
                }
                if in_tx.send(msg).is_err() {
                    break;
                }
            }
        });
        TestClient {
            out: out_tx,
            incoming: in_rx,
            backlog: VecDeque::new(),
            next_id: 1,
            server,
        }
    }

    pub async fn initialize_with(
        mut self,
        capabilities: Value,
        folders: Value,
    ) -> (TestClient, Value) {
        let reply = self
            .request(
                "initialize",
                json!({"processId": null, "capabilities": capabilities, "workspaceFolders": folders}),
            )
            .await;
        self.notify("initialized", json!({}));
        (self, reply)
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        let _ = self
            .out
            .send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request without waiting; returns its id.
    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        let _ = self
            .out
            .send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Sends a request and returns its whole response (`result` or `error`).
    pub async fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        self.response(id).await
    }

    /// The `result` of a request, panicking (in the test) on an error response.
    pub async fn result(&mut self, method: &str, params: Value) -> Value {
        let reply = self.request(method, params).await;
        assert!(reply.get("error").is_none(), "{method} failed: {reply}");
        reply["result"].clone()
    }

    pub async fn response(&mut self, id: i64) -> Value {
        self.wait_for(|m| m.get("method").is_none() && m["id"] == json!(id))
            .await
    }

    /// The next message matching `pred`, keeping the others for later.
    pub async fn wait_for(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&pred) {
            return self.backlog.remove(i).unwrap_or(Value::Null);
        }
        loop {
            let msg = tokio::time::timeout(TIMEOUT, self.incoming.recv())
                .await
                .expect("the server answered in time")
                .expect("the server is still running");
            if pred(&msg) {
                return msg;
            }
            self.backlog.push_back(msg);
        }
    }

    /// The diagnostics published for `uri` at exactly `version`.
    pub async fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let msg = self
            .wait_for(|m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == uri
                    && m["params"]["version"] == json!(version)
            })
            .await;
        msg["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    pub fn open(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "caseline", "version": version, "text": text}}),
        );
    }

    pub fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }
}

/// `{"line": l, "character": c}`.
pub fn pos(line: u32, character: u32) -> Value {
    json!({"line": line, "character": character})
}

pub fn range(a: (u32, u32), b: (u32, u32)) -> Value {
    json!({"start": pos(a.0, a.1), "end": pos(b.0, b.1)})
}

/// Client capabilities offering UTF-8 positions (as Helix and Neovim do).
pub fn utf8_caps() -> Value {
    json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}})
}

/// Client capabilities of a UTF-16-only client (as VS Code).
pub fn utf16_caps() -> Value {
    json!({})
}
