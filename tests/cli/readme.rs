//! The README shows a real case and what `caseline check` prints for it. This
//! keeps that promise: the example is run, and its output must be the one shown.

use crate::support::{run_in, workspace, workspace_root};

/// The text between the first fenced block after `after` and its closing fence.
fn block_after<'a>(text: &'a str, after: &str) -> &'a str {
    let from = text.find(after).expect("the README has the marker") + after.len();
    let rest = &text[from..];
    let end = rest.find("\n```").expect("the block is closed");
    &rest[..end]
}

#[test]
fn the_readme_example_prints_what_the_readme_shows() {
    let readme =
        std::fs::read_to_string(workspace_root().join("README.md")).expect("README.md is readable");
    // The first block is the case, the second its output.
    let first = readme.find("```\ncase ").expect("the README shows a case") + 4;
    let case = &readme[first..first + readme[first..].find("\n```").expect("closed")];
    let shown = block_after(&readme, "$ caseline check kent.case\n");
    let dir = workspace(&[("kent.case", format!("{case}\n").as_bytes())]);
    let run = run_in(dir.path(), &["check", "kent.case"]);
    assert_eq!(run.code, 1, "the example has an error: {}", run.stderr);
    assert_eq!(run.stdout.trim_end(), shown.trim_end());
}
