//! The default, rustc/ruff-like output: a headline per finding, the location, the
//! source line with carets under the range, related spans as notes; then one line
//! per file saying what was checked in it (`Checked::describe`), and a summary
//! line with the totals. A run in which nothing was checked never ends in a bare
//! "no problems found".
//!
//! Styles are always written; the caller's `anstream` stream strips them when stdout
//! is not a terminal or `NO_COLOR` is set. Carets are placed by terminal width
//! (`unicode-width`) of the characters before and inside the range, so they line up
//! under `é`, `£` and emoji alike; column numbers come from `LineIndex`.

use super::{FileReport, Finding, Level, Sink, Spill, Totals, Unreadable};
use anstyle::{AnsiColor, Style};
use caseline_syntax::{Encoding, LineIndex, TextRange};
use std::io::{self, Write};
use unicode_width::UnicodeWidthChar;

const BOLD: Style = Style::new().bold();
const GUTTER: Style = AnsiColor::Blue.on_default().bold();

fn level_style(level: Level) -> Style {
    match level {
        Level::Error => AnsiColor::Red.on_default().bold(),
        Level::Warning => AnsiColor::Yellow.on_default().bold(),
        Level::Info => AnsiColor::Cyan.on_default().bold(),
        Level::Hint => AnsiColor::Green.on_default().bold(),
    }
}

/// Writes every finding of every file, then what was checked in each file,
/// then the summary line.
#[cfg(test)]
pub fn render(report: &super::Report, out: &mut dyn Write) -> io::Result<()> {
    super::render_all(&mut Human::default(), report, out)
}

/// The human format as a [`Sink`]: findings are written as their files come;
/// what the closing lines need (each file's "checked" line while it may be
/// shown, the totals) is kept, a line per file at most.
#[derive(Default)]
pub struct Human {
    totals: Totals,
    /// The first files' "checked" lines, with whether each is notable: all
    /// are shown when there are at most [`EVERY_FILE_UP_TO`] files.
    first: Vec<(String, bool)>,
    /// Past that many files, the notable files' lines, written out.
    notable: Spill,
    /// Files with nothing notable whose line is not shown.
    others: usize,
    /// Why nothing was checked in the first such file.
    why: Option<&'static str>,
}

impl Sink for Human {
    fn files(&mut self, batch: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
        for file in batch {
            for finding in &file.findings {
                finding_block(file, finding, out)?;
            }
            self.totals.add(file);
            if file.facts.nothing_checked() && self.why.is_none() {
                self.why = Some(file.facts.why_nothing());
            }
            let notable = !file.findings.is_empty()
                || file.facts.nothing_checked()
                || file.facts.problem().is_some();
            let line = format!("{}: {}\n", file.path, expand_tabs(&file.facts.describe()));
            if self.totals.files <= EVERY_FILE_UP_TO {
                self.first.push((line, notable));
            } else if notable {
                self.notable.extend(line.as_bytes())?;
            } else {
                self.others += 1;
            }
        }
        Ok(())
    }

    fn finish(&mut self, unreadable: &[Unreadable], out: &mut dyn Write) -> io::Result<()> {
        let every = self.totals.files <= EVERY_FILE_UP_TO;
        for (line, notable) in &self.first {
            if every || *notable {
                out.write_all(line.as_bytes())?;
            } else {
                self.others += 1;
            }
        }
        self.notable.write_to(0, out)?;
        if self.others > 0 {
            writeln!(
                out,
                "{}: no problems found",
                plural(self.others, "other file", "other files")
            )?;
        }
        // Why nothing was checked, when it is one file's story.
        let why = self.why.filter(|_| self.totals.nothing_checked == 1);
        summary(self.totals, why, unreadable, out)
    }
}

/// Up to this many files, each gets a line saying what was checked in it;
/// above it, only those with findings or with nothing checked.
const EVERY_FILE_UP_TO: usize = 20;

fn finding_block(file: &FileReport, f: &Finding, out: &mut dyn Write) -> io::Result<()> {
    let style = level_style(f.level);
    writeln!(
        out,
        "{style}{}[{}]{style:#}{BOLD}: {}{BOLD:#}",
        f.level.as_str(),
        f.code,
        expand_tabs(&f.message)
    )?;
    let (line, col) = file.index.display_position(f.range.start());
    let gutter = line.to_string().len();
    let pad = " ".repeat(gutter);
    writeln!(out, "{pad}{GUTTER}-->{GUTTER:#} {}:{line}:{col}", file.path)?;
    writeln!(out, "{pad} {GUTTER}|{GUTTER:#}")?;
    let (source, before, width) = excerpt(&file.index, f.range);
    writeln!(out, "{GUTTER}{line} |{GUTTER:#} {source}")?;
    writeln!(
        out,
        "{pad} {GUTTER}|{GUTTER:#} {}{style}{}{style:#}",
        " ".repeat(before),
        "^".repeat(width)
    )?;
    for note in &f.notes {
        let (nl, nc) = file.index.display_position(note.range.start());
        writeln!(
            out,
            "{pad} {GUTTER}={GUTTER:#} {BOLD}note{BOLD:#}: {}:{nl}:{nc}: {}",
            file.path,
            expand_tabs(&note.message)
        )?;
    }
    for help in &f.help {
        writeln!(
            out,
            "{pad} {GUTTER}={GUTTER:#} {BOLD}help{BOLD:#}: {}",
            expand_tabs(help)
        )?;
    }
    writeln!(out)
}

/// The first line of `range` with tabs expanded, the terminal width before the
/// range on that line, and the width of the carets (at least one, so an empty
/// range or one at the end of a line still points somewhere).
fn excerpt(index: &LineIndex, range: TextRange) -> (String, usize, usize) {
    let start = index.line_col(range.start(), Encoding::Utf8);
    let line_range = index.line_range(start.line);
    let line_text = &index.text()[line_range];
    // `line_col` clamps to the line end and to a character boundary, so both
    // cuts below fall on character boundaries of this line.
    let start_byte = start.col as usize;
    let end = index.line_col(range.end(), Encoding::Utf8);
    let end_byte = if end.line == start.line {
        (end.col as usize).max(start_byte)
    } else {
        line_text.len()
    };
    // A very long line (a pasted document, a garbled file) is cut around the
    // range, so one finding cannot flood the terminal.
    let prefix = keep_end(&line_text[..start_byte], CONTEXT_CHARS);
    let (inside, cut_inside) = keep_start(&line_text[start_byte..end_byte], MAX_RANGE_CHARS);
    let rest = if cut_inside {
        ""
    } else {
        &line_text[end_byte..]
    };
    let (rest, cut_rest) = keep_start(rest, CONTEXT_CHARS);
    let mut source = String::new();
    if prefix.len() < start_byte {
        source.push('…');
    }
    let before = display_width(&source) + display_width(prefix);
    source.push_str(&expand_tabs(prefix));
    source.push_str(&expand_tabs(inside));
    let mut width = display_width(inside);
    if cut_inside {
        source.push('…');
        width += 1;
    }
    source.push_str(&expand_tabs(rest));
    if cut_rest {
        source.push('…');
    }
    (source, before, width.max(1))
}

/// How many characters of a long line are shown before and after the range, and
/// of the range itself.
const CONTEXT_CHARS: usize = 60;
const MAX_RANGE_CHARS: usize = 160;

/// The last `n` characters of `s` (all of it when shorter).
fn keep_end(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((i, _)) if n > 0 => &s[i..],
        _ if n == 0 => "",
        _ => s,
    }
}

/// The first `n` characters of `s`, and whether anything was cut.
fn keep_start(s: &str, n: usize) -> (&str, bool) {
    match s.char_indices().nth(n) {
        Some((i, _)) => (&s[..i], true),
        None => (s, false),
    }
}

const TAB_WIDTH: usize = 4;

/// A control character as a visible one-column symbol (U+2400 block, as rustc
/// does), so a stray NUL or ESC in a file cannot garble the terminal.
/// Spaces other than the ordinary one (a non-breaking space pasted from Word,
/// a zero-width space from a web page) are shown as `␣`: the message that
/// names them must point at something the reader can see.
fn visible(c: char) -> Option<char> {
    match c {
        '\0'..='\x1f' => char::from_u32(0x2400 + c as u32),
        '\x7f' => Some('\u{2421}'),
        '\u{a0}' | '\u{2000}'..='\u{200b}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}' => {
            Some('\u{2423}')
        }
        _ => None,
    }
}

/// User text made safe to print: tabs expanded, control characters made visible.
fn expand_tabs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match (c, visible(c)) {
            ('\t', _) => out.push_str(&" ".repeat(TAB_WIDTH)),
            (_, Some(v)) => out.push(v),
            (c, None) => out.push(c),
        }
    }
    out
}

fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| match (c, visible(c)) {
            ('\t', _) => TAB_WIDTH,
            (_, Some(_)) => 1,
            (c, None) => c.width().unwrap_or(0),
        })
        .sum()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `checked 3 files (12 deadlines, 7 recommendations): 1 error, 2 warnings`;
/// `checked 1 file: no problems found, but nothing was checked (no procedure named)`.
/// `why` says why nothing was checked when a single case is in that state.
fn summary(
    t: Totals,
    why: Option<&str>,
    unreadable: &[Unreadable],
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut line = format!("checked {}", plural(t.files, "file", "files"));
    if t.deadlines > 0 || t.recommendations > 0 {
        line.push_str(&format!(
            " ({}, {})",
            plural(t.deadlines, "deadline", "deadlines"),
            plural(t.recommendations, "recommendation", "recommendations")
        ));
    }
    let clean = t.errors == 0 && t.warnings == 0;
    if clean {
        line.push_str(": no problems found");
    } else {
        line.push_str(&format!(
            ": {}, {}",
            plural(t.errors, "error", "errors"),
            plural(t.warnings, "warning", "warnings")
        ));
    }
    if t.nothing_checked > 0 {
        line.push_str(if clean { ", but " } else { "; " });
        line.push_str("nothing was checked");
        match why {
            Some(why) if t.files == 1 => line.push_str(&format!(" ({why})")),
            Some(why) => line.push_str(&format!(" in 1 of them ({why})")),
            None if t.nothing_checked == t.files => line.push_str(" in any of them"),
            None => line.push_str(&format!(" in {} of them", t.nothing_checked)),
        }
    }
    if t.silenced > 0 {
        line.push_str(&format!(
            " ({} acknowledged in the files)",
            plural(t.silenced, "finding", "findings")
        ));
    }
    if !unreadable.is_empty() {
        line.push_str(&format!(
            "; {} could not be read",
            plural(unreadable.len(), "path", "paths")
        ));
    }
    writeln!(out, "{BOLD}{line}{BOLD:#}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{Note, Report};

    fn range_of(text: &str, needle: &str) -> TextRange {
        let start = text.find(needle).expect("needle is in the test text");
        TextRange::new(
            (start as u32).into(),
            ((start + needle.len()) as u32).into(),
        )
    }

    fn rendered(text: &str, needle: &str) -> String {
        let index = LineIndex::new(text);
        let range = range_of(text, needle);
        let report = Report {
            files: vec![FileReport {
                path: "a.case".to_string(),
                index,
                findings: vec![Finding {
                    code: "rec-late",
                    level: Level::Warning,
                    range,
                    message: "late".to_string(),
                    notes: vec![Note {
                        range: range_of(text, "note"),
                        message: "made here".to_string(),
                    }],
                    help: vec!["Change to `done`".to_string()],
                }],
                silenced: vec![],
                facts: Default::default(),
            }],
            unreadable: vec![],
            rules: vec![],
        };
        let mut out = Vec::new();
        render(&report, &mut out).unwrap();
        anstream::adapter::strip_str(&String::from_utf8(out).unwrap()).to_string()
    }

    #[test]
    fn carets_sit_under_the_range_after_wide_characters() {
        // Before "done" on line 2 are ten characters: two spaces, then
        // x, space, é, space, £, space, 😀, space. é and £ are one column wide
        // on a terminal and the emoji two, so the carets start after 11 columns.
        let text = "2024-01-02 note\n  x é £ 😀 done\n";
        let out = rendered(text, "done");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "warning[rec-late]: late");
        // "done" starts at the 11th character of line 2.
        assert_eq!(lines[1], " --> a.case:2:11");
        assert_eq!(lines[3], "2 |   x é £ 😀 done");
        assert_eq!(lines[4], format!("  | {}^^^^", " ".repeat(11)));
        assert_eq!(lines[5], "  = note: a.case:1:12: made here");
        assert_eq!(lines[6], "  = help: Change to `done`");
    }

    fn summary_line(t: Totals, why: Option<&str>) -> String {
        let mut out = Vec::new();
        summary(t, why, &[], &mut out).unwrap();
        anstream::adapter::strip_str(&String::from_utf8(out).unwrap()).to_string()
    }

    #[test]
    fn summary_counts_and_pluralises() {
        let t = Totals {
            files: 1,
            errors: 2,
            warnings: 1,
            deadlines: 1,
            recommendations: 3,
            ..Totals::default()
        };
        assert_eq!(
            summary_line(t, None),
            "checked 1 file (1 deadline, 3 recommendations): 2 errors, 1 warning\n"
        );
        let t = Totals {
            files: 3,
            deadlines: 12,
            recommendations: 7,
            ..Totals::default()
        };
        assert_eq!(
            summary_line(t, None),
            "checked 3 files (12 deadlines, 7 recommendations): no problems found\n"
        );
    }

    #[test]
    fn nothing_checked_is_never_a_bare_no_problems_found() {
        let one = Totals {
            files: 1,
            nothing_checked: 1,
            ..Totals::default()
        };
        assert_eq!(
            summary_line(one, Some("no procedure named")),
            "checked 1 file: no problems found, but nothing was checked (no procedure named)\n"
        );
        let some = Totals {
            files: 4,
            errors: 1,
            deadlines: 5,
            nothing_checked: 2,
            ..Totals::default()
        };
        assert_eq!(
            summary_line(some, None),
            "checked 4 files (5 deadlines, 0 recommendations): 1 error, 0 warnings; nothing was checked in 2 of them\n"
        );
        let all = Totals {
            files: 2,
            nothing_checked: 2,
            ..Totals::default()
        };
        assert_eq!(
            summary_line(all, None),
            "checked 2 files: no problems found, but nothing was checked in any of them\n"
        );
    }

    #[test]
    fn unusual_spaces_are_shown_so_the_message_about_them_points_at_something() {
        assert_eq!(
            expand_tabs("2024-03-05\u{a0}note"),
            "2024-03-05\u{2423}note"
        );
        assert_eq!(expand_tabs("a\u{200b}b"), "a\u{2423}b");
        assert_eq!(expand_tabs("a b"), "a b");
    }

    #[test]
    fn control_characters_are_shown_as_symbols_one_column_wide() {
        let index = LineIndex::new("no\0te x");
        let (src, before, width) = excerpt(&index, TextRange::new(6.into(), 7.into()));
        assert_eq!(src, "no\u{2400}te x");
        assert_eq!((before, width), (6, 1));
        assert_eq!(expand_tabs("a\x1b[31m\tb"), "a\u{241b}[31m    b");
    }

    #[test]
    fn long_lines_are_cut_around_the_range() {
        let line = format!("{}target{}", "a".repeat(500), "b".repeat(500));
        let index = LineIndex::new(&line);
        let (src, before, width) = excerpt(&index, TextRange::new(500.into(), 506.into()));
        // "…" + 60 characters of context, the range, 60 more and "…".
        assert_eq!(src, format!("…{}target{}…", "a".repeat(60), "b".repeat(60)));
        assert_eq!((before, width), (61, 6));
        let (src, _, width) = excerpt(&index, TextRange::new(0.into(), 1006.into()));
        assert_eq!(src.chars().count(), 161);
        assert_eq!(width, 161);
        assert_eq!(keep_end("é£😀", 2), "£😀");
        assert_eq!(keep_start("é£😀", 2), ("é£", true));
        assert_eq!(keep_start("é", 2), ("é", false));
    }

    #[test]
    fn multi_line_ranges_underline_to_the_end_of_the_first_line() {
        let index = LineIndex::new("ab\ncd\n");
        let (src, before, width) = excerpt(&index, TextRange::new(1.into(), 5.into()));
        assert_eq!((src.as_str(), before, width), ("ab", 1, 1));
    }
}
