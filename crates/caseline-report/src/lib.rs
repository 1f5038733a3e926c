//! caseline-report: a picture of one checked case. [`layout`] turns a parse and its
//! [`caseline_check::Analysis`] into plain timeline data (the time axis, one bar per
//! evaluated deadline, vague dates as ranges, bank holidays, the recommendations
//! table, the findings and the acknowledged ones with their reasons, what was
//! checked and the lines that could not be read); [`render_html`] draws that
//! data as one self-contained HTML file (inline CSS and SVG, no scripts, no
//! external requests). [`decision`] words the same facts as a decision states
//! them, a paragraph per stage and per recommendation, which
//! [`render_decision_text`] and [`render_decision_markdown`] write out.
//! [`findings`] is the report of `caseline check`: the findings of each file
//! and the `--format json` object, built once for the CLI and the page.
//! [`working_days`] is the working of `caseline calendar` (and of the page's
//! working-day calculator).
//!
//! Must not depend on LSP, terminals, the file system or the clock: the caller
//! reads the files and decides the as-of date (through `check`).

mod decision;
pub mod findings;
mod html;
mod layout;
pub mod working_days;

pub use decision::{
    Decision, Paragraph, decision, paragraphs_at as decision_paragraphs_at,
    render_markdown as render_decision_markdown, render_text as render_decision_text,
};
pub use html::render_html;
pub use layout::{
    AcknowledgedRow, Bar, BarEnd, BarStatus, CaseInfo, EventMark, FindingRow, Layout, RecOutcome,
    RecRow, layout,
};

/// The page's title: "Case 24 017 518: Needs assessment…" from the case
/// header, or "Case timeline: FILE" for a file without one (`file_name`: the
/// file's name, as the front end knows it).
pub fn page_title(doc: &caseline_syntax::ast::Document, file_name: &str) -> String {
    let header = doc.header.as_ref();
    let reference = header
        .and_then(|h| h.reference.as_ref())
        .map(|r| r.value.as_str());
    let title = header
        .and_then(|h| h.title.as_ref())
        .map(|t| t.value.as_str());
    match (reference, title) {
        (Some(r), Some(t)) => format!("Case {r}: {t}"),
        (Some(r), None) => format!("Case {r}"),
        (None, Some(t)) => t.to_string(),
        (None, None) => format!("Case timeline: {file_name}"),
    }
}
