//! `textDocument/foldingRange`: blocks (header, entries with child lines,
//! procedures, calendars) as computed by `caseline_syntax::folding_ranges`.

use tower_lsp_server::ls_types::{FoldingRange, FoldingRangeParams};

use crate::convert;
use crate::handlers::snapshot;
use crate::session::Session;

pub fn handle(
    session: &Session,
    p: FoldingRangeParams,
) -> anyhow::Result<Option<Vec<FoldingRange>>> {
    let Some(snap) = snapshot(session, &p.text_document.uri) else {
        return Ok(None);
    };
    let ranges = caseline_syntax::folding_ranges(&snap.parse)
        .into_iter()
        .filter_map(|r| {
            let range = convert::range(snap.index(), r, snap.encoding);
            (range.end.line > range.start.line).then(|| FoldingRange {
                start_line: range.start.line,
                end_line: range.end.line,
                ..Default::default()
            })
        })
        .collect();
    Ok(Some(ranges))
}
