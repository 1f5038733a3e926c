//! The one formatter (used by `caseline fmt` and LSP formatting).
//!
//! Canonical layout: block lines at column 0, child lines indented exactly two
//! spaces, one space wherever whitespace separates two tokens of a line, no
//! trailing whitespace, at most one blank line in a row, a blank line before
//! each top-level block (consecutive entries keep the author's choice), and
//! exactly one line ending at the end of the file. CRLF files stay CRLF. In a
//! file with a syntax error the author's blank lines are kept (runs still
//! collapse to one): where its blocks start is the parser's guess there.
//!
//! It never changes what a file says: every token, comment and prose text is
//! kept as written, and a line with a syntax error (or one that belongs to a
//! line the parser could not read) is copied byte for byte. Works from the
//! parse tree; must not depend on calendars, rules or LSP.
//!
//! Two rules keep it idempotent where the parser's reading is fragile:
//!
//! - **It only changes whitespace that is there; it never splits a word.** Two
//!   tokens written touching stay touching. A character that is not whitespace
//!   (a control character such as U+0007 included) belongs to the word it is
//!   written in, even where the grammar reads the word as two tokens:
//!   `ti\u{7}tle` is the key `ti` and the word `\u{7}tle` to the parser, one
//!   word to the person who typed it, and `calendara` is not `calendar a`.
//! - **Only what the parser could not read is copied as written**, judged line
//!   by line. Where tree-sitter's error recovery draws an ERROR region depends
//!   on the rest of the file, which formatting changes, so a whole child line
//!   that the parser read completely inside such a region (a `field`, an
//!   `event` line…) is formatted like any other: otherwise it could be copied
//!   on one pass and re-spaced on the next.
//!
//! And one safeguard: tree-sitter's error recovery weighs how many bytes it
//! skips, so re-spacing one line of a broken file can change how the parser
//! reads another line (one it copied as written becomes one it can read, and
//! re-indents). A file with a syntax error is therefore formatted again until
//! a pass changes nothing (`MAX_PASSES`); a file without one is final after one
//! pass.

use crate::errors::{SyntaxErrorKind, range_of};
use crate::kinds;
use crate::lower::trim_end_range;
use crate::parse::{Parse, parse};
use std::collections::HashSet;
use text_size::{TextRange, TextSize};
use tree_sitter::Node;

/// Formats a `.case` file. Idempotent: `format(&format(x)) == format(x)`.
pub fn format(text: &str) -> String {
    // A byte-order mark stays where it is; the rest is formatted as usual.
    if let Some(rest) = text.strip_prefix(crate::errors::BOM) {
        return format!("{}{}", crate::errors::BOM, format(rest));
    }
    let (mut out, broken) = format_once(text);
    if !broken {
        return out;
    }
    // In a file the parser could not read completely, formatting again until
    // nothing changes (see the module docs: error recovery is not a function
    // of the words alone). Each pass keeps every word, so their composition
    // does too; in practice the second pass is already the last.
    for _ in 1..MAX_PASSES {
        let (again, _) = format_once(&out);
        if again == out {
            break;
        }
        out = again;
    }
    out
}

/// Passes over a file with syntax errors before its layout is taken as
/// final. Fuzzing has not found a file that needs more than three.
const MAX_PASSES: usize = 8;

/// One formatting pass, and whether the file had a syntax error.
fn format_once(text: &str) -> (String, bool) {
    // The output always ends with a line break, so read the text as it will be
    // written: a last line without one can parse differently (trailing spaces
    // before the end of the file), and formatting the output again must not
    // see a different file.
    if !text.is_empty() && !text.ends_with('\n') {
        let mut terminated = String::with_capacity(text.len() + 1);
        terminated.push_str(text);
        terminated.push('\n');
        return format_parse(&parse(&terminated));
    }
    format_parse(&parse(text))
}

/// What one input line becomes.
#[derive(Debug)]
enum Line {
    Blank,
    /// Copied as it was (an error line), without its line ending.
    Verbatim(String),
    /// Re-spaced tokens, indent included.
    Formatted(String),
}

/// What starts on a line, for the blank-line rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Head {
    /// A dated entry (or a line that could not be read, which is treated like
    /// an entry so that a half-typed line never moves its neighbours).
    EntryLike,
    /// `case`, `procedure` or `calendar`.
    Other,
}

fn format_parse(parse: &Parse) -> (String, bool) {
    let text = parse.text();
    let index = parse.line_index();
    let Some(tree) = parse.tree.as_ref() else {
        return (text.to_string(), false);
    };
    let root = tree.root_node();
    let line_count = index.line_count() as usize;

    let has_syntax_error = parse
        .errors()
        .iter()
        .any(|e| e.kind == SyntaxErrorKind::Syntax)
        || root.has_error();
    // Lines that must stay exactly as written. The lines of an ERROR region
    // are judged one by one by `collect_leaves`, so the errors reported there
    // (one per line the region touches) are left to it.
    let mut verbatim: HashSet<usize> = HashSet::new();
    let mut tokens: Vec<Vec<TextRange>> = vec![Vec::new(); line_count];
    let error_regions = collect_leaves(root, text, index, &mut tokens, &mut verbatim);
    for e in parse.errors() {
        let in_error_region = error_regions.iter().any(|r| r.contains_range(e.range));
        if e.kind == SyntaxErrorKind::Syntax && !in_error_region {
            mark_lines(&mut verbatim, index, e.range);
        }
    }

    // Block heads, by line.
    let mut heads: Vec<Option<Head>> = vec![None; line_count];
    let mut cursor = root.walk();
    for block in root.children(&mut cursor) {
        let kind = block.kind();
        let head = if kind == kinds::ENTRY || kind == kinds::INVALID_BLOCK {
            Head::EntryLike
        } else if kind == kinds::CASE_HEADER
            || kind == kinds::PROCEDURE_BLOCK
            || kind == kinds::CALENDAR_BLOCK
        {
            Head::Other
        } else {
            continue;
        };
        let line = index.line_of(range_of(block).start()) as usize;
        if let Some(slot) = heads.get_mut(line) {
            *slot = Some(head);
        }
        if kind == kinds::INVALID_BLOCK {
            mark_lines(&mut verbatim, index, range_of(block));
        }
    }

    let mut lines: Vec<Line> = Vec::with_capacity(line_count);
    for (i, toks) in tokens.iter().enumerate() {
        let range = index.line_range(i as u32);
        let original = text
            .get(range.start().into()..range.end().into())
            .unwrap_or_default();
        // A line of only whitespace holds no token, even when the parser
        // complained about it (lone carriage returns, say): it is a blank line.
        // Copying it verbatim would not be stable, because each pass would
        // re-split its `\r`s between content and line ending.
        if original.trim().is_empty() {
            lines.push(Line::Blank);
            continue;
        }
        if verbatim.contains(&i) {
            lines.push(Line::Verbatim(verbatim_line(original)));
            continue;
        }
        // The line's words: whitespace between two tokens becomes one space;
        // tokens written touching stay touching (never split a word).
        let mut words = String::with_capacity(original.len());
        let mut previous_end = None;
        for r in toks {
            if previous_end.is_some_and(|end| r.start() > end) {
                words.push(' ');
            }
            words.push_str(
                text.get(r.start().into()..r.end().into())
                    .unwrap_or_default(),
            );
            previous_end = Some(r.end());
        }
        // Safety net: if the tokens do not account for every visible character
        // of the line, re-spacing could lose something, so copy it instead.
        let visible = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        if visible(&words) != visible(original) {
            verbatim.insert(i);
            lines.push(Line::Verbatim(verbatim_line(original)));
            continue;
        }
        let indent = if heads[i].is_some() {
            ""
        } else if original.starts_with([' ', '\t']) || !original.trim_start().starts_with('#') {
            // Child lines, and comments written inside a block.
            "  "
        } else {
            // A comment in column 0 stays there.
            ""
        };
        lines.push(Line::Formatted(format!("{indent}{}", words.trim_end())));
    }

    // Where each top-level block's group starts: its head, or the column-0
    // comment lines right above it (they describe it and move with it).
    // A line copied verbatim does not take part in the blank-line rules (the
    // parser's reading of a broken line can change once its neighbours are
    // re-spaced, and the output must not depend on that): it counts as an
    // plain line that keeps the author's blank lines.
    for (i, head) in heads.iter_mut().enumerate() {
        if verbatim.contains(&i) {
            *head = None;
        }
    }
    let mut group_start: Vec<Option<Head>> = vec![None; line_count];
    for (i, head) in heads.iter().enumerate() {
        let Some(head) = *head else { continue };
        let mut start = i;
        while start > 0 && is_column0_comment(&lines[start - 1]) && heads[start - 1].is_none() {
            start -= 1;
        }
        group_start[start] = Some(head);
    }

    let eol = if index.uses_crlf() { "\r\n" } else { "\n" };
    let mut out = String::with_capacity(text.len() + 16);
    let mut emitted_any = false;
    let mut pending_blank = false;
    let mut previous_head: Option<Head> = None;
    for (i, line) in lines.iter().enumerate() {
        let content = match line {
            Line::Blank => {
                pending_blank = true;
                continue;
            }
            Line::Verbatim(s) | Line::Formatted(s) => s,
        };
        let heads_at_line = heads.get(i).copied().flatten();
        if emitted_any {
            let blank = match group_start[i] {
                // In a file with a syntax error, where the blocks start depends
                // on how the parser recovered, which can change once the file
                // is re-spaced: keep the author's blank lines there, so a
                // second run changes nothing.
                _ if has_syntax_error => pending_blank,
                Some(Head::EntryLike) if previous_head.is_none_or(|h| h == Head::EntryLike) => {
                    pending_blank
                }
                Some(_) => true,
                None => pending_blank,
            };
            if blank {
                out.push_str(eol);
            }
        }
        if let Some(h) = heads_at_line {
            previous_head = Some(h);
        }
        out.push_str(content);
        out.push_str(eol);
        emitted_any = true;
        pending_blank = false;
    }
    (out, has_syntax_error)
}

/// A line copied as written, less any carriage returns at its end: a `\r` right
/// before a line break is part of the line ending, and keeping it as content
/// would make it part of a CRLF ending on the next pass (so `fmt` would change
/// the file again). Carriage returns are invisible, so no word is lost.
fn verbatim_line(original: &str) -> String {
    original.trim_end_matches('\r').to_string()
}

fn is_column0_comment(line: &Line) -> bool {
    matches!(line, Line::Formatted(s) if s.starts_with('#'))
}

fn mark_lines(set: &mut HashSet<usize>, index: &crate::LineIndex, range: TextRange) {
    let first = index.line_of(range.start());
    let last = index.line_of(trim_end_range(index.text(), range).end());
    for l in first..=last {
        set.insert(l as usize);
    }
}

/// Every token (leaf) of the tree, grouped by the line it starts on. A token
/// that spans lines (only a comment-only line's comment, with its line
/// ending) is trimmed; a zero-width token marks its line as verbatim.
///
/// Inside an ERROR node, a whole child line read without error
/// (`readable_child_line`) and comments give their tokens like anywhere else;
/// anything else there marks its lines as verbatim. Returns the ERROR nodes'
/// ranges.
fn collect_leaves(
    root: Node<'_>,
    text: &str,
    index: &crate::LineIndex,
    tokens: &mut [Vec<TextRange>],
    verbatim: &mut HashSet<usize>,
) -> Vec<TextRange> {
    let mut error_regions = Vec::new();
    let mut stack = vec![root];
    let mut cursor = root.walk();
    while let Some(node) = stack.pop() {
        if node.is_error() {
            error_regions.push(range_of(node));
            if node.child_count() == 0 {
                mark_lines(verbatim, index, range_of(node));
            }
            for child in node.children(&mut cursor) {
                if child.is_error()
                    || child.kind() == kinds::COMMENT
                    || readable_child_line(child, text, index)
                {
                    stack.push(child);
                } else {
                    mark_lines(verbatim, index, range_of(child));
                }
            }
            continue;
        }
        if node.child_count() == 0 && node.kind() != kinds::SOURCE_FILE {
            let range = trim_end_range(text, range_of(node));
            let line = index.line_of(range.start()) as usize;
            if node.is_missing() || node.kind() == kinds::UNTERMINATED_STRING {
                verbatim.insert(line);
            } else if range.is_empty() {
                // The root of an empty file; nothing to place.
            } else if let Some(slot) = tokens.get_mut(line) {
                slot.push(range);
            }
            if index.line_of(range.end()) as usize != line {
                mark_lines(verbatim, index, range);
            }
            continue;
        }
        let children: Vec<Node<'_>> = node.children(&mut cursor).collect();
        stack.extend(children.into_iter().rev());
    }
    for line in tokens.iter_mut() {
        line.sort_by_key(|r| r.start());
    }
    error_regions
}

/// The kinds of node that are one whole child line of a block.
const CHILD_LINES: &[&str] = &[
    kinds::FIELD,
    kinds::REC_LINE,
    kinds::AGREE_LINE,
    kinds::EXTENDED_LINE,
    kinds::PROSE_LINE,
    kinds::USE_LINE,
    kinds::EVENT_DECL,
    kinds::DEADLINE_DECL,
    kinds::REQUIRE_DECL,
    kinds::EXTENDS_LINE,
    kinds::CLOSED_LINE,
    kinds::CALENDAR_LINE,
    kinds::PAUSE_DECL,
    kinds::EXCEPTION_DECL,
    kinds::EXCEPTION_LINE,
];

/// A node (found inside an ERROR node) that is a whole, error-free child line:
/// indented, alone on its line but for a comment after it, and on one line.
fn readable_child_line(node: Node<'_>, text: &str, index: &crate::LineIndex) -> bool {
    if node.has_error() || node.is_missing() || !CHILD_LINES.contains(&node.kind()) {
        return false;
    }
    let range = trim_end_range(text, range_of(node));
    let line = index.line_of(range.start());
    if index.line_of(range.end()) != line {
        return false;
    }
    let line_range = index.line_range(line);
    let slice = |from: TextSize, to: TextSize| text.get(from.into()..to.into()).unwrap_or_default();
    let indent = slice(line_range.start(), range.start());
    let rest = slice(range.end(), line_range.end()).trim();
    !indent.is_empty()
        && indent.chars().all(|c| c == ' ' || c == '\t')
        && (rest.is_empty() || rest.starts_with('#'))
}
