//! Conversions between the page's positions and caseline's byte offsets: the
//! only module of this crate that touches (line, column) pairs, as
//! `crates/caseline-lsp/src/convert.rs` is for the server.
//!
//! On the wire a position is `[line, column]`, both zero-based, the column in
//! UTF-16 code units (what a JavaScript string, and so the editor, counts).
//! All the arithmetic is `caseline_syntax::LineIndex`'s; a position past the
//! end of a line or of the text is clamped to the nearest real place.

use caseline_syntax::{Encoding, LineCol, LineIndex, TextRange, TextSize};

/// `[line, column]`, zero-based, column in UTF-16 code units.
pub type Pos = [u32; 2];

/// A page position -> a byte offset (clamped to the text).
pub fn offset(index: &LineIndex, pos: Pos) -> TextSize {
    index.offset(
        LineCol {
            line: pos[0],
            col: pos[1],
        },
        Encoding::Utf16,
    )
}

/// A byte offset -> a page position.
pub fn position(index: &LineIndex, offset: TextSize) -> Pos {
    let lc = index.line_col(offset, Encoding::Utf16);
    [lc.line, lc.col]
}

/// A byte range -> (start, end) page positions.
pub fn range(index: &LineIndex, range: TextRange) -> (Pos, Pos) {
    (position(index, range.start()), position(index, range.end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units_and_clamp() {
        let index = LineIndex::new("a🙂b\nxy\n");
        // 🙂 is 4 bytes and 2 UTF-16 units.
        assert_eq!(position(&index, TextSize::from(5)), [0, 3]);
        assert_eq!(offset(&index, [0, 3]), TextSize::from(5));
        assert_eq!(offset(&index, [1, 99]), TextSize::from(9));
        assert_eq!(offset(&index, [9, 0]), index.len());
    }
}
