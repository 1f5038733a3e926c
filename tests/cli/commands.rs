//! `caseline explain`, `procedures` and `fmt`.

use crate::support::{run_full, run_in, run_with_stdin, workspace, workspace_root};

#[test]
fn explain_lists_rules_and_explains_one() {
    let list = run_in(&workspace_root(), &["explain"]);
    assert_eq!(list.code, 0);
    // docs/format.md#checks: every rule name is stable and listed with its default severity.
    let missed = list
        .stdout
        .lines()
        .find(|l| l.starts_with("deadline-missed "))
        .unwrap_or_else(|| panic!("deadline-missed not listed:\n{}", list.stdout));
    assert!(missed.contains("error"), "{missed}");
    let late = list
        .stdout
        .lines()
        .find(|l| l.starts_with("rec-late "))
        .expect("rec-late listed");
    assert!(late.contains("warning"), "{late}");
    for rule in [
        "syntax",
        "date-invalid",
        "stage-missing",
        "require-cycle",
        "rec-misplaced",
    ] {
        assert!(
            list.stdout
                .lines()
                .any(|l| l.starts_with(&format!("{rule} "))),
            "{rule}"
        );
    }

    let one = run_in(&workspace_root(), &["explain", "deadline-missed"]);
    assert_eq!(one.code, 0);
    assert!(
        one.stdout.starts_with("deadline-missed (error by default)"),
        "{}",
        one.stdout
    );
    assert!(
        one.stdout.lines().count() > 3,
        "an explanation, not just a name"
    );
}

#[test]
fn explain_reads_as_text_when_piped_and_as_markdown_on_request() {
    // Rule::explanation: Markdown with `## What it checks`, `## Example` (a
    // ```caseline fence) and, for deadline-missed, one **strong** word.
    let piped = run_in(&workspace_root(), &["explain", "deadline-missed"]);
    assert_eq!(piped.code, 0, "{}", piped.stderr);
    assert!(!piped.stdout.contains('\u{1b}'), "{:?}", piped.stdout);
    for line in piped.stdout.lines() {
        let t = line.trim_start();
        assert!(!t.starts_with("##"), "a heading marker: {line}");
        assert!(!t.starts_with("```"), "a fence line: {line}");
        assert!(!line.contains("**"), "emphasis markers: {line}");
    }
    assert!(
        piped.stdout.lines().any(|l| l == "What it checks"),
        "the heading, at the left edge:\n{}",
        piped.stdout
    );
    // The example is kept, indented as a block.
    assert!(
        piped
            .stdout
            .lines()
            .any(|l| l.starts_with("    ") && l.trim() == "procedure children-statutory"),
        "{}",
        piped.stdout
    );

    let markdown = run_in(
        &workspace_root(),
        &["explain", "deadline-missed", "--format", "markdown"],
    );
    assert_eq!(markdown.code, 0, "{}", markdown.stderr);
    assert!(
        markdown
            .stdout
            .starts_with("# deadline-missed (error by default)\n"),
        "{}",
        markdown.stdout
    );
    assert!(markdown.stdout.contains("\n## What it checks\n"));
    assert!(markdown.stdout.contains("\n```caseline\n"));
    assert!(markdown.stdout.contains("**every**"));

    // In a terminal (forced here), headings are styled instead of marked.
    let styled = run_full(
        &workspace_root(),
        &["explain", "deadline-missed"],
        None,
        &[("NO_COLOR", None), ("CLICOLOR_FORCE", Some("1"))],
    );
    assert!(styled.stdout.contains("\u{1b}["), "{:?}", styled.stdout);
    assert!(!styled.stdout.contains("## "), "{:?}", styled.stdout);

    let table = run_in(&workspace_root(), &["explain", "--format", "markdown"]);
    assert!(
        table
            .stdout
            .lines()
            .any(|l| l.starts_with("| `deadline-missed` | error |")),
        "{}",
        table.stdout
    );
}

#[test]
fn explain_suggests_the_nearest_rule() {
    let run = run_in(&workspace_root(), &["explain", "deadline-mised"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("did you mean `deadline-missed`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn procedures_lists_builtins_and_workspace_definitions() {
    let defs =
        "procedure council\n  title \"Council complaints\"\n  event c.received \"Received\"\n";
    let dir = workspace(&[("defs.case", defs.as_bytes())]);
    let run = run_in(dir.path(), &["procedures"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let builtin = run
        .stdout
        .lines()
        .find(|l| l.starts_with("children-statutory "))
        .unwrap_or_else(|| panic!("children-statutory missing:\n{}", run.stdout));
    assert!(builtin.contains("built-in"), "{builtin}");
    let council = run
        .stdout
        .lines()
        .find(|l| l.starts_with("council "))
        .unwrap_or_else(|| panic!("council missing:\n{}", run.stdout));
    assert!(
        council.contains("defs.case") && council.contains("Council complaints"),
        "{council}"
    );

    let show = run_in(dir.path(), &["procedures", "show", "children-statutory"]);
    assert_eq!(show.code, 0);
    // A built-in is printed as its file is written, comments included.
    let file = std::fs::read_to_string(
        workspace_root().join("crates/caseline-check/procedures/children-statutory.case"),
    )
    .expect("the built-in's file");
    assert_eq!(show.stdout, file);
    assert!(
        show.stdout
            .lines()
            .any(|l| l == "# Not encoded as deadlines, on purpose:"),
        "{}",
        show.stdout
    );
    // docs/format.md#procedures: the built-in declares the stage 2 deadline of reg. 17.
    assert!(
        show.stdout
            .contains("deadline stage2.adjudication within 25wd of stage2.requested"),
        "{}",
        show.stdout
    );

    // A workspace procedure alone in its file: the whole file, after a line naming it.
    let mine = run_in(dir.path(), &["procedures", "show", "council"]);
    assert_eq!(mine.code, 0, "{}", mine.stderr);
    assert_eq!(mine.stdout, format!("# from defs.case\n{defs}"));

    let unknown = run_in(dir.path(), &["procedures", "show", "counsil"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("did you mean `council`?")
            && unknown.stderr.contains("children-statutory"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn procedures_show_gives_its_part_of_a_file_that_defines_several() {
    let defs = "\
# Kent's local procedures.
# The first one:
procedure kent-first
  title \"First\"
  event kent.received \"Received\"
  # the response clock is agreed case by case

# A calendar of our own.
calendar kent
  extends england-and-wales

# The second one,
# written after a review.
procedure kent-second
  event second.received \"Received\"
  # no deadline on purpose
";
    let dir = workspace(&[("defs.case", defs.as_bytes())]);
    let second = run_in(dir.path(), &["procedures", "show", "kent-second"]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert_eq!(
        second.stdout,
        "# from defs.case, lines 12-16 (the file also defines procedure kent-first and calendar kent)\n\
         # The second one,\n\
         # written after a review.\n\
         procedure kent-second\n  event second.received \"Received\"\n  # no deadline on purpose\n"
    );
    let first = run_in(dir.path(), &["procedures", "show", "kent-first"]);
    assert_eq!(
        first.stdout,
        "# from defs.case, lines 1-6 (the file also defines calendar kent and procedure kent-second)\n\
         # Kent's local procedures.\n# The first one:\nprocedure kent-first\n  title \"First\"\n  \
         event kent.received \"Received\"\n  # the response clock is agreed case by case\n"
    );
}

#[test]
fn fmt_checks_writes_and_reads_stdin() {
    // Child lines indented with four spaces and a tab before a date: whatever the
    // canonical layout is, the formatter must reach it and then leave it alone.
    let messy = "case \"5\"\n    title   \"x\"\n\n2024-01-02\tnote\n";
    let dir = workspace(&[("m.case", messy.as_bytes())]);
    let formatted = run_with_stdin(dir.path(), &["fmt", "-"], Some(messy));
    assert_eq!(formatted.code, 0, "{}", formatted.stderr);
    let canonical = formatted.stdout;
    assert_ne!(
        canonical, messy,
        "this input is not in the canonical layout"
    );

    let check = run_in(dir.path(), &["fmt", "--check", "m.case"]);
    assert_eq!(check.code, 1);
    assert!(
        check.stdout.contains("would reformat m.case"),
        "{}",
        check.stdout
    );
    let untouched = std::fs::read_to_string(dir.path().join("m.case")).expect("m.case");
    assert_eq!(untouched, messy, "--check writes nothing");

    let write = run_in(dir.path(), &["fmt", "m.case"]);
    assert_eq!(write.code, 0);
    let written = std::fs::read_to_string(dir.path().join("m.case")).expect("m.case");
    assert_eq!(
        written, canonical,
        "the file gets what stdin formatting printed"
    );

    let again = run_in(dir.path(), &["fmt", "--check", "."]);
    assert_eq!(again.code, 0, "formatting is idempotent: {}", again.stdout);
    let stdin_check = run_with_stdin(dir.path(), &["fmt", "--check", "-"], Some(&canonical));
    assert_eq!(stdin_check.code, 0);
}

#[test]
fn fmt_says_which_lines_it_could_not_read_and_left_as_written() {
    // Lines 5 and 7 are not entries; the rest is messy but readable.
    let text = "case \"5\"\n    title   \"x\"\n\n2024-01-02\tnote\nnot an entry\n2024-01-03 note\nnor this\n";
    let dir = workspace(&[("kent.case", text.as_bytes())]);
    let check = run_in(dir.path(), &["fmt", "--check", "kent.case"]);
    assert_eq!(check.code, 1);
    assert_eq!(
        check.stdout,
        "would reformat kent.case (2 lines could not be read and would be left as written: 5, 7)\n\
         1 file would be reformatted, 0 already formatted; \
         lines that could not be read would be left as written in 1 file\n"
    );
    let write = run_in(dir.path(), &["fmt", "kent.case"]);
    assert_eq!(write.code, 0);
    assert!(
        write.stdout.starts_with(
            "reformatted kent.case (2 lines could not be read and were left as written: 5, 7)\n"
        ),
        "{}",
        write.stdout
    );
    let written = std::fs::read_to_string(dir.path().join("kent.case")).expect("kent.case");
    assert!(
        written.contains("\nnot an entry\n") && written.contains("\nnor this\n"),
        "{written}"
    );
    // Already formatted: still said.
    let again = run_in(dir.path(), &["fmt", "kent.case"]);
    assert!(
        again
            .stdout
            .starts_with("kent.case: 2 lines could not be read and were left as written: 5, 7\n"),
        "{}",
        again.stdout
    );
    // From stdin the note goes to stderr, the text to stdout.
    let stdin = run_with_stdin(dir.path(), &["fmt", "-"], Some(text));
    assert_eq!(
        stdin.stderr,
        "stdin: 2 lines could not be read and were left as written: 5, 7\n"
    );
}

/// One LSP message with its Content-Length header.
fn lsp_frame(body: &str) -> String {
    format!("Content-Length: {}\r\n\r\n{body}", body.len())
}

#[test]
fn lsp_answers_initialize_over_stdio() {
    use std::io::{Read, Write};
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_caseline"))
        .arg("lsp")
        .env_remove("CASELINE_LOG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("caseline lsp starts");
    let mut input = child.stdin.take().expect("stdin was piped");
    let mut output = child.stdout.take().expect("stdout was piped");
    // Read the server's output on a thread, so a silent server fails the test
    // (by the timeout below) instead of blocking it.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = output.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let timeout = std::time::Duration::from_secs(30);
    let mut out = Vec::new();
    let initialize =
        r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#;
    input
        .write_all(lsp_frame(initialize).as_bytes())
        .expect("writing to the server");
    input.flush().expect("flushing the server's stdin");
    // Wait for the whole initialize response before going on, as a client does.
    while !String::from_utf8_lossy(&out).contains("capabilities") {
        match rx.recv_timeout(timeout) {
            Ok(chunk) => out.extend(chunk),
            Err(_) => {
                let _ = child.kill();
                panic!("no initialize response: {}", String::from_utf8_lossy(&out));
            }
        }
    }
    for m in [
        r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
        r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#,
        r#"{"jsonrpc":"2.0","method":"exit"}"#,
    ] {
        input
            .write_all(lsp_frame(m).as_bytes())
            .expect("writing to the server");
    }
    input.flush().expect("flushing the server's stdin");
    // The server must stop by itself after `exit`.
    let deadline = std::time::Instant::now() + timeout;
    let status = loop {
        if let Some(status) = child.try_wait().expect("polling the server") {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("caseline lsp did not exit after `exit`");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    drop(input);
    while let Ok(chunk) = rx.recv_timeout(std::time::Duration::from_secs(5)) {
        out.extend(chunk);
    }
    let out = String::from_utf8(out).expect("server output is UTF-8");
    assert!(status.success(), "exit after shutdown is a clean stop");
    // Stdout is the protocol channel: it starts with a frame header, and the
    // initialize result names the server's capabilities.
    assert!(out.starts_with("Content-Length: "), "{out}");
    assert!(
        out.contains(r#""id":1"#) && out.contains("capabilities"),
        "{out}"
    );
}

#[test]
fn report_writes_one_html_page() {
    // EXPECTED.md: the Worcestershire 24 stage 2 adjudication was late.
    let run = run_in(
        &workspace_root(),
        &[
            "report",
            "tests/cases/worcestershire-24-017-518.case",
            "-o",
            "-",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("<!DOCTYPE html>"),
        "{}",
        &run.stdout[..run.stdout.len().min(200)]
    );
    assert!(run.stdout.contains("stage 2 adjudication: late"));

    let dir = workspace(&[]);
    let target = dir.path().join("r.html");
    let target_arg = target.to_string_lossy().to_string();
    let written = run_in(
        &workspace_root(),
        &[
            "report",
            "tests/cases/kent-24-003-873.case",
            "-o",
            &target_arg,
        ],
    );
    assert_eq!(written.code, 0, "{}", written.stderr);
    let html = std::fs::read_to_string(&target).expect("the report was written");
    assert!(html.starts_with("<!DOCTYPE html>"));

    let missing = run_in(dir.path(), &["report", "nope.case", "-o", "-"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("nope.case"), "{}", missing.stderr);

    // Lines that could not be read: said at the top of the page and on the terminal.
    let broken = "case \"b\"\n  procedure lgsco\n  as-of 2024-12-31\n\n2024-01-02 ombudsman.decision\nnot an entry\n";
    let dir = workspace(&[("b.case", broken.as_bytes())]);
    let run = run_in(dir.path(), &["report", "b.case", "-o", "-"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("1 line could not be read and is left out of this timeline: line 6."),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stderr,
        "warning: 1 line could not be read and is left out of the timeline: 6\n"
    );
}
