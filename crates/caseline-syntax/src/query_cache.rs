//! The grammar's queries, compiled once per process, and what caseline makes
//! of them: highlight ranges and folding ranges.
//! Must not depend on calendars, rules or LSP.

use crate::errors::range_of;
use crate::lower::trim_end_range;
use crate::parse::Parse;
use std::sync::OnceLock;
use text_size::TextRange;
use tree_sitter::{Query, QueryCursor, StreamingIterator};

/// What a piece of text is, for colouring it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Highlight {
    Comment,
    String,
    Date,
    Duration,
    EventKind,
    Id,
    Keyword,
    Name,
    Key,
    Prose,
    Number,
    Operator,
    Punctuation,
}

impl Highlight {
    /// The `highlights.scm` capture names and their kinds.
    fn from_capture(name: &str) -> Option<Highlight> {
        Some(match name {
            "comment" => Highlight::Comment,
            "string" => Highlight::String,
            "string.special" => Highlight::Date,
            "number" => Highlight::Duration,
            "type" => Highlight::EventKind,
            "constant" => Highlight::Id,
            "keyword" => Highlight::Keyword,
            "module" => Highlight::Name,
            "property" => Highlight::Key,
            "markup.quote" => Highlight::Prose,
            "operator" => Highlight::Operator,
            "punctuation" => Highlight::Punctuation,
            _ => return None,
        })
    }
}

struct Queries {
    highlights: Query,
    /// Capture index -> highlight kind (None for captures we do not colour).
    highlight_kinds: Vec<Option<Highlight>>,
    folds: Query,
}

/// `None` if a query does not compile against the grammar, which a test rules out.
fn queries() -> Option<&'static Queries> {
    static QUERIES: OnceLock<Option<Queries>> = OnceLock::new();
    QUERIES
        .get_or_init(|| {
            let language = tree_sitter_caseline::LANGUAGE.into();
            let highlights = Query::new(&language, tree_sitter_caseline::HIGHLIGHTS_QUERY).ok()?;
            let folds = Query::new(&language, tree_sitter_caseline::FOLDS_QUERY).ok()?;
            let highlight_kinds = highlights
                .capture_names()
                .iter()
                .map(|n| Highlight::from_capture(n))
                .collect();
            Some(Queries {
                highlights,
                highlight_kinds,
                folds,
            })
        })
        .as_ref()
}

/// Highlight ranges in document order, not overlapping, none spanning a line
/// ending. Where two patterns capture the same text the first one wins (as
/// tree-sitter's own highlighter does).
pub fn highlights(parse: &Parse) -> Vec<(TextRange, Highlight)> {
    let (Some(q), Some(tree)) = (queries(), parse.tree.as_ref()) else {
        return Vec::new();
    };
    let text = parse.text();
    let mut found: Vec<(TextRange, usize, Highlight)> = Vec::new();
    let mut cursor = QueryCursor::new();
    let mut matches = cursor.matches(&q.highlights, tree.root_node(), text.as_bytes());
    while let Some(m) = matches.next() {
        for cap in m.captures() {
            if let Some(Some(kind)) = q.highlight_kinds.get(cap.index as usize) {
                let range = trim_end_range(text, range_of(cap.node));
                if !range.is_empty() {
                    found.push((range, m.pattern_index, *kind));
                }
            }
        }
    }
    found.sort_by_key(|(r, pattern, _)| (r.start(), std::cmp::Reverse(r.end()), *pattern));
    let mut out: Vec<(TextRange, Highlight)> = Vec::with_capacity(found.len());
    for (range, _, kind) in found {
        if out
            .last()
            .is_some_and(|(prev, _)| range.start() < prev.end())
        {
            continue;
        }
        out.push((range, kind));
    }
    out
}

/// Ranges that an editor can fold: every block spanning more than one line,
/// from its first line to the end of its last child line.
pub fn folding_ranges(parse: &Parse) -> Vec<TextRange> {
    let (Some(q), Some(tree)) = (queries(), parse.tree.as_ref()) else {
        return Vec::new();
    };
    let text = parse.text();
    let index = parse.line_index();
    let mut out = Vec::new();
    let mut cursor = QueryCursor::new();
    let mut matches = cursor.matches(&q.folds, tree.root_node(), text.as_bytes());
    while let Some(m) = matches.next() {
        for cap in m.captures() {
            // A block's node may end with its line ending and trailing comment
            // lines; fold to the end of its last real line.
            let node = cap.node;
            let mut end = range_of(node).start();
            let mut c = node.walk();
            for child in node.children(&mut c) {
                if !child.is_extra() && !child.byte_range().is_empty() {
                    end = end.max(trim_end_range(text, range_of(child)).end());
                }
            }
            let start = range_of(node).start();
            if index.line_of(end) > index.line_of(start) {
                out.push(TextRange::new(start, end));
            }
        }
    }
    out.sort_by_key(|r| (r.start(), r.end()));
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_query_compiles() {
        super::queries().expect("highlights and folds queries compile");
    }
}
