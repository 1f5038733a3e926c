//! Lowering: the tree-sitter tree -> the typed [`ast::Document`].
//!
//! Reads only the named fields the grammar puts on its nodes (see `kinds.rs`).
//! A line that could not be read is left out of the model (its problem is
//! already in the errors); a date that is not a real day is kept as "undated"
//! with a `date-invalid` error at the date. Must not depend on calendars,
//! rules or LSP.

use crate::ast::{
    AgreeLine, CalendarDef, CaseHeader, ClosedLine, DateSpec, DeadlineDecl, Due, Entry, EntryChild,
    EventDecl, ExceptionDecl, ExceptionLine, ExtendedLine, FieldLine, PauseDecl, ProcedureDef,
    RecKind, RecLine, RequireDecl, Spanned,
};
use crate::dates::{parse_date, parse_duration};
use crate::errors::{SyntaxError, SyntaxErrorKind, range_of, size};
use crate::kinds::{self, field};
use crate::line_index::LineIndex;
use std::collections::HashSet;
use text_size::TextRange;
use tree_sitter::Node;

/// One lowered top-level block.
pub(crate) enum Item {
    Header(CaseHeader),
    Entry(Entry),
    Procedure(ProcedureDef),
    Calendar(CalendarDef),
}

/// The lines that hold a tree error (an unterminated string does not count:
/// the rest of its line is still read). Child lines on them are left out, and
/// an entry whose first line is one keeps only its date.
pub(crate) fn error_lines(tree_errors: &[SyntaxError], index: &LineIndex) -> HashSet<u32> {
    tree_errors
        .iter()
        .filter(|e| e.message != crate::errors::UNTERMINATED_STRING_MESSAGE)
        .map(|e| index.line_of(e.range.start()))
        .collect()
}

/// Lowers one child of the root. `None` for anything that is not a block, an
/// indented block (an error) and a block without a name. Problems found while
/// lowering (impossible dates, a header key given twice) go to `errors`.
pub(crate) fn lower_block(
    block: Node<'_>,
    text: &str,
    index: &LineIndex,
    error_lines: &HashSet<u32>,
    errors: &mut Vec<SyntaxError>,
) -> Option<Item> {
    if crate::errors::is_indented_block(block, index) {
        return None;
    }
    let mut cx = Cx {
        text,
        index,
        error_lines,
        errors: Vec::new(),
    };
    let kind = block.kind();
    let item = if kind == kinds::CASE_HEADER {
        Some(Item::Header(cx.header(block)))
    } else if kind == kinds::ENTRY {
        Some(Item::Entry(cx.entry(block)))
    } else if kind == kinds::PROCEDURE_BLOCK {
        cx.procedure(block).map(Item::Procedure)
    } else if kind == kinds::CALENDAR_BLOCK {
        cx.calendar(block).map(Item::Calendar)
    } else {
        None
    };
    errors.append(&mut cx.errors);
    item
}

struct Cx<'a> {
    text: &'a str,
    index: &'a LineIndex,
    /// Lines with a syntax error.
    error_lines: &'a HashSet<u32>,
    errors: Vec<SyntaxError>,
}

impl<'a> Cx<'a> {
    fn line_has_error(&self, node: Node<'_>) -> bool {
        self.error_lines
            .contains(&self.index.line_of(range_of(node).start()))
    }

    fn text_of(&self, node: Node<'_>) -> &'a str {
        self.text.get(node.byte_range()).unwrap_or_default()
    }

    /// A block's range: from its first character to the end of its last line's
    /// content (without the line ending, trailing blanks or trailing comments
    /// that tree-sitter attached to it).
    fn block_range(&self, node: Node<'_>) -> TextRange {
        self.block_range_of(node, &Children::of(node))
    }

    fn block_range_of(&self, node: Node<'_>, children: &Children<'_>) -> TextRange {
        let start = range_of(node).start();
        let mut end = start;
        for (_, child) in &children.all {
            if child.kind() != kinds::COMMENT && !child.byte_range().is_empty() {
                end = end.max(range_of(*child).end());
            }
        }
        let line = self.index.line_range(self.index.line_of(end));
        TextRange::new(start, line.end().max(start))
    }

    /// The first line of a block, without its line ending.
    fn head_range(&self, node: Node<'_>) -> TextRange {
        let start = range_of(node).start();
        let line = self.index.line_range(self.index.line_of(start));
        trim_end_range(self.text, TextRange::new(start, line.end().max(start)))
    }

    /// A child line's range: the node itself (its trailing comment is not part of it).
    fn line_range(&self, node: Node<'_>) -> TextRange {
        range_of(node)
    }

    fn present<'t>(&self, node: Option<Node<'t>>) -> Option<Node<'t>> {
        node.filter(|n| !n.is_missing() && !n.byte_range().is_empty() && !n.has_error())
    }

    fn name(&self, node: Option<Node<'_>>) -> Option<Spanned<String>> {
        let n = self.present(node)?;
        Some(Spanned::new(self.text_of(n).to_string(), range_of(n)))
    }

    fn names(&self, node: Node<'_>, field_name: &str) -> Vec<Spanned<String>> {
        children_by_field(node, field_name)
            .into_iter()
            .filter_map(|n| self.name(Some(n)))
            .collect()
    }

    /// A string node's unescaped content; `None` for an unterminated string
    /// (its error is already reported).
    fn string(&self, node: Option<Node<'_>>) -> Option<Spanned<String>> {
        let n = self.present(node)?;
        if n.kind() != kinds::STRING {
            return None;
        }
        Some(Spanned::new(unescape(self.text_of(n)), range_of(n)))
    }

    /// A date node, validated: `Ok(None)` for a missing node, `Err(range)` for
    /// a date that is not a real day (the error is recorded here).
    fn date(&mut self, node: Option<Node<'_>>) -> Option<Spanned<Option<DateSpec>>> {
        let n = self.present(node)?;
        let range = range_of(n);
        match parse_date(self.text_of(n)) {
            Ok(spec) => Some(Spanned::new(Some(spec), range)),
            Err(message) => {
                self.errors.push(SyntaxError {
                    range,
                    kind: SyntaxErrorKind::DateInvalid,
                    message,
                    fix: None,
                });
                Some(Spanned::new(None, range))
            }
        }
    }

    fn duration(&mut self, node: Option<Node<'_>>) -> Option<Spanned<crate::ast::DurationLit>> {
        let n = self.present(node)?;
        let range = range_of(n);
        match parse_duration(self.text_of(n)) {
            Ok(d) => Some(Spanned::new(d, range)),
            Err(message) => {
                self.errors.push(SyntaxError {
                    range,
                    kind: SyntaxErrorKind::Syntax,
                    message,
                    fix: None,
                });
                None
            }
        }
    }

    /// `within DUR` / `by DATE` among a line's children.
    fn due(&mut self, line: Node<'_>) -> Option<Due> {
        let mut cursor = line.walk();
        let nodes: Vec<Node<'_>> = line.named_children(&mut cursor).collect();
        for n in nodes {
            if n.kind() == kinds::WITHIN {
                return self
                    .duration(n.child_by_field_name(field::DURATION))
                    .map(Due::Within);
            }
            if n.kind() == kinds::BY {
                return self
                    .date(n.child_by_field_name(field::DATE))
                    .map(|d| Due::By(Spanned::new(d.value, d.range)));
            }
        }
        None
    }

    fn field_line(&mut self, node: Node<'_>) -> Option<FieldLine> {
        let key = self.name(node.child_by_field_name(field::KEY))?;
        let values = children_by_field(node, field::VALUE);
        let value = match values.as_slice() {
            [] => None,
            [only] if only.kind() == kinds::STRING => self.string(Some(*only)),
            [first, .., last] | [first @ last] => {
                let range = TextRange::new(range_of(*first).start(), range_of(*last).end());
                let raw = self
                    .text
                    .get(usize::from(range.start())..usize::from(range.end()))
                    .unwrap_or_default();
                Some(Spanned::new(raw.to_string(), range))
            }
        };
        Some(FieldLine {
            range: self.line_range(node),
            key,
            value,
        })
    }

    fn header(&mut self, node: Node<'_>) -> CaseHeader {
        let mut h = CaseHeader {
            range: self.block_range(node),
            head_range: self.head_range(node),
            reference: self.string(node.child_by_field_name(field::REFERENCE)),
            ..CaseHeader::default()
        };
        for f in children_by_field(node, field::FIELD) {
            if f.kind() != kinds::FIELD || f.has_error() || self.line_has_error(f) {
                continue;
            }
            let Some(line) = self.field_line(f) else {
                continue;
            };
            let values = children_by_field(f, field::VALUE);
            let key = line.key.value.clone();
            let already = match key.as_str() {
                "title" => h.title.is_some(),
                "body" => h.body.is_some(),
                "complainant" => h.complainant.is_some(),
                "source" => h.source.is_some(),
                "procedure" => h.procedures.is_some(),
                "calendar" => h.calendar.is_some(),
                "as-of" => h.as_of.is_some(),
                _ => false,
            };
            if already {
                // Two values for one thing: say so rather than pick one silently.
                self.errors.push(SyntaxError {
                    range: line.range,
                    kind: SyntaxErrorKind::Syntax,
                    message: format!(
                        "the case header already has a `{key}` line above; only the first one is used"
                    ),
                    fix: None,
                });
                continue;
            }
            // Text values may be quoted (the usual way) or written bare.
            match key.as_str() {
                "title" => h.title = line.value,
                "body" => h.body = line.value,
                "complainant" => h.complainant = line.value,
                "source" => h.source = line.value,
                "related" => h.related.extend(line.value),
                "procedure" => {
                    h.procedures =
                        Some(values.iter().filter_map(|v| self.name(Some(*v))).collect());
                }
                "calendar" => {
                    h.calendar = values.first().and_then(|v| self.name(Some(*v)));
                    if let Some(extra) = values.get(1) {
                        self.errors.push(SyntaxError {
                            range: TextRange::new(
                                range_of(*extra).start(),
                                values
                                    .last()
                                    .map_or(range_of(*extra).end(), |v| range_of(*v).end()),
                            ),
                            kind: SyntaxErrorKind::Syntax,
                            message: "a case has one calendar: name only one here (a user \
                                      calendar can `extends` several)"
                                .to_string(),
                            fix: None,
                        });
                    }
                }
                "as-of" => match values.as_slice() {
                    [v] if v.kind() == kinds::DATE => {
                        if let Some(Spanned {
                            value: Some(spec),
                            range,
                        }) = self.date(Some(*v))
                        {
                            h.as_of = Some(Spanned::new(spec, range));
                        }
                    }
                    _ => self.errors.push(SyntaxError {
                        range: line.range,
                        kind: SyntaxErrorKind::Syntax,
                        message: "`as-of` needs one date, like `as-of 2025-08-10`".to_string(),
                        fix: None,
                    }),
                },
                _ => h.other_fields.push(line),
            }
        }
        h
    }

    fn entry(&mut self, node: Node<'_>) -> Entry {
        // One pass over the entry's children (entries are most of a file, and
        // this runs on every keystroke), then plain lookups.
        let children = Children::of(node);
        let date_node = children.field(field::DATE);
        let date_range = date_node
            .map(range_of)
            .unwrap_or_else(|| TextRange::empty(range_of(node).start()));
        let date = self
            .date(date_node)
            .and_then(|d| d.value.map(|v| Spanned::new(v, d.range)));
        let mut entry = Entry {
            range: self.block_range_of(node, &children),
            head_range: self.head_range(node),
            date,
            date_range,
            kind: self.name(children.field(field::KIND)),
            ids: children
                .fields(field::ID)
                .filter_map(|n| self.name(Some(n)))
                .collect(),
            text: self.string(children.field(field::TEXT)),
            children: Vec::new(),
        };
        if self.line_has_error(node) {
            entry.kind = None;
            entry.ids.clear();
            entry.text = None;
        }
        for child in children.fields(field::CHILD) {
            if child.has_error() || self.line_has_error(child) {
                continue;
            }
            let kind = child.kind();
            let lowered = if kind == kinds::REC_LINE {
                self.rec_line(child).map(EntryChild::Rec)
            } else if kind == kinds::AGREE_LINE {
                let ids = self.names(child, field::ID);
                let due = self.due(child);
                Some(EntryChild::Agree(AgreeLine {
                    range: self.line_range(child),
                    ids,
                    due,
                }))
            } else if kind == kinds::EXTENDED_LINE {
                Some(EntryChild::Extended(ExtendedLine {
                    range: self.line_range(child),
                    reason: self.string(child.child_by_field_name(field::REASON)),
                }))
            } else if kind == kinds::EXCEPTION_LINE {
                self.name(child.child_by_field_name(field::TARGET))
                    .map(|target| {
                        EntryChild::Exception(ExceptionLine {
                            range: self.line_range(child),
                            target,
                            reason: self.string(child.child_by_field_name(field::REASON)),
                        })
                    })
            } else if kind == kinds::PROSE_LINE {
                Some(EntryChild::Prose(self.prose(child)))
            } else if kind == kinds::FIELD {
                self.field_line(child).map(EntryChild::Field)
            } else {
                None
            };
            entry.children.extend(lowered);
        }
        entry
    }

    fn rec_line(&mut self, node: Node<'_>) -> Option<RecLine> {
        let keyword = node.child_by_field_name(field::KEYWORD)?;
        let kind = if self.text_of(keyword) == kinds::PROMISE_KEYWORD {
            RecKind::Promise
        } else {
            RecKind::Rec
        };
        let id = self.name(node.child_by_field_name(field::ID))?;
        let due = self.due(node);
        Some(RecLine {
            range: self.line_range(node),
            kind,
            keyword_range: range_of(keyword),
            id,
            due,
            text: self.string(node.child_by_field_name(field::TEXT)),
        })
    }

    /// `> text`: the text after `>`, with one leading space and any trailing
    /// whitespace removed (the formatter drops trailing whitespace, and
    /// formatting must not change the document).
    fn prose(&self, node: Node<'_>) -> Spanned<String> {
        let range = range_of(node);
        let raw = self.text_of(node);
        let after = raw.strip_prefix('>').unwrap_or(raw);
        let (body, skip) = match after.strip_prefix(' ') {
            Some(rest) => (rest, 2),
            None => (after, 1),
        };
        let body = body.trim_end();
        let start = (range.start() + size(skip)).min(range.end());
        Spanned::new(body.to_string(), TextRange::at(start, size(body.len())))
    }

    fn procedure(&mut self, node: Node<'_>) -> Option<ProcedureDef> {
        let name = self.name(node.child_by_field_name(field::NAME))?;
        let mut p = ProcedureDef {
            range: self.block_range(node),
            head_range: self.head_range(node),
            name,
            title: None,
            source: None,
            uses: Vec::new(),
            events: Vec::new(),
            deadlines: Vec::new(),
            requires: Vec::new(),
            calendar: None,
            pauses: Vec::new(),
            exceptions: Vec::new(),
            other_fields: Vec::new(),
        };
        for child in children_by_field(node, field::CHILD) {
            if child.has_error() || self.line_has_error(child) {
                continue;
            }
            let kind = child.kind();
            if kind == kinds::USE_LINE {
                let names = self.names(child, field::NAME);
                p.uses.extend(names);
            } else if kind == kinds::EVENT_DECL {
                if let Some(name) = self.name(child.child_by_field_name(field::NAME)) {
                    p.events.push(EventDecl {
                        range: self.line_range(child),
                        name,
                        label: self.string(child.child_by_field_name(field::LABEL)),
                        recommends: child.child_by_field_name(field::RECOMMENDS).is_some(),
                        ends: child.child_by_field_name(field::ENDS).is_some(),
                    });
                }
            } else if kind == kinds::DEADLINE_DECL {
                if let Some(d) = self.deadline(child) {
                    p.deadlines.push(d);
                }
            } else if kind == kinds::CALENDAR_LINE {
                let name = self.name(child.child_by_field_name(field::NAME));
                if p.calendar.is_some() {
                    self.errors.push(SyntaxError {
                        range: self.line_range(child),
                        kind: SyntaxErrorKind::Syntax,
                        message: "a procedure counts in one calendar: keep only one `calendar` \
                                  line here (a user calendar can `extends` several)"
                            .to_string(),
                        fix: None,
                    });
                } else {
                    p.calendar = name;
                }
            } else if kind == kinds::PAUSE_DECL {
                let target = self.name(child.child_by_field_name(field::TARGET));
                let from = self.name(child.child_by_field_name(field::FROM));
                let until = self.name(child.child_by_field_name(field::UNTIL));
                if let (Some(target), Some(from), Some(until)) = (target, from, until) {
                    p.pauses.push(PauseDecl {
                        range: self.line_range(child),
                        target,
                        from,
                        until,
                        citation: self.string(child.child_by_field_name(field::CITATION)),
                    });
                }
            } else if kind == kinds::EXCEPTION_DECL {
                let targets = self.names(child, field::TARGET);
                if !targets.is_empty() {
                    p.exceptions.push(ExceptionDecl {
                        range: self.line_range(child),
                        targets,
                        citation: self.string(child.child_by_field_name(field::CITATION)),
                    });
                }
            } else if kind == kinds::REQUIRE_DECL {
                let first = self.name(child.child_by_field_name(field::FIRST));
                let then = self.name(child.child_by_field_name(field::THEN));
                if let (Some(first), Some(then)) = (first, then) {
                    p.requires.push(RequireDecl {
                        range: self.line_range(child),
                        first,
                        then,
                    });
                }
            } else if kind == kinds::FIELD {
                let Some(line) = self.field_line(child) else {
                    continue;
                };
                let one_string = children_by_field(child, field::VALUE).len() == 1;
                match line.key.value.as_str() {
                    "title" if p.title.is_none() && one_string => p.title = line.value,
                    "source" if p.source.is_none() && one_string => p.source = line.value,
                    _ => p.other_fields.push(line),
                }
            }
        }
        Some(p)
    }

    /// A `deadline` line: its outcomes with their limits, its starts and options.
    /// A line whose last outcome has no limit, or with an option written
    /// twice, gets an error here (the grammar accepts both so that the message
    /// can say what to write).
    fn deadline(&mut self, node: Node<'_>) -> Option<DeadlineDecl> {
        let line = self.line_range(node);
        // Outcomes in the order written; each limit goes to the outcomes
        // before it that have none yet.
        let mut outcomes: Vec<(Spanned<String>, Option<Spanned<crate::ast::DurationLit>>)> =
            Vec::new();
        let mut starts = Vec::new();
        let mut extended_limit = None;
        let mut uncapped = false;
        let (mut inclusive, mut latest) = (false, false);
        let (mut repeating, mut roll_forward, mut guidance) = (false, false, false);
        let mut complete = true;
        let mut cursor = node.walk();
        let children: Vec<(Option<&str>, Node<'_>)> = {
            let mut v = Vec::new();
            if cursor.goto_first_child() {
                loop {
                    v.push((cursor.field_name(), cursor.node()));
                    if !cursor.goto_next_sibling() {
                        break;
                    }
                }
            }
            v
        };
        for (f, n) in children {
            match f {
                Some(field::TARGET) => match self.name(Some(n)) {
                    Some(name) => outcomes.push((name, None)),
                    None => complete = false,
                },
                Some(field::LIMIT) => match self.duration(Some(n)) {
                    Some(limit) => {
                        for o in outcomes.iter_mut().rev().take_while(|o| o.1.is_none()) {
                            o.1 = Some(limit.clone());
                        }
                    }
                    None => complete = false,
                },
                Some(field::START) => match self.name(Some(n)) {
                    Some(name) => starts.push(name),
                    None => complete = false,
                },
                Some(field::UNCAPPED) => {
                    if extended_limit.is_some() || uncapped {
                        self.twice(n, "extendable");
                    }
                    uncapped = true;
                }
                Some(field::EXTENDED_LIMIT) => {
                    let d = self.duration(Some(n));
                    if extended_limit.is_some() || uncapped {
                        self.twice(n, "extendable to");
                    } else if d.is_none() {
                        complete = false;
                    }
                    extended_limit = extended_limit.or(d);
                }
                Some(field::INCLUSIVE) => inclusive = true,
                Some(field::LATEST) => latest = true,
                Some(field::OPTION) => {
                    let flag = match self.text_of(n) {
                        "repeating" => &mut repeating,
                        "roll-forward" => &mut roll_forward,
                        _ => &mut guidance,
                    };
                    if *flag {
                        let word = self.text_of(n).to_string();
                        self.twice(n, &word);
                    }
                    *flag = true;
                }
                _ => {}
            }
        }
        let _ = latest;
        if !complete || starts.is_empty() || outcomes.is_empty() {
            return None;
        }
        if outcomes.iter().any(|o| o.1.is_none()) {
            let last = outcomes.last().map_or(line, |o| o.0.range);
            self.errors.push(SyntaxError {
                range: last,
                kind: SyntaxErrorKind::Syntax,
                message: format!(
                    "say how long `{}` has: write `within` and a limit after it, e.g. \
                     `deadline {} within 10wd of {}`",
                    outcomes.last().map_or("", |o| o.0.value.as_str()),
                    outcomes.last().map_or("", |o| o.0.value.as_str()),
                    starts[0].value
                ),
                fix: None,
            });
            return None;
        }
        let mut outcomes = outcomes.into_iter().filter_map(|(t, l)| Some((t, l?)));
        let (target, limit) = outcomes.next()?;
        let mut starts = starts.into_iter();
        let start = starts.next()?;
        Some(DeadlineDecl {
            range: line,
            target,
            limit,
            alternatives: outcomes.collect(),
            start,
            more_starts: starts.collect(),
            inclusive,
            extended_limit: if uncapped { None } else { extended_limit },
            uncapped_extension: uncapped,
            repeating,
            roll_forward,
            guidance,
            citation: self.string(node.child_by_field_name(field::CITATION)),
        })
    }

    /// An option or clause written twice on one line.
    fn twice(&mut self, node: Node<'_>, what: &str) {
        self.errors.push(SyntaxError {
            range: range_of(node),
            kind: SyntaxErrorKind::Syntax,
            message: format!("`{what}` is already on this line: write it once"),
            fix: None,
        });
    }

    fn calendar(&mut self, node: Node<'_>) -> Option<CalendarDef> {
        let name = self.name(node.child_by_field_name(field::NAME))?;
        let mut c = CalendarDef {
            range: self.block_range(node),
            head_range: self.head_range(node),
            name,
            extends: Vec::new(),
            closed: Vec::new(),
            other_fields: Vec::new(),
        };
        for child in children_by_field(node, field::CHILD) {
            if child.has_error() || self.line_has_error(child) {
                continue;
            }
            let kind = child.kind();
            if kind == kinds::EXTENDS_LINE {
                let names = self.names(child, field::NAME);
                c.extends.extend(names);
            } else if kind == kinds::CLOSED_LINE {
                let mut dates = Vec::new();
                for d in children_by_field(child, field::DATE) {
                    if let Some(Spanned {
                        value: Some(spec),
                        range,
                    }) = self.date(Some(d))
                    {
                        dates.push(Spanned::new(spec, range));
                    }
                }
                c.closed.push(ClosedLine {
                    range: self.line_range(child),
                    dates,
                    reason: self.string(child.child_by_field_name(field::REASON)),
                });
            } else if kind == kinds::FIELD
                && let Some(line) = self.field_line(child)
            {
                c.other_fields.push(line);
            }
        }
        Some(c)
    }
}

/// A node's children with their field names, read in one cursor pass.
struct Children<'t> {
    all: Vec<(Option<&'t str>, Node<'t>)>,
}

impl<'t> Children<'t> {
    fn of(node: Node<'t>) -> Children<'t> {
        let mut all = Vec::with_capacity(node.child_count() as usize);
        let mut cursor = node.walk();
        if cursor.goto_first_child() {
            loop {
                all.push((cursor.field_name(), cursor.node()));
                if !cursor.goto_next_sibling() {
                    break;
                }
            }
        }
        Children { all }
    }

    fn field(&self, name: &str) -> Option<Node<'t>> {
        self.fields(name).next()
    }

    fn fields<'a>(&'a self, name: &'a str) -> impl Iterator<Item = Node<'t>> + 'a {
        self.all
            .iter()
            .filter(move |(f, _)| *f == Some(name))
            .map(|(_, n)| *n)
    }
}

fn children_by_field<'t>(node: Node<'t>, name: &str) -> Vec<Node<'t>> {
    let mut cursor = node.walk();
    node.children_by_field_name(name, &mut cursor).collect()
}

/// `range` without a trailing line ending (`\n` or `\r\n`).
pub(crate) fn trim_end_range(text: &str, range: TextRange) -> TextRange {
    let s = text
        .get(usize::from(range.start())..usize::from(range.end()))
        .unwrap_or_default();
    let kept = s.strip_suffix('\n').unwrap_or(s);
    let kept = kept.strip_suffix('\r').unwrap_or(kept);
    TextRange::at(range.start(), size(kept.len()))
}

/// The content of a string token without its quotes, with `\"` and `\\`
/// resolved. Any other backslash is kept as written.
pub(crate) fn unescape(token: &str) -> String {
    let inner = token.strip_prefix('"').unwrap_or(token);
    let inner = inner.strip_suffix('"').unwrap_or(inner);
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(n @ ('"' | '\\')) => out.push(n),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}
