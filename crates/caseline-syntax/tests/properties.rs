//! Properties over arbitrary text: `parse` never panics and its output is
//! well-formed; `reparse` after any edit sequence equals a fresh `parse`.

use caseline_syntax::{
    TextEdit, TextRange, TextSize, folding_ranges, highlights, may_define, parse,
};
use proptest::prelude::*;

/// Text that looks like caseline lines often enough to exercise the grammar,
/// mixed with arbitrary characters (NUL, lone CR, non-ASCII).
fn case_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("2024-11-05 ".to_string()),
        Just("2024-11..2024-12 ".to_string()),
        Just("? ".to_string()),
        Just("note".to_string()),
        Just("stage1.received".to_string()),
        Just(" \"text é £ 🙂\"".to_string()),
        Just(" \"unterminated".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("  ".to_string()),
        Just("\t".to_string()),
        Just("  rec a within 10wd".to_string()),
        Just("  agree a b by 2023-02-29".to_string()),
        Just("  > prose # not a comment".to_string()),
        Just(" # comment".to_string()),
        Just("case \"1\"\n  title \"t\"\n".to_string()),
        Just("procedure p\n  deadline a within 5wd of b\n".to_string()),
        Just("calendar c\n  closed 2024-12-27\n".to_string()),
        Just("\0".to_string()),
        "[a-z0-9 .?\"#>\\-]{0,12}",
        any::<String>(),
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

/// Definitions and near misses: keywords after indents, byte-order marks,
/// lone CRs, comments and other blocks.
fn definitions_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("procedure p\n".to_string()),
        Just("procedure".to_string()),
        Just("calendar c".to_string()),
        Just("  event e \"E\"\n".to_string()),
        Just("  closed 2024-12-27\n".to_string()),
        Just("\u{FEFF}".to_string()),
        Just("\r".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("  ".to_string()),
        Just("\t".to_string()),
        Just("# c\n".to_string()),
        Just("case \"1\"\n".to_string()),
        Just("2024-01-01 note\n".to_string()),
        "[a-z ]{0,6}",
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

fn check_well_formed(text: &str) {
    let p = parse(text);
    assert_eq!(p.text(), text);
    let len = TextSize::of(text);
    let mut last = None;
    for e in p.errors() {
        assert!(e.range.end() <= len);
        assert!(text.is_char_boundary(e.range.start().into()));
        assert!(text.is_char_boundary(e.range.end().into()));
        assert!(!e.message.is_empty());
        let key = (e.range.start(), e.range.end());
        assert!(last.is_none_or(|l| l <= key), "errors are sorted");
        last = Some(key);
    }
    for entry in &p.document().entries {
        assert!(entry.range.end() <= len);
        assert!(text.is_char_boundary(entry.range.end().into()));
    }
    for (r, _) in highlights(&p) {
        assert!(r.end() <= len);
    }
    for r in folding_ranges(&p) {
        assert!(r.end() <= len);
    }
}

/// Byte ranges on char boundaries of `text`, picked from two raw numbers.
fn edit_in(text: &str, a: usize, b: usize, new_text: String) -> TextEdit {
    let mut boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    boundaries.push(text.len());
    let x = boundaries[a % boundaries.len()];
    let y = boundaries[b % boundaries.len()];
    let (start, end) = (x.min(y), x.max(y));
    TextEdit::new(
        TextRange::new(
            TextSize::try_from(start).unwrap(),
            TextSize::try_from(end).unwrap(),
        ),
        new_text,
    )
}

fn apply(text: &str, e: &TextEdit) -> String {
    let mut t = text.to_string();
    t.replace_range(
        usize::from(e.range.start())..usize::from(e.range.end()),
        &e.new_text,
    );
    t
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn parse_never_panics_on_any_string(text in any::<String>()) {
        check_well_formed(&text);
    }

    #[test]
    fn parse_never_panics_on_case_like_text(text in case_like()) {
        check_well_formed(&text);
    }

    /// `may_define` may say yes too often, never too rarely: a caller that
    /// skips a file it says no to must not miss a definition.
    #[test]
    fn may_define_never_misses_a_definition(text in definitions_like()) {
        let doc = parse(&text);
        let defines = !doc.document().procedures.is_empty() || !doc.document().calendars.is_empty();
        prop_assert!(!defines || may_define(&text), "{:?}", text);
    }

    #[test]
    fn reparse_equals_fresh_parse(
        text in case_like(),
        edits in proptest::collection::vec((any::<usize>(), any::<usize>(), case_like()), 1..6),
    ) {
        let mut current = text.clone();
        let mut applied = Vec::new();
        for (a, b, new_text) in edits {
            let e = edit_in(&current, a, b, new_text);
            current = apply(&current, &e);
            applied.push(e);
        }
        let old = parse(&text);
        let incremental = old.reparse(&applied, &current);
        let fresh = parse(&current);
        prop_assert_eq!(incremental.text(), fresh.text());
        prop_assert_eq!(incremental.document(), fresh.document());
        prop_assert_eq!(incremental.errors(), fresh.errors());
        prop_assert_eq!(highlights(&incremental), highlights(&fresh));
        // Taking the old parse by value gives the same parse.
        let (owned, _) = old.reparse_owned(&applied, &current);
        prop_assert_eq!(owned.text(), fresh.text());
        prop_assert_eq!(owned.document(), fresh.document());
        prop_assert_eq!(owned.errors(), fresh.errors());
        prop_assert_eq!(highlights(&owned), highlights(&fresh));
    }

    #[test]
    fn reparse_one_edit_at_a_time(
        text in case_like(),
        edits in proptest::collection::vec((any::<usize>(), any::<usize>(), "[a-z0-9 \n\"#>.-]{0,8}"), 1..8),
    ) {
        let mut p = parse(&text);
        for (a, b, new_text) in edits {
            let e = edit_in(p.text(), a, b, new_text);
            let next = apply(p.text(), &e);
            let shared = p.reparse(std::slice::from_ref(&e), &next);
            p = p.reparse_owned(std::slice::from_ref(&e), &next).0;
            let fresh = parse(&next);
            prop_assert_eq!(p.document(), fresh.document());
            prop_assert_eq!(p.errors(), fresh.errors());
            prop_assert_eq!(shared.document(), fresh.document());
            prop_assert_eq!(shared.errors(), fresh.errors());
        }
    }
}

#[test]
fn huge_line_and_many_lines() {
    let long = "x".repeat(200_000);
    check_well_formed(&long);
    let spaced = "a ".repeat(100_000);
    check_well_formed(&spaced);
    let many = "2024-11-05 note \"x\"\n  rec a\n".repeat(5_000);
    let p = parse(&many);
    assert_eq!(p.errors(), &[]);
    assert_eq!(p.document().entries.len(), 5_000);
}

#[test]
fn reparse_with_edits_that_do_not_match_falls_back_to_a_fresh_parse() {
    let p = parse("2024-11-05 note\n");
    let bogus = TextEdit::new(TextRange::new(100.into(), 200.into()), "x");
    let q = p.reparse(&[bogus], "2024-11-06 done a\n");
    assert_eq!(q.document(), parse("2024-11-06 done a\n").document());
    let q = p.reparse(&[], "2024-11-07 note\n");
    assert_eq!(q.document(), parse("2024-11-07 note\n").document());
}

/// The scanner looks back to the start of the line (is a `#` the first thing on
/// its line? is this line blank?). Edits that change only what comes before a
/// token on its line must still give the fresh parse.
#[test]
fn reparse_after_edits_before_a_comment_or_blank_on_the_same_line() {
    let cases = [
        ("2024-11-05 note\n  # c\n  rec a\n", 18, 18, "rec b "),
        ("2024-11-05 note\n  # c\n  rec a\n", 16, 18, "x"),
        (
            "2024-11-05 note\n# c\n  rec a\n",
            16,
            16,
            "2024-11-06 note ",
        ),
        ("2024-11-05 note # c\n  rec a\n", 11, 16, ""),
        ("2024-11-05 note\n   \n  rec a\n", 17, 17, "rec z"),
        ("2024-11-05 note\n  rec a # c\n", 18, 23, ""),
        ("2024-11-05 note\n\n  rec a\n", 16, 16, "  "),
    ];
    for (text, a, b, ins) in cases {
        let p = parse(text);
        let mut new = text.to_string();
        new.replace_range(a..b, ins);
        let e = TextEdit::new(
            TextRange::new(
                TextSize::try_from(a).unwrap(),
                TextSize::try_from(b).unwrap(),
            ),
            ins,
        );
        let q = p.reparse(&[e], &new);
        let fresh = parse(&new);
        assert_eq!(q.document(), fresh.document(), "{new:?}");
        assert_eq!(q.errors(), fresh.errors(), "{new:?}");
        assert_eq!(highlights(&q), highlights(&fresh), "{new:?}");
    }
}

/// A valid timeline of many blocks, so that most blocks survive an edit and
/// `reparse` reuses them (moved or not).
fn many_blocks() -> impl Strategy<Value = String> {
    let block = prop_oneof![
        Just("2024-11-05 note \"a £\"\n  rec a within 10wd \"x\"\n".to_string()),
        Just("2024-11 stage1.received\n  > prose é # p\n  agree a b by 2024-12-01\n".to_string()),
        Just("? done a b \"🙂\" # c\n".to_string()),
        Just("2023-02-29 note\n  extended \"why\"\n  key value 2024-01-01\n".to_string()),
        Just("# a comment\n\n".to_string()),
        Just("procedure p\n  event e \"E\" recommends\n  deadline a within 5wd of b\n".to_string()),
        Just("calendar c\n  extends england-and-wales\n  closed 2024-12-27 \"x\"\n".to_string()),
        Just("case \"1\"\n  title \"t\"\n".to_string()),
        Just("garbage line\n".to_string()),
    ];
    (proptest::collection::vec(block, 1..20), any::<bool>()).prop_map(|(b, crlf)| {
        if crlf {
            b.concat().replace('\n', "\r\n")
        } else {
            b.concat()
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn reparse_of_small_edits_in_large_files_equals_fresh_parse(
        text in many_blocks(),
        edits in proptest::collection::vec(
            (any::<usize>(), 0..6usize, prop_oneof![
                Just(""), Just("x"), Just("\n"), Just("  "), Just("#"), Just("\""),
                Just("  rec z\n"), Just("2024-01-01 note\n"), Just("é"), Just("\r\n"),
            ]),
            1..5,
        ),
    ) {
        let mut p = parse(&text);
        for (at, del, ins) in edits {
            let e = edit_in(p.text(), at, at.wrapping_add(del), ins.to_string());
            // Keep deletions small: from `at` to at most `del` characters on.
            let e = if usize::from(e.range.len()) > 8 {
                TextEdit::new(TextRange::empty(e.range.start()), ins)
            } else {
                e
            };
            let next = apply(p.text(), &e);
            let shared = p.reparse(std::slice::from_ref(&e), &next);
            p = p.reparse_owned(std::slice::from_ref(&e), &next).0;
            let fresh = parse(&next);
            prop_assert_eq!(p.document(), fresh.document(), "{:?}", next);
            prop_assert_eq!(p.errors(), fresh.errors(), "{:?}", next);
            prop_assert_eq!(shared.document(), fresh.document(), "{:?}", next);
            prop_assert_eq!(shared.errors(), fresh.errors(), "{:?}", next);
        }
    }
}

/// Found by the robustness engineer's `reparse` fuzz target: a newline typed at
/// the start of a text whose error recovery involves control characters and a
/// lone CR. Incremental error recovery kept a whole procedure block that a
/// fresh parse ends early.
#[test]
fn reparse_after_inserting_a_newline_before_an_error_region() {
    let before = "procedurep\n \u{15}\u{15}\u{15}head\u{15}\u{15}\u{15}\u{1}\rprocedure p\n \"\n a";
    let after = format!("\n{before}");
    let edit = TextEdit::new(TextRange::empty(TextSize::from(0)), "\n");
    let incremental = parse(before).reparse(&[edit], &after);
    let fresh = parse(&after);
    assert_eq!(incremental.errors(), fresh.errors());
    assert_eq!(incremental.document(), fresh.document());
}
