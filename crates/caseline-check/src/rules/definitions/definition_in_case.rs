use caseline_syntax::ast::{CaseHeader, Document};
use caseline_syntax::{TextEdit, TextRange, TextSize};

use crate::Rule;
use crate::analysis::{Cx, fix};

declare_rule! {
    /// ## What it checks
    /// A `procedure` or `calendar` block in a case file (a file with a `case` header or dated entries).
    /// caseline reads procedures and calendars only from definitions files, so such a block is not used.
    /// Most often it is the case header's own `procedure` (or `calendar`) line written at the left edge instead of indented under `case`: a line starting with `procedure` at the left edge begins a new procedure definition.
    /// Also a line of a definition written under an entry (`deadline`, `pause`, `event`, `require`, `use`, `calendar`, `extends`, `closed`): there the parser reads it as a free `key value` note, so it changes no check.
    ///
    /// ## Why it matters
    /// The line looks as if it names the case's procedure, but the case names none, so not one deadline is checked; a procedure defined in the case file is likewise never used.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    /// procedure children-statutory
    ///
    /// 2024-01-02 stage1.received
    /// ```
    ///
    /// ## How to fix
    /// For a header line: indent it by two spaces directly under `case` (the quick fix moves it into the header).
    /// For a real definition: move the block to a file of its own beside the case (a definitions file has no `case` header and no dated entries).
    ///
    /// ## References
    /// docs/format.md#the-case-header (a file without a case header may hold only procedures and calendars) and docs/format.md#procedures.
    pub(crate) static DEFINITION_IN_CASE = crate::rules::Status::Preview { since: "0.2.0" };
}

/// The blocks of a case file that are not read, with what each one is.
pub(crate) struct Unread<'a> {
    pub what: &'static str,
    pub name: &'a str,
    pub head: TextRange,
    /// Only the head line: no child lines at all.
    pub empty: bool,
}

/// The `procedure` and `calendar` blocks of a file that is not a definitions
/// file (none for a definitions file: there they are read).
pub(crate) fn unread(doc: &Document) -> Vec<Unread<'_>> {
    if doc.is_definitions_file() {
        return Vec::new();
    }
    let procedures = doc.procedures.iter().map(|p| Unread {
        what: "procedure",
        name: &p.name.value,
        head: p.head_range,
        empty: p.title.is_none()
            && p.source.is_none()
            && p.uses.is_empty()
            && p.events.is_empty()
            && p.deadlines.is_empty()
            && p.requires.is_empty()
            && p.calendar.is_none()
            && p.pauses.is_empty()
            && p.exceptions.is_empty()
            && p.other_fields.is_empty(),
    });
    let calendars = doc.calendars.iter().map(|c| Unread {
        what: "calendar",
        name: &c.name.value,
        head: c.head_range,
        empty: c.extends.is_empty() && c.closed.is_empty() && c.other_fields.is_empty(),
    });
    let mut all: Vec<Unread> = procedures.chain(calendars).collect();
    all.sort_by_key(|u| u.head.start());
    all
}

/// For `procedure-unknown` and `calendar-unknown`: when the name that is not
/// known is defined by a block in this same case file, adds to `message` why
/// that block does not count.
pub(crate) fn note_defined_here(doc: &Document, what: &str, name: &str, message: &mut String) {
    if !unread(doc)
        .iter()
        .any(|u| u.what == what && u.name == name && !u.empty)
    {
        return;
    }
    let lead = if message.ends_with('?') {
        " The"
    } else {
        "; the"
    };
    message.push_str(&format!(
        "{lead} `{what} {name}` block in this file is not used, because {what}s are read only \
         from definitions files: move it to a file of its own in this folder"
    ));
}

/// Whether the header already has the line an unread block would give it.
fn header_has(header: &CaseHeader, what: &str) -> bool {
    match what {
        "procedure" => header.procedures.is_some(),
        _ => header.calendar.is_some(),
    }
}

/// The words that begin a line of a procedure or calendar definition and mean
/// nothing under an entry, where the parser reads them as a free `key value`
/// line (so without this check they would be silently kept as notes).
const DEFINITION_WORDS: &[&str] = &[
    "event", "deadline", "require", "use", "pause", "calendar", "extends", "closed",
];

pub(crate) fn check(cx: &mut Cx) {
    let mut found = Vec::new();
    for e in &cx.doc.entries {
        for c in &e.children {
            let caseline_syntax::ast::EntryChild::Field(f) = c else {
                continue;
            };
            let word = f.key.value.as_str();
            if !DEFINITION_WORDS.contains(&word) {
                continue;
            }
            let what = if matches!(word, "extends" | "closed") {
                "calendar"
            } else {
                "procedure"
            };
            let mut message = format!(
                "`{word}` is a line of a {what} definition, which caseline reads only in a \
                 definitions file (a file with no `case` header and no dated entries): under an \
                 entry it is not read and changes no check"
            );
            message.push_str(match word {
                "pause" | "deadline" => {
                    "; to switch a time limit off for a reason its procedure allows, write \
                     `exception TARGET \"reason\"` here, and to record an extension, `extended`"
                }
                "calendar" => {
                    "; a case's calendar goes in its header: `  calendar NAME` under `case`"
                }
                _ => "; move it to a procedure in a file of its own",
            });
            found.push((f.range, message, None));
        }
    }
    for u in unread(cx.doc) {
        let (what, name) = (u.what, u.name);
        let header = cx.doc.header.as_ref();
        let mut edits = None;
        let message = match header {
            Some(h) if u.empty && !header_has(h, what) => {
                edits = Some(move_into_header(cx, h, u.head));
                format!(
                    "this `{what} {name}` line starts at the left edge, so caseline reads it as \
                     the start of a new {what} definition, not as this case's {what}, and the \
                     case names no {what}: indent it by two spaces under `case` (the quick fix \
                     moves it into the header)"
                )
            }
            Some(_) if u.empty => format!(
                "this `{what} {name}` line starts at the left edge, so caseline reads it as the \
                 start of a new {what} definition, which has nothing under it and is not used; \
                 the case's {what} is the one named in its header"
            ),
            _ => format!(
                "this {what} is defined in a case file, so caseline does not use it (it reads \
                 {what}s only from definitions files, which have no `case` header and no dated \
                 entries): move the `{what} {name}` block to a file of its own in this folder"
            ),
        };
        found.push((u.head, message, edits));
    }
    for (at, message, edits) in found {
        let d = cx.report(Rule::DefinitionInCase, at, message);
        if let Some(edits) = edits {
            d.fixes.push(fix(
                "Move this line into the case header".to_string(),
                edits,
            ));
        }
    }
}

/// The text of `range`, or nothing if it is not on character boundaries
/// (never for ranges from the parser; no panic on a keystroke if it were).
fn slice(text: &str, range: TextRange) -> &str {
    text.get(usize::from(range.start())..usize::from(range.end()))
        .unwrap_or_default()
}

/// Deletes the line at `head` and writes it, indented, as the header's last line.
fn move_into_header(cx: &Cx, header: &CaseHeader, head: TextRange) -> Vec<TextEdit> {
    let index = cx.parse.line_index();
    let text = cx.parse.text();
    let line_start = |l: u32| -> TextSize {
        if l < index.line_count() {
            index.line_range(l).start()
        } else {
            TextSize::of(text)
        }
    };
    // The header's last line that has something on it: the line of its last
    // character that is not white space (the header starts with `case`).
    let written_header = slice(text, header.range);
    let last = index.line_of(header.range.start() + TextSize::of(written_header.trim_end()));
    let line = index.line_of(head.start());
    let written = slice(text, head);
    let (at, lead) = if last + 1 < index.line_count() {
        (line_start(last + 1), "")
    } else {
        (TextSize::of(text), cx.newline)
    };
    let delete = TextRange::new(line_start(line), line_start(line + 1));
    vec![
        TextEdit {
            range: TextRange::empty(at),
            new_text: format!("{lead}  {}{}", written.trim(), cx.newline),
        },
        TextEdit {
            range: delete,
            new_text: String::new(),
        },
    ]
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::DefinitionInCase);
    }

    /// The quick fix puts the line in the header wherever it stood, and the
    /// case is then checked against that procedure.
    #[test]
    fn the_fix_moves_the_line_into_the_header() {
        use crate::Rule;
        for (text, want) in [
            // Right under the header: the same as indenting it.
            (
                "case \"1\"\n  as-of 2024-06-01\nprocedure children-statutory\n\n2024-01-02 stage1.received\n",
                "case \"1\"\n  as-of 2024-06-01\n  procedure children-statutory\n\n2024-01-02 stage1.received\n",
            ),
            // Below the entries, at the end of a file with no final line break:
            // indenting it there would make it an entry's note, so it moves.
            (
                "case \"1\"\n  as-of 2024-06-01\n\n2024-01-02 stage1.received\nprocedure children-statutory",
                "case \"1\"\n  as-of 2024-06-01\n  procedure children-statutory\n\n2024-01-02 stage1.received\n",
            ),
            // A header of one line, with CRLF line ends.
            (
                "case \"1\"\r\n\r\n2024-01-02 stage1.received\r\nprocedure lgsco\r\n",
                "case \"1\"\r\n  procedure lgsco\r\n\r\n2024-01-02 stage1.received\r\n",
            ),
        ] {
            let (all, _, _) = crate::testing::run(text);
            let d = all
                .iter()
                .find(|d| d.rule == Rule::DefinitionInCase)
                .expect("the line at the edge is found");
            assert_eq!(d.fixes.len(), 1);
            let fixed = d.fixes[0].apply(text);
            assert_eq!(fixed, want);
            let (after, analysis, _) = crate::testing::run(&fixed);
            assert!(
                !after
                    .iter()
                    .any(|d| matches!(d.rule, Rule::DefinitionInCase | Rule::ProcedureMissing)),
                "{after:#?}"
            );
            assert!(
                analysis.checked.procedures.len() == 1,
                "{:?}",
                analysis.checked
            );
        }
    }
}
