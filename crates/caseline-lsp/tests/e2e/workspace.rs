//! Workspaces: none at all, and a folder with a definitions file that a case
//! uses; editing the definitions re-checks the open case.

use serde_json::json;

use crate::harness::{TestClient, utf16_caps};

const DEFS: &str = "procedure council-corporate\n  title \"Corporate complaints\"\n  event corp.received \"Complaint received\"\n  event corp.response \"Response\"\n  deadline corp.response within 10wd of corp.received \"policy 4.2\"\n";
const CASE: &str = "case \"c-1\"\n  procedure council-corporate\n  as-of 2024-06-01\n\n2024-01-08 corp.received\n2024-02-20 corp.response\n";

fn codes(diags: &[serde_json::Value]) -> Vec<String> {
    diags
        .iter()
        .filter_map(|d| d["code"].as_str().map(str::to_owned))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn definitions_in_the_workspace_are_used_and_edits_recheck_cases() {
    let dir = std::env::temp_dir().join(format!("caseline-lsp-ws-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("defs")).expect("temp dir");
    std::fs::write(dir.join("defs/corporate.case"), DEFS).expect("write defs");
    std::fs::write(dir.join("c-1.case"), CASE).expect("write case");
    let folder_uri = format!("file://{}", dir.display());
    let defs_uri = format!("{folder_uri}/defs/corporate.case");
    let case_uri = format!("{folder_uri}/c-1.case");
    let (mut c, _) = TestClient::start(
        utf16_caps(),
        json!([{"uri": folder_uri, "name": "ws"}, {"uri": "file:///does/not/exist", "name": "gone"}]),
    )
    .await;
    c.open(&case_uri, 1, CASE);
    let first = codes(&c.diagnostics(&case_uri, 1).await);
    // 2024-01-08 + 10wd = 2024-01-22; the response came on 2024-02-20.
    assert!(first.contains(&"deadline-missed".to_owned()), "{first:?}");
    assert!(
        !first.contains(&"procedure-unknown".to_owned()),
        "{first:?}"
    );

    // Renaming the procedure in the open definitions file re-checks the case.
    c.open(&defs_uri, 1, DEFS);
    c.change(
        &defs_uri,
        2,
        json!([{"text": DEFS.replace("council-corporate", "council-other")}]),
    );
    let after = loop {
        let msg = c
            .wait_for(|m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == case_uri.as_str()
            })
            .await;
        let found = codes(
            msg["params"]["diagnostics"]
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or(&[]),
        );
        if found.contains(&"procedure-unknown".to_owned()) {
            break found;
        }
    };
    assert!(!after.contains(&"deadline-missed".to_owned()), "{after:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_workspace_folder_at_all() {
    let (mut c, init) = TestClient::start(utf16_caps(), json!(null)).await;
    assert!(init["result"]["capabilities"].is_object());
    let uri = "file:///tmp/single.case";
    c.open(uri, 1, "case \"s\"\n  procedure no-such-procedure\n");
    let found = codes(&c.diagnostics(uri, 1).await);
    assert!(found.contains(&"procedure-unknown".to_owned()), "{found:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn caseline_toml_settings_apply_and_a_broken_one_is_reported() {
    let dir = std::env::temp_dir().join(format!("caseline-lsp-cfg-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(
        dir.join("caseline.toml"),
        "[rules]\nrec-unaddressed = \"off\"\n",
    )
    .expect("write");
    let folder_uri = format!("file://{}", dir.display());
    let case_uri = format!("{folder_uri}/kent.case");
    let (mut c, _) =
        TestClient::start(utf16_caps(), json!([{"uri": folder_uri, "name": "ws"}])).await;
    c.open(&case_uri, 1, &crate::support::kent());
    let found = codes(&c.diagnostics(&case_uri, 1).await);
    // The Kent sample's one warning is rec-unaddressed (EXPECTED.md), now off.
    assert!(found.contains(&"deadline-missed".to_owned()), "{found:?}");
    assert!(!found.contains(&"rec-unaddressed".to_owned()), "{found:?}");

    // A broken file: the problem is shown on caseline.toml and defaults apply.
    std::fs::write(
        dir.join("caseline.toml"),
        "[rules]\nrec-unadressed = \"off\"\n",
    )
    .expect("write");
    let toml_uri = format!("{folder_uri}/caseline.toml");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": toml_uri, "type": 2}]}),
    );
    let msg = c
        .wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == toml_uri.as_str()
        })
        .await;
    let message = msg["params"]["diagnostics"][0]["message"]
        .as_str()
        .unwrap_or("")
        .to_owned();
    assert!(message.contains("rec-unadressed"), "{message}");
    let back = loop {
        let msg = c
            .wait_for(|m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == case_uri.as_str()
            })
            .await;
        let found = codes(
            msg["params"]["diagnostics"]
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or(&[]),
        );
        if found.contains(&"rec-unaddressed".to_owned()) {
            break found;
        }
    };
    assert!(back.contains(&"deadline-missed".to_owned()));
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_open_definitions_file_shows_its_own_problems() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    // A user definition may not silently replace a built-in (docs/format.md#checks).
    let uri = "file:///defs/override.case";
    let text = "procedure children-statutory\n  event stage1.received \"Received\"\n";
    c.open(uri, 1, text);
    let diags = c.diagnostics(uri, 1).await;
    let conflict = diags
        .iter()
        .find(|d| d["code"] == "definition-conflict")
        .cloned()
        .unwrap_or_default();
    // Reported on the procedure's name: line 0, columns 10..28.
    assert_eq!(
        conflict["range"],
        crate::harness::range((0, 10), (0, 28)),
        "{diags:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn adding_a_workspace_folder_loads_its_definitions() {
    let dir = std::env::temp_dir().join(format!("caseline-lsp-add-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    // The definitions are in a subfolder: the case, outside every workspace
    // folder and with no caseline.toml above it, sees only its own folder.
    std::fs::create_dir_all(dir.join("procs")).expect("temp dir");
    std::fs::write(dir.join("procs/corporate.case"), DEFS).expect("write defs");
    let folder_uri = format!("file://{}", dir.display());
    let case_uri = format!("{folder_uri}/c-1.case");
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    c.open(&case_uri, 1, CASE);
    let before = codes(&c.diagnostics(&case_uri, 1).await);
    assert!(
        before.contains(&"procedure-unknown".to_owned()),
        "{before:?}"
    );
    c.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [{"uri": folder_uri, "name": "ws"}], "removed": []}}),
    );
    let after = loop {
        let msg = c
            .wait_for(|m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == case_uri.as_str()
            })
            .await;
        let found = codes(
            msg["params"]["diagnostics"]
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or(&[]),
        );
        if !found.contains(&"procedure-unknown".to_owned()) {
            break found;
        }
    };
    assert!(after.contains(&"deadline-missed".to_owned()), "{after:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sample_folder_with_its_own_procedure_and_calendar() {
    let folder = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/cases"))
        .canonicalize()
        .expect("tests/cases exists");
    let folder_uri = format!("file://{}", folder.display());
    let case_uri = format!("{folder_uri}/corporate-council-tax.case");
    let text = std::fs::read_to_string(folder.join("corporate-council-tax.case")).expect("sample");
    let (mut c, _) =
        TestClient::start(utf16_caps(), json!([{"uri": folder_uri, "name": "cases"}])).await;
    c.open(&case_uri, 1, &text);
    let mut found: Vec<(u64, String)> = c
        .diagnostics(&case_uri, 1)
        .await
        .iter()
        .map(|d| {
            (
                d["range"]["start"]["line"].as_u64().unwrap_or(0) + 1,
                d["code"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    found.sort();
    // What tests/cases/EXPECTED-own.md lists (1-based lines): the procedure
    // and the calendar come from definitions/corporate.case.
    let table = crate::expected::read(&folder.join("EXPECTED-own.md"), |rule| {
        caseline_check::Rule::from_name(rule).is_some()
    });
    let want: Vec<(u64, String)> = table
        .get("corporate-council-tax.case")
        .expect("EXPECTED-own.md has a section for the corporate case")
        .findings
        .iter()
        .map(|(l, c)| (u64::from(*l), c.clone()))
        .collect();
    assert!(!want.is_empty());
    assert_eq!(found, want);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn definition_inside_a_procedure_file() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    let uri = "file:///defs/corporate.case";
    let text = format!("{DEFS}  use lgsco\n  require corp.received before ombudsman.received\n");
    c.open(uri, 1, &text);
    let def = |line: u32, character: u32| json!({"textDocument": {"uri": uri}, "position": crate::harness::pos(line, character)});
    // Line 4: `  deadline corp.response within 10wd of corp.received "policy 4.2"`;
    // column 42 is inside `corp.received`, declared on line 2 (columns 8..21).
    let here = c.result("textDocument/definition", def(4, 42)).await;
    assert_eq!(here["uri"], uri);
    assert_eq!(here["range"], crate::harness::range((2, 8), (2, 21)));
    // Line 6 names `ombudsman.received`, which the used lgsco procedure declares.
    let there = c.result("textDocument/definition", def(6, 40)).await;
    assert_eq!(there["uri"], "caseline-builtin:/lgsco.case");
    // Line 5: `use lgsco` goes to that procedure.
    let used = c.result("textDocument/definition", def(5, 7)).await;
    assert_eq!(used["uri"], "caseline-builtin:/lgsco.case");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_definitions_file_changed_on_disk_is_reloaded() {
    let dir = std::env::temp_dir().join(format!("caseline-lsp-disk-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let defs_path = dir.join("corporate.case");
    std::fs::write(&defs_path, DEFS).expect("write defs");
    let folder_uri = format!("file://{}", dir.display());
    let case_uri = format!("{folder_uri}/c-1.case");
    let (mut c, _) = TestClient::start(
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}),
        json!([{"uri": folder_uri, "name": "ws"}]),
    )
    .await;
    // The server asks to watch definitions files and caseline.toml.
    let registration = c
        .wait_for(|m| m["method"] == "client/registerCapability")
        .await;
    assert_eq!(
        registration["params"]["registrations"][0]["method"],
        "workspace/didChangeWatchedFiles"
    );
    c.open(&case_uri, 1, CASE);
    let first = codes(&c.diagnostics(&case_uri, 1).await);
    assert!(
        !first.contains(&"procedure-unknown".to_owned()),
        "{first:?}"
    );
    // Another program deletes the definitions file.
    std::fs::remove_file(&defs_path).expect("remove defs");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("{folder_uri}/corporate.case"), "type": 3}]}),
    );
    loop {
        let msg = c
            .wait_for(|m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == case_uri.as_str()
            })
            .await;
        let found = codes(
            msg["params"]["diagnostics"]
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or(&[]),
        );
        if found.contains(&"procedure-unknown".to_owned()) {
            break;
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn completion_inside_a_procedure_file() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    let uri = "file:///defs/draft.case";
    let text = format!("{DEFS}  require \n  use \n  \n");
    c.open(uri, 1, &text);
    let labels = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|i| i["label"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let at = |line: u32, character: u32| json!({"textDocument": {"uri": uri}, "position": crate::harness::pos(line, character)});
    let events = labels(&c.result("textDocument/completion", at(5, 10)).await);
    assert_eq!(events, ["corp.received", "corp.response"]);
    let procedures = labels(&c.result("textDocument/completion", at(6, 6)).await);
    assert!(procedures.contains(&"lgsco".to_owned()), "{procedures:?}");
    let keywords = labels(&c.result("textDocument/completion", at(7, 2)).await);
    assert!(keywords.contains(&"deadline".to_owned()), "{keywords:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_old_client_sending_only_a_root_uri() {
    let folder = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/cases"))
        .canonicalize()
        .expect("tests/cases exists");
    let root = format!("file://{}", folder.display());
    let (client_io, server_io) = tokio::io::duplex(1 << 20);
    let (r, w) = tokio::io::split(server_io);
    let server = tokio::spawn(caseline_lsp::serve(r, w));
    let mut c = TestClient::connect(client_io, server).await;
    let reply = c
        .request(
            "initialize",
            json!({"processId": null, "rootUri": root, "capabilities": {}}),
        )
        .await;
    assert!(reply["result"]["capabilities"].is_object(), "{reply}");
    c.notify("initialized", json!({}));
    let uri = format!("{root}/corporate-council-tax.case");
    let text = std::fs::read_to_string(folder.join("corporate-council-tax.case")).expect("sample");
    c.open(&uri, 1, &text);
    // The root's definitions are loaded: the council's procedure is known.
    let found = codes(&c.diagnostics(&uri, 1).await);
    assert!(
        !found.contains(&"procedure-unknown".to_owned()),
        "{found:?}"
    );
    assert!(
        found.contains(&"extension-unrecorded".to_owned()),
        "{found:?}"
    );
}

/// Each editor folder is a workspace of its own, with its own `caseline.toml`
/// and definitions; a file outside every folder gets the workspace
/// `caseline check FILE` would give it (its own folder, without subfolders,
/// when no `caseline.toml` is above it), and a finding for a procedure not
/// found there says why beside it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_folder_has_its_own_settings_and_definitions() {
    let dir = std::env::temp_dir().join(format!("caseline-lsp-two-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (name, text) in [
        ("a/caseline.toml", "[rules]\ndeadline-missed = \"off\"\n"),
        ("a/corporate.case", DEFS),
        ("b/readme.txt", "no definitions here"),
        ("loose/corporate.case", DEFS),
        (
            "loose/sub/other.case",
            "procedure elsewhere\n  event x.y \"Y\"\n",
        ),
    ] {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("temp dir");
        std::fs::write(path, text).expect("write");
    }
    let root = format!("file://{}", dir.display());
    let (mut c, _) = TestClient::start(
        utf16_caps(),
        json!([{"uri": format!("{root}/a"), "name": "a"}, {"uri": format!("{root}/b"), "name": "b"}]),
    )
    .await;
    // In a: its definitions, and its caseline.toml turns deadline-missed off.
    let in_a = format!("{root}/a/c-1.case");
    c.open(&in_a, 1, CASE);
    assert_eq!(codes(&c.diagnostics(&in_a, 1).await), Vec::<String>::new());
    // In b: neither a's definitions nor a's settings.
    let in_b = format!("{root}/b/c-1.case");
    c.open(&in_b, 1, CASE);
    assert_eq!(codes(&c.diagnostics(&in_b, 1).await), ["procedure-unknown"]);
    // Outside both: the definitions beside it count, those below it do not.
    let loose = format!("{root}/loose/c-1.case");
    c.open(&loose, 1, CASE);
    let found = codes(&c.diagnostics(&loose, 1).await);
    assert_eq!(found, ["deadline-missed"]);
    let other = CASE.replace("procedure council-corporate", "procedure elsewhere");
    c.change(&loose, 2, json!([{"text": other}]));
    let diags = c.diagnostics(&loose, 2).await;
    let unknown = diags
        .iter()
        .find(|d| d["code"] == "procedure-unknown")
        .cloned()
        .unwrap_or_default();
    let note = unknown["relatedInformation"][0]["message"]
        .as_str()
        .unwrap_or_default();
    assert!(
        note.contains("not in its subfolders") && note.contains("caseline.toml"),
        "{diags:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
