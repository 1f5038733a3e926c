//! Syntax errors: what the parser could not make sense of, found in the
//! tree-sitter tree and described in plain English for investigators.
//!
//! One error per bad line: an ERROR node that covers several lines gives one
//! error per line it touches, and a second problem on a line that already has
//! one is dropped, so a single typo never shows up as a cascade.
//! Must not depend on calendars, rules or LSP.

use crate::ast::Comment;
use crate::kinds;
use crate::line_index::LineIndex;
use crate::parse::TextEdit;
use crate::scan::{self, Problem};
use text_size::{TextRange, TextSize};
use tree_sitter::Node;

/// A problem with the text of a file, found while parsing it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SyntaxError {
    /// Bytes of the parsed text; never empty unless the text is.
    pub range: TextRange,
    pub kind: SyntaxErrorKind,
    /// Plain English, for the person who wrote the file.
    pub message: String,
    /// The edit that mends the line, when the mistake is a known slip (curly
    /// quotes, a date written `04/03/2024`, ...) and the mended line parses.
    pub fix: Option<SyntaxFix>,
}

/// A suggested change for a [`SyntaxError`]: the `edits` apply together, in
/// order, each relative to the text after the previous ones (byte ranges of
/// the parsed text, like [`crate::Parse::reparse`]'s).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SyntaxFix {
    /// What the fix does, for a menu: "Use straight quotes".
    pub title: String,
    /// Relative to the text as it is, sorted and non-overlapping (the check
    /// engine's `Fix` convention).
    pub edits: Vec<TextEdit>,
}

/// Which check rule reports the error (docs/format.md#checks: `syntax`, `date-invalid`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SyntaxErrorKind {
    Syntax,
    DateInvalid,
}

/// An unterminated string is the one error after which the rest of its line
/// is still read normally (lowering keeps that line).
pub(crate) const UNTERMINATED_STRING_MESSAGE: &str =
    "this text has no closing quote: add a \" at its end (a text in quotes stays on one line)";

/// Byte range of a node.
pub(crate) fn range_of(node: Node<'_>) -> TextRange {
    let r = node.byte_range();
    TextRange::new(size(r.start), size(r.end))
}

pub(crate) fn size(n: usize) -> TextSize {
    TextSize::try_from(n).unwrap_or(TextSize::from(u32::MAX))
}

/// The syntax problems inside one child of the root (a block, a line that
/// could not be read, or an ERROR node), not dates: lowering checks those.
/// Its comments come out of the same walk.
pub(crate) fn collect_in(
    node: Node<'_>,
    text: &str,
    index: &LineIndex,
    out: &mut Vec<SyntaxError>,
    comments: &mut Vec<Comment>,
) {
    if is_indented_block(node, index) {
        let at = range_of(node).start();
        out.push(SyntaxError {
            range: line_content(index, text, at),
            kind: SyntaxErrorKind::Syntax,
            message: "this indented line has no entry or block above it to belong to; \
                      start it in the first column"
                .to_string(),
            fix: None,
        });
    }
    visit(node, text, index, out, comments);
}

/// When the tree has an error but no node shows it, the only error is a
/// hidden MISSING token (a line end the parser had to invent): this reports it
/// on the deepest node that carries it.
pub(crate) fn hidden_missing(root: Node<'_>, text: &str, index: &LineIndex) -> SyntaxError {
    let mut node = root;
    'descend: loop {
        let mut cursor = node.walk();
        for child in node.children(&mut cursor) {
            if child.has_error() {
                node = child;
                continue 'descend;
            }
        }
        break;
    }
    SyntaxError {
        range: line_content(index, text, range_of(node).end()),
        kind: SyntaxErrorKind::Syntax,
        message: "caseline could not make sense of this line".to_string(),
        fix: None,
    }
}

/// A top-level block that does not start in column 0. Only possible before
/// the first block of a file (after that, an indented line is a child line);
/// the block is left out of the document, like any line that cannot be read.
pub(crate) fn is_indented_block(block: Node<'_>, index: &LineIndex) -> bool {
    // The common case first, without looking up kinds or lines: a block right
    // after a line break (or at the start) has nothing before it on its line.
    let start_byte = block.start_byte();
    if start_byte == 0 || index.text().as_bytes().get(start_byte - 1) == Some(&b'\n') {
        return false;
    }
    if block.kind() == kinds::COMMENT || block.is_error() {
        return false;
    }
    let start = range_of(block).start();
    let line_start = index.line_range(index.line_of(start)).start();
    // A byte-order mark before the first block is not an indent.
    let prefix = index
        .text()
        .get(usize::from(line_start)..usize::from(start))
        .unwrap_or_default();
    block.kind() != kinds::INVALID_BLOCK && !block.is_extra() && !prefix.is_empty() && prefix != BOM
}

/// The byte-order mark some editors write at the start of a file.
pub(crate) const BOM: &str = "\u{FEFF}";

/// Reports every problem: first the lines the parser kept but could not read
/// (found with the comments in one walk), then ERROR and MISSING nodes, found
/// by descending only where `has_error` says there is one. Both stay cheap on
/// a large file, since this runs on every keystroke in the editor.
fn visit<'t>(
    root: Node<'t>,
    text: &str,
    index: &LineIndex,
    out: &mut Vec<SyntaxError>,
    comments: &mut Vec<Comment>,
) {
    let mut problems = Vec::new();
    scan::scan(root, text, comments, &mut problems);
    for (node, problem) in problems {
        let message = match problem {
            Problem::TopLevelLine => invalid_top_level_message(node, text, index),
            Problem::ChildLine(parent) => invalid_child_message(parent, node_text(node, text)),
            Problem::UnterminatedString => UNTERMINATED_STRING_MESSAGE.to_string(),
        };
        out.push(SyntaxError {
            range: range_of(node),
            kind: SyntaxErrorKind::Syntax,
            message,
            fix: None,
        });
    }
    if !root.has_error() {
        return;
    }
    // Remembering each ancestor's kind (the parent is the last).
    scan::preorder(root, |cursor, ancestors: &[&str]| {
        let node = cursor.node();
        let parent = ancestors.last().copied().unwrap_or_default();
        let descend = node.has_error() && !report(node, parent, text, index, out);
        descend.then(|| node.kind())
    });
}

/// Reports the ERROR or MISSING node `node` stands for, if it is one. True
/// when its subtree needs no further look.
fn report(
    node: Node<'_>,
    parent: &str,
    text: &str,
    index: &LineIndex,
    out: &mut Vec<SyntaxError>,
) -> bool {
    if node.is_error() {
        error_node(node, text, index, out);
        return true;
    }
    // A zero-width node with an error is one whose only token is a hidden
    // MISSING one (e.g. the name inside an `event_kind`): report it as missing.
    if node.is_missing() || (node.byte_range().is_empty() && node.has_error()) {
        let at = range_of(node).start();
        out.push(SyntaxError {
            range: line_content(index, text, at),
            kind: SyntaxErrorKind::Syntax,
            message: missing_message(node, parent),
            fix: None,
        });
        return true;
    }
    false
}

/// An ERROR node: one error for each line it covers that holds something.
fn error_node(node: Node<'_>, text: &str, index: &LineIndex, out: &mut Vec<SyntaxError>) {
    let range = range_of(node);
    let first = index.line_of(range.start());
    let last = index.line_of(range.end());
    let before = out.len();
    for line in first..=last {
        let line_range = index.line_range(line);
        let Some(part) = line_range.intersect(range) else {
            continue;
        };
        let part = trim(text, part);
        if part.is_empty() {
            continue;
        }
        let part_text = slice(text, part);
        if part_text.starts_with('#') {
            continue;
        }
        out.push(SyntaxError {
            range: part,
            kind: SyntaxErrorKind::Syntax,
            message: error_message(part_text, slice(text, trim(text, line_range))),
            fix: None,
        });
    }
    if out.len() == before {
        // Nothing but whitespace inside: point at the line where it happened.
        let line = line_content(index, text, range.start());
        out.push(SyntaxError {
            range: line,
            kind: SyntaxErrorKind::Syntax,
            message: error_message("", slice(text, line)),
            fix: None,
        });
    }
}

fn slice(text: &str, range: TextRange) -> &str {
    text.get(usize::from(range.start())..usize::from(range.end()))
        .unwrap_or_default()
}

/// "could not read X": with the shape of the line it is on, when the line's
/// first word says what kind of line it was meant to be.
fn error_message(bad: &str, line: &str) -> String {
    // Quote the bad text only when it is short and printable.
    let quotable =
        !bad.is_empty() && bad.chars().count() <= 40 && !bad.chars().any(char::is_control);
    let what = if !quotable || bad == line {
        "caseline could not make sense of this line".to_string()
    } else {
        format!("caseline could not make sense of `{bad}` here")
    };
    match line_usage(line, bad) {
        Some(usage) => format!("{what}: {usage}"),
        None => what,
    }
}

/// How a line of this kind is written, judged from its first word.
fn line_usage(line: &str, bad: &str) -> Option<&'static str> {
    if bad.starts_with("within") {
        return Some("after `within` comes a duration like `10wd`, `15d`, `4w`, `1m` or `1y`");
    }
    if bad.starts_with("by ") || bad == "by" {
        return Some("after `by` comes a date like 2024-11-05");
    }
    let first = line.split_whitespace().next().unwrap_or_default();
    Some(match first {
        "rec" | "promise" => {
            "the line reads `rec ID [within DUR | by DATE] [\"text\"]` with one ID, e.g. `rec a within 10wd \"Apologise\"`"
        }
        "agree" => {
            "the line reads `agree ID... [within DUR | by DATE]`, e.g. `agree a b within 10wd`"
        }
        "extended" => "the line reads `extended [\"reason\"]`",
        "exception" => {
            "the line reads `exception TARGET \"reason\"` under an entry, or `exception TARGET... [\"citation\"]` in a procedure"
        }
        "pause" => "the line reads `pause TARGET from EVENT until EVENT [\"citation\"]`",
        "event" => "the line reads `event NAME \"label\" [recommends]`",
        "deadline" => {
            "the line reads `deadline TARGET within DUR of START [extendable to DUR | extendable without limit] [\"citation\"]`, \
             e.g. `deadline stage1.response within 10wd of stage1.received`"
        }
        "require" => "the line reads `require A before B`",
        "use" | "extends" => "the line lists names, like `stage1.received` or `england-and-wales`",
        "closed" => "the line reads `closed DATE... [\"reason\"]`",
        "case" => "the line reads `case \"REFERENCE\"`",
        "procedure" => {
            "the line reads `procedure NAME...`, with names not in quotes, like `procedure children-statutory`"
        }
        "calendar" => {
            "the line reads `calendar NAME`, a name not in quotes, like `calendar scotland`"
        }
        _ if first.starts_with(|c: char| c.is_ascii_digit() || c == '?') => {
            "an entry reads `DATE EVENT [ID...] [\"text\"]`, e.g. `2024-11-05 stage1.received \"Complaint received\"`; \
             event kinds are lower-case letters, digits, `-` and `.`"
        }
        _ => return None,
    })
}

fn missing_message(node: Node<'_>, parent: &str) -> String {
    let kind = node.kind();
    if kind == kinds::NAME_TOKEN && parent == kinds::EVENT_KIND {
        return "expected an event kind after the date, like `note` or `stage1.received`"
            .to_string();
    }
    if kind == kinds::NAME_TOKEN || kind == kinds::NAME {
        return "expected a name here, like `stage1.received` or `england-and-wales`".to_string();
    }
    if kind == kinds::EVENT_KIND {
        return "expected an event kind after the date, like `note` or `stage1.received`"
            .to_string();
    }
    if kind == kinds::ID {
        return "expected an ID here, like `a` or `R1`".to_string();
    }
    if kind == kinds::DURATION {
        return "expected a duration here, like `10wd`, `15d`, `4w`, `1m` or `1y`".to_string();
    }
    if kind == kinds::DATE {
        return "expected a date here, like 2024-11-05".to_string();
    }
    if kind == kinds::STRING {
        return "expected a quoted text here, like \"Complaint received\"".to_string();
    }
    if !node.is_named() {
        return format!("expected `{kind}` here");
    }
    "something is missing from this line".to_string()
}

/// A top-level line that opens no block.
fn invalid_top_level_message(head: Node<'_>, text: &str, index: &LineIndex) -> String {
    let start = range_of(head).start();
    let line_start = index.line_range(index.line_of(start)).start();
    let line_text = node_text(head, text);
    if start != line_start {
        let before = text
            .get(usize::from(line_start)..usize::from(start))
            .unwrap_or_default();
        if !before.trim().is_empty() {
            return "caseline could not make sense of this part of the line".to_string();
        }
        return "this indented line has no entry or block above it to belong to".to_string();
    }
    let first_word = line_text.split_whitespace().next().unwrap_or_default();
    // The line without a trailing comment (`#` outside quotes).
    let mut quoted = false;
    let end = line_text
        .char_indices()
        .find(|&(_, c)| {
            quoted ^= c == '"';
            c == '#' && !quoted
        })
        .map_or(line_text.len(), |(i, _)| i);
    let line_text = line_text[..end].trim_end();
    // A header line written at the left edge (`as of 2025-03-01`,
    // `Complainant "Mr X"`): say which header line it looks like, written as
    // the header wants it.
    let lower = first_word.to_lowercase();
    let mut words = line_text.split_whitespace().skip(1);
    let second = words.next().unwrap_or_default();
    let joined = format!("{lower}-{}", second.to_lowercase());
    // The key and how many words of the line it takes.
    let (key, words_in_key) = if crate::vocabulary::is_header_key(&lower) {
        (Some(lower.as_str()), 1)
    } else if crate::vocabulary::is_header_key(&joined) {
        (Some(joined.as_str()), 2)
    } else {
        (None, 0)
    };
    let rest = line_text.split_whitespace().skip(words_in_key);
    if let Some(key) = key
        && !crate::vocabulary::is_child_word(first_word)
    {
        let rest: Vec<&str> = rest.collect();
        return format!(
            "this looks like the case header's `{key}` line, but header lines are indented \
             under `case`: write it as `  {key} {}` directly under the `case` line",
            rest.join(" ")
        );
    }
    if crate::vocabulary::is_child_word(first_word) || first_word.starts_with('>') {
        return format!(
            "`{first_word}` lines belong under an entry or block: indent this line to put it under the one above"
        );
    }
    if line_text.starts_with(|c: char| c.is_ascii_digit()) {
        return "expected a date like 2024-11-05 at the start of the line".to_string();
    }
    "expected a date like 2024-11-05 at the start of the line (or `case`, `procedure` or `calendar`)"
        .to_string()
}

fn invalid_child_message(parent: &str, line_text: &str) -> String {
    let what = if parent == kinds::ENTRY {
        "under an entry a line can be `rec`, `promise`, `agree`, `extended`, `> text` or `key value`"
    } else if parent == kinds::PROCEDURE_BLOCK {
        "under a procedure a line can be `event`, `deadline`, `require`, `use` or `key value`"
    } else if parent == kinds::CALENDAR_BLOCK {
        "under a calendar a line can be `extends`, `closed` or `key value`"
    } else {
        "under the case header a line is `key value`, like `title \"...\"`"
    };
    if line_text.starts_with(|c: char| c.is_ascii_digit()) {
        return format!("an entry must start in the first column, not be indented; {what}");
    }
    format!("caseline could not read this line: {what}")
}

fn node_text<'t>(node: Node<'_>, text: &'t str) -> &'t str {
    text.get(node.byte_range()).unwrap_or_default()
}

/// The content of the line holding `at`, without its indent and line ending;
/// the whole line if it is blank.
fn line_content(index: &LineIndex, text: &str, at: TextSize) -> TextRange {
    let line = index.line_range(index.line_of(at));
    let trimmed = trim(text, line);
    if trimmed.is_empty() { line } else { trimmed }
}

/// `range` without leading and trailing whitespace (and line endings).
pub(crate) fn trim(text: &str, range: TextRange) -> TextRange {
    let Some(s) = text.get(usize::from(range.start())..usize::from(range.end())) else {
        return range;
    };
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail >= s.len() {
        return TextRange::empty(range.start());
    }
    TextRange::new(range.start() + size(lead), range.end() - size(trail))
}

/// Keeps the first error on each line (per kind), in order of position, and
/// gives each syntax error the message (and fix) of the slip on its line, if
/// one is recognised (slips.rs). Runs after lowering: which lines lowering
/// keeps is decided by the tree's own errors, whatever they are then called.
pub(crate) fn one_per_line(mut errors: Vec<SyntaxError>, index: &LineIndex) -> Vec<SyntaxError> {
    errors.sort_by_key(|e| (e.range.start(), e.range.end()));
    let mut seen = std::collections::HashSet::new();
    errors.retain(|e| seen.insert((index.line_of(e.range.start()), e.kind)));
    crate::slips::explain(&mut errors, index);
    errors.sort_by_key(|e| (e.range.start(), e.range.end()));
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ranges lose the white space around them, and one of white space only
    /// becomes empty at its start.
    #[test]
    fn trim_takes_white_space_off_both_ends() {
        let t = |text: &str, from: u32, to: u32| -> (u32, u32) {
            let r = trim(text, TextRange::new(from.into(), to.into()));
            (r.start().into(), r.end().into())
        };
        assert_eq!(t("ab   x   cd", 2, 9), (5, 6));
        assert_eq!(t("ab   x   cd", 5, 6), (5, 6));
        assert_eq!(t("ab \r\n cd", 2, 6), (2, 2));
        assert_eq!(t("x  \n", 0, 4), (0, 1));
    }
}
