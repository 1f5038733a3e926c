//! Conversions between LSP positions and caseline's byte offsets.
//!
//! This is the only module that touches `ls_types::Position` or `Range`. All the
//! column arithmetic itself lives in `caseline_syntax::LineIndex`; this module only
//! chooses the negotiated [`Encoding`] (always passed explicitly) and moves numbers
//! between the two worlds. Every incoming position is clamped by `LineIndex`, so a
//! client that sends a position past the end of a line or of the file gets the
//! nearest real place, never a panic. Must not depend on rules or on the session.

use caseline_syntax::{Encoding, LineCol, LineIndex, TextRange, TextSize};
use tower_lsp_server::ls_types::{
    ClientCapabilities, Position, PositionEncodingKind, Range, SemanticToken,
};

/// Picks the column encoding for a client: UTF-8 when it offers it, else UTF-16
/// (the LSP default, and all VS Code speaks).
pub fn negotiate_encoding(caps: &ClientCapabilities) -> Encoding {
    let offered = caps
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    match offered {
        Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
        _ => Encoding::Utf16,
    }
}

/// The LSP name of an encoding, for `ServerCapabilities.position_encoding`.
pub fn encoding_kind(enc: Encoding) -> PositionEncodingKind {
    match enc {
        Encoding::Utf8 => PositionEncodingKind::UTF8,
        Encoding::Utf16 => PositionEncodingKind::UTF16,
        Encoding::Utf32 => PositionEncodingKind::UTF32,
    }
}

/// An LSP position -> a byte offset (clamped to the text).
pub fn offset(index: &LineIndex, pos: Position, enc: Encoding) -> TextSize {
    index.offset(
        LineCol {
            line: pos.line,
            col: pos.character,
        },
        enc,
    )
}

/// An LSP range -> a byte range (clamped; a reversed range is put in order).
pub fn text_range(index: &LineIndex, range: Range, enc: Encoding) -> TextRange {
    let a = offset(index, range.start, enc);
    let b = offset(index, range.end, enc);
    TextRange::new(a.min(b), a.max(b))
}

/// A byte offset -> an LSP position.
pub fn position(index: &LineIndex, offset: TextSize, enc: Encoding) -> Position {
    let lc = index.line_col(offset, enc);
    Position::new(lc.line, lc.col)
}

/// A byte range -> an LSP range.
pub fn range(index: &LineIndex, range: TextRange, enc: Encoding) -> Range {
    let (start, end) = index.range_to_line_cols(range, enc);
    Range::new(
        Position::new(start.line, start.col),
        Position::new(end.line, end.col),
    )
}

/// The zero-based line of an LSP position's byte offset (clamped).
pub fn line_of(index: &LineIndex, offset: TextSize) -> u32 {
    index.line_of(offset)
}

/// The byte range of a whole line's content, by zero-based LSP line number
/// (clamped to the last line).
pub fn line_content(index: &LineIndex, line: u32) -> TextRange {
    index.line_range(line)
}

/// One piece of a token after splitting it at line breaks: zero-based line,
/// start column and length, in the negotiated units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinePiece {
    pub line: u32,
    pub start: u32,
    pub len: u32,
}

/// Splits a byte range into one piece per line it touches (line endings are
/// left out), because VS Code cannot show multi-line semantic tokens. Empty
/// pieces are dropped.
pub fn split_per_line(index: &LineIndex, range: TextRange, enc: Encoding) -> Vec<LinePiece> {
    let first = index.line_of(range.start());
    let last = index.line_of(range.end());
    let mut pieces = Vec::new();
    for line in first..=last {
        let content = index.line_range(line);
        let Some(clip) = content.intersect(range) else {
            continue;
        };
        let start = index.line_col(clip.start(), enc);
        let end = index.line_col(clip.end(), enc);
        if end.col > start.col {
            pieces.push(LinePiece {
                line,
                start: start.col,
                len: end.col - start.col,
            });
        }
    }
    pieces
}

/// Semantic tokens for `(range, token type)` pairs: each range split per line,
/// measured in `enc`, overlaps dropped (when captures nest, the one that starts
/// first, and among those the longest, wins), then delta-encoded.
pub fn semantic_tokens(
    index: &LineIndex,
    tokens: &[(TextRange, u32)],
    enc: Encoding,
) -> Vec<SemanticToken> {
    let mut sorted = tokens.to_vec();
    sorted.sort_by_key(|(r, _)| (r.start(), std::cmp::Reverse(r.end())));
    let mut pieces: Vec<(LinePiece, u32)> = Vec::new();
    for (range, token_type) in sorted {
        for piece in split_per_line(index, range, enc) {
            let behind = pieces.last().is_some_and(|(prev, _)| {
                (piece.line, piece.start) < (prev.line, prev.start + prev.len)
            });
            if !behind {
                pieces.push((piece, token_type));
            }
        }
    }
    encode_semantic_tokens(&pieces)
}

/// Delta-encodes line pieces (which must be sorted by position and must not
/// overlap) into LSP semantic tokens. The delta state only advances for tokens
/// actually emitted.
pub fn encode_semantic_tokens(pieces: &[(LinePiece, u32)]) -> Vec<SemanticToken> {
    let mut out = Vec::with_capacity(pieces.len());
    let (mut prev_line, mut prev_start) = (0u32, 0u32);
    for (piece, token_type) in pieces {
        let delta_line = piece.line - prev_line;
        let delta_start = if delta_line == 0 {
            piece.start - prev_start
        } else {
            piece.start
        };
        out.push(SemanticToken {
            delta_line,
            delta_start,
            length: piece.len,
            token_type: *token_type,
            token_modifiers_bitset: 0,
        });
        prev_line = piece.line;
        prev_start = piece.start;
    }
    out
}

/// A byte length as a `TextSize`, saturating (documents are far below 4 GiB;
/// a client cannot make this panic).
pub fn text_size(n: usize) -> TextSize {
    TextSize::try_from(n).unwrap_or(TextSize::from(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    #[test]
    fn utf16_and_utf8_columns_around_non_ascii_text() {
        // "£" is 2 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 units.
        let text = "a £5 😀 b\r\nnext";
        let idx = LineIndex::new(text);
        let b = TextSize::from(text.find(" b").map(|i| i as u32 + 1).unwrap_or(0));
        assert_eq!(position(&idx, b, Encoding::Utf16), pos(0, 8));
        assert_eq!(position(&idx, b, Encoding::Utf8), pos(0, 11));
        assert_eq!(offset(&idx, pos(0, 8), Encoding::Utf16), b);
        assert_eq!(offset(&idx, pos(0, 11), Encoding::Utf8), b);
        // The second line starts after "\r\n".
        assert_eq!(
            offset(&idx, pos(1, 0), Encoding::Utf16),
            TextSize::from(text.find("next").unwrap_or(0) as u32)
        );
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let idx = LineIndex::new("ab\ncd");
        assert_eq!(offset(&idx, pos(0, 99), Encoding::Utf16), 2.into());
        assert_eq!(offset(&idx, pos(99, 0), Encoding::Utf16), 5.into());
        let r = text_range(&idx, Range::new(pos(1, 1), pos(0, 1)), Encoding::Utf16);
        assert_eq!(r, TextRange::new(1.into(), 4.into()));
    }

    #[test]
    fn tokens_are_split_per_line_without_line_endings() {
        let text = "ab\r\ncdé\r\nx";
        let idx = LineIndex::new(text);
        let all = TextRange::new(1.into(), TextSize::from(text.len() as u32));
        let pieces = split_per_line(&idx, all, Encoding::Utf16);
        assert_eq!(
            pieces,
            vec![
                LinePiece {
                    line: 0,
                    start: 1,
                    len: 1
                },
                LinePiece {
                    line: 1,
                    start: 0,
                    len: 3
                },
                LinePiece {
                    line: 2,
                    start: 0,
                    len: 1
                },
            ]
        );
        // In UTF-8 the é counts two.
        assert_eq!(split_per_line(&idx, all, Encoding::Utf8)[1].len, 4);
    }

    #[test]
    fn nested_and_multi_line_tokens_never_go_backwards() {
        let text = "ab cd\nefg";
        let idx = LineIndex::new(text);
        let r = |a: u32, b: u32| TextRange::new(a.into(), b.into());
        // A two-line token, a token nested inside it, and one after it.
        let toks = semantic_tokens(
            &idx,
            &[(r(1, 2), 5), (r(0, 8), 1), (r(8, 9), 2)],
            Encoding::Utf16,
        );
        let got: Vec<_> = toks
            .iter()
            .map(|t| (t.delta_line, t.delta_start, t.length, t.token_type))
            .collect();
        assert_eq!(got, vec![(0, 0, 5, 1), (1, 0, 2, 1), (0, 2, 1, 2)]);
    }

    #[test]
    fn semantic_token_deltas_are_relative_to_the_previous_token() {
        let p = |line, start, len| LinePiece { line, start, len };
        let toks = encode_semantic_tokens(&[(p(0, 2, 3), 1), (p(0, 7, 1), 2), (p(2, 4, 2), 0)]);
        let got: Vec<_> = toks
            .iter()
            .map(|t| (t.delta_line, t.delta_start, t.length, t.token_type))
            .collect();
        assert_eq!(got, vec![(0, 2, 3, 1), (0, 5, 1, 2), (2, 4, 2, 0)]);
    }
}
