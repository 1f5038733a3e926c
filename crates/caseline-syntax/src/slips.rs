//! Slips: the everyday mistakes of someone typing or pasting a timeline, named
//! in plain English with what to write instead (and an edit that writes it).
//!
//! Curly quotes pasted from Word, a non-breaking space after the date,
//! `04/03/2024`, an en dash in a range, `Stage1.Received`, a description
//! without quotes, `within 10 working days`: the grammar rejects each of them,
//! but the generic "could not make sense of this line" does not say what is
//! wrong, and to a non-programmer `“` and `"` look the same.
//!
//! Only a line that already has a syntax error is looked at, once per parse,
//! from its text alone (no tree): a small reader that knows how each kind of
//! line is written walks it and notes each slip. The first one is reported; the
//! fix corrects them all, and is offered only when the corrected line parses
//! cleanly on its own (checked by parsing it), so a fix never trades one error
//! for another. A date is never rewritten into one that does not exist.
//! Must not depend on calendars, rules or LSP; never panics.

use crate::dates::{parse_date, parse_duration};
use crate::errors::{BOM, SyntaxError, SyntaxErrorKind, SyntaxFix};
use crate::line_index::LineIndex;
use crate::parse::TextEdit;
use chrono::{Datelike, NaiveDate, Weekday};
use std::cell::Cell;
use std::ops::Range;
use text_size::TextRange;

/// What a slip is and how to mend it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Slip {
    /// Bytes of the line.
    at: Range<usize>,
    message: String,
    /// Short, lower case ("use straight quotes"): titles of several slips
    /// on one line are joined into the fix's title.
    title: String,
    /// What to write instead of `at`; `None` when the right text is not known.
    replacement: Option<String>,
    /// What the message points at, when it is not `at` (the `-` of `- `).
    shown: Option<Range<usize>>,
}

/// Longer lines (a pasted document, a generated file) keep the generic
/// message: a description is never this long.
const MAX_LINE: usize = 4096;

/// How many lines one parse checks by parsing them: each fix offered is
/// checked this way, and a file with thousands of bad lines must still parse
/// quickly on every keystroke. Past it, the messages stay specific but no
/// more fixes are offered.
#[derive(Debug)]
pub(crate) struct Budget(u32);

impl Budget {
    pub(crate) fn new() -> Budget {
        Budget(1000)
    }

    fn spend(&mut self) -> bool {
        let ok = self.0 > 0;
        self.0 = self.0.saturating_sub(1);
        ok
    }
}

/// The specific explanation of a bad line, if it holds a slip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Explained {
    /// Bytes of the line the message is about.
    pub(crate) at: Range<usize>,
    pub(crate) message: String,
    /// The fix's title and the whole corrected line.
    pub(crate) fix: Option<(String, String)>,
}

thread_local! {
    /// Set while a corrected line is parsed to check it: that parse must not
    /// look for slips itself.
    static CHECKING_A_FIX: Cell<bool> = const { Cell::new(false) };
}

/// Replaces the generic message of each syntax error with the slip on its
/// line, if one is recognised, and attaches the fix. `errors` holds at most
/// one syntax error per line.
pub(crate) fn explain(errors: &mut [SyntaxError], index: &LineIndex) {
    if CHECKING_A_FIX.with(Cell::get) {
        return;
    }
    let mut budget = Budget::new();
    let mut previous = None;
    for e in errors
        .iter_mut()
        .filter(|e| e.kind == SyntaxErrorKind::Syntax)
    {
        let line_no = index.line_of(e.range.start());
        let before = previous.replace(line_no);
        let (line, start) = line_text(index, line_no);
        if let Some(found) = explain_line(line, &mut budget) {
            *e = to_error(found, line, start);
        } else if e.message.starts_with("caseline could not")
            && let Some(above) = before
            && follows(index, above, line_no)
            && budget.spend()
            && parses_cleanly(line)
        {
            // Caught up in the error of the line above (a block whose first
            // line could not be read takes its lines with it).
            e.message = format!(
                "this line is written correctly, but caseline could not read it because of \
                 line {} above it: mend that line first",
                above + 1
            );
        }
    }
}

/// Whether line `line` is caught up in line `above`: the line right above
/// (blank and comment lines aside), or, for an indented line, in the same
/// block (only indented, blank or comment lines between).
fn follows(index: &LineIndex, above: u32, line: u32) -> bool {
    const MAX_GAP: u32 = 50;
    if above >= line || line - above > MAX_GAP {
        return false;
    }
    let text = index.text();
    let line_text = |l: u32| {
        let r = index.line_range(l);
        text.get(usize::from(r.start())..usize::from(r.end()))
            .unwrap_or_default()
    };
    let indented = line_text(line).starts_with([' ', '\t']);
    (above + 1..line).all(|l| {
        let t = line_text(l);
        let trimmed = t.trim_start_matches([' ', '\t']);
        trimmed.is_empty() || trimmed.starts_with('#') || (indented && t.len() > trimmed.len())
    })
}

/// Slips the grammar reads without an error, but not as the writer meant:
/// `2024-05-01 to 2024-05-10 note` is a free event `to` with two IDs, and
/// `title: Needs assessment` a title that starts with a colon. Looks only at
/// entries whose kind is a word that joins two dates, and at the header's
/// lines that have a colon after their key.
pub fn quiet_slips(parse: &crate::Parse) -> Vec<SyntaxError> {
    const JOINERS: &[&str] = &["to", "until", "till", "through", "thru"];
    let index = parse.line_index();
    let mut budget = Budget::new();
    let mut out = Vec::new();
    let mut explain_at = |line_no: u32, out: &mut Vec<SyntaxError>| {
        let (line, start) = line_text(index, line_no);
        if let Some(found) = explain_line(line, &mut budget) {
            out.push(to_error(found, line, start));
        }
    };
    for entry in &parse.document().entries {
        let Some(kind) = &entry.kind else { continue };
        let Some(first_id) = entry.ids.first() else {
            continue;
        };
        if JOINERS.contains(&kind.value.as_str()) && scan_date(&first_id.value).is_some() {
            explain_at(index.line_of(entry.head_range.start()), &mut out);
        }
    }
    // `Rec a "Apologise"`, `Recommendation a ...`: a child keyword written
    // another way is read as a `key value` line, and the recommendation is
    // silently not tracked.
    for entry in &parse.document().entries {
        for child in &entry.children {
            let crate::ast::EntryChild::Field(f) = child else {
                continue;
            };
            if let Some(error) = child_keyword_slip(f) {
                out.push(error);
            }
        }
    }
    if let Some(header) = &parse.document().header {
        let first = index.line_of(header.range.start());
        let last = index.line_of(header.range.end());
        let has_error = |l: u32| {
            parse
                .errors()
                .iter()
                .any(|e| e.kind == SyntaxErrorKind::Syntax && index.line_of(e.range.start()) == l)
        };
        for l in first + 1..=last {
            let (line, _) = line_text(index, l);
            let key = line.trim_start_matches([' ', '\t']);
            let colon = ["title:", "body:", "complainant:", "source:", "related:"]
                .iter()
                .any(|k| key.starts_with(k));
            if colon && !has_error(l) {
                explain_at(l, &mut out);
            }
        }
    }
    out
}

/// A `key value` child line whose key is a child keyword written another way:
/// in capitals (`Rec`, `EXTENDED`) or as a longer word (`recommendation`,
/// `promised`, `agreed`, `extension`), or a misspelt `exception`.
fn child_keyword_slip(f: &crate::ast::FieldLine) -> Option<SyntaxError> {
    let key = f.key.value.as_str();
    let lower = key.to_lowercase();
    let keyword = match lower.as_str() {
        "rec" | "promise" | "agree" | "extended" | "exception" if key != lower => lower.clone(),
        "exeption" | "excepton" | "expection" | "exemption" | "excepted" | "except"
        | "exceptions" => "exception".to_string(),
        "recommendation" | "recommend" | "recommends" | "recommended" => "rec".to_string(),
        "promised" | "promises" => "promise".to_string(),
        "agreed" | "agrees" => "agree".to_string(),
        "extension" | "extend" | "extends" => "extended".to_string(),
        _ => return None,
    };
    let what = match keyword.as_str() {
        "rec" => "no recommendation is tracked",
        "promise" => "no promise is tracked",
        "agree" => "no agreement is recorded",
        "exception" => "no limit is switched off",
        _ => "no extension is recorded",
    };
    Some(SyntaxError {
        range: f.key.range,
        kind: SyntaxErrorKind::Syntax,
        message: format!(
            "`{key}` is not a keyword caseline knows, so this line is kept as a note and {what}: \
             write `{keyword}`{}",
            if lower == keyword {
                " (in lower case)"
            } else {
                ""
            }
        ),
        fix: Some(SyntaxFix {
            title: format!("Write `{keyword}`"),
            edits: vec![TextEdit::new(f.key.range, keyword)],
        }),
    })
}

/// Line `l` without its ending (or a byte-order mark), and where it starts.
fn line_text(index: &LineIndex, l: u32) -> (&str, usize) {
    let range = index.line_range(l);
    let mut start = usize::from(range.start());
    let mut line = index
        .text()
        .get(start..usize::from(range.end()))
        .unwrap_or_default();
    if start == 0 && line.starts_with(BOM) {
        line = &line[BOM.len()..];
        start += BOM.len();
    }
    (line, start)
}

fn to_error(found: Explained, line: &str, line_start: usize) -> SyntaxError {
    let at = |n: usize| crate::errors::size(line_start + n);
    let fix = found.fix.map(|(title, fixed)| {
        let (a, b, replacement) = difference(line, &fixed);
        SyntaxFix {
            title,
            edits: vec![TextEdit::new(TextRange::new(at(a), at(b)), replacement)],
        }
    });
    SyntaxError {
        range: TextRange::new(at(found.at.start), at(found.at.end)),
        kind: SyntaxErrorKind::Syntax,
        message: found.message,
        fix,
    }
}

/// The smallest edit that turns `old` into `new`: (start, end) in `old` and
/// the text to put there, on character boundaries.
fn difference(old: &str, new: &str) -> (usize, usize, String) {
    let prefix: usize = old
        .chars()
        .zip(new.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let room = old.len().min(new.len()) - prefix;
    let mut suffix = 0;
    for (a, b) in old.chars().rev().zip(new.chars().rev()) {
        if a != b || suffix + a.len_utf8() > room {
            break;
        }
        suffix += a.len_utf8();
    }
    (
        prefix,
        old.len() - suffix,
        new[prefix..new.len() - suffix].to_string(),
    )
}

/// The slip on one line (without its line ending), if any: the first one is
/// the message, and the fix mends all of them when each has a known mend and
/// the mended line parses.
pub(crate) fn explain_line(line: &str, budget: &mut Budget) -> Option<Explained> {
    if line.len() > MAX_LINE {
        return None;
    }
    let slips = find_slips(line);
    let first = slips.first()?.clone();
    let mut fix = None;
    if slips.iter().all(|s| s.replacement.is_some()) {
        let mut fixed = String::with_capacity(line.len() + 8);
        let mut done = 0;
        for s in &slips {
            fixed.push_str(&line[done..s.at.start]);
            fixed.push_str(s.replacement.as_deref().unwrap_or_default());
            done = s.at.end;
        }
        fixed.push_str(&line[done..]);
        if fixed != line && budget.spend() && parses_cleanly(&fixed) {
            fix = Some((title_of(&slips), fixed));
        }
    }
    // The others, briefly: the fix mends them all, but someone reading the
    // message in a terminal mends them by hand.
    let mut message = first.message;
    let mut others: Vec<&str> = Vec::new();
    for s in &slips[1..] {
        if s.title != first.title && !s.title.is_empty() && !others.contains(&s.title.as_str()) {
            others.push(&s.title);
        }
    }
    if !others.is_empty() {
        message.push_str(&format!("; also on this line: {}", join_and(&others)));
    }
    Some(Explained {
        at: first.shown.unwrap_or(first.at),
        message,
        fix,
    })
}

fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn title_of(slips: &[Slip]) -> String {
    let mut titles: Vec<&str> = Vec::new();
    for s in slips {
        if !s.title.is_empty() && !titles.contains(&s.title.as_str()) {
            titles.push(&s.title);
        }
    }
    let joined = join_and(&titles);
    let mut chars = joined.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => joined,
    }
}

/// Whether `line` reads without a syntax error, under a parent of the kind
/// its first word belongs to when it is indented.
fn parses_cleanly(line: &str) -> bool {
    let trimmed = line.trim_start_matches([' ', '\t']);
    let text = if trimmed.len() == line.len() {
        format!("{line}\n")
    } else {
        let first = trimmed.split([' ', '\t']).next().unwrap_or_default();
        let parent = match first {
            "event" | "deadline" | "require" | "use" => "procedure p",
            "extends" | "closed" => "calendar c",
            "title" | "body" | "complainant" | "procedure" | "calendar" | "as-of" | "related"
            | "source" => "case \"x\"",
            _ => "2000-01-01 note",
        };
        format!("{parent}\n{line}\n")
    };
    CHECKING_A_FIX.with(|c| c.set(true));
    let parse = crate::parse::parse(&text);
    CHECKING_A_FIX.with(|c| c.set(false));
    parse
        .errors()
        .iter()
        .all(|e| e.kind != SyntaxErrorKind::Syntax)
}

/// Every slip on the line, in order, not overlapping.
fn find_slips(line: &str) -> Vec<Slip> {
    let walk = walk(line);
    let mut r = Reader {
        line,
        pos: 0,
        slips: Vec::new(),
    };
    r.read_line();
    let mut slips = r.slips;
    // Curly quotes the reader did not reach (it stops at what it cannot read),
    // unless the quoted text is all there is.
    for q in &walk.quoted {
        let first_thing = line[..q.range.start].trim_matches(is_sep).is_empty();
        if !first_thing && !slips.iter().any(|s| overlaps(&s.at, &q.range)) {
            slips.push(quote_slip(line, q, ""));
        }
    }
    let others = slips.len();
    for s in odd_space_slips(line, &walk) {
        if !slips[..others].iter().any(|t| overlaps(&t.at, &s.at)) {
            slips.push(s);
        }
    }
    slips.sort_by_key(|s| (s.at.start, s.at.end));
    // Keep them apart: a later slip that overlaps an earlier one is dropped.
    let mut out: Vec<Slip> = Vec::with_capacity(slips.len());
    for s in slips {
        if out.last().is_none_or(|l| l.at.end <= s.at.start) {
            out.push(s);
        }
    }
    out
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

// ------------------------------------------------------------------ characters

/// A character that separates words like a space, but is not the space or
/// tab the grammar reads: pasted spaces, invisible characters, controls.
fn is_odd_space(c: char) -> bool {
    (c.is_whitespace() && !c.is_ascii())
        || is_invisible(c)
        || (c.is_control() && !matches!(c, '\t' | '\n'))
}

/// Characters that take no room on screen.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}' | '\u{FEFF}'
    )
}

fn is_sep(c: char) -> bool {
    c == ' ' || c == '\t' || is_odd_space(c)
}

/// How to name an odd character in a message.
fn odd_name(c: char) -> String {
    match c {
        '\u{00A0}' => "a non-breaking space (often pasted from Word or a web page)".into(),
        '\u{202F}' => "a narrow non-breaking space (often pasted from Word or a web page)".into(),
        '\u{2000}'..='\u{200A}' => {
            "an unusually wide or narrow space (often pasted from Word or a web page)".into()
        }
        '\u{3000}' => "a full-width space".into(),
        '\u{200B}' => "an invisible zero-width space (often pasted from a web page)".into(),
        '\u{200C}' | '\u{200D}' => "an invisible zero-width joiner".into(),
        '\u{2060}' => "an invisible word joiner".into(),
        '\u{FEFF}' => "an invisible byte-order mark (U+FEFF)".into(),
        '\u{00AD}' => "an invisible soft hyphen".into(),
        '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            "an invisible text-direction mark".into()
        }
        '\u{0085}' | '\u{2028}' | '\u{2029}' => "a line-separator character".into(),
        '\u{000B}' | '\u{000C}' => "a page-break character".into(),
        c if c.is_control() => format!("an invisible control character (U+{:04X})", c as u32),
        c if is_invisible(c) => format!("an invisible character (U+{:04X})", c as u32),
        c => format!("an unusual space character (U+{:04X})", c as u32),
    }
}

/// Quote marks that are not the straight `"`, with how to name them.
fn quote_kind(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' => "curly quotes",
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => "curly single quotes",
        '«' | '»' | '\u{2039}' | '\u{203A}' => "angle quotes",
        '\u{2033}' | '\u{2036}' => "double-prime marks",
        '\u{FF02}' => "full-width quotes",
        '\u{301D}' | '\u{301E}' | '\u{301F}' => "typographic quotes",
        '\'' => "single quotes",
        '`' => "backticks",
        _ => return None,
    })
}

/// The marks that may close text opened with `open`.
fn closers(open: char) -> &'static [char] {
    match open {
        '\u{201C}' => &['\u{201D}', '"'],
        '\u{201D}' => &['\u{201D}', '"'],
        '\u{201E}' | '\u{201F}' => &['\u{201C}', '\u{201D}', '"'],
        '\u{2018}' | '\u{201B}' => &['\u{2019}', '\u{2018}', '\''],
        '\u{2019}' => &['\u{2019}', '\''],
        '\u{201A}' => &['\u{2018}', '\u{2019}', '\''],
        '«' => &['»', '"'],
        '»' => &['«', '»', '"'],
        '\u{2039}' => &['\u{203A}'],
        '\u{203A}' => &['\u{2039}', '\u{203A}'],
        '\u{2033}' => &['\u{2033}', '"'],
        '\u{2036}' => &['\u{2033}', '\u{2036}'],
        '\u{FF02}' => &['\u{FF02}', '"'],
        '\u{301D}' => &['\u{301E}', '\u{301F}'],
        '\'' => &['\''],
        '`' => &['`', '\''],
        _ => &[],
    }
}

/// Whether `c` may stand right after a closing quote.
fn ends_quote(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => is_sep(c) || matches!(c, '#' | '.' | ',' | ';' | ':' | '!' | '?' | ')'),
    }
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.split('.').all(|seg| {
            let mut b = seg.bytes();
            b.next().is_some_and(|c| c.is_ascii_lowercase())
                && b.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
        })
}

fn is_id(s: &str) -> bool {
    let mut b = s.bytes();
    b.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && b.all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
}

fn is_duration(s: &str) -> bool {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&s[digits..], "wd" | "d" | "w" | "m" | "y")
}

/// Escapes text for a string literal.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if is_invisible(c) || (c.is_control() && c != '\t') => {}
            c if is_odd_space(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text shortened for a message, with no control or invisible characters.
fn short(text: &str) -> String {
    const MAX: usize = 50;
    let clean: String = text
        .chars()
        .filter(|c| !is_invisible(*c))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if clean.chars().count() <= MAX {
        return clean;
    }
    let cut: String = clean.chars().take(MAX - 1).collect();
    format!("{}…", cut.trim_end())
}

// ------------------------------------------------------------------ the walk

#[derive(Debug, Clone)]
struct Quoted {
    range: Range<usize>,
    open: char,
    /// Where the closing mark is, and which one.
    close: Option<(usize, char)>,
}

impl Quoted {
    fn content<'a>(&self, line: &'a str) -> &'a str {
        let start = self.range.start + self.open.len_utf8();
        let end = self.close.map_or(self.range.end, |(at, _)| at);
        line.get(start..end).unwrap_or_default()
    }
}

/// The odd spaces and curly-quoted texts of a line, outside straight strings,
/// comments and prose.
struct Walk {
    odd: Vec<(usize, char)>,
    quoted: Vec<Quoted>,
}

/// Quoted texts looked at on one line (finding each one's end scans the rest
/// of the line).
const MAX_QUOTED: usize = 32;

fn walk(line: &str) -> Walk {
    let mut w = Walk {
        odd: Vec::new(),
        quoted: Vec::new(),
    };
    let mut pos = 0;
    let mut first = true;
    while pos < line.len() {
        let Some(c) = line[pos..].chars().next() else {
            break;
        };
        if is_sep(c) {
            if is_odd_space(c) {
                w.odd.push((pos, c));
            }
            pos += c.len_utf8();
            continue;
        }
        if first && pos > 0 && c == '>' {
            break; // prose: free text
        }
        first = false;
        if c == '"' {
            pos = string_at(line, pos).map_or(line.len(), |(r, _)| r.end);
        } else if c == '#' {
            break;
        } else if w.quoted.len() < MAX_QUOTED
            && let Some(q) = quoted_at(line, pos)
        {
            pos = q.range.end;
            w.quoted.push(q);
        } else {
            pos = word_end(line, pos, false);
        }
    }
    w
}

/// A straight string at `pos`: its range and whether it is closed.
fn string_at(line: &str, pos: usize) -> Option<(Range<usize>, bool)> {
    let rest = line.get(pos..)?;
    if !rest.starts_with('"') {
        return None;
    }
    let mut chars = rest.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '"' => return Some((pos..pos + i + 1, true)),
            _ => {}
        }
    }
    Some((pos..line.len(), false))
}

/// Text in quote marks other than `"` starting at `pos`. A straight single
/// quote or backtick counts only with its closing mark (otherwise it is an
/// apostrophe); a curly one runs to the end of the line if never closed.
fn quoted_at(line: &str, pos: usize) -> Option<Quoted> {
    let rest = line.get(pos..)?;
    let open = rest.chars().next()?;
    quote_kind(open)?;
    let start = pos + open.len_utf8();
    // A matching curly mark first; a straight `"` only if there is none
    // (`“Not upheld"`), since straight quotes may stand inside the text.
    for straight in [false, true] {
        let mut depth = 0usize;
        let mut iter = line[start..].char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let at = start + i;
            let next = iter.peek().map(|(_, n)| *n);
            let closes = closers(open).contains(&c) && (straight || c != '"');
            if c == open && !closes {
                depth += 1;
            } else if closes {
                if depth > 0 && c != '"' {
                    depth -= 1;
                } else if ends_quote(next) {
                    return Some(Quoted {
                        range: pos..at + c.len_utf8(),
                        open,
                        close: Some((at, c)),
                    });
                }
            }
        }
    }
    if matches!(open, '\'' | '`') {
        return None;
    }
    let end = pos + rest.trim_end_matches(is_sep).len();
    Some(Quoted {
        range: pos..end,
        open,
        close: None,
    })
}

/// End of the bare word at `pos`: up to a space, a quote or a comment; with
/// `split`, `,`, `;` and `:` are words of their own.
fn word_end(line: &str, pos: usize, split: bool) -> usize {
    let rest = &line[pos..];
    let mut chars = rest.char_indices();
    if split && let Some((_, c @ (',' | ';' | ':'))) = chars.clone().next() {
        return pos + c.len_utf8();
    }
    for (i, c) in chars.by_ref() {
        if is_sep(c) || c == '"' || c == '#' || (split && matches!(c, ',' | ';' | ':')) {
            return pos + i;
        }
    }
    line.len()
}

// ------------------------------------------------------------------ odd spaces

fn odd_space_slips(line: &str, walk: &Walk) -> Vec<Slip> {
    let mut out = Vec::new();
    let content_start = line.len() - line.trim_start_matches(is_sep).len();
    let content = &line[content_start..];
    // Leading odd spaces before what opens a block: it belongs in the first
    // column; before anything else they were meant as an indent.
    let opens_block = !line.starts_with([' ', '\t'])
        && (scan_range(content).is_some()
            || ["case", "procedure", "calendar"]
                .iter()
                .any(|k| content.starts_with(k)));
    for &(at, c) in &walk.odd {
        let end = at + c.len_utf8();
        let before = line[..at].chars().next_back();
        let after = line[end..].chars().next();
        let leading = at < content_start;
        let inside = before.is_some_and(|b| !is_sep(b)) && after.is_some_and(|a| !is_sep(a));
        // The grammar reads U+FEFF as a space: only inside a word or as an
        // indent is it a slip.
        if c == '\u{FEFF}' && !inside && !leading {
            continue;
        }
        let word_before = &line[line[..at].rfind(is_sep).map_or(0, |i| {
            i + line[i..].chars().next().map_or(1, char::len_utf8)
        })..at];
        let replacement = if leading {
            if opens_block || is_invisible(c) {
                ""
            } else {
                " "
            }
        } else if !is_invisible(c) && !c.is_control() {
            " "
        } else if !inside {
            ""
        } else if crate::vocabulary::is_keyword(word_before)
            || scan_range(word_before).is_some_and(|d| d.len == word_before.len())
            || matches!(after, Some(a) if a == '"' || quote_kind(a).is_some())
            || before == Some('"')
        {
            " "
        } else {
            ""
        };
        let (advice, title) = if replacement.is_empty() && leading && opens_block {
            (
                "delete it, so that the line starts in the first column",
                "delete the character at the start",
            )
        } else if replacement.is_empty() {
            ("delete it", "delete the invisible character")
        } else if leading {
            ("indent with ordinary spaces", "use ordinary spaces")
        } else {
            ("use an ordinary space", "use an ordinary space")
        };
        // Only the first one can be what the message is about: the others
        // are mended but not described (which keeps a long run of them cheap).
        let message = if out.is_empty() {
            format!(
                "there is {} {}: {advice}",
                odd_name(c),
                odd_place(
                    line,
                    at,
                    end,
                    content_start,
                    word_before,
                    inside && replacement.is_empty()
                )
            )
        } else {
            String::new()
        };
        out.push(Slip {
            at: at..end,
            message,
            title: title.to_string(),
            replacement: Some(replacement.to_string()),
            shown: None,
        });
    }
    out
}

/// Where an odd character stands, for the message.
fn odd_place(
    line: &str,
    at: usize,
    end: usize,
    content_start: usize,
    word_before: &str,
    inside: bool,
) -> String {
    let leading = at < content_start;
    let word_after = &line[end..word_end(line, end, false).max(end)];
    if leading {
        "at the start of the line".to_string()
    } else if line[end..].trim_matches(is_sep).is_empty() {
        "at the end of the line".to_string()
    } else if inside {
        format!("inside `{}`", short(&format!("{word_before}{word_after}")))
    } else if word_before.len() + content_start == at
        && !line.starts_with([' ', '\t'])
        && scan_range(word_before).is_some()
    {
        "after the date".to_string()
    } else {
        let prev = line[..at].trim_end_matches(is_sep);
        let prev_word = prev
            .rfind(is_sep)
            .map_or(prev, |i| prev[i..].trim_start_matches(is_sep));
        let next = line[end..].trim_start_matches(is_sep);
        let next_word = &next[..word_end(next, 0, false)];
        if next.starts_with('"') {
            format!("before the text in quotes, after `{}`", short(prev_word))
        } else {
            format!("between `{}` and `{}`", short(prev_word), short(next_word))
        }
    }
}

// ------------------------------------------------------------------ quotes

fn quote_slip(line: &str, q: &Quoted, trailing: &str) -> Slip {
    let kind = quote_kind(q.open).unwrap_or("typographic quotes");
    let content = q.content(line);
    let mut text = content.to_string();
    text.push_str(trailing);
    // Names and dates take no quotes at all (`procedure children-statutory`,
    // `as-of 2024-06-01`): straight quotes there would be the next finding.
    let key = line.split_whitespace().next().unwrap_or_default();
    if matches!(key, "procedure" | "calendar" | "as-of" | "use" | "extends")
        && q.close.is_some()
        && !text.trim().is_empty()
        && !text.contains(['"', '\\'])
    {
        let bare = text.trim().to_string();
        let close = q.close.map_or(' ', |(_, c)| c);
        return Slip {
            at: q.range.clone(),
            message: format!(
                "this is in {kind} ({}…{close}), but {} is written without quotes: `{key} {}`",
                q.open,
                if key == "as-of" { "a date" } else { "a name" },
                short(&bare)
            ),
            title: "remove the quotes".to_string(),
            replacement: Some(bare),
            shown: None,
        };
    }
    let replacement = quoted(&text);
    let message = match q.close {
        Some((_, '"')) => format!(
            "this text starts with a curly quote ({}), which caseline does not read as a quote: \
             use straight quotes at both ends, {}",
            q.open,
            short(&replacement)
        ),
        Some((_, close)) if q.open == '\'' => format!(
            "this text is in single quotes ({}…{close}), which caseline does not read as quotes: \
             use double quotes, {}",
            q.open,
            short(&replacement)
        ),
        Some((_, close)) => format!(
            "this text is in {kind} ({}…{close}), which caseline does not read as quotes: \
             use straight quotes, {}",
            q.open,
            short(&replacement)
        ),
        None => format!(
            "this text starts with a curly quote ({}) and has no closing quote; caseline reads \
             only straight quotes: write {}",
            q.open,
            short(&replacement)
        ),
    };
    Slip {
        at: q.range.clone(),
        message,
        title: "use straight quotes".to_string(),
        replacement: Some(replacement),
        shown: None,
    }
}

// ------------------------------------------------------------------ dates

/// One date as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Value {
    Day(NaiveDate),
    Month(i32, u32),
}

impl Value {
    fn iso(self) -> String {
        match self {
            Value::Day(d) => d.format("%Y-%m-%d").to_string(),
            Value::Month(y, m) => format!("{y:04}-{m:02}"),
        }
    }

    fn long(self) -> String {
        match self {
            Value::Day(d) => format!("{} {} {}", d.day(), month_name(d.month()), d.year()),
            Value::Month(y, m) => format!("{} {y}", month_name(m)),
        }
    }

    fn first(self) -> Option<NaiveDate> {
        match self {
            Value::Day(d) => Some(d),
            Value::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
        }
    }

    fn last(self) -> Option<NaiveDate> {
        match self {
            Value::Day(d) => Some(d),
            Value::Month(y, m) => {
                let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
            }
        }
    }
}

fn month_name(m: u32) -> &'static str {
    u8::try_from(m)
        .ok()
        .and_then(|m| chrono::Month::try_from(m).ok())
        .map_or("?", |m| m.name())
}

/// How a date was written (other than year-month-day).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Shape {
    /// `2024-11-05` or `2024-11`: as caseline writes it.
    Iso,
    /// `2024-3-4`: year first, dashes, a number without its zero.
    Unpadded,
    /// `2024/03/04`, `2024.03.04`.
    YearFirst,
    /// `2024–03–04`: en dashes or other dashes for hyphens.
    OddDash,
    /// `04/03/2024`, `4.3.24`, `03/2024`: with what was assumed.
    DayFirst(Assumed),
    /// `20240304`.
    Compact,
    /// `4 March 2024`, `March 4, 2024`.
    Named,
}

/// What was assumed to read a date written day first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Assumed {
    /// "taking 24 as 2024".
    year: Option<String>,
    /// Read day first although month first also names a day: that day.
    other_reading: Option<Value>,
    /// Only month first names a day (`03/20/2024`).
    month_first: bool,
}

impl Assumed {
    /// For one date: everything, with the other reading spelled out.
    fn describe(&self) -> Option<String> {
        let mut parts = Vec::new();
        parts.extend(self.year.clone());
        if self.month_first {
            parts.push("written month first".to_string());
        }
        let mut text = parts.join(", ");
        if let Some(alt) = self.other_reading {
            if !text.is_empty() {
                text.push_str(", and ");
            }
            text.push_str(&format!(
                "reading the day first, as is usual in the UK; if you meant {}, write {}",
                alt.long(),
                alt.iso()
            ));
        }
        (!text.is_empty()).then_some(text)
    }

    /// For the two ends of a range, said once.
    fn describe_both(a: &Assumed, b: &Assumed) -> Option<String> {
        let mut parts: Vec<String> = Vec::new();
        for y in [&a.year, &b.year].into_iter().flatten() {
            if !parts.contains(y) {
                parts.push(y.clone());
            }
        }
        if a.month_first || b.month_first {
            parts.push("written month first".to_string());
        }
        if a.other_reading.is_some() || b.other_reading.is_some() {
            parts.push("reading the day first, as is usual in the UK".to_string());
        }
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// A date read from the start of a text: how long it is, what it means (or
/// why it means no day) and how it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Scanned {
    len: usize,
    value: Result<Value, String>,
    shape: Shape,
}

/// The digit groups of a numeric date: `04/03/2024` -> [4, 3, 2024] with
/// their lengths and separators.
fn digit_groups(s: &str) -> (Vec<(u32, usize)>, Vec<char>, usize) {
    let b = s.as_bytes();
    let mut groups = Vec::new();
    let mut seps = Vec::new();
    let mut i = 0;
    loop {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start || i - start > 8 {
            return (Vec::new(), Vec::new(), 0);
        }
        let n = s[start..i].parse::<u32>().unwrap_or(u32::MAX);
        groups.push((n, i - start));
        if groups.len() == 3 {
            return (groups, seps, i);
        }
        // A separator, then a digit (`..` is a range, not a separator).
        let Some(c) = s[i..].chars().next() else {
            return (groups, seps, i);
        };
        let next = i + c.len_utf8();
        if (matches!(c, '-' | '/' | '.' | '_') || ODD_DASHES.contains(&c))
            && b.get(next).is_some_and(u8::is_ascii_digit)
        {
            seps.push(c);
            i = next;
        } else {
            return (groups, seps, i);
        }
    }
}

/// Dashes that word processors put where a hyphen was typed.
const ODD_DASHES: [char; 6] = [
    '\u{2013}', '\u{2014}', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2212}',
];

/// A date at the start of `s` in any of the forms people write.
fn scan_date(s: &str) -> Option<Scanned> {
    if let Some(named) = scan_named(s) {
        return Some(named);
    }
    let (groups, seps, len) = digit_groups(s);
    if groups.is_empty() {
        return None;
    }
    // It must end where a word ends.
    let boundary = s[len..].chars().next().is_none_or(|c| !c.is_alphanumeric());
    let dashes = seps.iter().all(|&c| c == '-');
    let year_first = if dashes {
        Shape::Unpadded
    } else if seps.iter().all(|&c| c == '-' || ODD_DASHES.contains(&c)) {
        Shape::OddDash
    } else {
        Shape::YearFirst
    };
    let day = |y: i32, m: u32, d: u32| -> Result<Value, String> {
        iso_check(&format!("{y:04}-{m:02}-{d:02}"))?;
        NaiveDate::from_ymd_opt(y, m, d)
            .map(Value::Day)
            .ok_or_else(|| "no such day".to_string())
    };
    let month = |y: i32, m: u32| -> Result<Value, String> {
        iso_check(&format!("{y:04}-{m:02}")).map(|_| Value::Month(y, m))
    };
    let scanned = |value, shape| Some(Scanned { len, value, shape });
    match groups.as_slice() {
        [(y, 4), (m, 2), (d, 2)] if dashes => scanned(day(*y as i32, *m, *d), Shape::Iso),
        [(y, 4), (m, 2)] if dashes && boundary_or_range(s, len) => {
            scanned(month(*y as i32, *m), Shape::Iso)
        }
        _ if !boundary => None,
        [(y, 4), (m, 1..=2), (d, 1..=2)] => scanned(day(*y as i32, *m, *d), year_first),
        [(y, 4), (m, 1..=2)] if (1..=12).contains(m) => scanned(month(*y as i32, *m), year_first),
        [(a, 1..=2), (b, 1..=2), (y, yl @ (2 | 4))] => {
            let (year, year_note) = if *yl == 2 {
                (
                    2000 + *y as i32,
                    Some(format!("taking {y:02} as {}", 2000 + y)),
                )
            } else {
                (*y as i32, None)
            };
            let (value, mut assumed) = day_first(year, *a, *b);
            assumed.year = year_note;
            scanned(value, Shape::DayFirst(assumed))
        }
        [(m, 1..=2), (y, 4)] if (1..=12).contains(m) => {
            scanned(month(*y as i32, *m), Shape::DayFirst(Assumed::default()))
        }
        [(n, 8)] => {
            let (y, m, d) = (n / 10_000, n / 100 % 100, n % 100);
            ((1900..=2199).contains(&y) && (1..=12).contains(&m) && d >= 1)
                .then(|| scanned(day(y as i32, m, d), Shape::Compact))
                .flatten()
        }
        _ => None,
    }
}

/// `2024-11` followed by a word boundary or a range's dots.
fn boundary_or_range(s: &str, len: usize) -> bool {
    s[len..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// Whether `iso` names a real day or month; the reason when not.
fn iso_check(iso: &str) -> Result<(), String> {
    parse_date(iso).map(|_| ())
}

/// `a/b/year`, read day first as in the UK, unless only the other way exists.
fn day_first(year: i32, a: u32, b: u32) -> (Result<Value, String>, Assumed) {
    let dm = NaiveDate::from_ymd_opt(year, b, a);
    let md = NaiveDate::from_ymd_opt(year, a, b);
    let mut assumed = Assumed::default();
    let value = match (dm, md) {
        (Some(d), Some(alt)) if d != alt => {
            assumed.other_reading = Some(Value::Day(alt));
            Ok(Value::Day(d))
        }
        (Some(d), _) => Ok(Value::Day(d)),
        (None, Some(d)) if b > 12 => {
            assumed.month_first = true;
            Ok(Value::Day(d))
        }
        _ if (1..=12).contains(&b) => Err(iso_check(&format!("{year:04}-{b:02}-{a:02}"))
            .err()
            .unwrap_or_else(|| "no such day".to_string())),
        _ => Err("there is no such day or month".to_string()),
    };
    (value, assumed)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month's number from its name or a short form (`Mar`, `Sept`, `Dec.`).
fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (m.starts_with(&w) && (w.len() == 3 || w == "sept")))
        .map(|i| i as u32 + 1)
}

fn weekday_of(word: &str) -> Option<Weekday> {
    let w = word.trim_end_matches(['.', ',']).to_ascii_lowercase();
    const DAYS: [(&str, Weekday); 7] = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    (w.len() >= 3)
        .then(|| {
            DAYS.iter()
                .find(|(n, _)| n.starts_with(&w))
                .map(|(_, d)| *d)
        })
        .flatten()
}

/// The words of a named date: letters or digits, split at spaces, commas,
/// dashes and slashes (`4-Mar-2024`, `March 4, 2024`).
fn named_words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while out.len() < 5 {
        let start = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'.') {
            i += 1;
        }
        if i == start {
            break;
        }
        // A full stop ends an abbreviation, not a date.
        let end = if s[start..i].ends_with('.')
            && !s[start..i - 1].chars().all(|c| c.is_ascii_alphabetic())
        {
            i - 1
        } else {
            i
        };
        out.push((start, end));
        i = end;
        // Separators: ", " " " "-" "/".
        let sep_start = i;
        while i < b.len() && matches!(b[i], b' ' | b',' | b'-' | b'/') && i - sep_start < 3 {
            i += 1;
        }
        if i == sep_start {
            break;
        }
    }
    out
}

/// `4 March 2024`, `4th Mar 24`, `4-Mar-2024`, `March 4, 2024`, `Tuesday 5
/// March 2024`, `March 2024`.
fn scan_named(s: &str) -> Option<Scanned> {
    let words = named_words(s);
    let text = |i: usize| words.get(i).map(|&(a, b)| &s[a..b]);
    let mut i = 0;
    let weekday = text(0).and_then(weekday_of);
    if weekday.is_some() {
        i = 1;
    }
    let day_of = |w: &str| -> Option<u32> {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        let ok_suffix = matches!(
            suffix.to_ascii_lowercase().as_str(),
            "" | "st" | "nd" | "rd" | "th"
        );
        (ok_suffix && (1..=2).contains(&digits.len()))
            .then(|| digits.parse().ok())
            .flatten()
    };
    let year_of = |w: &str| -> Option<(i32, Option<String>)> {
        match w.len() {
            4 if w.bytes().all(|b| b.is_ascii_digit()) => Some((w.parse().ok()?, None)),
            2 if w.bytes().all(|b| b.is_ascii_digit()) => {
                let y: i32 = w.parse().ok()?;
                Some((2000 + y, Some(format!("taking {w} as {}", 2000 + y))))
            }
            _ => None,
        }
    };
    // (day, month, year, words used)
    let (day, month, year, used) = if let Some(d) = text(i).and_then(day_of) {
        // `4th of March 2024`.
        let of = usize::from(text(i + 1).is_some_and(|w| w.eq_ignore_ascii_case("of")));
        let m = text(i + 1 + of).and_then(month_number)?;
        match text(i + 2 + of).and_then(year_of) {
            Some(y) => (Some(d), m, Some(y), i + 3 + of),
            None => (Some(d), m, None, i + 2 + of),
        }
    } else {
        let m = text(i).and_then(month_number)?;
        if let Some(d) = text(i + 1).and_then(day_of) {
            match text(i + 2).and_then(year_of) {
                Some(y) => (Some(d), m, Some(y), i + 3),
                None => (Some(d), m, None, i + 2),
            }
        } else {
            let y = text(i + 1).filter(|w| w.len() == 4).and_then(year_of)?;
            (None, m, Some(y), i + 2)
        }
    };
    let len = words.get(used - 1)?.1;
    if s[len..].chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let Some((year, note)) = year else {
        return Some(Scanned {
            len,
            value: Err("it has no year".to_string()),
            shape: Shape::Named,
        });
    };
    let value = match day {
        Some(d) => match NaiveDate::from_ymd_opt(year, month, d) {
            Some(date) => match weekday {
                Some(w) if w != date.weekday() => Err(format!(
                    "{} was a {}, not a {}",
                    Value::Day(date).long(),
                    weekday_name(date.weekday()),
                    weekday_name(w)
                )),
                _ => Ok(Value::Day(date)),
            },
            None => Err(iso_check(&format!("{year:04}-{month:02}-{d:02}"))
                .err()
                .unwrap_or_else(|| "no such day".to_string())),
        },
        None => Ok(Value::Month(year, month)),
    };
    Some(Scanned {
        len,
        value,
        shape: if note.is_some() {
            Shape::DayFirst(Assumed {
                year: note,
                ..Assumed::default()
            })
        } else {
            Shape::Named
        },
    })
}

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// A date or a range of dates at the start of `s`, however written.
#[derive(Debug, Clone)]
struct DateText {
    len: usize,
    /// The form to write instead, when it is different and real.
    canonical: Result<String, String>,
    /// Whether it was written as caseline writes dates.
    as_written: bool,
    message: String,
}

/// Separators people put between the two ends of a range.
const RANGE_SEPARATORS: &[&str] = &[
    "...", "..", "\u{2013}", "\u{2014}", "\u{2012}", "\u{2212}", "\u{2010}", "\u{2011}", "~", "-",
    "to", "until", "till", "through", "thru",
];

fn scan_range(s: &str) -> Option<DateText> {
    let start = scan_date(s)?;
    let mut end = None;
    let rest = &s[start.len..];
    let gap = rest.len() - rest.trim_start_matches(is_sep).len();
    let after_gap = &rest[gap..];
    for sep in RANGE_SEPARATORS {
        let Some(after_sep) = after_gap.strip_prefix(sep) else {
            continue;
        };
        let is_word = sep.starts_with(|c: char| c.is_ascii_alphabetic());
        let gap2 = after_sep.len() - after_sep.trim_start_matches(is_sep).len();
        if is_word && (gap == 0 || gap2 == 0) {
            continue;
        }
        // A spaced hyphen is a range only between two dates (else it is
        // the dash between the date and the event).
        let other = &after_sep[gap2..];
        let skip = start.len + gap + sep.len() + gap2;
        if let Some(e) = scan_date(other) {
            end = Some((skip, sep, RangeEnd::Full(e)));
        } else if let Some((len, e)) = short_end(other, &start) {
            end = Some((skip, sep, RangeEnd::Short(len, e)));
        }
        break;
    }
    let Some((skip, sep, range_end)) = end else {
        let as_written = start.shape == Shape::Iso;
        let canonical = start.value.clone().map(Value::iso);
        return Some(DateText {
            len: start.len,
            message: date_message(&s[..start.len], &start, canonical.as_ref().ok()),
            canonical,
            as_written,
        });
    };
    let end_len = match &range_end {
        RangeEnd::Full(e) => e.len,
        RangeEnd::Short(len, _) => *len,
    };
    let len = skip + end_len;
    let written = short(&s[..len]);
    let (end_value, end_text) = match &range_end {
        RangeEnd::Full(e) => (e.value.clone(), e.value.clone().map(Value::iso)),
        RangeEnd::Short(_, (v, t)) => (Ok(*v), Ok(t.clone())),
    };
    let canonical = match (&start.value, &end_value, &end_text) {
        (Ok(a), Ok(b), Ok(t)) => match (a.first(), b.last()) {
            (Some(first), Some(last)) if last >= first => Ok(format!("{}..{t}", a.iso())),
            (Some(_), Some(_)) => Err("the range ends before it starts".to_string()),
            _ => Err("no such day".to_string()),
        },
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => Err(e.clone()),
    };
    let canonical = canonical.and_then(|c| iso_check(&c).map(|()| c));
    let ends_as_written = start.shape == Shape::Iso
        && match &range_end {
            RangeEnd::Full(e) => e.shape == Shape::Iso,
            RangeEnd::Short(..) => true,
        };
    let as_written = ends_as_written && *sep == "..";
    let message = match &canonical {
        Ok(c) if ends_as_written => format!("a range of dates is written with two dots: {c}"),
        Ok(c) => {
            let long = |v: &Result<Value, String>| v.clone().map(Value::long).unwrap_or_default();
            let assumed = |shape: &Shape| match shape {
                Shape::DayFirst(a) => a.clone(),
                _ => Assumed::default(),
            };
            let end_shape = match &range_end {
                RangeEnd::Full(e) => assumed(&e.shape),
                RangeEnd::Short(..) => Assumed::default(),
            };
            let notes = Assumed::describe_both(&assumed(&start.shape), &end_shape)
                .map(|n| format!(", {n}"))
                .unwrap_or_default();
            format!(
                "write dates as year-month-day, and a range with two dots: {written} is {c} \
                 ({} to {}{notes})",
                long(&start.value),
                long(&end_value)
            )
        }
        Err(why) => format!(
            "{written} is not a range caseline can read: {why}; write a range as two dates, \
             year-month-day, joined by two dots, like 2024-05-01..2024-05-10"
        ),
    };
    Some(DateText {
        len,
        canonical,
        as_written,
        message,
    })
}

enum RangeEnd {
    Full(Scanned),
    /// `..20` or `..12-03`: (length, (value, text as caseline writes it)).
    Short(usize, (Value, String)),
}

/// The short end of a range: a day (`20`) or a month and day (`12-03`) of the
/// start's year and month.
fn short_end(s: &str, start: &Scanned) -> Option<(usize, (Value, String))> {
    let (groups, seps, len) = digit_groups(s);
    if groups.is_empty() || s[len..].chars().next().is_some_and(char::is_alphanumeric) {
        return None;
    }
    let first = match start.value {
        Ok(Value::Day(first)) => first,
        Ok(Value::Month(y, _)) => {
            return match groups.as_slice() {
                [(m, 2)] if (1..=12).contains(m) => {
                    Some((len, (Value::Month(y, *m), format!("{m:02}"))))
                }
                _ => None,
            };
        }
        Err(_) => return None,
    };
    match (groups.as_slice(), seps.as_slice()) {
        ([(d, 1..=2)], []) => {
            let date = NaiveDate::from_ymd_opt(first.year(), first.month(), *d)?;
            Some((len, (Value::Day(date), format!("{d:02}"))))
        }
        ([(m, 1..=2), (d, 1..=2)], ['-']) => {
            let date = NaiveDate::from_ymd_opt(first.year(), *m, *d)?;
            Some((len, (Value::Day(date), format!("{m:02}-{d:02}"))))
        }
        _ => None,
    }
}

fn date_message(written: &str, scanned: &Scanned, canonical: Option<&String>) -> String {
    let written = short(written);
    let Ok(value) = &scanned.value else {
        let why = scanned.value.clone().err().unwrap_or_default();
        return format!(
            "{written} is not a real date ({why}); write dates as year-month-day, like 2024-11-05"
        );
    };
    let iso = canonical.cloned().unwrap_or_else(|| value.iso());
    let long = value.long();
    match &scanned.shape {
        Shape::Iso => String::new(),
        Shape::Unpadded => {
            format!("write the month and the day with two digits each: {written} is {iso} ({long})")
        }
        Shape::OddDash => format!(
            "write dates with ordinary hyphens (-), not dashes: {written} is {iso} ({long})"
        ),
        Shape::YearFirst => {
            format!("write dates as year-month-day with dashes: {written} is {iso} ({long})")
        }
        Shape::Compact => format!("write dates with dashes: {written} is {iso} ({long})"),
        Shape::Named => format!("write dates as year-month-day: {written} is {iso}"),
        Shape::DayFirst(assumed) => match assumed.describe() {
            Some(a) => format!("write dates as year-month-day: {written} is {iso} ({long}, {a})"),
            None => format!("write dates as year-month-day: {written} is {iso} ({long})"),
        },
    }
}

/// A stand-in for a date (`YYYY-MM-DD`, `DD/MM/YYYY`, `DATE`): the word, if
/// `word` is one.
fn is_placeholder(word: &str) -> bool {
    let w = word.trim_matches(|c| matches!(c, '[' | ']' | '<' | '>' | '{' | '}' | '(' | ')'));
    if w.eq_ignore_ascii_case("date") {
        return true;
    }
    let parts: Vec<&str> = w.split(['-', '/', '.']).filter(|p| !p.is_empty()).collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            p.chars().all(|c| {
                matches!(
                    c.to_ascii_lowercase(),
                    'y' | 'm' | 'd' | 'x' | '?' | '#' | 'n'
                )
            })
        })
        && w.chars().any(|c| c.is_ascii_alphabetic() || c == '?')
}

/// Words that say the date is not known.
fn means_unknown(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    matches!(w.as_str(), "unknown" | "tbc" | "tbd" | "tba" | "n/k")
        || (w.len() >= 2 && w.chars().all(|c| c == '?'))
}

// ------------------------------------------------------------------ the reader

/// Where a date stands, for what to say about a placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateRole {
    Entry,
    Due,
    AsOf,
    Closed,
}

/// What kind of text a string holds, for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextRole {
    Description,
    RecText,
    Reason,
    Label,
    Citation,
    Reference,
}

impl TextRole {
    fn noun(self) -> &'static str {
        match self {
            TextRole::Description => "the description",
            TextRole::RecText => "the text",
            TextRole::Reason => "the reason",
            TextRole::Label => "the label",
            TextRole::Citation => "the citation",
            TextRole::Reference => "the case reference",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameRole {
    EventKind,
    Procedure,
    Calendar,
}

struct Reader<'a> {
    line: &'a str,
    pos: usize,
    slips: Vec<Slip>,
}

impl<'a> Reader<'a> {
    fn skip(&mut self) {
        let rest = &self.line[self.pos..];
        self.pos += rest.len() - rest.trim_start_matches(is_sep).len();
    }

    /// At the end of the line's content (a comment counts as the end).
    fn at_end(&mut self) -> bool {
        self.skip();
        self.pos >= self.line.len() || self.line[self.pos..].starts_with('#')
    }

    /// The bare word here (after spaces), not taken.
    fn peek(&mut self) -> Option<Range<usize>> {
        if self.at_end() {
            return None;
        }
        let rest = &self.line[self.pos..];
        if rest.starts_with('"') || quoted_at(self.line, self.pos).is_some() {
            return None;
        }
        Some(self.pos..word_end(self.line, self.pos, true))
    }

    fn peek_text(&mut self) -> Option<&'a str> {
        let r = self.peek()?;
        Some(&self.line[r])
    }

    fn take(&mut self) -> Option<Range<usize>> {
        let r = self.peek()?;
        self.pos = r.end;
        Some(r)
    }

    fn slip(
        &mut self,
        at: Range<usize>,
        message: String,
        title: &str,
        replacement: Option<String>,
    ) {
        self.slips.push(Slip {
            at,
            message,
            title: title.to_string(),
            replacement,
            shown: None,
        });
    }

    /// A slip whose message points at `shown` and whose mend replaces `at`.
    fn slip_shown(
        &mut self,
        shown: Range<usize>,
        at: Range<usize>,
        message: String,
        title: &str,
        replacement: String,
    ) {
        self.slips.push(Slip {
            at,
            message,
            title: title.to_string(),
            replacement: Some(replacement),
            shown: Some(shown),
        });
    }

    /// The end of the text from here: before a comment (a `#` after a space)
    /// and trailing spaces; strings are skipped whole.
    fn content_end(&self) -> usize {
        let mut pos = self.pos;
        let mut end = self.pos;
        while pos < self.line.len() {
            let rest = &self.line[pos..];
            let Some(c) = rest.chars().next() else { break };
            if c == '"' {
                pos = string_at(self.line, pos).map_or(self.line.len(), |(r, _)| r.end);
                end = pos;
                continue;
            }
            if c == '#' && (pos == self.pos || self.line[..pos].ends_with(is_sep)) {
                break;
            }
            pos += c.len_utf8();
            if !is_sep(c) {
                end = pos;
            }
        }
        end
    }

    fn read_line(&mut self) {
        let indented = self.line.starts_with(is_sep);
        self.skip();
        if indented {
            self.read_child();
        } else {
            self.read_top();
        }
    }

    // ---------------------------------------------------------- top level

    fn read_top(&mut self) {
        let Some(w) = self.peek() else { return };
        let word = &self.line[w.clone()];
        for keyword in ["case", "procedure", "calendar"] {
            if word == keyword || word.eq_ignore_ascii_case(keyword) {
                if word != keyword {
                    self.slip(
                        w.clone(),
                        format!("`{keyword}` is written in lower case"),
                        &format!("write `{keyword}`"),
                        Some(keyword.to_string()),
                    );
                }
                self.pos = w.end;
                if keyword == "case" {
                    self.read_text(TextRole::Reference);
                } else {
                    let role = if keyword == "procedure" {
                        NameRole::Procedure
                    } else {
                        NameRole::Calendar
                    };
                    self.read_names(role, true);
                }
                return;
            }
        }
        if crate::vocabulary::is_child_word(word) || word.starts_with('>') {
            return;
        }
        // A date in brackets: `[2024-03-04] note`.
        if let Some(open @ ('(' | '[')) = word.chars().next() {
            let close = if open == '(' { ')' } else { ']' };
            let inner = w.start + 1;
            if let Some(d) = scan_range(&self.line[inner..])
                && self.line[inner + d.len..].starts_with(close)
            {
                let end = inner + d.len + 1;
                let written = &self.line[inner..inner + d.len];
                let replacement = if d.as_written {
                    Some(written.to_string())
                } else {
                    d.canonical.ok()
                };
                let message = match &replacement {
                    Some(r) if r != written => {
                        format!("write the date without brackets, as year-month-day: `{r}`")
                    }
                    _ => "remove the brackets around the date".to_string(),
                };
                self.slip(w.start..end, message, "remove the brackets", replacement);
                self.pos = end;
                self.after_date();
                return;
            }
        }
        // A list marker pasted before the date: `- 2024-03-04 note`, `1. 2024-…`.
        let marker = matches!(word, "-" | "*" | "•" | "·" | "–" | "—" | "‣" | "◦" | "+")
            || (word.len() <= 4
                && word.ends_with(['.', ')'])
                && word[..word.len() - 1].bytes().all(|b| b.is_ascii_digit()));
        if marker {
            let after = self.line[w.end..].trim_start_matches(is_sep);
            let next = self.line.len() - after.len();
            if next > w.end && scan_range(after).is_some() {
                self.slip_shown(
                    w.clone(),
                    w.start..next,
                    format!(
                        "remove the `{word}` before the date: an entry starts with its date, \
                         in the first column"
                    ),
                    &format!("remove `{word}`"),
                    String::new(),
                );
                self.pos = next;
            }
        }
        self.read_entry();
    }

    fn read_entry(&mut self) {
        let start = self.pos;
        match self.read_date(DateRole::Entry) {
            Some(true) => {}
            Some(false) => return,
            None => {
                // No date at all: an event kind first?
                if let Some(word) = self.peek_text() {
                    let lower = word.to_ascii_lowercase();
                    let kind_like = lower.contains('.')
                        || matches!(lower.as_str(), "note" | "done" | "declined" | "partial");
                    if is_name(&lower) && kind_like {
                        let w = self.peek().unwrap_or(start..start);
                        self.slip(
                            w,
                            format!(
                                "this line has no date: an entry starts with the date it \
                                 happened, like `2024-11-05 {lower}` (or `? {lower}` if the date \
                                 is not known)"
                            ),
                            "",
                            None,
                        );
                    }
                }
                return;
            }
        }
        self.after_date();
    }

    /// The rest of an entry's first line after its date.
    fn after_date(&mut self) {
        // A time after the date: `2024-03-04 14:30 note`, `2024-03-04T14:30`.
        let after_date = self.pos;
        let rest = &self.line[after_date..];
        let gap = rest.len() - rest.trim_start_matches(is_sep).len();
        let time_len = time_at(&rest[gap..]);
        if time_len > 0 && (gap > 0 || rest.starts_with(['T', 't'])) {
            let time = &rest[gap..gap + time_len];
            let after = &rest[gap + time_len..];
            let gap2 = after.len() - after.trim_start_matches(is_sep).len();
            let (at, replacement) = if gap > 0 {
                (after_date + gap..after_date + gap + time_len + gap2, "")
            } else {
                (after_date..after_date + time_len + gap2, " ")
            };
            self.slips.push(Slip {
                at,
                shown: Some(after_date + gap..after_date + gap + time_len),
                message: format!(
                    "caseline records the day, not the time: remove `{}` (or put the time in \
                     the text)",
                    short(time)
                ),
                title: "remove the time".to_string(),
                replacement: Some(replacement.to_string()),
            });
            self.pos = after_date + gap + time_len;
        }
        // Punctuation between the date and the event: `2024-03-04: note`.
        let after_date = self.pos;
        if let Some(p) = self.peek()
            && matches!(
                &self.line[p.clone()],
                ":" | "," | ";" | "-" | "–" | "—" | "|" | "/" | "."
            )
        {
            let mark = self.line[p.clone()].to_string();
            self.pos = p.end;
            let next = self.peek().map(|r| r.start);
            let what = match mark.as_str() {
                ":" => "colon".to_string(),
                "," => "comma".to_string(),
                ";" => "semicolon".to_string(),
                "." => "full stop".to_string(),
                m => format!("`{m}`"),
            };
            let name = if what.starts_with('`') {
                what.clone()
            } else {
                format!("a {what}")
            };
            let (at, replacement) = match next {
                // `2024-03-04 - note`: the mark and the space after it go.
                Some(n) if p.start > after_date => (p.start..n, Some(String::new())),
                Some(n) if n > p.end => (p.clone(), Some(String::new())),
                Some(_) => (p.clone(), Some(" ".to_string())),
                None => (p.clone(), None),
            };
            self.slips.push(Slip {
                at,
                shown: Some(p),
                message: format!(
                    "there is {name} after the date: leave just a space between the date and \
                     the event, like `2024-11-05 stage1.received`"
                ),
                title: format!("remove the {what}"),
                replacement,
            });
        }
        let Some(kind) = self.read_kind() else { return };
        self.read_entry_rest(&kind);
    }

    /// The event kind: a name, with what went wrong if it is not one.
    fn read_kind(&mut self) -> Option<String> {
        let w = self.peek()?;
        let word = &self.line[w.clone()];
        if is_name(word) {
            self.pos = w.end;
            return Some(word.to_string());
        }
        let lower = word.to_ascii_lowercase();
        // A full stop at the end: `note.`
        if let Some(stem) = word.strip_suffix('.')
            && is_name(stem)
        {
            self.pos = w.end;
            if self.at_end() {
                self.slip(
                    w.end - 1..w.end,
                    format!("remove the full stop after `{stem}`"),
                    "remove the full stop",
                    Some(String::new()),
                );
            }
            return Some(stem.to_string());
        }
        if ODD_DASHES.iter().any(|d| word.contains(*d))
            && let Some((name, message)) = name_slip(word, "event kinds")
        {
            self.pos = w.end;
            self.slip(w, message, &format!("write `{name}`"), Some(name.clone()));
            return Some(name);
        }
        if is_name(&lower) {
            // `Stage 1 Received`: words where a name was meant.
            self.pos = w.end;
            let save = self.pos;
            if lower.bytes().all(|b| b.is_ascii_alphabetic())
                && let Some(n) = self.take()
                && self.line[n.clone()].bytes().all(|b| b.is_ascii_digit())
                && let Some(rest) = self.take()
            {
                let joined = format!(
                    "{lower}{}.{}",
                    &self.line[n],
                    self.line[rest.clone()].to_ascii_lowercase()
                );
                if is_name(&joined) {
                    self.slip(
                        w.start..rest.end,
                        format!(
                            "event kinds are written in lower case, with no spaces: `{joined}`"
                        ),
                        &format!("write `{joined}`"),
                        Some(joined.clone()),
                    );
                    return Some(joined);
                }
            }
            self.pos = save;
            // `Stage1 Received`.
            if lower.ends_with(|c: char| c.is_ascii_digit())
                && !lower.contains('.')
                && let Some(rest) = self.take()
                && self.line[rest.clone()]
                    .bytes()
                    .all(|b| b.is_ascii_alphabetic())
                && self.line[rest.clone()].starts_with(|c: char| c.is_ascii_uppercase())
            {
                let joined = format!("{lower}.{}", self.line[rest.clone()].to_ascii_lowercase());
                if is_name(&joined) {
                    self.slip(
                        w.start..rest.end,
                        format!(
                            "event kinds are written in lower case, with a dot between the \
                             parts: `{joined}`"
                        ),
                        &format!("write `{joined}`"),
                        Some(joined.clone()),
                    );
                    return Some(joined);
                }
            }
            self.pos = save;
            self.slip(
                w,
                format!("event kinds are written in lower case: `{lower}`"),
                &format!("write `{lower}`"),
                Some(lower.clone()),
            );
            return Some(lower);
        }
        let bad = lower
            .chars()
            .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.')));
        if let Some(c) = bad
            && word.starts_with(|c: char| c.is_alphabetic())
        {
            let what = if c == '_' {
                "`_` cannot be part of one (use `.` between the parts of a name, like `stage1.received`)"
                    .to_string()
            } else {
                format!("`{c}` cannot be part of one")
            };
            self.slip(
                w,
                format!(
                    "event kinds are written with the letters a to z, digits, `-` and `.`: {what}"
                ),
                "",
                None,
            );
        }
        None
    }

    /// IDs and text after an entry's kind.
    fn read_entry_rest(&mut self, kind: &str) {
        let takes_ids = matches!(kind, "done" | "declined" | "partial");
        let mut ids: Vec<Range<usize>> = Vec::new();
        let mut commas: Vec<Range<usize>> = Vec::new();
        let mut describe_from = None;
        while let Some(w) = self.peek() {
            let word = &self.line[w.clone()];
            if is_id(word) {
                self.pos = w.end;
                ids.push(w);
                continue;
            }
            if takes_ids && let Some(id) = dotted_id(word) {
                self.dotted_slip(w.clone(), id);
                self.pos = w.end;
                ids.push(w);
                continue;
            }
            if self.stray_mark() {
                break;
            }
            if takes_ids && matches!(word, "," | "&" | "+") && !ids.is_empty() {
                self.pos = w.end;
                if self.peek_text().is_some_and(|n| is_id(n) && id_like(n)) {
                    commas.push(w);
                    continue;
                }
                self.skip();
                describe_from = Some(self.pos);
                break;
            }
            // `done a.` / `note a b.`: a full stop at the very end.
            if let Some(stem) = word.strip_suffix('.')
                && is_id(stem)
            {
                self.pos = w.end;
                if self.at_end() {
                    self.slip(
                        w.end - 1..w.end,
                        format!("remove the full stop after `{stem}`"),
                        "remove the full stop",
                        Some(String::new()),
                    );
                    return;
                }
                self.pos = w.start;
            }
            describe_from = Some(w.start);
            break;
        }
        if describe_from.is_none() && self.at_end() {
            self.comma_slip(&commas);
            return;
        }
        // `note Mrs X said "no", twice`: words, then text in quotes, then more
        // words: the whole is the description.
        if describe_from.is_none()
            && let Some((r, true)) = string_at(self.line, self.pos)
        {
            let save = self.pos;
            self.pos = r.end;
            let end = self.content_end();
            let tail = self.line[r.end..end].trim_start_matches(is_sep);
            let more = !tail.is_empty()
                && !tail
                    .chars()
                    .all(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?'));
            self.pos = save;
            if more {
                describe_from = Some(save);
            }
        }
        // `note Apologise"`: the words end with a lone quote, the opening one
        // is missing.
        if describe_from.is_none()
            && !ids.is_empty()
            && let Some((r, false)) = string_at(self.line, self.pos)
            && self.line[r.start + 1..r.end]
                .trim_matches(is_sep)
                .is_empty()
        {
            describe_from = Some(self.pos);
        }
        if describe_from.is_none() {
            // A string or curly-quoted text after the IDs.
            self.comma_slip(&commas);
            self.read_text(TextRole::Description);
            return;
        }
        // Unquoted words that cannot be IDs: a description. Where it starts:
        // after the kind, or for `done`, `declined` and `partial` after the
        // short IDs (`done a b Apology sent, late`).
        let mut start = describe_from.unwrap_or(self.pos);
        if takes_ids {
            let mut keep = ids.len();
            while keep > 0 && !id_like(&self.line[ids[keep - 1].clone()]) {
                keep -= 1;
            }
            if let Some(first_word) = ids.get(keep) {
                start = first_word.start;
            }
            commas.retain(|c| c.start < start);
            if keep == 0 {
                commas.clear();
            }
            self.comma_slip(&commas);
        } else if let Some(first) = ids.first() {
            start = first.start;
        }
        self.pos = start;
        self.unquoted_text(TextRole::Description);
    }

    fn dotted_slip(&mut self, at: Range<usize>, id: String) {
        self.slip(
            at,
            format!(
                "an ID cannot hold a full stop: write `{id}`, and write it the same way \
                 wherever it is named"
            ),
            &format!("write `{id}`"),
            Some(id),
        );
    }

    fn comma_slip(&mut self, commas: &[Range<usize>]) {
        for c in commas {
            let mark = &self.line[c.clone()];
            let next_is_space = self.line[c.end..].starts_with(is_sep);
            let before_is_space = self.line[..c.start].ends_with(is_sep);
            let (at, replacement) = if next_is_space && before_is_space {
                let rest = self.line[c.end..].trim_start_matches(is_sep);
                (c.start..self.line.len() - rest.len(), "")
            } else if next_is_space || before_is_space {
                (c.clone(), "")
            } else {
                (c.clone(), " ")
            };
            let (message, title) = if mark == "," {
                (
                    "separate IDs with spaces, not commas: remove the comma".to_string(),
                    "remove the commas between IDs".to_string(),
                )
            } else {
                (
                    format!("separate IDs with spaces only: remove the `{mark}`"),
                    format!("remove the `{mark}` between IDs"),
                )
            };
            self.slips.push(Slip {
                at,
                shown: Some(c.clone()),
                message,
                title,
                replacement: Some(replacement.to_string()),
            });
        }
    }

    // ---------------------------------------------------------- text

    /// Optional text in quotes at the end of a line.
    fn read_text(&mut self, role: TextRole) {
        if self.at_end() {
            return;
        }
        self.stray_mark();
        self.skip();
        if let Some((range, closed)) = string_at(self.line, self.pos) {
            if !closed {
                self.unterminated(range);
                return;
            }
            self.pos = range.end;
            // `"Not upheld".`: punctuation after the closing quote.
            let end = self.content_end();
            let tail = self.line[self.pos..end].trim_start_matches(is_sep);
            if !tail.is_empty()
                && tail
                    .chars()
                    .all(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?'))
            {
                let mut text = self.line[range.start..range.end - 1].to_string();
                text.push_str(tail);
                text.push('"');
                let what = match tail {
                    "." => "a full stop".to_string(),
                    "," => "a comma".to_string(),
                    ";" => "a semicolon".to_string(),
                    ":" => "a colon".to_string(),
                    _ => format!("`{tail}`"),
                };
                self.slip(
                    range.start..end,
                    format!(
                        "there is {what} after the closing quote: put it inside the quotes, \
                         like {}",
                        short(&text)
                    ),
                    "put the punctuation inside the quotes",
                    Some(text),
                );
            }
            return;
        }
        if let Some(q) = quoted_at(self.line, self.pos) {
            self.pos = q.range.end;
            let end = self.content_end();
            let tail = self.line[self.pos..end].trim_start_matches(is_sep);
            if tail.is_empty() {
                self.slips.push(quote_slip(self.line, &q, ""));
                return;
            }
            if tail
                .chars()
                .all(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?'))
            {
                let mut s = quote_slip(self.line, &q, tail);
                s.at = q.range.start..end;
                self.slips.push(s);
                return;
            }
            if role == TextRole::Label && tail == "recommends" {
                self.slips.push(quote_slip(self.line, &q, ""));
                return;
            }
            self.pos = q.range.start;
        }
        self.unquoted_text(role);
    }

    /// Words where a string belongs.
    fn unquoted_text(&mut self, role: TextRole) {
        let mut end = self.content_end();
        if role == TextRole::Label {
            let text = &self.line[self.pos..end];
            if let Some(stem) = text.strip_suffix("recommends") {
                end = self.pos + stem.trim_end_matches(is_sep).len();
            }
        }
        let start = self.pos;
        if end <= start {
            return;
        }
        let text = &self.line[start..end];
        // `by 2024-03-04.`: a full stop at the end of the line.
        if text.chars().all(is_punctuation) {
            let what = punctuation_name(text);
            self.slip(
                start..end,
                format!("remove {what} at the end of the line"),
                &format!("remove {what}"),
                Some(String::new()),
            );
            self.pos = end;
            return;
        }
        if text.starts_with('"') && text.ends_with('"') && text.len() >= 2 {
            self.quotes_inside(start..end);
            self.pos = end;
            return;
        }
        // Words before a text in quotes (`rec a b "t"`: two IDs) are not a
        // text that lacks its quotes.
        if text.ends_with('"') && text.matches('"').count() >= 2 {
            return;
        }
        // A missing opening quote: `Apologise"`.
        let replacement = if text.ends_with('"') && text.matches('"').count() == 1 {
            let inner = &text[..text.len() - 1];
            let q = quoted(inner);
            self.slip(
                start..end,
                format!(
                    "this text has no opening quote: add a \" before it, like {}",
                    short(&q)
                ),
                "add the opening quote",
                Some(q),
            );
            self.pos = end;
            return;
        } else {
            quoted(text)
        };
        let noun = role.noun();
        let message = format!("put {noun} in quotes: {}", short(&replacement));
        self.slip(
            start..end,
            message,
            &format!("put {noun} in quotes"),
            Some(replacement),
        );
        self.pos = end;
    }

    /// Text from a quote to a quote that is not one string: two strings
    /// (`"Called" "twice"`), doubled quotes (`""Called""`) or quotes inside
    /// the text (`"about "care""`).
    fn quotes_inside(&mut self, at: Range<usize>) {
        let text = &self.line[at.clone()];
        // Two or more strings with only spaces between them.
        let mut parts = Vec::new();
        let mut pos = at.start;
        while pos < at.end {
            match string_at(self.line, pos) {
                Some((r, true)) if r.end <= at.end => {
                    parts.push(crate::lower::unescape(&self.line[r.clone()]));
                    pos = r.end;
                    let rest = &self.line[pos..at.end];
                    pos += rest.len() - rest.trim_start_matches(is_sep).len();
                }
                _ => break,
            }
        }
        if pos >= at.end && parts.len() >= 2 && parts.iter().all(|p| !p.is_empty()) {
            let joined = quoted(&parts.join(" "));
            self.slip(
                at,
                format!(
                    "there are {} texts in quotes here, and a line has one: join them, like {}",
                    match parts.len() {
                        2 => "two".to_string(),
                        3 => "three".to_string(),
                        n => n.to_string(),
                    },
                    short(&joined)
                ),
                "join the texts in quotes",
                Some(joined),
            );
            return;
        }
        let doubled = text.len() >= 4 && text.starts_with("\"\"") && text.ends_with("\"\"");
        let inner = if doubled {
            &text[2..text.len() - 2]
        } else {
            &text[1..text.len() - 1]
        };
        let replacement = quoted(inner);
        let message = if doubled && !inner.contains('"') {
            format!(
                "this text has two quote marks at each end: write one, like {}",
                short(&replacement)
            )
        } else {
            format!(
                "a quote mark inside this text ends it too early: write each inner one as \\\", \
                 like {}",
                short(&replacement)
            )
        };
        self.slip(at, message, "mend the quote marks", Some(replacement));
    }

    /// A mark between a word and the text in quotes: `note - "x"`,
    /// `rec a: "x"`. True when there was one (noted).
    fn stray_mark(&mut self) -> bool {
        let Some(w) = self.peek() else { return false };
        let mark = &self.line[w.clone()];
        if !matches!(mark, "-" | "–" | "—" | ":" | ";" | "," | "|" | "=" | ">") {
            return false;
        }
        let after = self.line[w.end..].trim_start_matches(is_sep);
        let next = self.line.len() - after.len();
        if !(after.starts_with('"') || quoted_at(self.line, next).is_some()) {
            return false;
        }
        let spaced_before = self.line[..w.start].ends_with(is_sep);
        let (at, replacement) = if spaced_before {
            (w.start..next, "")
        } else if next > w.end {
            (w.clone(), "")
        } else {
            (w.clone(), " ")
        };
        let what = punctuation_name(mark);
        self.slips.push(Slip {
            at,
            shown: Some(w.clone()),
            message: format!("remove {what} before the text in quotes"),
            title: format!("remove {what}"),
            replacement: Some(replacement.to_string()),
        });
        self.pos = w.end;
        true
    }

    /// A straight string with no closing quote: closed by a curly one?
    fn unterminated(&mut self, range: Range<usize>) {
        let body = self.line[range.clone()].trim_end_matches(is_sep);
        let trimmed = body.trim_end_matches(['.', ',', ';', '!', '?']);
        let Some(last) = trimmed.chars().next_back() else {
            return;
        };
        let add_closing = |r: &mut Self| {
            let end = range.start + body.len();
            r.slip_shown(
                range.clone(),
                end..end,
                crate::errors::UNTERMINATED_STRING_MESSAGE.to_string(),
                "add the closing quote",
                "\"".to_string(),
            );
        };
        if !matches!(
            last,
            '\u{201C}' | '\u{201D}' | '\u{2033}' | '\u{FF02}' | '»' | '«'
        ) {
            add_closing(self);
            return;
        }
        let inner = &trimmed[1..trimmed.len() - last.len_utf8()];
        let opens = inner.matches(['\u{201C}', '\u{201E}']).count();
        let closes = inner.matches('\u{201D}').count();
        if last == '\u{201D}' && opens > closes {
            // It closes a quotation inside the text.
            add_closing(self);
            return;
        }
        let at = range.start + trimmed.len() - last.len_utf8();
        let punct = &body[trimmed.len()..];
        self.slip(
            at..range.start + body.len(),
            format!(
                "this text ends with a curly quote ({last}), which caseline does not read as a \
                 closing quote: end it with a straight quote \""
            ),
            "use a straight closing quote",
            Some(format!("{punct}\"")),
        );
    }

    // ---------------------------------------------------------- names

    fn read_names(&mut self, role: NameRole, many: bool) -> bool {
        let mut any = false;
        while let Some(w) = self.peek() {
            let word = &self.line[w.clone()];
            if is_name(word) {
                self.pos = w.end;
                any = true;
            } else {
                let what = match role {
                    NameRole::EventKind => "event kinds",
                    NameRole::Procedure => "procedure names",
                    NameRole::Calendar => "calendar names",
                };
                let Some((name, message)) = name_slip(word, what) else {
                    return any;
                };
                self.slip(w.clone(), message, &format!("write `{name}`"), Some(name));
                self.pos = w.end;
                any = true;
            }
            if !many {
                break;
            }
        }
        any
    }

    fn keyword(&mut self, word: &str) -> bool {
        if self.peek_text() == Some(word) {
            self.take();
            true
        } else {
            false
        }
    }

    // ---------------------------------------------------------- child lines

    fn read_child(&mut self) {
        let Some(w) = self.peek() else { return };
        let word = self.line[w.clone()].to_string();
        self.pos = w.end;
        // `as-of: 2024-12-31`: a colon after the key.
        if self.line[self.pos..].starts_with(':') {
            self.slip(
                self.pos..self.pos + 1,
                format!("remove the colon after `{word}`: the line reads `{word} value`"),
                "remove the colon",
                Some(if self.line[self.pos + 1..].starts_with(is_sep) {
                    String::new()
                } else {
                    " ".to_string()
                }),
            );
            self.pos += 1;
        }
        match word.as_str() {
            "rec" | "promise" => {
                let Some(id) = self.peek() else { return };
                let written = &self.line[id.clone()];
                let bare = written
                    .trim_start_matches(['(', '[', '<', '{'])
                    .trim_end_matches([')', ']', '>', '}', ':', '.']);
                if let Some(dotted) = dotted_id(written) {
                    self.dotted_slip(id.clone(), dotted);
                } else if !is_id(written) && is_id(bare) && bare.len() < written.len() {
                    self.slip(
                        id.clone(),
                        format!("write the ID on its own, like `{word} {bare}`"),
                        &format!("write `{bare}`"),
                        Some(bare.to_string()),
                    );
                } else if !is_id(written) {
                    return;
                }
                self.pos = id.end;
                if !self.read_due() {
                    return;
                }
                self.read_text(TextRole::RecText);
            }
            "agree" => {
                let mut commas = Vec::new();
                while let Some(w) = self.peek() {
                    let t = &self.line[w.clone()];
                    if let Some(dotted) = dotted_id(t) {
                        self.dotted_slip(w.clone(), dotted);
                        self.pos = w.end;
                    } else if is_id(t) && !matches!(t, "within" | "by") {
                        self.pos = w.end;
                    } else if matches!(t, "," | "&" | "+") {
                        commas.push(w.clone());
                        self.pos = w.end;
                    } else {
                        break;
                    }
                }
                self.comma_slip(&commas);
                self.read_due();
            }
            "extended" => self.read_text(TextRole::Reason),
            "event" if self.read_names(NameRole::EventKind, false) => {
                self.read_text(TextRole::Label);
                self.keyword("recommends");
                self.keyword("ends");
            }
            "deadline" => {
                // TARGET [within DUR] [or TARGET [within DUR]]...
                loop {
                    if !self.read_names(NameRole::EventKind, false) {
                        return;
                    }
                    if self.keyword("within") && !self.read_duration() {
                        return;
                    }
                    if !self.keyword("or") {
                        break;
                    }
                }
                let inclusive = self
                    .peek_text()
                    .filter(|w| matches!(*w, "starting" | "beginning"));
                if let Some(word) = inclusive {
                    let word = word.to_string();
                    self.take();
                    if !self.keyword("with") {
                        // `starting stage1.received`: the `with` is missing.
                        let at = self.pos;
                        self.slip(
                            at..at,
                            format!(
                                "a deadline that counts the start day as day one reads `{word} with START`: write `{word} with`"
                            ),
                            &format!("write `{word} with`"),
                            Some(" with".to_string()),
                        );
                    }
                } else if !self.keyword("of") {
                    let Some(w) = self.peek() else { return };
                    let written = self.line[w.clone()].to_string();
                    if !matches!(written.as_str(), "from" | "after" | "since" | "Of") {
                        return;
                    }
                    self.slip(
                        w.clone(),
                        format!(
                            "a deadline reads `deadline TARGET within DUR of START`: write `of` \
                             instead of `{written}`"
                        ),
                        "write `of`",
                        Some("of".to_string()),
                    );
                    self.pos = w.end;
                }
                if self.keyword("latest") {
                    if !self.keyword("of") {
                        // `of latest a, b`: the second `of` is missing.
                        let at = self.pos;
                        self.slip(
                            at..at,
                            "a start that is the latest of several events reads `of latest of A, B`: write `latest of`"
                                .to_string(),
                            "write `latest of`",
                            Some(" of".to_string()),
                        );
                    }
                    loop {
                        if !self.read_names(NameRole::EventKind, false) {
                            return;
                        }
                        if !self.keyword(",") {
                            break;
                        }
                    }
                } else if !self.read_names(NameRole::EventKind, false) {
                    return;
                }
                loop {
                    if self.keyword("extendable") {
                        let capped = self.keyword("to") && self.read_duration();
                        if !(capped || self.keyword("without") && self.keyword("limit")) {
                            return;
                        }
                    } else if !(self.keyword("repeating")
                        || self.keyword("roll-forward")
                        || self.keyword("guidance"))
                    {
                        break;
                    }
                }
                self.read_text(TextRole::Citation);
            }
            "pause"
                if self.read_names(NameRole::EventKind, false)
                    && self.keyword("from")
                    && self.read_names(NameRole::EventKind, false)
                    && self.keyword("until")
                    && self.read_names(NameRole::EventKind, false) =>
            {
                self.read_text(TextRole::Citation);
            }
            "exception" if self.read_names(NameRole::EventKind, true) => {
                self.read_text(TextRole::Reason);
            }
            "require" if self.read_names(NameRole::EventKind, false) && self.keyword("before") => {
                self.read_names(NameRole::EventKind, false);
            }
            "use" => {
                self.read_names(NameRole::Procedure, true);
            }
            "extends" => {
                self.read_names(NameRole::Calendar, true);
            }
            "procedure" => {
                self.read_names(NameRole::Procedure, true);
            }
            "calendar" => {
                self.read_names(NameRole::Calendar, true);
            }
            "closed" => {
                let mut any = false;
                while !self.at_end() {
                    // `closed 2024-12-27, 2024-12-30`.
                    if any
                        && let Some(w) = self.peek()
                        && self.line[w.clone()] == *","
                        && scan_range(self.line[w.end..].trim_start_matches(is_sep)).is_some()
                    {
                        let spaced = self.line[w.end..].starts_with(is_sep);
                        self.slip(
                            w.clone(),
                            "separate the dates with spaces, not commas: remove the comma"
                                .to_string(),
                            "remove the commas between dates",
                            Some(if spaced { "" } else { " " }.to_string()),
                        );
                        self.pos = w.end;
                    }
                    match self.read_date(DateRole::Closed) {
                        Some(true) => any = true,
                        Some(false) => return,
                        None => break,
                    }
                }
                if any {
                    self.read_text(TextRole::Reason);
                }
            }
            "as-of" => {
                self.read_date(DateRole::AsOf);
            }
            _ => {}
        }
    }

    /// `within DUR` or `by DATE`, if there. False when what follows could
    /// not be read.
    fn read_due(&mut self) -> bool {
        let Some(w) = self.peek() else { return true };
        match &self.line[w.clone()] {
            "within" => {
                self.pos = w.end;
                self.read_duration()
            }
            "by" => {
                self.pos = w.end;
                self.read_date(DateRole::Due) == Some(true)
            }
            word @ ("due" | "before" | "until" | "Due" | "By" | "Within") => {
                let word = word.to_string();
                let after = self.line[w.end..].trim_start_matches(is_sep);
                let lower = word.to_ascii_lowercase();
                if lower == "within" {
                    self.slip(
                        w.clone(),
                        "write `within` in lower case".into(),
                        "write `within`",
                        Some("within".into()),
                    );
                    self.pos = w.end;
                    return self.read_duration();
                }
                if scan_range(after).is_none()
                    && !is_placeholder(after.split(is_sep).next().unwrap_or_default())
                {
                    return true;
                }
                self.slip(
                    w.clone(),
                    format!("a due date follows `by`: write `by` instead of `{word}`"),
                    "write `by`",
                    Some("by".to_string()),
                );
                self.pos = w.end;
                self.read_date(DateRole::Due) == Some(true)
            }
            _ => true,
        }
    }

    /// A duration here. False when what is here is not one.
    fn read_duration(&mut self) -> bool {
        let Some(w) = self.peek() else { return false };
        let word = &self.line[w.clone()];
        if is_duration(word) {
            self.pos = w.end;
            return true;
        }
        let digits = word.bytes().take_while(u8::is_ascii_digit).count();
        let (amount, mut end, glued_unit) = if digits > 0 {
            (word[..digits].to_string(), w.end, &word[digits..])
        } else if let Some(n) = number_word(word) {
            (n.to_string(), w.end, "")
        } else {
            return false;
        };
        // The unit: glued to the number, or in the next one or two words.
        let mut unit_words: Vec<String> = Vec::new();
        if !glued_unit.is_empty() {
            unit_words.push(glued_unit.to_ascii_lowercase());
        }
        let mut probe = Reader {
            line: self.line,
            pos: w.end,
            slips: Vec::new(),
        };
        let mut ends = vec![end];
        for _ in 0..2 {
            match probe.take() {
                // Words of letters, and hyphens (`working-days`).
                Some(r)
                    if self.line[r.clone()]
                        .bytes()
                        .all(|b| b.is_ascii_alphabetic() || b == b'-') =>
                {
                    unit_words.push(self.line[r.clone()].to_ascii_lowercase());
                    ends.push(r.end);
                }
                _ => break,
            }
        }
        // Longest reading first: `working days`, then `days`.
        let mut found = None;
        for take in (0..unit_words.len()).rev() {
            let glued = usize::from(!glued_unit.is_empty());
            if take + 1 < glued {
                continue;
            }
            let phrase = unit_words[..=take].join(" ");
            if let Some(unit) = unit_of(&phrase) {
                found = Some((unit, ends[take + 1 - glued]));
                break;
            }
        }
        let Some((unit, unit_end)) = found else {
            return false;
        };
        end = unit_end;
        let canonical = format!("{amount}{unit}");
        if parse_duration(&canonical).is_err() {
            return false;
        }
        let written = short(&self.line[w.start..end]);
        let days = if unit == "d" {
            " (calendar days; for working days write `".to_string() + &amount + "wd`)"
        } else {
            String::new()
        };
        let how = if digits > 0 && written.eq_ignore_ascii_case(&canonical) {
            "durations are written in lower case"
        } else if digits == 0 {
            "write the number in figures, with the unit straight after it"
        } else {
            "write a duration as a number with its unit straight after it"
        };
        self.slip(
            w.start..end,
            format!("{how}: `{written}` is `{canonical}`{days}"),
            &format!("write `{canonical}`"),
            Some(canonical),
        );
        self.pos = end;
        true
    }

    // ---------------------------------------------------------- dates

    /// A date here. `Some(true)`: read (with any slip noted); `Some(false)`:
    /// a date-like thing that cannot be mended, noted; `None`: no date.
    fn read_date(&mut self, role: DateRole) -> Option<bool> {
        self.skip();
        let rest = &self.line[self.pos..];
        let word_len = word_end(self.line, self.pos, false) - self.pos;
        let word = &rest[..word_len];
        if word.is_empty() {
            return None;
        }
        if is_placeholder(word) {
            let what = match role {
                DateRole::Entry => {
                    "the date this happened, like 2024-11-05 (or `?` if it is not known)"
                }
                DateRole::Due => "the date it is due, like 2024-11-05",
                DateRole::AsOf => "the date to judge the case at, like 2024-11-05",
                DateRole::Closed => "the date the offices were closed, like 2024-12-27",
            };
            self.slip(
                self.pos..self.pos + word_len,
                format!("replace {word} with {what}"),
                "",
                None,
            );
            return Some(false);
        }
        if role == DateRole::Entry && means_unknown(word) {
            self.slip(
                self.pos..self.pos + word_len,
                format!("if the date is not known, write `?` instead of `{word}`"),
                "write `?`",
                Some("?".to_string()),
            );
            self.pos += word_len;
            return Some(true);
        }
        let d = scan_range(rest)?;
        let at = self.pos..self.pos + d.len;
        self.pos = at.end;
        if d.as_written {
            return Some(true);
        }
        match d.canonical {
            Ok(c) => {
                let title = format!("write {c}");
                self.slip(at, d.message, &title, Some(c));
                Some(true)
            }
            Err(_) => {
                self.slip(at, d.message, "", None);
                Some(false)
            }
        }
    }
}

/// A name written with capitals or dashes: the name meant and what to say.
fn name_slip(word: &str, what: &str) -> Option<(String, String)> {
    let lower = word.to_ascii_lowercase();
    let dashed: String = lower
        .chars()
        .map(|c| if ODD_DASHES.contains(&c) { '-' } else { c })
        .collect();
    if !is_name(&dashed) {
        return None;
    }
    let message = if dashed != lower {
        format!("{what} are written with ordinary hyphens (-), not dashes: `{dashed}`")
    } else {
        format!("{what} are written in lower case: `{dashed}`")
    };
    Some((dashed, message))
}

/// `1.1` or `R2.3`, numbered like a report's recommendations: the ID it can
/// be written as (`1-1`).
fn dotted_id(word: &str) -> Option<String> {
    let ok = word.contains('.')
        && word
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    let id = word.replace('.', "-");
    (ok && is_id(&id)).then_some(id)
}

/// The length of a time of day at the start of `s` (`14:30`, `9.15am`,
/// `2pm`, `T14:30:00Z`), or 0.
fn time_at(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'T' | b't')));
    let digits = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let h = digits(i);
    if !(1..=2).contains(&h) {
        return 0;
    }
    i += h;
    let mut minutes = false;
    while i + 2 < b.len() + 1 && matches!(b.get(i), Some(b':' | b'.')) && digits(i + 1) == 2 {
        i += 3;
        minutes = true;
    }
    let lower = s[i..].to_ascii_lowercase();
    if lower.starts_with("am") || lower.starts_with("pm") {
        i += 2;
    } else if !minutes {
        return 0;
    } else if matches!(b.get(i), Some(b'Z' | b'z')) {
        i += 1;
    }
    // Nothing glued after it.
    if s[i..].chars().next().is_some_and(char::is_alphanumeric) {
        return 0;
    }
    i
}

fn is_punctuation(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '-' | '–' | '—' | '|')
}

/// "the full stop", "the `;`".
fn punctuation_name(mark: &str) -> String {
    match mark {
        "." => "the full stop".to_string(),
        "," => "the comma".to_string(),
        ":" => "the colon".to_string(),
        ";" => "the semicolon".to_string(),
        m => format!("the `{}`", short(m)),
    }
}

/// A short ID (`a`, `R1`, `s3-b`) rather than a word of a description.
fn id_like(word: &str) -> bool {
    word.len() <= 3
        || word
            .bytes()
            .any(|b| b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// A duration unit in words: `wd`, `working days`, `weeks`.
fn unit_of(phrase: &str) -> Option<&'static str> {
    Some(match phrase {
        "wd" | "wds" | "working day" | "working days" | "working-day" | "working-days"
        | "business day" | "business days" | "workday" | "workdays" | "work days" | "work day"
        | "w/d" => "wd",
        "d" | "day" | "days" | "calendar day" | "calendar days" => "d",
        "w" | "wk" | "wks" | "week" | "weeks" => "w",
        "m" | "mo" | "mth" | "mths" | "month" | "months" | "calendar month" | "calendar months" => {
            "m"
        }
        "y" | "yr" | "yrs" | "year" | "years" => "y",
        _ => return None,
    })
}

fn number_word(word: &str) -> Option<u32> {
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let w = word.to_ascii_lowercase();
    if let Some(n) = WORDS.iter().position(|x| *x == w) {
        return u32::try_from(n).ok().filter(|n| *n > 0);
    }
    match w.as_str() {
        "thirty" => Some(30),
        "forty" => Some(40),
        "sixty" => Some(60),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slip(line: &str) -> Option<(String, String, Option<String>)> {
        let e = explain_line(line, &mut Budget::new())?;
        Some((
            line[e.at].to_string(),
            e.message,
            e.fix.map(|(_, fixed)| fixed),
        ))
    }

    #[test]
    fn dates_in_other_shapes() {
        for (written, iso) in [
            ("04/03/2024", "2024-03-04"),
            ("4/3/24", "2024-03-04"),
            ("2024/03/04", "2024-03-04"),
            ("2024.03.04", "2024-03-04"),
            ("04.03.2024", "2024-03-04"),
            ("2024-3-4", "2024-03-04"),
            ("04-03-2024", "2024-03-04"),
            ("4 March 2024", "2024-03-04"),
            ("4th Mar 2024", "2024-03-04"),
            ("March 4, 2024", "2024-03-04"),
            ("4-Mar-2024", "2024-03-04"),
            ("Monday 4 March 2024", "2024-03-04"),
            ("20240304", "2024-03-04"),
            ("03/14/2024", "2024-03-14"),
            ("March 2024", "2024-03"),
            ("2024-05-01–2024-05-10", "2024-05-01..2024-05-10"),
            ("2024-05-01 - 2024-05-10", "2024-05-01..2024-05-10"),
            ("2024-05-01 to 2024-05-10", "2024-05-01..2024-05-10"),
            ("01/05/2024 - 10/05/2024", "2024-05-01..2024-05-10"),
            ("2024-05-01–10", "2024-05-01..10"),
        ] {
            let line = format!("{written} note");
            let (at, message, fixed) = slip(&line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(at, written, "{line}: {message}");
            assert_eq!(
                fixed.as_deref(),
                Some(format!("{iso} note").as_str()),
                "{line}: {message}"
            );
        }
    }

    #[test]
    fn no_fix_to_a_day_that_does_not_exist() {
        for line in [
            "31/02/2024 note",
            "2024-2-30 note",
            "Tuesday 4 March 2024 note",
            "13/14/2024 note",
            "2024-05-10 - 2024-05-01 note",
        ] {
            let (_, message, fixed) = slip(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(fixed, None, "{line}: {message}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, .. Default::default() })]
        /// Any line: no panic; the range is inside the line on character
        /// boundaries; a fix gives a line that reads cleanly.
        #[test]
        fn any_line_is_explained_safely(pieces in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::strategy::Just("2024-03-04"), proptest::strategy::Just("04/03/2024"),
                proptest::strategy::Just("4 March 2024"), proptest::strategy::Just("2024-3-4"),
                proptest::strategy::Just(".."), proptest::strategy::Just("–"),
                proptest::strategy::Just(" - "), proptest::strategy::Just(" to "),
                proptest::strategy::Just("note"), proptest::strategy::Just("Stage1.Received"),
                proptest::strategy::Just("done"), proptest::strategy::Just("rec"),
                proptest::strategy::Just("within"), proptest::strategy::Just("10 working days"),
                proptest::strategy::Just("by"), proptest::strategy::Just("a"),
                proptest::strategy::Just(","), proptest::strategy::Just(":"),
                proptest::strategy::Just("."), proptest::strategy::Just("\""),
                proptest::strategy::Just("“"), proptest::strategy::Just("”"),
                proptest::strategy::Just("‘"), proptest::strategy::Just("’"),
                proptest::strategy::Just("'"), proptest::strategy::Just("«"),
                proptest::strategy::Just("\u{00A0}"), proptest::strategy::Just("\u{200B}"),
                proptest::strategy::Just("\u{FEFF}"), proptest::strategy::Just("\0"),
                proptest::strategy::Just(" "), proptest::strategy::Just("  "),
                proptest::strategy::Just("\t"), proptest::strategy::Just("#"),
                proptest::strategy::Just(">"), proptest::strategy::Just("\\"),
                proptest::strategy::Just("é"), proptest::strategy::Just("🙂"),
                proptest::strategy::Just("YYYY-MM-DD"), proptest::strategy::Just("case"),
                proptest::strategy::Just("event"), proptest::strategy::Just("closed"),
                proptest::strategy::Just("12"), proptest::strategy::Just("Mrs X's"),
            ],
            0..14,
        )) {
            let line = pieces.concat();
            if let Some(e) = explain_line(&line, &mut Budget::new()) {
                proptest::prop_assert!(e.at.start <= e.at.end && e.at.end <= line.len());
                proptest::prop_assert!(line.is_char_boundary(e.at.start) && line.is_char_boundary(e.at.end));
                proptest::prop_assert!(!e.message.is_empty());
                proptest::prop_assert!(!e.message.chars().any(|c| c.is_control()), "{:?}", e.message);
                if let Some((title, fixed)) = e.fix {
                    proptest::prop_assert!(!title.is_empty());
                    proptest::prop_assert!(parses_cleanly(&fixed), "{line:?} -> {fixed:?}");
                    let (a, b, _) = difference(&line, &fixed);
                    proptest::prop_assert!(line.is_char_boundary(a) && line.is_char_boundary(b) && a <= b);
                }
            }
        }
    }
}
