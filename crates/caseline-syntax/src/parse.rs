//! `parse` and `Parse`: text -> tree-sitter tree -> typed document, errors and
//! line index, plus incremental reparsing after edits.
//!
//! Invariant: never fails and never panics, whatever the text; `reparse` gives
//! exactly what a fresh `parse` of the new text gives (a test checks this on
//! random edit sequences). No tree-sitter type leaves this module's crate.
//! Must not depend on calendars, rules or LSP.

use crate::ast::{self, Comment, Document};
use crate::errors::{self, SyntaxError, SyntaxErrorKind, range_of};
use crate::line_index::{LineIndex, advance_row_col, byte_row_col};
use crate::lower::{self, Item};
use crate::shift::Shift;
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
    /// What each child of the root lowered to, in order; `reparse` reuses the
    /// ones an edit did not touch.
    blocks: Vec<BlockRecord>,
    /// How many of `blocks` were taken from the previous parse (read by tests).
    #[cfg_attr(not(test), allow(dead_code))]
    reused: usize,
}

/// One child of the root (a block, a comment, a line that could not be read)
/// and what came of it.
#[derive(Debug, Clone)]
struct BlockRecord {
    /// The node's byte range.
    range: TextRange,
    kind_id: u16,
    /// Where its lowered item went in the document.
    item: ItemRef,
    /// Problems found in the tree for this node.
    tree_errors: Vec<SyntaxError>,
    /// Problems found while lowering it (dates, repeated header keys).
    lower_errors: Vec<SyntaxError>,
    comments: Vec<Comment>,
}

/// An index into the document's lists. Only these three are ever reused: a
/// header is lowered again (there is one, and whether it is the first one
/// depends on the rest of the file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ItemRef {
    None,
    Header,
    Entry(usize),
    Procedure(usize),
    Calendar(usize),
}

/// What `reparse` may take from the previous parse: the blocks that lie
/// entirely in the text the edits left alone, at the start (same offsets) or
/// at the end (moved by `delta`).
struct Reuse<'a> {
    /// The old parse's records (read only: they are small and cloned).
    blocks: &'a [BlockRecord],
    /// Where reused items come from.
    items: OldItems<'a>,
    /// Bytes at the start that the old and new texts share.
    prefix: usize,
    /// New-text offset from which the rest equals the old text's end.
    suffix_start: usize,
    /// New length minus old length.
    delta: i64,
    /// Where the last `find` matched: new root children come in order, so
    /// the next match is at or after it (no search over all blocks).
    next: usize,
}

/// The old document's items: borrowed (each reused one is cloned) or owned
/// (each is moved out, which spares a copy of every untouched entry).
enum OldItems<'a> {
    Shared(&'a Document),
    Owned {
        entries: Vec<Option<ast::Entry>>,
        procedures: Vec<Option<ast::ProcedureDef>>,
        calendars: Vec<Option<ast::CalendarDef>>,
    },
}

impl Reuse<'_> {
    fn new<'a>(
        old_text: &str,
        blocks: &'a [BlockRecord],
        items: OldItems<'a>,
        new_text: &str,
    ) -> Reuse<'a> {
        let a = old_text.as_bytes();
        let b = new_text.as_bytes();
        let prefix = common_prefix(a, b);
        let max_suffix = a.len().min(b.len()) - prefix;
        let suffix = common_suffix(&a[prefix..], &b[prefix..]).min(max_suffix);
        Reuse {
            blocks,
            items,
            prefix,
            suffix_start: b.len() - suffix,
            delta: b.len() as i64 - a.len() as i64,
            next: 0,
        }
    }

    /// The old record for a new root child at `range`, with how far it moved.
    /// Called with the new root children in order.
    fn find(&mut self, range: TextRange, kind_id: u16) -> Option<(&BlockRecord, i64)> {
        let (start, end) = (usize::from(range.start()), usize::from(range.end()));
        let delta = if end <= self.prefix {
            0
        } else if start >= self.suffix_start {
            self.delta
        } else {
            return None;
        };
        let old_start = i64::try_from(start).ok()? - delta;
        let old_start = TextSize::try_from(usize::try_from(old_start).ok()?).ok()?;
        let blocks = self.blocks;
        // Usually the very next block; otherwise search the rest.
        let i = match blocks.get(self.next) {
            Some(b) if b.range.start() == old_start => self.next,
            _ => {
                let rest = blocks.get(self.next..)?;
                self.next
                    + rest
                        .binary_search_by_key(&old_start, |b| b.range.start())
                        .ok()?
            }
        };
        self.next = i + 1;
        let rec = &blocks[i];
        let reusable = matches!(
            rec.item,
            ItemRef::Entry(_) | ItemRef::Procedure(_) | ItemRef::Calendar(_)
        );
        (reusable && rec.range.len() == range.len() && rec.kind_id == kind_id)
            .then_some((rec, delta))
    }

    fn item(&mut self, item: ItemRef, delta: i64) -> Option<Item> {
        let mut item = match &mut self.items {
            OldItems::Shared(doc) => match item {
                ItemRef::Entry(i) => Item::Entry(doc.entries.get(i)?.clone()),
                ItemRef::Procedure(i) => Item::Procedure(doc.procedures.get(i)?.clone()),
                ItemRef::Calendar(i) => Item::Calendar(doc.calendars.get(i)?.clone()),
                ItemRef::None | ItemRef::Header => return None,
            },
            OldItems::Owned {
                entries,
                procedures,
                calendars,
            } => match item {
                ItemRef::Entry(i) => Item::Entry(entries.get_mut(i)?.take()?),
                ItemRef::Procedure(i) => Item::Procedure(procedures.get_mut(i)?.take()?),
                ItemRef::Calendar(i) => Item::Calendar(calendars.get_mut(i)?.take()?),
                ItemRef::None | ItemRef::Header => return None,
            },
        };
        if delta != 0 {
            match &mut item {
                Item::Entry(e) => e.shift(delta),
                Item::Procedure(p) => p.shift(delta),
                Item::Calendar(c) => c.shift(delta),
                Item::Header(_) => {}
            }
        }
        Some(item)
    }
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
    build(text, tree, None)
}

/// Whether `text` may hold `procedure` or `calendar` blocks, answered from
/// the text alone: `false` only when `parse(text)` has neither (a property
/// test checks this). A tool with many files can parse the few that define
/// something first. A block counts only when nothing but byte-order marks
/// stands before its keyword on its line (an indented one is an error), so
/// some line must start with the keyword; `\r` is taken as a line break too,
/// to stay on the safe side.
pub fn may_define(text: &str) -> bool {
    let mut rest = text;
    loop {
        let line = rest.trim_start_matches(crate::errors::BOM);
        if line.starts_with("procedure") || line.starts_with("calendar") {
            return true;
        }
        match rest.find(['\n', '\r']) {
            Some(i) => rest = &rest[i + 1..],
            None => return false,
        }
    }
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

    /// The line index (which holds the text), dropping the tree and the
    /// document: for a caller that has finished with the parse and only
    /// needs to show positions and source lines (the CLI's report).
    pub fn into_line_index(self) -> LineIndex {
        self.line_index
    }

    /// Incremental reparse. `edits` are applied in order, each relative to the
    /// text after the previous ones; `new_text` is the final text. The result is
    /// the same as `parse(new_text)`: if the edits do not turn the old text into
    /// `new_text` (or one is out of range), this simply parses from scratch.
    pub fn reparse(&self, edits: &[TextEdit], new_text: &str) -> Parse {
        let Some(tree) = self.edited_tree(edits, new_text) else {
            return parse(new_text);
        };
        let reuse = Reuse::new(
            self.text(),
            &self.blocks,
            OldItems::Shared(&self.document),
            new_text,
        );
        build(new_text, tree, Some(reuse))
    }

    /// [`Parse::reparse`] for a caller that is done with the old parse: what
    /// it reuses is moved out instead of copied (on a long timeline, copying
    /// every untouched entry was a fifth of a reparse). The result is the same.
    /// The rest of the old parse comes back as [`Leftovers`], to be dropped
    /// whenever it suits the caller (freeing a tree takes time too).
    pub fn reparse_owned(self, edits: &[TextEdit], new_text: &str) -> (Parse, Leftovers) {
        let Some(tree) = self.edited_tree(edits, new_text) else {
            return (parse(new_text), Leftovers { _old: self });
        };
        let Parse {
            tree: old_tree,
            document,
            errors,
            line_index,
            blocks,
            reused: _,
        } = self;
        let Document {
            header,
            entries,
            procedures,
            calendars,
            comments,
        } = document;
        let items = OldItems::Owned {
            entries: entries.into_iter().map(Some).collect(),
            procedures: procedures.into_iter().map(Some).collect(),
            calendars: calendars.into_iter().map(Some).collect(),
        };
        let reuse = Reuse::new(line_index.text(), &blocks, items, new_text);
        let new = build(new_text, tree, Some(reuse));
        let rest = Parse {
            tree: old_tree,
            document: Document {
                header,
                comments,
                ..Document::default()
            },
            errors,
            line_index,
            blocks,
            reused: 0,
        };
        (new, Leftovers { _old: rest })
    }

    /// The new text's tree, parsed incrementally from this one; `None` when a
    /// fresh parse is needed instead (see the comments inside).
    fn edited_tree(&self, edits: &[TextEdit], new_text: &str) -> Option<Option<Tree>> {
        let old_tree = self.tree.as_ref()?;
        // A byte-order mark is only a mark at offset 0; anywhere else it is
        // text. When either text starts with one, an edit can move a U+FEFF
        // across that boundary, which changes the meaning of an untouched
        // block, so block reuse would be wrong: parse afresh (rare, and cheap).
        if self.text().starts_with(crate::errors::BOM) || new_text.starts_with(crate::errors::BOM) {
            return None;
        }
        let mut tree = old_tree.clone();
        let mut text = self.text().to_string();
        for (i, edit) in edits.iter().enumerate() {
            let start = usize::from(edit.range.start());
            let old_end = usize::from(edit.range.end());
            if old_end > text.len()
                || !text.is_char_boundary(start)
                || !text.is_char_boundary(old_end)
            {
                return None;
            }
            // The first edit is described with the old line index (no scan of
            // the text); later ones see a text the index no longer matches.
            let (start_position, old_end_position) = if i == 0 {
                (
                    self.line_index.byte_row_col(start),
                    self.line_index.byte_row_col(old_end),
                )
            } else {
                (byte_row_col(&text, start), byte_row_col(&text, old_end))
            };
            let new_end_position = advance_row_col(start_position, &edit.new_text);
            text.replace_range(start..old_end, &edit.new_text);
            tree.edit(&InputEdit {
                start_byte: start,
                old_end_byte: old_end,
                new_end_byte: start + edit.new_text.len(),
                start_position: point(start_position),
                old_end_position: point(old_end_position),
                new_end_position: point(new_end_position),
            });
        }
        if text != new_text {
            return None;
        }
        let mut tree = with_parser(|p| p.parse(new_text, Some(&tree)));
        if tree.as_ref().is_none_or(|t| t.root_node().has_error()) {
            // tree-sitter's error recovery can come out differently when it
            // starts from an old tree, and the result must be exactly what a
            // fresh parse gives. An error-free tree is the only valid parse of
            // the text, so it is the same either way; with an error, parse
            // afresh. (Lowering below still reuses the untouched blocks.)
            tree = with_parser(|p| p.parse(new_text, None));
        }
        Some(tree)
    }
}

/// What is left of a parse after [`Parse::reparse_owned`] took what it could
/// reuse: the old tree, text and records. Dropping it frees them.
pub struct Leftovers {
    _old: Parse,
}

/// Length of the longest common prefix, compared a block at a time (memcmp)
/// before narrowing down to the byte: texts are whole documents.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 64;
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + BLOCK <= n && a[i..i + BLOCK] == b[i..i + BLOCK] {
        i += BLOCK;
    }
    i + a[i..n]
        .iter()
        .zip(&b[i..n])
        .take_while(|(x, y)| x == y)
        .count()
}

/// Length of the longest common suffix, like [`common_prefix`] from the end.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 64;
    let n = a.len().min(b.len());
    let (a, b) = (&a[a.len() - n..], &b[b.len() - n..]);
    let mut k = 0;
    while k + BLOCK <= n && a[n - k - BLOCK..n - k] == b[n - k - BLOCK..n - k] {
        k += BLOCK;
    }
    k + a[..n - k]
        .iter()
        .rev()
        .zip(b[..n - k].iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn point((row, column): (usize, usize)) -> Point {
    Point { row, column }
}

/// Errors, document and records from a tree. With `reuse`, a block that an
/// edit did not touch (same kind, same length, no error, entirely in the text
/// the old and new texts share) is taken from the previous parse and moved,
/// instead of being lowered again; the result is the same either way (a
/// property test checks this).
fn build(text: &str, tree: Option<Tree>, mut reuse: Option<Reuse<'_>>) -> Parse {
    let line_index = LineIndex::new(text);
    let Some(tree) = tree else {
        return Parse {
            tree: None,
            document: Document::default(),
            errors: vec![SyntaxError {
                range: TextRange::up_to(TextSize::of(text)),
                kind: SyntaxErrorKind::Syntax,
                message: "caseline could not read this file".to_string(),
                fix: None,
            }],
            line_index,
            blocks: Vec::new(),
            reused: 0,
        };
    };
    let root = tree.root_node();

    // Pass 1: the tree's own problems and the comments, per child of the root.
    // The nodes are kept for pass 2: finding one again from the root would
    // scan the root's children each time (quadratic on a long file).
    let child_count = root.child_count() as usize;
    let mut records = Vec::with_capacity(child_count);
    let mut reused: Vec<Option<(ItemRef, i64)>> = Vec::with_capacity(child_count);
    let mut nodes = Vec::with_capacity(child_count);
    let mut cursor = root.walk();
    for node in root.children(&mut cursor) {
        nodes.push(node);
        let range = range_of(node);
        let kind_id = node.kind_id();
        let old = reuse
            .as_mut()
            // Whether a block is indented depends on the text before it on
            // its line, which may have changed: such a block is never reused.
            .filter(|_| !node.has_error() && !errors::is_indented_block(node, &line_index))
            .and_then(|r| r.find(range, kind_id));
        let record = match old {
            Some((old, delta)) => {
                let mut rec = old.clone();
                rec.range = range;
                rec.tree_errors.shift(delta);
                rec.lower_errors.shift(delta);
                rec.comments.shift(delta);
                reused.push(Some((old.item, delta)));
                rec
            }
            None => {
                let mut tree_errors = Vec::new();
                let mut comments = Vec::new();
                errors::collect_in(node, text, &line_index, &mut tree_errors, &mut comments);
                reused.push(None);
                BlockRecord {
                    range,
                    kind_id,
                    item: ItemRef::None,
                    tree_errors,
                    lower_errors: Vec::new(),
                    comments,
                }
            }
        };
        records.push(record);
    }
    drop(cursor);

    // Pass 2: lowering, knowing every line with a tree error.
    let all_tree_errors: Vec<SyntaxError> = records
        .iter()
        .flat_map(|r| r.tree_errors.iter().cloned())
        .collect();
    let error_lines = lower::error_lines(&all_tree_errors, &line_index);
    let mut document = Document::default();
    if let Some(r) = &reuse {
        document.entries.reserve(r.blocks.len());
    }
    let mut file_errors = Vec::new();
    for ((rec, old), node) in records.iter_mut().zip(&reused).zip(&nodes) {
        let item = match (old, &mut reuse) {
            (Some((item, delta)), Some(r)) => r.item(*item, *delta),
            _ => {
                // Only a block that is the smallest node spanning its own range
                // is lowered (a block whose one token covers it all is not).
                // For a non-empty range, the search from the root passes
                // through `node` (root children do not overlap), so it can start
                // there; an empty one could be claimed by the sibling before it.
                let (start, end) = (usize::from(rec.range.start()), usize::from(rec.range.end()));
                let from = if rec.range.is_empty() { root } else { *node };
                let node = from.descendant_for_byte_range(start, end);
                let node = node.filter(|n| range_of(*n) == rec.range && n.kind_id() == rec.kind_id);
                rec.lower_errors.clear();
                node.and_then(|n| {
                    lower::lower_block(n, text, &line_index, &error_lines, &mut rec.lower_errors)
                })
            }
        };
        rec.item = match item {
            None => ItemRef::None,
            Some(Item::Header(header)) => {
                if document.header.is_none() {
                    document.header = Some(header);
                } else {
                    file_errors.push(SyntaxError {
                        range: header.head_range,
                        kind: SyntaxErrorKind::Syntax,
                        message: "a file can have only one case header; this second one is ignored"
                            .to_string(),
                        fix: None,
                    });
                }
                ItemRef::Header
            }
            Some(Item::Entry(e)) => {
                document.entries.push(e);
                ItemRef::Entry(document.entries.len() - 1)
            }
            Some(Item::Procedure(p)) => {
                document.procedures.push(p);
                ItemRef::Procedure(document.procedures.len() - 1)
            }
            Some(Item::Calendar(c)) => {
                document.calendars.push(c);
                ItemRef::Calendar(document.calendars.len() - 1)
            }
        };
        document.comments.extend(rec.comments.iter().cloned());
    }

    let mut all = all_tree_errors;
    if all.is_empty() && root.has_error() {
        all.push(errors::hidden_missing(root, text, &line_index));
    }
    all.extend(records.iter().flat_map(|r| r.lower_errors.iter().cloned()));
    all.extend(file_errors);
    let errors = errors::one_per_line(all, &line_index);
    Parse {
        document,
        errors,
        line_index,
        tree: Some(tree),
        reused: reused.iter().filter(|r| r.is_some()).count(),
        blocks: records,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(text: &str, at: &str, insert: &str) -> (TextEdit, String) {
        let offset = text.find(at).expect("anchor in text");
        let mut new_text = text.to_string();
        new_text.insert_str(offset, insert);
        let pos = TextSize::try_from(offset).expect("small text");
        (TextEdit::new(TextRange::empty(pos), insert), new_text)
    }

    #[test]
    fn reparse_reuses_the_blocks_an_edit_did_not_touch() {
        let text = "# top\n2024-01-01 note \"a\"\n  rec a\n2024-01-02 note\n  > x # y\nprocedure p\n  event e \"E\"\ncalendar c\n  closed 2024-12-27\n";
        let old = parse(text);
        // An edit inside the second entry: the first entry and the comment are
        // before it, the procedure and calendar after it.
        let (e, new_text) = edit(text, "> x", "more ");
        let new = old.reparse(std::slice::from_ref(&e), &new_text);
        let fresh = parse(&new_text);
        assert_eq!(new.document(), fresh.document());
        assert_eq!(new.errors(), fresh.errors());
        // Root-level comments are cheap and always read again.
        assert_eq!(new.reused, 3, "first entry, procedure, calendar");
        // Taken by value: the same blocks are moved instead of copied.
        let (owned, _) = old.clone().reparse_owned(&[e], &new_text);
        assert_eq!(owned.reused, 3);
        assert_eq!(owned.document(), fresh.document());
        assert_eq!(owned.errors(), fresh.errors());

        // An edit that makes an error in the middle: the rest is still reused.
        let (e, new_text) = edit(text, "2024-01-02", "x");
        let new = old.reparse(&[e], &new_text);
        let fresh = parse(&new_text);
        assert_eq!(new.document(), fresh.document());
        assert_eq!(new.errors(), fresh.errors());
        assert!(new.reused >= 2, "{}", new.reused);
    }

    #[test]
    fn may_define_looks_for_a_line_that_starts_with_a_block_keyword() {
        assert!(may_define("# defs\nprocedure p\n  event e \"E\"\n"));
        assert!(may_define("calendar c\n  closed 2024-12-27\n"));
        assert!(may_define("\u{FEFF}calendar c\n"));
        // The header's `procedure` line is indented: a case, not a definition.
        assert!(!may_define(
            "case \"1\"\n  procedure lgsco\n2024-01-01 note\n"
        ));
        assert!(!may_define(""));
        // A lone CR counts as a line break, to be safe.
        assert!(may_define("# x\rprocedure p\n"));
    }

    #[test]
    fn common_prefix_and_suffix_agree_with_byte_by_byte_counting() {
        let naive_prefix = |a: &[u8], b: &[u8]| a.iter().zip(b).take_while(|(x, y)| x == y).count();
        let naive_suffix = |a: &[u8], b: &[u8]| {
            a.iter()
                .rev()
                .zip(b.iter().rev())
                .take_while(|(x, y)| x == y)
                .count()
        };
        let base: Vec<u8> = (0..300u32).map(|i| b'a' + (i % 7) as u8).collect();
        // Differences at every position near and across the 64-byte blocks,
        // and texts of different lengths (one a prefix of the other).
        for at in [0, 1, 63, 64, 65, 127, 128, 200, 299] {
            let mut changed = base.clone();
            changed[at] = b'#';
            for (a, b) in [(&base[..], &changed[..]), (&base[..], &base[..at])] {
                assert_eq!(common_prefix(a, b), naive_prefix(a, b), "{at}");
                assert_eq!(common_suffix(a, b), naive_suffix(a, b), "{at}");
                assert_eq!(common_suffix(b, a), naive_suffix(b, a), "{at}");
            }
        }
        assert_eq!(common_prefix(&base, &base), base.len());
        assert_eq!(common_suffix(&base, &base), base.len());
        assert_eq!(common_suffix(b"", &base), 0);
    }

    #[test]
    fn a_block_that_is_now_indented_is_not_reused() {
        // Spaces typed before the first block make it an indented block (an
        // error): the same text, moved, but no longer the same meaning.
        let text = "procedure p\n  event e \"E\"\n";
        let old = parse(text);
        assert_eq!(old.document().procedures.len(), 1);
        let new_text = format!("  {text}");
        let new = old.reparse(
            &[TextEdit::new(TextRange::empty(0.into()), "  ")],
            &new_text,
        );
        let fresh = parse(&new_text);
        assert_eq!(fresh.document().procedures.len(), 0);
        assert_eq!(new.document(), fresh.document());
        assert_eq!(new.errors(), fresh.errors());
    }

    #[test]
    fn reparse_into_an_error_gives_the_fresh_tree() {
        // Found by the property test: three edits that leave errors in a
        // calendar block, where incremental error recovery made the next
        // entry part of the block.
        let base = "case \"1\"\n  title \"t\"\ncalendar c\n  extends england-and-wales\n  closed 2024-12-27 \"x\"\n? done a b \"x\" # c\n# a comment\n\ncalendar c\n  extends england-and-wales\n";
        let ops = [
            ("england", 1, 2, "#"),
            ("2024-12-27", 1, 0, "  "),
            ("  extends", 1, 0, "\""),
        ];
        let mut p = parse(base);
        for (anchor, offset, delete, insert) in ops {
            let text = p.text().to_string();
            let at = text.find(anchor).expect("anchor") + offset;
            let mut next = text.clone();
            next.replace_range(at..at + delete, insert);
            let range = TextRange::new(
                TextSize::try_from(at).expect("small"),
                TextSize::try_from(at + delete).expect("small"),
            );
            let q = p.reparse(&[TextEdit::new(range, insert)], &next);
            let fresh = parse(&next);
            let sexp = |p: &Parse| p.tree.as_ref().map(|t| t.root_node().to_sexp());
            assert_eq!(sexp(&q), sexp(&fresh), "{next:?}");
            assert_eq!(q.document(), fresh.document(), "{next:?}");
            assert_eq!(q.errors(), fresh.errors(), "{next:?}");
            p = q;
        }
    }
}
