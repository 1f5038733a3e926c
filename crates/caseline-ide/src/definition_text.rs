//! A procedure's definition as its author wrote it, comments included: what
//! `caseline procedures show` prints. The comments are where a procedure's
//! author explains its sources and what was left out on purpose (the built-ins'
//! "Not encoded as deadlines, on purpose"), so they are part of the definition.
//!
//! A file that defines only this procedure (every built-in) is given whole,
//! byte for byte. From a definitions file that defines several procedures or
//! calendars, the part that belongs to this one: its block, the comment lines
//! inside and directly after it (indented), and the comments and blank lines
//! between it and the definition above it (the first definition takes the top
//! of the file), without leading blank lines. Comment lines at the left edge
//! after a block document the next one, as comments above a definition do.

use caseline_syntax::{Parse, TextRange, TextSize};
use caseline_workspace::{Origin, Workspace};

/// The text of a procedure's definition and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefinitionText {
    /// The definitions file (absolute path) or the built-in's name.
    pub origin: Origin,
    /// Exactly as written (line endings included).
    pub text: String,
    /// `None` when `text` is the whole file; otherwise where the part given
    /// is and what else the file defines.
    pub part: Option<Part>,
}

/// Where a part of a file is, and what else the file defines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// 1-based, as an editor numbers lines.
    pub first_line: u32,
    pub last_line: u32,
    /// The file's other definitions in file order, each as its block's head
    /// says it: `procedure NAME`, `calendar NAME`.
    pub others: Vec<String>,
}

/// The definition of the procedure `name` visible in `workspace`, as written.
pub fn procedure_text(workspace: &Workspace, name: &str) -> Option<DefinitionText> {
    let origin = workspace.procedure_origin(name)?;
    let parse = crate::navigation::source_parse(workspace, &origin)?;
    let doc = parse.document();
    let this = doc.procedures.iter().find(|p| p.name.value == name)?;
    let mut blocks: Vec<(TextRange, String)> = doc
        .procedures
        .iter()
        .map(|p| (p.range, format!("procedure {}", p.name.value)))
        .chain(
            doc.calendars
                .iter()
                .map(|c| (c.range, format!("calendar {}", c.name.value))),
        )
        .collect();
    blocks.sort_by_key(|(range, _)| range.start());
    if blocks.len() == 1 {
        return Some(DefinitionText {
            origin,
            text: parse.text().to_owned(),
            part: None,
        });
    }
    let at = blocks.iter().position(|(range, _)| *range == this.range)?;
    let (first, last) = section(&parse, &blocks, at);
    let index = parse.line_index();
    let start = index.line_range(first).start();
    let end = line_end_with_newline(&parse, last);
    let others = blocks
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != at)
        .map(|(_, (_, head))| head.clone())
        .collect();
    Some(DefinitionText {
        origin,
        text: parse.text()[TextRange::new(start, end)].to_owned(),
        part: Some(Part {
            first_line: first + 1,
            last_line: last + 1,
            others,
        }),
    })
}

/// The zero-based first and last lines of block `at`'s part of the file.
fn section(parse: &Parse, blocks: &[(TextRange, String)], at: usize) -> (u32, u32) {
    let start = match at {
        0 => 0,
        _ => last_line_of(parse, blocks, at - 1) + 1,
    };
    // Everything from there to the block's head, without leading blank lines.
    let head = parse.line_index().line_of(blocks[at].0.start());
    (
        first_nonblank(parse, start, head),
        last_line_of(parse, blocks, at),
    )
}

/// The first non-blank line from `from`, at most `limit`.
fn first_nonblank(parse: &Parse, from: u32, limit: u32) -> u32 {
    (from..limit)
        .find(|&l| !is_blank(parse, l))
        .unwrap_or(limit)
}

/// The last line of block `i`, with the indented comment lines after it that
/// come before the next line at the left edge.
fn last_line_of(parse: &Parse, blocks: &[(TextRange, String)], i: usize) -> u32 {
    let index = parse.line_index();
    let range = blocks[i].0;
    let end = if range.is_empty() {
        range.end()
    } else {
        range.end() - TextSize::from(1)
    };
    let mut last = index.line_of(end.max(range.start()));
    let next_block = blocks
        .get(i + 1)
        .map_or(index.line_count(), |(r, _)| index.line_of(r.start()));
    let mut line = last + 1;
    while line < next_block {
        let text = line_text(parse, line);
        if is_blank(parse, line) {
            line += 1;
            continue;
        }
        let indented = text.starts_with([' ', '\t']);
        if indented && text.trim_start().starts_with('#') {
            last = line;
            line += 1;
        } else {
            break;
        }
    }
    last
}

fn line_text(parse: &Parse, line: u32) -> &str {
    &parse.text()[parse.line_index().line_range(line)]
}

fn is_blank(parse: &Parse, line: u32) -> bool {
    line_text(parse, line).trim().is_empty()
}

/// Where line `line` ends, after its line ending (the end of the text for
/// the last line).
fn line_end_with_newline(parse: &Parse, line: u32) -> TextSize {
    let index = parse.line_index();
    if line + 1 < index.line_count() {
        index.line_range(line + 1).start()
    } else {
        index.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::Fixture;
    use std::path::PathBuf;

    fn show(fixture: &str, name: &str) -> DefinitionText {
        let f = Fixture::new(fixture);
        procedure_text(&f.workspace, name).expect("the procedure is defined")
    }

    #[test]
    fn a_builtin_is_its_whole_file() {
        let text = show("case \"1\"$0\n", "children-statutory");
        assert_eq!(
            text.origin,
            Origin::Builtin("children-statutory".to_owned())
        );
        assert_eq!(text.part, None);
        let defs = caseline_check::Definitions::builtin();
        let (_, file) = defs
            .procedure_source("children-statutory")
            .expect("built in");
        assert_eq!(text.text, file);
        assert!(text.text.starts_with("# Children Act 1989"));
    }

    #[test]
    fn a_file_with_one_definition_is_given_whole() {
        let defs =
            "# Our own procedure.\n\nprocedure mine\n  event mine.a \"a\"\n\n# trailing note\n";
        let text = show(
            &format!("//- /w/defs.case\n{defs}//- /w/case.case\ncase \"1\"$0\n"),
            "mine",
        );
        assert_eq!(text.origin, Origin::File(PathBuf::from("/w/defs.case")));
        assert_eq!(text.text, defs);
        assert_eq!(text.part, None);
    }

    #[test]
    fn from_a_file_with_several_the_block_with_the_comments_above_and_inside_it() {
        let defs = "\
# File header, about the first.
procedure first
  event first.a \"a\"
  # inside first
  # still inside first

# About the calendar.
calendar ours
  extends england-and-wales

# About second,

# in two paragraphs.
procedure second
  event second.a \"a\"
  # inside second

  event second.b \"b\"
  # after second's last line
# About third.
procedure third
  event third.a \"a\"
";
        let fixture = format!("//- /w/defs.case\n{defs}//- /w/case.case\ncase \"1\"$0\n");
        let first = show(&fixture, "first");
        assert_eq!(
            first.text,
            "# File header, about the first.\nprocedure first\n  event first.a \"a\"\n  # inside first\n  # still inside first\n"
        );
        assert_eq!(
            first.part,
            Some(Part {
                first_line: 1,
                last_line: 5,
                others: vec![
                    "calendar ours".into(),
                    "procedure second".into(),
                    "procedure third".into()
                ],
            })
        );
        let second = show(&fixture, "second");
        assert_eq!(
            second.text,
            "# About second,\n\n# in two paragraphs.\nprocedure second\n  event second.a \"a\"\n  # inside second\n\n  event second.b \"b\"\n  # after second's last line\n"
        );
        assert_eq!(
            second.part.as_ref().map(|p| (p.first_line, p.last_line)),
            Some((11, 19))
        );
        let third = show(&fixture, "third");
        assert_eq!(
            third.text,
            "# About third.\nprocedure third\n  event third.a \"a\"\n"
        );
    }
}
