//! Highlights and folding ranges from the grammar's queries.

use caseline_syntax::{Highlight, folding_ranges, highlights, parse};

#[test]
fn highlights_of_an_entry() {
    let text =
        "2024-11-05 stage2.adjudication a \"£150\" # why\n  agree a within 10wd\n  > prose é\n";
    let p = parse(text);
    let got: Vec<(&str, Highlight)> = highlights(&p)
        .into_iter()
        .map(|(r, h)| (&text[r], h))
        .collect();
    assert_eq!(
        got,
        [
            ("2024-11-05", Highlight::Date),
            ("stage2.adjudication", Highlight::EventKind),
            ("a", Highlight::Id),
            ("\"£150\"", Highlight::String),
            ("# why", Highlight::Comment),
            ("agree", Highlight::Keyword),
            ("a", Highlight::Id),
            ("within", Highlight::Keyword),
            ("10wd", Highlight::Duration),
            ("> prose é", Highlight::Prose),
        ]
    );
}

#[test]
fn highlights_of_header_and_definitions() {
    let text = "case \"1\"\n  procedure children-statutory\n  title \"t\"\n# whole-line comment\r\nprocedure p\n  require a before b\n";
    let p = parse(text);
    let got: Vec<(&str, Highlight)> = highlights(&p)
        .into_iter()
        .map(|(r, h)| (&text[r], h))
        .collect();
    assert_eq!(
        got,
        [
            ("case", Highlight::Keyword),
            ("\"1\"", Highlight::String),
            ("procedure", Highlight::Key),
            ("children-statutory", Highlight::Name),
            ("title", Highlight::Key),
            ("\"t\"", Highlight::String),
            ("# whole-line comment", Highlight::Comment),
            ("procedure", Highlight::Keyword),
            ("p", Highlight::Name),
            ("require", Highlight::Keyword),
            ("a", Highlight::Name),
            ("before", Highlight::Keyword),
            ("b", Highlight::Name),
        ]
    );
}

#[test]
fn folding_ranges_cover_multi_line_blocks_only() {
    let text = "case \"1\"\n  title \"t\"\n\n2024-11-05 note\n2024-11-06 note\n  rec a\n  # trailing comment\n\n2024-11-07 note";
    let p = parse(text);
    let got: Vec<&str> = folding_ranges(&p).into_iter().map(|r| &text[r]).collect();
    assert_eq!(
        got,
        ["case \"1\"\n  title \"t\"", "2024-11-06 note\n  rec a"]
    );
}

/// A fold ends at the end of its block's last child, before a comment after it.
#[test]
fn folds_end_before_a_trailing_comment() {
    let text = "2024-11-06 note\n  rec a  # why\n2024-11-07 note\n";
    let p = parse(text);
    let got: Vec<&str> = folding_ranges(&p).into_iter().map(|r| &text[r]).collect();
    assert_eq!(got, ["2024-11-06 note\n  rec a"]);
}
