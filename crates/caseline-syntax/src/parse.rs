//! `parse` and `Parse`: text -> tree-sitter tree -> typed document, errors and
//! line index, plus incremental reparsing after edits.
//!
//! Invariant: never fails and never panics, whatever the text; `reparse` gives
//! exactly what a fresh `parse` of the new text gives (a test checks this on
//! random edit sequences). No tree-sitter type leaves this module's crate.
//! Must not depend on calendars, rules or LSP.

use crate::ast::Document;
use crate::errors::{self, SyntaxError, SyntaxErrorKind};
use crate::line_index::{LineIndex, byte_row_col};
use crate::lower;
use std::cell::RefCell;
use text_size::{TextRange, TextSize};
use tree_sitter::{InputEdit, Parser, Point, Tree};

/// The result of parsing one text: the typed document, the syntax errors and
/// the line index. Cheap to share behind an `Arc`.
#[derive(Debug, Clone)]
pub struct Parse {
    /// `None` only if tree-sitter refused to parse at all (it never does
    /// without a timeout or cancellation, which caseline never sets).
    pub(crate) tree: Option<Tree>,
    document: Document,
    errors: Vec<SyntaxError>,
    line_index: LineIndex,
}

/// One change to a text: replace the bytes in `range` (of the text as it was
/// before this edit) with `new_text`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TextEdit {
    pub range: TextRange,
    pub new_text: String,
}

impl TextEdit {
    pub fn new(range: TextRange, new_text: impl Into<String>) -> TextEdit {
        TextEdit {
            range,
            new_text: new_text.into(),
        }
    }
}

/// Parses a `.case` file. Never fails: problems are in [`Parse::errors`].
pub fn parse(text: &str) -> Parse {
    let tree = with_parser(|p| p.parse(text, None));
    build(text, tree)
}

impl Parse {
    /// The typed document.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// Syntax and invalid-date errors, sorted by range.
    pub fn errors(&self) -> &[SyntaxError] {
        &self.errors
    }

    /// Line index of the parsed text.
    pub fn line_index(&self) -> &LineIndex {
        &self.line_index
    }

    /// The parsed text.
    pub fn text(&self) -> &str {
        self.line_index.text()
    }

    /// Incremental reparse. `edits` are applied in order, each relative to the
    /// text after the previous ones; `new_text` is the final text. The result is
    /// the same as `parse(new_text)`: if the edits do not turn the old text into
    /// `new_text` (or one is out of range), this simply parses from scratch.
    pub fn reparse(&self, edits: &[TextEdit], new_text: &str) -> Parse {
        let Some(old_tree) = &self.tree else {
            return parse(new_text);
        };
        let mut tree = old_tree.clone();
        let mut text = self.text().to_string();
        for edit in edits {
            let start = usize::from(edit.range.start());
            let old_end = usize::from(edit.range.end());
            if old_end > text.len()
                || !text.is_char_boundary(start)
                || !text.is_char_boundary(old_end)
            {
                return parse(new_text);
            }
            let start_position = point(&text, start);
            let old_end_position = point(&text, old_end);
            text.replace_range(start..old_end, &edit.new_text);
            let new_end = start + edit.new_text.len();
            let new_end_position = point(&text, new_end);
            tree.edit(&InputEdit {
                start_byte: start,
                old_end_byte: old_end,
                new_end_byte: new_end,
                start_position,
                old_end_position,
                new_end_position,
            });
        }
        if text != new_text {
            return parse(new_text);
        }
        let tree = with_parser(|p| p.parse(new_text, Some(&tree)));
        build(new_text, tree)
    }
}

fn point(text: &str, offset: usize) -> Point {
    let (row, column) = byte_row_col(text, offset);
    Point { row, column }
}

fn build(text: &str, tree: Option<Tree>) -> Parse {
    let line_index = LineIndex::new(text);
    let Some(tree) = tree else {
        return Parse {
            tree: None,
            document: Document::default(),
            errors: vec![SyntaxError {
                range: TextRange::up_to(TextSize::of(text)),
                kind: SyntaxErrorKind::Syntax,
                message: "caseline could not read this file".to_string(),
            }],
            line_index,
        };
    };
    let root = tree.root_node();
    let mut all = errors::collect(root, text, &line_index);
    let lowered = lower::lower(root, text, &line_index, &all);
    all.extend(lowered.errors);
    let errors = errors::one_per_line(all, &line_index);
    Parse {
        document: lowered.document,
        errors,
        line_index,
        tree: Some(tree),
    }
}

thread_local! {
    /// One parser per thread: creating one per call would allocate each time.
    static PARSER: RefCell<Option<Parser>> = const { RefCell::new(None) };
}

fn with_parser(f: impl FnOnce(&mut Parser) -> Option<Tree>) -> Option<Tree> {
    PARSER.with(|cell| {
        let Ok(mut slot) = cell.try_borrow_mut() else {
            // Re-entered on the same thread (cannot happen today): use a fresh one.
            return new_parser().and_then(|mut p| f(&mut p));
        };
        if slot.is_none() {
            *slot = new_parser();
        }
        let parser = slot.as_mut()?;
        f(parser)
    })
}

fn new_parser() -> Option<Parser> {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_caseline::LANGUAGE.into())
        .ok()?;
    Some(parser)
}
