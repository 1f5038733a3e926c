//! Shared helpers for the report's integration tests: check a sample case the
//! way the CLI does (built-in definitions; the samples used here define none)
//! and build its layout and HTML. Must not depend on the binary crate.

#![allow(dead_code)] // each test file uses a different subset

// The CI rule (skip on a developer's machine, fail under CI), shared with the
// CLI and LSP suites.
#[path = "../../../../tests/support/ci.rs"]
pub mod ci;

use caseline_check::{CheckOptions, Config, Definitions, check};
use caseline_report::{Layout, layout, render_html};
use chrono::NaiveDate;
use std::path::PathBuf;

/// `tests/cases/` at the workspace root.
pub fn cases_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases")
}

pub fn sample(name: &str) -> String {
    let path = cases_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// The layout and HTML of `text`, judged with a fixed "today" (the samples pin
/// their own `as-of`).
pub fn report(text: &str) -> (Layout, String) {
    let parse = caseline_syntax::parse(text);
    let defs = Definitions::builtin();
    let opts = CheckOptions {
        today: NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date"),
        as_of_override: None,
        config: Config::default(),
    };
    let analysis = check(&parse, &defs, &opts);
    let l = layout(&parse, &analysis);
    let html = render_html(&l, "Test report");
    (l, html)
}

/// The opening tags `<g ...>` whose class attribute starts with `class_prefix`,
/// each with the text that follows it up to its `</g>`.
pub fn groups<'h>(html: &'h str, class_prefix: &str) -> Vec<(&'h str, &'h str)> {
    let needle = format!("<g class=\"{class_prefix}");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&needle) {
        let tail = &rest[i..];
        let open_end = tail.find('>').expect("tag closes") + 1;
        let body_end = tail.find("</g>").expect("group closes");
        out.push((&tail[..open_end], &tail[open_end..body_end]));
        rest = &tail[open_end..];
    }
    out
}

/// The value of attribute `name` in the first tag of `text` that starts with `tag`.
pub fn attr<'t>(text: &'t str, tag: &str, name: &str) -> Option<&'t str> {
    let start = text.find(tag)?;
    let t = &text[start..];
    let t = &t[..t.find('>')?];
    let key = format!(" {name}=\"");
    let v = &t[t.find(&key)? + key.len()..];
    Some(&v[..v.find('"')?])
}

/// Where the stage 2 adjudication bar is drawn, in SVG units.
pub struct Stage2 {
    /// The bar's right end (the adjudication day's end).
    pub end: f64,
    /// The extended limit line and the standard limit line.
    pub ext: f64,
    pub limit: f64,
    /// The bar's top edge and height.
    pub top: f64,
    pub height: f64,
}

/// Reads the stage 2 adjudication bar's geometry from the drawing.
pub fn stage_2(html: &str) -> Stage2 {
    let (_, body) = groups(html, "bar stage")
        .into_iter()
        .find(|(open, _)| open.contains("aria-label=\"stage 2 adjudication:"))
        .expect("a stage 2 adjudication bar");
    let num = |s: Option<&str>| -> f64 { s.expect("attribute present").parse().expect("a number") };
    let x = num(attr(body, "<rect class=\"body", "x"));
    let width = num(attr(body, "<rect class=\"body", "width"));
    Stage2 {
        end: x + width,
        ext: num(attr(body, "<line class=\"ext-limit\"", "x1")),
        limit: num(attr(body, "<line class=\"limit\"", "x1")),
        top: num(attr(body, "<rect class=\"body", "y")),
        height: num(attr(body, "<rect class=\"body", "height")),
    }
}
