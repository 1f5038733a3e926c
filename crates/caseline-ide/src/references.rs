//! Find references: every place a recommendation ID is defined, agreed, done,
//! declined or partly done. IDs are per file, so every reference is in the
//! file asked about.

use caseline_syntax::{Parse, TextRange, TextSize};

use crate::ids::{id_at, id_occurrences};

/// One place an ID occurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReferenceRange {
    pub range: TextRange,
    /// On the `rec`/`promise` line that defines the ID.
    pub is_definition: bool,
}

/// The occurrences of the ID at `offset`, in file order, the definitions
/// only when `include_declaration`; `None` when the cursor is on no ID.
pub fn references(
    parse: &Parse,
    offset: TextSize,
    include_declaration: bool,
) -> Option<Vec<ReferenceRange>> {
    let doc = parse.document();
    let id = id_at(doc, offset)?;
    let found = id_occurrences(doc)
        .into_iter()
        .filter(|o| o.name == id.name && (include_declaration || !o.is_definition))
        .map(|o| ReferenceRange {
            range: o.range,
            is_definition: o.is_definition,
        })
        .collect();
    Some(found)
}

#[cfg(test)]
mod tests {
    use crate::fixture::{Fixture, mark};

    /// The fixture's text with each reference in `«»`.
    fn refs(fixture: &str, include_declaration: bool) -> String {
        let f = Fixture::new(fixture);
        match super::references(&f.parse, f.offset, include_declaration) {
            None => "not on an ID".to_owned(),
            Some(found) => {
                let ranges: Vec<_> = found.iter().map(|r| r.range).collect();
                mark(f.text(), &ranges)
            }
        }
    }

    const CASE: &str = r#"
case "1"
  procedure children-statutory

2024-11-01 stage2.report
  rec r1 "Apologise"
  rec r2 "Review"
2024-11-05 stage2.adjudication
  agree r1 r2 within 10wd
2024-11-20 partial r1
2024-12-02 done r1 r2
"#;

    #[test]
    fn every_line_that_names_the_id() {
        let expect = r#"case "1"
  procedure children-statutory

2024-11-01 stage2.report
  rec «r1» "Apologise"
  rec r2 "Review"
2024-11-05 stage2.adjudication
  agree «r1» r2 within 10wd
2024-11-20 partial «r1»
2024-12-02 done «r1» r2
"#;
        // From the definition, from a use, and at the end of a line.
        assert_eq!(refs(&CASE.replace("rec r1", "rec r$01"), true), expect);
        assert_eq!(refs(&CASE.replace("agree r1", "agree r1$0"), true), expect);
        assert_eq!(
            refs(&CASE.replace("partial r1", "partial r1$0"), true),
            expect
        );
    }

    #[test]
    fn only_the_rec_line_is_the_definition() {
        let f = Fixture::new(&CASE.replace("rec r1", "rec r$01"));
        let found = super::references(&f.parse, f.offset, true).unwrap_or_default();
        let lines: Vec<(u32, bool)> = found
            .iter()
            .map(|r| {
                (
                    f.parse.line_index().line_of(r.range.start()),
                    r.is_definition,
                )
            })
            .collect();
        assert_eq!(lines, [(4, true), (7, false), (8, false), (9, false)]);
    }

    #[test]
    fn without_the_declaration() {
        assert_eq!(
            refs(&CASE.replace("done r1 r2", "done r1 r$02"), false),
            r#"case "1"
  procedure children-statutory

2024-11-01 stage2.report
  rec r1 "Apologise"
  rec r2 "Review"
2024-11-05 stage2.adjudication
  agree r1 «r2» within 10wd
2024-11-20 partial r1
2024-12-02 done r1 «r2»
"#
        );
    }

    #[test]
    fn an_id_nothing_defines_still_has_its_uses() {
        assert_eq!(
            refs(
                "case \"1\"\n\n2024-11-20 done r9$0\n2024-11-21 declined r9 \"no\"\n",
                true
            ),
            "case \"1\"\n\n2024-11-20 done «r9»\n2024-11-21 declined «r9» \"no\"\n"
        );
    }

    #[test]
    fn elsewhere_there_is_nothing_to_find() {
        assert_eq!(
            refs(&CASE.replace("stage2.report", "stage2.rep$0ort"), true),
            "not on an ID"
        );
        assert_eq!(
            refs(&CASE.replace("\"Apologise\"", "\"Apol$0ogise\""), true),
            "not on an ID"
        );
    }
}
