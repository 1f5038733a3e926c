//! `caseline/timeline` (see `lsp_ext.rs`): the timeline page of an open
//! document, from the snapshot's own analysis (the one its diagnostics come
//! from), laid out and drawn by `caseline-report` as `caseline report` draws it.

use anyhow::Context;

use crate::lsp_ext::{Timeline, TimelineParams};
use crate::session::Session;

pub fn handle(session: &Session, p: TimelineParams) -> anyhow::Result<Timeline> {
    let uri = p.text_document.uri;
    let snap = session
        .snapshot(&uri)
        .context("the document is not open: open the case in the editor first")?;
    let analysis = snap.analysis();
    let layout = caseline_report::layout(&snap.parse, &analysis);
    let file_name = uri
        .as_str()
        .rsplit('/')
        .next()
        .map(percent_decoded)
        .unwrap_or_default();
    let title = caseline_report::page_title(snap.parse.document(), &file_name);
    let html = caseline_report::render_html(&layout, &title);
    Ok(Timeline {
        version: snap.version,
        title,
        html,
    })
}

/// A URI's last segment as a file name (`Mr%20X.case` -> `Mr X.case`).
fn percent_decoded(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_names_are_decoded() {
        assert_eq!(
            super::percent_decoded("Mr%20X%20%C2%A3.case"),
            "Mr X £.case"
        );
        assert_eq!(super::percent_decoded("50%.case"), "50%.case");
    }
}
