//! One walk over a root child's nodes that finds its comments and the problem
//! nodes the parser accepted without an ERROR (lines it kept but could not
//! read, strings without a closing quote).
//!
//! This used to be a cursor walk for the comments plus a tree-sitter query
//! for the problems, run per block: setting up the query cursor for every
//! block was a quarter of lowering a large file. Node kinds are compared by id,
//! through a table built once from the grammar's names (kinds.rs), never by
//! turning each node's kind into a string.
//! Must not depend on calendars, rules or LSP.

use crate::ast::Comment;
use crate::errors::range_of;
use crate::kinds::{self, field};
use crate::lower::trim_end_range;
use std::num::NonZeroU16;
use std::sync::OnceLock;
use text_size::TextRange;
use tree_sitter::{Node, TreeCursor};

/// A node that stands for a problem the parser recovered from without an
/// ERROR node (those are found separately, by following `has_error`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Problem {
    /// The head of an `invalid_block`: a top-level line that opens no block.
    TopLevelLine,
    /// An `invalid_line` under a block of this kind.
    ChildLine(&'static str),
    UnterminatedString,
}

/// What the walk needs to know of a node kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Other,
    Comment,
    InvalidLine,
    UnterminatedString,
    /// A block whose children may be invalid lines: (its kind, the field
    /// that holds them).
    Block(&'static str, Slot),
}

/// The field under which a block keeps its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Child,
    Field,
    Head,
}

struct Tables {
    /// Kind id -> class. Aliases give one name several ids: all are listed.
    classes: Vec<Class>,
    child: Option<NonZeroU16>,
    field: Option<NonZeroU16>,
    head: Option<NonZeroU16>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let language: tree_sitter::Language = tree_sitter_caseline::LANGUAGE.into();
        let classes = (0..language.node_kind_count())
            .map(|id| {
                let name = u16::try_from(id)
                    .ok()
                    .and_then(|id| language.node_kind_for_id(id));
                match name {
                    Some(kinds::COMMENT) => Class::Comment,
                    Some(kinds::INVALID_LINE) => Class::InvalidLine,
                    Some(kinds::UNTERMINATED_STRING) => Class::UnterminatedString,
                    Some(kinds::INVALID_BLOCK) => Class::Block(kinds::INVALID_BLOCK, Slot::Head),
                    Some(kinds::ENTRY) => Class::Block(kinds::ENTRY, Slot::Child),
                    Some(kinds::PROCEDURE_BLOCK) => {
                        Class::Block(kinds::PROCEDURE_BLOCK, Slot::Child)
                    }
                    Some(kinds::CALENDAR_BLOCK) => Class::Block(kinds::CALENDAR_BLOCK, Slot::Child),
                    Some(kinds::CASE_HEADER) => Class::Block(kinds::CASE_HEADER, Slot::Field),
                    _ => Class::Other,
                }
            })
            .collect();
        Tables {
            classes,
            child: language.field_id_for_name(field::CHILD),
            field: language.field_id_for_name(field::FIELD),
            head: language.field_id_for_name(field::HEAD),
        }
    })
}

impl Tables {
    fn class(&self, node: Node<'_>) -> Class {
        self.classes
            .get(usize::from(node.kind_id()))
            .copied()
            .unwrap_or(Class::Other)
    }

    fn slot(&self, field: Option<NonZeroU16>) -> Option<Slot> {
        let field = field?;
        if Some(field) == self.child {
            Some(Slot::Child)
        } else if Some(field) == self.field {
            Some(Slot::Field)
        } else if Some(field) == self.head {
            Some(Slot::Head)
        } else {
            None
        }
    }
}

/// Every comment and problem node under `node` (itself included), each in
/// document order. A comment-only line's token includes its line ending; the
/// comment's range does not. Comments are leaves: the walk does not enter them.
pub(crate) fn scan<'t>(
    node: Node<'t>,
    text: &str,
    comments: &mut Vec<Comment>,
    problems: &mut Vec<(Node<'t>, Problem)>,
) {
    let t = tables();
    preorder(node, |cursor, ancestors: &[Class]| {
        let node = cursor.node();
        let class = t.class(node);
        match class {
            Class::Comment => comments.push(comment(node, text)),
            Class::InvalidLine => {
                if let Some(Class::Block(kind, slot)) = ancestors.last().copied()
                    && t.slot(cursor.field_id()) == Some(slot)
                {
                    let problem = match slot {
                        Slot::Head => Problem::TopLevelLine,
                        Slot::Child | Slot::Field => Problem::ChildLine(kind),
                    };
                    problems.push((node, problem));
                }
            }
            Class::UnterminatedString => problems.push((node, Problem::UnterminatedString)),
            Class::Other | Class::Block(..) => {}
        }
        (class != Class::Comment).then_some(class)
    });
}

/// Visits `root` and the nodes under it in document order (pre-order) with one
/// cursor. `visit` sees the cursor on a node and what it said of each ancestor
/// (the parent last); it returns `Some` to go into the node's children, with
/// what to remember of the node while there, or `None` to skip them.
pub(crate) fn preorder<'t, A: Copy>(
    root: Node<'t>,
    mut visit: impl FnMut(&TreeCursor<'t>, &[A]) -> Option<A>,
) {
    let mut cursor = root.walk();
    let mut ancestors: Vec<A> = Vec::new();
    loop {
        if let Some(a) = visit(&cursor, &ancestors)
            && cursor.goto_first_child()
        {
            ancestors.push(a);
            continue;
        }
        loop {
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                return;
            }
            ancestors.pop();
        }
    }
}

fn comment(node: Node<'_>, text: &str) -> Comment {
    let range: TextRange = trim_end_range(text, range_of(node));
    let raw = text
        .get(usize::from(range.start())..usize::from(range.end()))
        .unwrap_or_default();
    Comment {
        range,
        text: raw.strip_prefix('#').unwrap_or(raw).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_and_field_the_walk_needs_is_in_the_grammar() {
        let t = tables();
        for class in [
            Class::Comment,
            Class::InvalidLine,
            Class::UnterminatedString,
            Class::Block(kinds::INVALID_BLOCK, Slot::Head),
            Class::Block(kinds::ENTRY, Slot::Child),
            Class::Block(kinds::PROCEDURE_BLOCK, Slot::Child),
            Class::Block(kinds::CALENDAR_BLOCK, Slot::Child),
            Class::Block(kinds::CASE_HEADER, Slot::Field),
        ] {
            assert!(t.classes.contains(&class), "{class:?}");
        }
        assert!(t.child.is_some() && t.field.is_some() && t.head.is_some());
    }

    const ALL_PROBLEMS: [Problem; 6] = [
        Problem::TopLevelLine,
        Problem::ChildLine(kinds::ENTRY),
        Problem::ChildLine(kinds::PROCEDURE_BLOCK),
        Problem::ChildLine(kinds::CALENDAR_BLOCK),
        Problem::ChildLine(kinds::CASE_HEADER),
        Problem::UnterminatedString,
    ];

    /// The query this walk replaced, kept as the reference it must agree with.
    fn reference(root: Node<'_>, text: &str) -> Vec<(std::ops::Range<usize>, Problem)> {
        use tree_sitter::{Query, QueryCursor, StreamingIterator};
        let child = |block: &str, f: &str| format!("({block} {f}: ({}) @c)\n", kinds::INVALID_LINE);
        let source = [
            child(kinds::INVALID_BLOCK, field::HEAD),
            child(kinds::ENTRY, field::CHILD),
            child(kinds::PROCEDURE_BLOCK, field::CHILD),
            child(kinds::CALENDAR_BLOCK, field::CHILD),
            child(kinds::CASE_HEADER, field::FIELD),
            format!("({}) @c\n", kinds::UNTERMINATED_STRING),
        ]
        .concat();
        // One pattern per problem, in the order of ALL_PROBLEMS.
        let patterns = ALL_PROBLEMS;
        let language: tree_sitter::Language = tree_sitter_caseline::LANGUAGE.into();
        let query = Query::new(&language, &source).expect("the old problems query compiles");
        let mut cursor = QueryCursor::new();
        let mut matches = cursor.matches(&query, root, text.as_bytes());
        let mut out = Vec::new();
        while let Some(m) = matches.next() {
            for cap in m.captures() {
                out.push((cap.node.byte_range(), patterns[m.pattern_index]));
            }
        }
        out
    }

    /// Asserts agreement block by block; returns the problems found.
    fn agrees_with_query(text: &str) -> Vec<Problem> {
        let mut parser = tree_sitter::Parser::new();
        parser
            .set_language(&tree_sitter_caseline::LANGUAGE.into())
            .expect("the grammar loads");
        let tree = parser.parse(text, None).expect("no timeout is set");
        let root = tree.root_node();
        let mut cursor = root.walk();
        let mut all = Vec::new();
        for block in root.children(&mut cursor) {
            let (mut comments, mut found) = (Vec::new(), Vec::new());
            scan(block, text, &mut comments, &mut found);
            let found: Vec<_> = found.iter().map(|(n, p)| (n.byte_range(), *p)).collect();
            assert_eq!(found, reference(block, text), "{text:?}");
            all.extend(found.into_iter().map(|(_, p)| p));
        }
        all
    }

    #[test]
    fn finds_what_the_problems_query_found_in_every_bad_shape() {
        let mut seen = Vec::new();
        for text in [
            "2024-01-01 note\n  what is this\n",
            "2024-11-05 note\n  \"just a string\"\n",
            "case \"1\"\n  title \"t\n  nonsense here\n",
            "case \"1\"\n  \"no key\"\n  title \"x\"\n",
            "procedure p\n  event e \"E\"\n  ??? x\n",
            "calendar c\n  closed\n  garbage\n",
            "calendar c\n  \"just a string\"\n",
            "hello world\n2024-01-01 note \"unterminated\n",
            "2024-01-01 note\n  rec a \"x\n  > prose \"fine\n",
            "  indented first\n2024-01-01 note\n",
        ] {
            seen.extend(agrees_with_query(text));
        }
        // The shapes above reach every kind of problem, so agreement means something.
        for p in ALL_PROBLEMS {
            assert!(seen.contains(&p), "no example of {p:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, .. Default::default() })]
        #[test]
        fn finds_what_the_problems_query_found(pieces in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::strategy::Just("2024-11-05 note"),
                proptest::strategy::Just("case \"1\"\n  title \"t\"\n"),
                proptest::strategy::Just("procedure p\n  event e \"E\"\n"),
                proptest::strategy::Just("calendar c\n  closed 2024-12-27\n"),
                proptest::strategy::Just("  rec a within 10wd"),
                proptest::strategy::Just("  what\n"),
                proptest::strategy::Just("  \"s\"\n"),
                proptest::strategy::Just(" \"unterminated"),
                proptest::strategy::Just(" # comment"),
                proptest::strategy::Just("\n"),
                proptest::strategy::Just("\r\n"),
                proptest::strategy::Just("  "),
                proptest::strategy::Just("x y z"),
                proptest::strategy::Just("?"),
            ],
            0..20,
        )) {
            agrees_with_query(&pieces.concat());
        }
    }
}
