//! The one place where byte offsets become (line, column) positions and back.
//!
//! Columns can be counted in UTF-8 bytes, UTF-16 code units (the LSP default) or
//! Unicode scalar values (UTF-32: what `--format json` and humans count). Lines end
//! at `\n`; a `\r` before it belongs to the line ending, so no column ever lands
//! between `\r` and `\n`. Every conversion *clamps*: a line past the end goes to the
//! end of the text, a column past the end of a line goes to the end of that line,
//! and a column inside a multi-unit character goes to that character's start.
//! Nobody else in the project counts code units (`crates/caseline-lsp/src/convert.rs`
//! only carries LSP positions to and from this index): `tests/tidy.rs` enforces it.

use text_size::{TextRange, TextSize};

/// How columns are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// Bytes of UTF-8.
    Utf8,
    /// UTF-16 code units (LSP's default).
    Utf16,
    /// Unicode scalar values (characters).
    Utf32,
}

/// A zero-based line and a zero-based column in some [`Encoding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Line starts of one text, plus where its multi-byte characters are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset of the first character of each line; `line_starts[0] == 0`.
    line_starts: Vec<TextSize>,
    /// Byte offset of the end of each line's content (before `\r\n` or `\n`).
    line_ends: Vec<TextSize>,
    /// True when the line holds only ASCII (then every encoding counts bytes).
    ascii_line: Vec<bool>,
    text: Box<str>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![TextSize::from(0)];
        let mut line_ends = Vec::new();
        let mut ascii_line = Vec::new();
        let bytes = text.as_bytes();
        // Line by line, a word at a time: this runs on every keystroke in the
        // editor, and a byte-at-a-time loop was most of its cost.
        let mut start = 0;
        while let Some(i) = next_newline(bytes, start) {
            let end = if i > start && bytes[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            line_ends.push(size(end));
            ascii_line.push(bytes[start..i].is_ascii());
            line_starts.push(size(i + 1));
            start = i + 1;
        }
        // The last line has no `\n`. A lone trailing `\r` stays part of its content.
        line_ends.push(size(bytes.len()));
        ascii_line.push(bytes[start..].is_ascii());
        LineIndex {
            line_starts,
            line_ends,
            ascii_line,
            text: text.into(),
        }
    }

    /// The text this index was built from.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Number of lines (a text ending in `\n` has an empty last line).
    pub fn line_count(&self) -> u32 {
        self.line_starts.len() as u32
    }

    /// Total length in bytes.
    pub fn len(&self) -> TextSize {
        size(self.text.len())
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// True when the text uses `\r\n` line endings (judged by its first line break).
    pub fn uses_crlf(&self) -> bool {
        self.line_ends
            .first()
            .zip(self.line_starts.get(1))
            .is_some_and(|(end, next)| u32::from(*next) - u32::from(*end) == 2)
    }

    /// The content of line `line` (clamped), without its line ending.
    pub fn line_range(&self, line: u32) -> TextRange {
        let l = (line as usize).min(self.line_starts.len() - 1);
        TextRange::new(self.line_starts[l], self.line_ends[l])
    }

    /// The zero-based line holding `offset` (clamped to the text).
    pub fn line_of(&self, offset: TextSize) -> u32 {
        let offset = offset.min(self.len());
        (self.line_starts.partition_point(|&s| s <= offset) - 1) as u32
    }

    /// Byte offset -> (line, column) in `enc`. An offset inside the line ending
    /// maps to the end of the line; one inside a character maps to its start.
    pub fn line_col(&self, offset: TextSize, enc: Encoding) -> LineCol {
        let line = self.line_of(offset);
        let l = line as usize;
        let start = self.line_starts[l];
        let offset = offset.min(self.line_ends[l]);
        let offset = self.floor_char_boundary(offset);
        let prefix = &self.text[usize::from(start)..usize::from(offset)];
        let col = if self.ascii_line[l] {
            prefix.len()
        } else {
            count_units(prefix, enc)
        };
        LineCol {
            line,
            col: col as u32,
        }
    }

    /// (line, column) in `enc` -> byte offset, clamped as the module doc says.
    pub fn offset(&self, pos: LineCol, enc: Encoding) -> TextSize {
        if pos.line as usize >= self.line_starts.len() {
            return self.len();
        }
        let l = pos.line as usize;
        let start = usize::from(self.line_starts[l]);
        let end = usize::from(self.line_ends[l]);
        let content = &self.text[start..end];
        if self.ascii_line[l] {
            return size(start + (pos.col as usize).min(content.len()));
        }
        let mut units = 0usize;
        for (i, ch) in content.char_indices() {
            let w = unit_width(ch, enc);
            if units + w > pos.col as usize {
                return size(start + i);
            }
            units += w;
        }
        size(end)
    }

    /// A byte range -> (start, end) positions in `enc`.
    pub fn range_to_line_cols(&self, range: TextRange, enc: Encoding) -> (LineCol, LineCol) {
        (
            self.line_col(range.start(), enc),
            self.line_col(range.end(), enc),
        )
    }

    /// The same position for people: 1-based line and 1-based column counted in
    /// characters. The CLI and `--format json` use this; it is the only `+ 1`.
    pub fn display_position(&self, offset: TextSize) -> (u32, u32) {
        let lc = self.line_col(offset, Encoding::Utf32);
        (lc.line + 1, lc.col + 1)
    }

    fn floor_char_boundary(&self, offset: TextSize) -> TextSize {
        let mut i = usize::from(offset).min(self.text.len());
        while !self.text.is_char_boundary(i) {
            i -= 1;
        }
        size(i)
    }
}

fn unit_width(ch: char, enc: Encoding) -> usize {
    match enc {
        Encoding::Utf8 => ch.len_utf8(),
        Encoding::Utf16 => ch.len_utf16(),
        Encoding::Utf32 => 1,
    }
}

fn count_units(s: &str, enc: Encoding) -> usize {
    match enc {
        Encoding::Utf8 => s.len(),
        Encoding::Utf16 => s.chars().map(char::len_utf16).sum(),
        Encoding::Utf32 => s.chars().count(),
    }
}

fn size(n: usize) -> TextSize {
    TextSize::try_from(n).expect("caseline caps inputs well below 4 GiB")
}

impl LineIndex {
    /// The tree-sitter style position of byte `offset` in this index's text:
    /// zero-based row and the column in *bytes* (exact, even between `\r`
    /// and `\n`). Clamped to the text.
    pub(crate) fn byte_row_col(&self, offset: usize) -> (usize, usize) {
        let offset = size(offset.min(self.text.len()));
        let row = self.line_of(offset);
        let start = self.line_starts[row as usize];
        (row as usize, usize::from(offset - start))
    }
}

/// The offset of the first `\n` at or after `from`, eight bytes at a time.
fn next_newline(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    const NEWLINES: u64 = ONES * b'\n' as u64;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(word) ^ NEWLINES;
        // Non-zero exactly when some byte of `x` is zero, i.e. a `\n`.
        if x.wrapping_sub(ONES) & !x & HIGHS != 0 {
            break;
        }
        i += 8;
    }
    bytes
        .get(i..)?
        .iter()
        .position(|&b| b == b'\n')
        .map(|p| i + p)
}

/// Where a point ends up after `inserted` is written at it (tree-sitter
/// style: rows, and columns in bytes).
pub(crate) fn advance_row_col((row, col): (usize, usize), inserted: &str) -> (usize, usize) {
    match inserted.rfind('\n') {
        Some(last) => (
            row + inserted.bytes().filter(|&b| b == b'\n').count(),
            inserted.len() - last - 1,
        ),
        None => (row, col + inserted.len()),
    }
}

/// The tree-sitter style position of byte `offset` in `text`: zero-based row and
/// the column counted in *bytes* (tree-sitter's `Point`). Only `reparse` needs
/// it, to describe an edit; it lives here with every other position conversion.
/// The offset is clamped to the text.
pub(crate) fn byte_row_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let row = before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (row, offset - line_start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_only_without_text() {
        assert!(LineIndex::new("").is_empty());
        assert!(!LineIndex::new("\n").is_empty());
        assert!(!LineIndex::new("x").is_empty());
    }

    #[test]
    fn next_newline_finds_every_line_break_across_word_boundaries() {
        // Line breaks at every offset around the 8-byte words, with
        // multi-byte characters and `\r` around them.
        for gap in 0..20 {
            let line = format!("{}é\r", "x".repeat(gap));
            let text = format!("{line}\n{line}\n\n{line}");
            let bytes = text.as_bytes();
            let expected: Vec<usize> = (0..bytes.len()).filter(|&i| bytes[i] == b'\n').collect();
            let mut found = Vec::new();
            let mut from = 0;
            while let Some(i) = next_newline(bytes, from) {
                found.push(i);
                from = i + 1;
            }
            assert_eq!(found, expected, "{text:?}");
            let index = LineIndex::new(&text);
            assert_eq!(index.line_count() as usize, expected.len() + 1);
            // The `\r` before the `\n` belongs to the line ending.
            assert_eq!(
                index.line_range(0),
                TextRange::new(0.into(), size(line.len() - 1))
            );
            assert_eq!(index.line_col(size(text.len()), Encoding::Utf16).line, 3);
        }
    }

    fn lc(line: u32, col: u32) -> LineCol {
        LineCol { line, col }
    }

    #[test]
    fn ascii_lf_round_trip() {
        let idx = LineIndex::new("ab\ncd\n");
        assert_eq!(idx.line_count(), 3);
        assert_eq!(idx.line_col(4.into(), Encoding::Utf16), lc(1, 1));
        assert_eq!(idx.offset(lc(1, 1), Encoding::Utf16), 4.into());
        assert_eq!(idx.line_col(6.into(), Encoding::Utf16), lc(2, 0));
    }

    #[test]
    fn crlf_never_splits_the_line_ending() {
        let idx = LineIndex::new("ab\r\ncd");
        assert!(idx.uses_crlf());
        assert_eq!(idx.line_range(0), TextRange::new(0.into(), 2.into()));
        // Offset 3 is between \r and \n: it maps to the end of line 0.
        assert_eq!(idx.line_col(3.into(), Encoding::Utf16), lc(0, 2));
        assert_eq!(idx.offset(lc(0, 99), Encoding::Utf16), 2.into());
        assert_eq!(idx.offset(lc(1, 0), Encoding::Utf16), 4.into());
    }

    #[test]
    fn non_ascii_columns_in_every_encoding() {
        // é = 2 bytes/1 unit, £ = 2 bytes/1 unit, 😀 = 4 bytes/2 UTF-16 units.
        let text = "é£😀x";
        let idx = LineIndex::new(text);
        let x = TextSize::from(text.find('x').unwrap() as u32);
        assert_eq!(idx.line_col(x, Encoding::Utf8), lc(0, 8));
        assert_eq!(idx.line_col(x, Encoding::Utf16), lc(0, 4));
        assert_eq!(idx.line_col(x, Encoding::Utf32), lc(0, 3));
        assert_eq!(idx.offset(lc(0, 4), Encoding::Utf16), x);
        assert_eq!(idx.offset(lc(0, 3), Encoding::Utf32), x);
        assert_eq!(idx.offset(lc(0, 8), Encoding::Utf8), x);
        // Inside the emoji's surrogate pair: clamp to the emoji's start.
        assert_eq!(idx.offset(lc(0, 3), Encoding::Utf16), 4.into());
        // Inside é's bytes: clamp to its start.
        assert_eq!(idx.line_col(1.into(), Encoding::Utf16), lc(0, 0));
    }

    #[test]
    fn clamps_out_of_range_positions() {
        let idx = LineIndex::new("ab\ncd");
        assert_eq!(idx.offset(lc(7, 3), Encoding::Utf16), 5.into());
        assert_eq!(idx.offset(lc(0, 50), Encoding::Utf16), 2.into());
        assert_eq!(idx.line_col(500.into(), Encoding::Utf16), lc(1, 2));
    }

    #[test]
    fn display_positions_are_one_based_characters() {
        let idx = LineIndex::new("£x\ny");
        assert_eq!(idx.display_position(2.into()), (1, 2));
        assert_eq!(idx.display_position(4.into()), (2, 1));
    }

    #[test]
    fn empty_text() {
        let idx = LineIndex::new("");
        assert_eq!(idx.line_count(), 1);
        assert_eq!(idx.line_col(0.into(), Encoding::Utf16), lc(0, 0));
        assert_eq!(idx.offset(lc(3, 3), Encoding::Utf8), 0.into());
    }

    #[test]
    fn tree_sitter_points_are_rows_and_byte_columns() {
        let text = "ab\r\né🙂x\n\nz";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() {
            assert_eq!(
                index.byte_row_col(offset),
                byte_row_col(text, offset),
                "offset {offset}"
            );
        }
        assert_eq!(index.byte_row_col(3), (0, 3)); // between \r and \n
        assert_eq!(index.byte_row_col(4 + 2 + 4), (1, 6)); // after é🙂 (6 bytes)
        assert_eq!(advance_row_col((1, 6), "ab"), (1, 8));
        assert_eq!(advance_row_col((1, 6), "a\nbc\r\nde"), (3, 2));
        assert_eq!(advance_row_col((1, 6), ""), (1, 6));
    }
}
