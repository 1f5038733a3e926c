//! Markdown as a terminal shows it, for `caseline explain`: the rules' own
//! documentation (`Rule::explanation`), read by investigators who should never
//! have to read Markdown syntax.
//!
//! The layout is the same whether or not stdout is a terminal: headings at the
//! left edge, everything under them indented two spaces, code blocks four, the
//! fence lines gone, list items kept as `- item`, links as `text (address)`.
//! In a terminal headings are bold and underlined, `**strong**` bold,
//! `*emphasis*` italic and code spans coloured; the caller's `anstream` stream
//! strips the styles when stdout is not a terminal or `NO_COLOR` is set. Code
//! spans lose their backticks only when the styles are kept (`styled`): in plain
//! text the backticks are what still marks the exact words to type.
//!
//! This is the small part of CommonMark the rules' docs use (ATX headings,
//! paragraphs, fenced code, lists, emphasis, code spans, links, backslash
//! escapes), not a general renderer: a test renders every rule's explanation and
//! fails if Markdown syntax is left in the output.

use anstyle::{AnsiColor, Style};
use std::io::{self, Write};

const HEADING: Style = Style::new().bold().underline();
const CODE: Style = AnsiColor::Cyan.on_default();
/// Body text under a heading.
const INDENT: &str = "  ";
/// Code blocks: further in than the text around them.
const CODE_INDENT: &str = "    ";

/// Inline styles in force on a run of text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Marks {
    strong: bool,
    emphasis: bool,
    code: bool,
}

impl Marks {
    fn style(self, base: Style) -> Style {
        let mut style = base;
        if self.strong {
            style = style.bold();
        }
        if self.emphasis {
            style = style.italic();
        }
        if self.code {
            style = style.fg_color(CODE.get_fg_color());
        }
        style
    }
}

/// Writes `markdown` for a terminal (see the module documentation). `styled`
/// says whether the stream keeps styles (`AutoStream::current_choice`).
pub fn write(out: &mut dyn Write, markdown: &str, styled: bool) -> io::Result<()> {
    let mut fence: Option<(char, usize)> = None;
    let mut blank_pending = false;
    let mut written_any = false;
    for raw in markdown.lines() {
        let line = raw.trim_end();
        if let Some((ch, len)) = fence {
            if is_fence(line).is_some_and(|(c, n, info)| c == ch && n >= len && info.is_empty()) {
                fence = None;
            } else {
                flush_blank(out, &mut blank_pending, written_any)?;
                if line.is_empty() {
                    writeln!(out)?;
                } else {
                    writeln!(out, "{CODE_INDENT}{line}")?;
                }
                written_any = true;
            }
            continue;
        }
        if line.trim().is_empty() {
            blank_pending = true;
            continue;
        }
        if let Some((ch, len, _info)) = is_fence(line) {
            fence = Some((ch, len));
            continue;
        }
        flush_blank(out, &mut blank_pending, written_any)?;
        written_any = true;
        let trimmed = line.trim_start();
        if let Some(text) = heading(trimmed) {
            write_inline(out, text, HEADING, styled)?;
            writeln!(out)?;
        } else if let Some((marker, text)) = list_item(trimmed) {
            // Nested items keep their extra indentation.
            let nesting = &line[..line.len() - trimmed.len()];
            write!(out, "{INDENT}{nesting}{marker} ")?;
            write_inline(out, text, Style::new(), styled)?;
            writeln!(out)?;
        } else if let Some(text) = trimmed.strip_prefix('>') {
            write!(out, "{INDENT}{INDENT}")?;
            write_inline(out, text.trim_start(), Style::new(), styled)?;
            writeln!(out)?;
        } else {
            write!(out, "{INDENT}")?;
            // A line indented under a list item stays under it.
            if line.len() > trimmed.len() {
                write!(out, "{INDENT}")?;
            }
            write_inline(out, trimmed, Style::new(), styled)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

fn flush_blank(out: &mut dyn Write, pending: &mut bool, written_any: bool) -> io::Result<()> {
    if *pending && written_any {
        writeln!(out)?;
    }
    *pending = false;
    Ok(())
}

/// A fence line (up to three spaces, then three or more backticks or tildes):
/// its character, length and info string (`caseline`).
fn is_fence(line: &str) -> Option<(char, usize, &str)> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let ch = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let len = trimmed.chars().take_while(|c| *c == ch).count();
    (len >= 3).then(|| (ch, len, trimmed[len..].trim()))
}

/// The text of an ATX heading (`## What it checks`, optionally closed by `#`s).
fn heading(line: &str) -> Option<&str> {
    let hashes = line.chars().take_while(|c| *c == '#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !(rest.is_empty() || rest.starts_with(' ') || rest.starts_with('\t')) {
        return None;
    }
    let text = rest.trim();
    let text = text.trim_end_matches('#');
    Some(text.trim_end())
}

/// A list item: the marker to show (`-` for any bullet, `1.` as written) and
/// its text.
fn list_item(line: &str) -> Option<(&str, &str)> {
    for bullet in ["- ", "* ", "+ "] {
        if let Some(text) = line.strip_prefix(bullet) {
            return Some(("-", text.trim_start()));
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &line[digits..];
        if rest.starts_with(". ") || rest.starts_with(") ") {
            return Some((&line[..digits + 1], rest[2..].trim_start()));
        }
    }
    None
}

/// One line of inline Markdown, written with `base` under every run.
fn write_inline(out: &mut dyn Write, text: &str, base: Style, styled: bool) -> io::Result<()> {
    let mut runs = Vec::new();
    inline(text, Marks::default(), styled, &mut runs);
    for (text, marks) in runs {
        let style = marks.style(base);
        write!(out, "{style}{text}{style:#}")?;
    }
    Ok(())
}

/// Splits `text` into runs of plain text with the marks in force on each.
fn inline(text: &str, marks: Marks, styled: bool, runs: &mut Vec<(String, Marks)>) {
    let mut plain = String::new();
    let flush = |plain: &mut String, runs: &mut Vec<(String, Marks)>| {
        if !plain.is_empty() {
            runs.push((std::mem::take(plain), marks));
        }
    };
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let c = rest.chars().next().unwrap_or(' ');
        // A backslash before punctuation: that character, as written.
        if c == '\\'
            && let Some(next) = rest[1..].chars().next().filter(char::is_ascii_punctuation)
        {
            plain.push(next);
            i += 1 + next.len_utf8();
            continue;
        }
        if c == '`' {
            let ticks = rest.chars().take_while(|c| *c == '`').count();
            if let Some(end) = closing_ticks(&rest[ticks..], ticks) {
                let inner = &rest[ticks..ticks + end];
                let code = strip_one_space(inner);
                if styled {
                    flush(&mut plain, runs);
                    runs.push((
                        code.to_owned(),
                        Marks {
                            code: true,
                            ..marks
                        },
                    ));
                } else {
                    plain.push('`');
                    plain.push_str(code);
                    plain.push('`');
                }
                i += ticks + end + ticks;
                continue;
            }
            // No closing run: the backticks are text.
            plain.push_str(&rest[..ticks]);
            i += ticks;
            continue;
        }
        if c == '*' || c == '_' {
            let double = rest[1..].starts_with(c);
            let delim = if double { &rest[..2] } else { &rest[..1] };
            let before = text[..i].chars().next_back();
            if let Some(end) = closing_delim(text, i, delim, before) {
                flush(&mut plain, runs);
                let inner = &text[i + delim.len()..end];
                let inner_marks = if double {
                    Marks {
                        strong: true,
                        ..marks
                    }
                } else {
                    Marks {
                        emphasis: true,
                        ..marks
                    }
                };
                inline(inner, inner_marks, styled, runs);
                i = end + delim.len();
                continue;
            }
            plain.push_str(delim);
            i += delim.len();
            continue;
        }
        if c == '['
            && let Some((label, address, len)) = link(rest)
        {
            flush(&mut plain, runs);
            inline(label, marks, styled, runs);
            if address != label {
                plain.push_str(&format!(" ({address})"));
            }
            i += len;
            continue;
        }
        if c == '<'
            && let Some(end) = rest.find('>')
        {
            let inner = &rest[1..end];
            if (inner.starts_with("http://") || inner.starts_with("https://"))
                && !inner.contains(char::is_whitespace)
            {
                plain.push_str(inner);
                i += end + 1;
                continue;
            }
        }
        plain.push(c);
        i += c.len_utf8();
    }
    flush(&mut plain, runs);
}

/// Where the run of exactly `ticks` backticks that closes a code span starts.
fn closing_ticks(after: &str, ticks: usize) -> Option<usize> {
    let mut i = 0;
    while let Some(found) = after[i..].find('`') {
        let start = i + found;
        let run = after[start..].chars().take_while(|c| *c == '`').count();
        if run == ticks {
            return Some(start);
        }
        i = start + run;
    }
    None
}

/// CommonMark: one space is stripped from each side of a code span that has
/// one on both (so a span can begin or end with a backtick).
fn strip_one_space(code: &str) -> &str {
    if code.len() >= 2 && code.starts_with(' ') && code.ends_with(' ') && !code.trim().is_empty() {
        &code[1..code.len() - 1]
    } else {
        code
    }
}

/// Where the delimiter that closes the emphasis opened at `open` starts: the
/// opening one must be followed by a non-space, the closing one preceded by
/// one, and `_` must not be inside a word on either side (`snake_case`).
/// Code spans in between are skipped.
fn closing_delim(text: &str, open: usize, delim: &str, before: Option<char>) -> Option<usize> {
    let underscore = delim.starts_with('_');
    let after_open = text[open + delim.len()..].chars().next()?;
    if after_open.is_whitespace() || (underscore && before.is_some_and(char::is_alphanumeric)) {
        return None;
    }
    let doubled: String = delim.repeat(2);
    let mut i = open + delim.len();
    while i < text.len() {
        let rest = &text[i..];
        // Inside single emphasis, `**` opens or closes strong text, never this.
        if delim.len() == 1 && rest.starts_with(doubled.as_str()) {
            i += 2;
            continue;
        }
        if rest.starts_with('`') {
            let ticks = rest.chars().take_while(|c| *c == '`').count();
            match closing_ticks(&rest[ticks..], ticks) {
                Some(end) => i += ticks + end + ticks,
                None => i += ticks,
            }
            continue;
        }
        if let Some(escaped) = rest.strip_prefix('\\') {
            i += 1 + escaped.chars().next().map_or(0, char::len_utf8);
            continue;
        }
        if rest.starts_with(delim) && i > open + delim.len() {
            let prev = text[..i].chars().next_back();
            let next = rest[delim.len()..].chars().next();
            let same_char_follows = next == delim.chars().next();
            if prev.is_some_and(|p| !p.is_whitespace())
                && !same_char_follows
                && !(underscore && next.is_some_and(char::is_alphanumeric))
            {
                return Some(i);
            }
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// An inline link `[label](address)`: its label, address and length.
fn link(rest: &str) -> Option<(&str, &str, usize)> {
    let close = rest.find("](")?;
    let label = &rest[1..close];
    if label.contains('[') || label.contains(']') {
        return None;
    }
    let after = &rest[close + 2..];
    let end = after.find(')')?;
    let address = after[..end].trim();
    if address.is_empty() || address.contains(char::is_whitespace) {
        return None;
    }
    Some((label, address, close + 2 + end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(markdown: &str) -> String {
        let mut out = Vec::new();
        write(&mut out, markdown, false).expect("writing to memory");
        let text = String::from_utf8(out).expect("UTF-8");
        // Styles are written either way (the stream strips them): strip here.
        strip(&text)
    }

    fn strip(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                for c in chars.by_ref() {
                    if c == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn headings_text_and_code_blocks_are_laid_out_without_syntax() {
        let md = "## What it checks\nA stage **late** under *every* reading.\nSee `stage1.received`.\n\n## Example\n```caseline\ncase \"1\"\n  procedure lgsco\n```\n";
        assert_eq!(
            plain(md),
            "What it checks\n  A stage late under every reading.\n  See `stage1.received`.\n\nExample\n    case \"1\"\n      procedure lgsco\n"
        );
    }

    #[test]
    fn in_a_terminal_code_spans_are_coloured_instead_of_quoted() {
        let mut out = Vec::new();
        write(&mut out, "See `stage1.received` **now**.", true).expect("writing to memory");
        let text = String::from_utf8(out).expect("UTF-8");
        assert!(!text.contains('`'), "{text:?}");
        assert!(text.contains(&format!("{CODE}stage1.received")), "{text:?}");
        assert_eq!(strip(&text), "  See stage1.received now.\n");
    }

    #[test]
    fn lists_links_escapes_and_words_with_underscores() {
        let md = "- one *a*\n* two\n  more of two\n1. first\n\nA [page](https://example.org) and <https://x.org>, snake_case_name, 2 * 3 * 4, \\*not\\*, `a*b*c`, __both__.";
        assert_eq!(
            plain(md),
            "  - one a\n  - two\n    more of two\n  1. first\n\n  A page (https://example.org) and https://x.org, snake_case_name, 2 * 3 * 4, *not*, `a*b*c`, both.\n"
        );
    }

    #[test]
    fn unclosed_marks_and_fences_are_text() {
        assert_eq!(plain("a ** b and `c"), "  a ** b and `c\n");
        assert_eq!(plain("~~~\nx\n"), "    x\n");
        assert_eq!(plain("####### seven"), "  ####### seven\n");
    }

    /// Every rule's explanation, as `caseline explain RULE` prints it when
    /// piped: no Markdown syntax may be left (a construct this renderer does
    /// not know would show up here first).
    #[test]
    fn every_rule_explanation_renders_without_markdown_syntax() {
        for rule in caseline_check::Rule::all() {
            let text = plain(rule.explanation());
            assert!(!text.trim().is_empty(), "{}", rule.name());
            for line in text.lines() {
                let t = line.trim_start();
                assert!(
                    !t.starts_with('#') || line.starts_with(CODE_INDENT),
                    "{}: {line}",
                    rule.name()
                );
                assert!(
                    !t.starts_with("```") && !t.starts_with("~~~"),
                    "{}: {line}",
                    rule.name()
                );
                // Outside code spans and code blocks.
                if !line.starts_with(CODE_INDENT) {
                    let outside: String = t.split('`').step_by(2).collect();
                    for syntax in ["**", "__", "](", "<http"] {
                        assert!(
                            !outside.contains(syntax),
                            "{}: {syntax} in {line}",
                            rule.name()
                        );
                    }
                }
            }
        }
    }
}
