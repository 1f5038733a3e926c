//! Rename a recommendation or promise ID: the definition and every use in the
//! file change together. A new name must be a valid ID
//! (`[A-Za-z0-9][A-Za-z0-9_-]*`, docs/format.md#tokens) and must not be in use in the
//! file already: renaming `r1` onto an existing `r2` would merge the two
//! recommendations and silently drop `r2`'s findings. Each refusal is a
//! [`RenameError`] whose message the user is shown as it is.

use std::fmt;

use caseline_syntax::ast::{Document, EntryChild, RecKind};
use caseline_syntax::{LineIndex, Parse, TextEdit, TextRange, TextSize};

use crate::ids::{id_at, id_occurrences};
use crate::navigation::FileRef;

/// The edits a rename makes, file by file (IDs are per file, so today only
/// the file asked about).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenameResult {
    pub changes: Vec<(FileRef, Vec<TextEdit>)>,
}

/// Why a rename was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenameError {
    /// The new name is not an ID.
    InvalidName(String),
    /// The new name is taken; the message says where.
    InUse(String),
}

impl fmt::Display for RenameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenameError::InvalidName(name) => write!(
                f,
                "`{name}` is not a valid ID: use letters, digits, '-' and '_', starting with a letter or digit (like `r2` or `s3-b`)"
            ),
            RenameError::InUse(problem) => write!(f, "{problem}; choose another name"),
        }
    }
}

impl std::error::Error for RenameError {}

/// The range of the ID at `offset` that a rename would change, or `None` when
/// the cursor is on no ID.
pub fn prepare_rename(parse: &Parse, offset: TextSize) -> Option<TextRange> {
    id_at(parse.document(), offset).map(|id| id.range)
}

/// Renames the ID at `offset` to `new_name`. `Ok(None)` when the cursor is on
/// no ID. The new name is checked first, wherever the cursor is.
pub fn rename(
    parse: &Parse,
    offset: TextSize,
    new_name: &str,
) -> Result<Option<RenameResult>, RenameError> {
    if !is_valid_id(new_name) {
        return Err(RenameError::InvalidName(new_name.to_owned()));
    }
    let doc = parse.document();
    let Some(id) = id_at(doc, offset) else {
        return Ok(None);
    };
    if id.name != new_name
        && let Some(problem) = in_use(parse.line_index(), doc, new_name)
    {
        return Err(RenameError::InUse(problem));
    }
    let edits: Vec<TextEdit> = id_occurrences(doc)
        .into_iter()
        .filter(|o| o.name == id.name)
        .map(|o| TextEdit::new(o.range, new_name))
        .collect();
    Ok(Some(RenameResult {
        changes: vec![(FileRef::Current, edits)],
    }))
}

/// Why `name` cannot be given to another ID in this file: it already names a
/// recommendation or promise, or a `done`/`declined`/`partial`/`agree` line
/// already refers to it (the rename would attach that line to the renamed one).
fn in_use(index: &LineIndex, doc: &Document, name: &str) -> Option<String> {
    let line = |range: TextRange| index.display_position(range.start()).0;
    for entry in &doc.entries {
        for child in &entry.children {
            if let EntryChild::Rec(rec) = child
                && rec.id.value == name
            {
                let what = match rec.kind {
                    RecKind::Rec => "recommendation",
                    RecKind::Promise => "promise",
                };
                return Some(format!(
                    "`{name}` is already the ID of another {what} (line {})",
                    line(rec.id.range)
                ));
            }
        }
    }
    id_occurrences(doc)
        .into_iter()
        .find(|o| o.name == name)
        .map(|o| {
            format!(
                "`{name}` is already used on line {}, which would then refer to the renamed one",
                line(o.range)
            )
        })
}

fn is_valid_id(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::{RenameError, is_valid_id};
    use crate::fixture::{Fixture, mark};
    use crate::navigation::FileRef;

    /// The text after the rename, or the refusal's message.
    fn rename(fixture: &str, new_name: &str) -> String {
        let f = Fixture::new(fixture);
        match super::rename(&f.parse, f.offset, new_name) {
            Err(e) => format!("refused: {e}"),
            Ok(None) => "not on an ID".to_owned(),
            Ok(Some(result)) => {
                let [(FileRef::Current, edits)] = &result.changes[..] else {
                    panic!("IDs are per file: {:?}", result.changes)
                };
                let mut text = f.text().to_owned();
                let mut edits = edits.clone();
                edits.sort_by_key(|e| std::cmp::Reverse(e.range.start()));
                for e in edits {
                    text.replace_range(
                        usize::from(e.range.start())..usize::from(e.range.end()),
                        &e.new_text,
                    );
                }
                text
            }
        }
    }

    fn prepare(fixture: &str) -> String {
        let f = Fixture::new(fixture);
        match super::prepare_rename(&f.parse, f.offset) {
            Some(range) => mark(f.text(), &[range]),
            None => "not on an ID".to_owned(),
        }
    }

    const CASE: &str = r#"
case "1"
  procedure children-statutory

2024-11-01 stage2.report
  rec r1 "Apologise"
  promise m1 "Meet"
2024-11-20 done r1
"#;

    #[test]
    fn the_definition_and_every_use_change_together() {
        let renamed = r#"case "1"
  procedure children-statutory

2024-11-01 stage2.report
  rec apology-1 "Apologise"
  promise m1 "Meet"
2024-11-20 done apology-1
"#;
        assert_eq!(
            rename(&CASE.replace("rec r1", "rec r1$0"), "apology-1"),
            renamed
        );
        assert_eq!(
            rename(&CASE.replace("done r1", "done r$01"), "apology-1"),
            renamed
        );
        // Onto itself: harmless.
        assert_eq!(
            rename(&CASE.replace("done r1", "done r1$0"), "r1"),
            CASE.trim_start()
        );
    }

    #[test]
    fn prepare_names_the_id_under_the_cursor() {
        assert_eq!(
            prepare(&CASE.replace("done r1", "done r1$0")),
            CASE.trim_start().replace("done r1", "done «r1»")
        );
        assert_eq!(
            prepare(&CASE.replace("done r1", "do$0ne r1")),
            "not on an ID"
        );
    }

    #[test]
    fn a_name_already_in_use_is_refused_with_its_line() {
        assert_eq!(
            rename(&CASE.replace("rec r1", "rec r1$0"), "m1"),
            "refused: `m1` is already the ID of another promise (line 6); choose another name"
        );
        assert_eq!(
            rename(&CASE.replace("promise m1", "promise m$01"), "r1"),
            "refused: `r1` is already the ID of another recommendation (line 5); choose another name"
        );
        // Only referred to, by a `done` of an ID nothing defines: renaming
        // onto it would make that line refer to the renamed one.
        assert_eq!(
            rename(
                &format!("{CASE}2024-11-21 done r9\n").replace("rec r1", "rec r1$0"),
                "r9"
            ),
            "refused: `r9` is already used on line 8, which would then refer to the renamed one; choose another name"
        );
    }

    #[test]
    fn a_name_that_is_not_an_id_is_refused_wherever_the_cursor_is() {
        let refused = "refused: `r 2` is not a valid ID: use letters, digits, '-' and '_', starting with a letter or digit (like `r2` or `s3-b`)";
        assert_eq!(rename(&CASE.replace("rec r1", "rec r1$0"), "r 2"), refused);
        assert_eq!(
            rename(&CASE.replace("stage2.report", "stage2$0.report"), "r 2"),
            refused
        );
        assert_eq!(
            rename(&CASE.replace("stage2.report", "stage2$0.report"), "r2"),
            "not on an ID"
        );
        assert_eq!(
            RenameError::InvalidName(String::new()).to_string(),
            "`` is not a valid ID: use letters, digits, '-' and '_', starting with a letter or digit (like `r2` or `s3-b`)"
        );
    }

    #[test]
    fn ids_follow_the_format() {
        for ok in ["a", "R1", "s3-b", "x_y"] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in ["", "-a", "a b", "é", "a.b"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}
