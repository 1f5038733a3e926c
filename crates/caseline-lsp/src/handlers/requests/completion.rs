//! `textDocument/completion`, chosen from what is left of the cursor on its line:
//! today's date at the start of a line; event kinds of the case's procedures
//! (with their labels) after a date; recommendation IDs after `done`,
//! `declined`, `partial` or `agree` (open ones first); header keys on the case
//! header's child lines; procedure and calendar names after `procedure` and
//! `calendar`. Must not hold rule logic: IDs count as open until a `done` or
//! `declined` entry names them, which is what the file itself says.

use std::collections::BTreeSet;

use caseline_syntax::ast::Document;
use caseline_syntax::{TextRange, TextSize};
use tower_lsp_server::ls_types::{
    CompletionItem, CompletionItemKind, CompletionParams, CompletionResponse, CompletionTextEdit,
    TextEdit,
};

use crate::convert;
use crate::handlers::{case_procedures, id_occurrences, procedure_sources, snapshot};
use crate::session::{DocumentSnapshot, Session, today};

const HEADER_KEYS: [(&str, &str); 8] = [
    ("title", "a short title for the case"),
    ("body", "the organisation complained about"),
    ("complainant", "who complained, anonymised"),
    (
        "procedure",
        "the complaints procedures the case went through",
    ),
    (
        "calendar",
        "the working-day calendar (default england-and-wales)",
    ),
    ("as-of", "the date at which open deadlines are judged"),
    ("related", "a related case reference"),
    ("source", "where the decision was published"),
];
const GENERIC_KINDS: [(&str, &str); 4] = [
    ("note", "anything worth recording; no checks"),
    (
        "done",
        "recommendations or promises carried out on this date",
    ),
    ("declined", "a reasoned decision not to carry them out"),
    ("partial", "progress, but still open"),
];
const CHILD_KEYWORDS: [(&str, &str); 4] = [
    ("rec", "a recommendation made at this event"),
    ("promise", "a commitment the organisation made"),
    ("agree", "the organisation accepted these recommendations"),
    ("extended", "this stage was formally extended"),
];

pub fn handle(
    session: &Session,
    p: CompletionParams,
) -> anyhow::Result<Option<CompletionResponse>> {
    let tdp = p.text_document_position;
    let Some(snap) = snapshot(session, &tdp.text_document.uri) else {
        return Ok(None);
    };
    let index = snap.index();
    let offset = convert::offset(index, tdp.position, snap.encoding);
    let line = convert::line_of(index, offset);
    let line_start = convert::line_content(index, line).start();
    let before = snap
        .text()
        .get(usize::from(line_start)..usize::from(offset))
        .unwrap_or("");
    let mut items = items_for(&snap, before, offset);
    // Replace the whole word being typed, dots included: editors' word rules
    // would otherwise stop at a `.` and leave `stage2.stage2.report`.
    let typed = before.len() - before.trim_end_matches(|c: char| !c.is_whitespace()).len();
    let word = TextRange::new(offset - TextSize::from(typed as u32), offset);
    let range = convert::range(index, word, snap.encoding);
    for item in &mut items {
        item.text_edit = Some(CompletionTextEdit::Edit(TextEdit {
            range,
            new_text: item.label.clone(),
        }));
    }
    Ok(Some(CompletionResponse::Array(items)))
}

fn items_for(
    snap: &DocumentSnapshot,
    before: &str,
    offset: caseline_syntax::TextSize,
) -> Vec<CompletionItem> {
    let doc = snap.parse.document();
    let indented = before.starts_with([' ', '\t']);
    let words: Vec<&str> = before.split_whitespace().collect();
    // The word being typed (empty right after a space) is not context.
    let done_words = if before.ends_with(char::is_whitespace) || words.is_empty() {
        &words[..]
    } else {
        &words[..words.len() - 1]
    };

    if !indented {
        return match done_words {
            [] => {
                let mut items = vec![item(
                    today().format("%Y-%m-%d").to_string(),
                    "today",
                    CompletionItemKind::CONSTANT,
                )];
                for kw in ["case", "procedure", "calendar"] {
                    items.push(item(kw.to_owned(), "block", CompletionItemKind::KEYWORD));
                }
                items
            }
            [_date] => event_kinds(snap, doc),
            [_date, kind, ..] if is_id_taking(kind) => ids(doc),
            _ => Vec::new(),
        };
    }

    let in_header = doc.header.as_ref().is_some_and(|h| {
        h.range.start() <= offset && no_entry_between(doc, h.range.start(), offset)
    });
    if let Some(items) = definitions_items(snap, doc, done_words, offset) {
        return items;
    }
    match done_words {
        [] if in_header => HEADER_KEYS
            .iter()
            .map(|(k, d)| item((*k).to_owned(), d, CompletionItemKind::PROPERTY))
            .collect(),
        [] => CHILD_KEYWORDS
            .iter()
            .map(|(k, d)| item((*k).to_owned(), d, CompletionItemKind::KEYWORD))
            .collect(),
        ["procedure", ..] if in_header => snap
            .workspace
            .definitions
            .procedure_names()
            .into_iter()
            .map(|n| item(n, "procedure", CompletionItemKind::MODULE))
            .collect(),
        ["calendar"] if in_header => snap
            .workspace
            .definitions
            .calendars()
            .names()
            .into_iter()
            .map(|n| item(n, "calendar", CompletionItemKind::MODULE))
            .collect(),
        ["agree", ..] => ids(doc),
        _ => Vec::new(),
    }
}

/// Child lines of `procedure` and `calendar` blocks in a definitions file.
fn definitions_items(
    snap: &DocumentSnapshot,
    doc: &Document,
    done_words: &[&str],
    offset: caseline_syntax::TextSize,
) -> Option<Vec<CompletionItem>> {
    let starts_before = |start: caseline_syntax::TextSize| start <= offset;
    let proc = doc
        .procedures
        .iter()
        .filter(|p| starts_before(p.range.start()))
        .max_by_key(|p| p.range.start());
    let cal = doc
        .calendars
        .iter()
        .filter(|c| starts_before(c.range.start()))
        .max_by_key(|c| c.range.start());
    let keywords = |words: &[(&str, &str)]| -> Vec<CompletionItem> {
        words
            .iter()
            .map(|(k, d)| item((*k).to_owned(), d, CompletionItemKind::KEYWORD))
            .collect()
    };
    match (proc, cal) {
        (Some(p), c) if c.is_none_or(|c| c.range.start() < p.range.start()) => {
            if !no_entry_between(doc, p.range.start(), offset) {
                return None;
            }
            Some(match done_words {
                [] => keywords(&[
                    ("title", "the procedure's full name"),
                    ("source", "the regulation or guidance it follows"),
                    ("use", "include another procedure's definitions"),
                    ("event", "an event kind: event NAME \"label\" [recommends]"),
                    (
                        "deadline",
                        "deadline TARGET within DUR of START [extendable to DUR]",
                    ),
                    ("require", "require A before B"),
                ]),
                ["use", ..] => snap
                    .workspace
                    .definitions
                    .procedure_names()
                    .into_iter()
                    .map(|n| item(n, "procedure", CompletionItemKind::MODULE))
                    .collect(),
                ["deadline"]
                | ["deadline", _, "within", _, "of"]
                | ["require"]
                | ["require", _, "before"] => {
                    let mut items: Vec<CompletionItem> = p
                        .events
                        .iter()
                        .map(|e| {
                            let label = e.label.as_ref().map(|l| l.value.as_str()).unwrap_or("");
                            item(e.name.value.clone(), label, CompletionItemKind::EVENT)
                        })
                        .collect();
                    let used: Vec<String> = p.uses.iter().map(|u| u.value.clone()).collect();
                    for source in procedure_sources(&snap.workspace, &used) {
                        let Some(def) = source.def() else { continue };
                        for e in &def.events {
                            let label = e.label.as_ref().map(|l| l.value.as_str()).unwrap_or("");
                            items.push(item(
                                e.name.value.clone(),
                                label,
                                CompletionItemKind::EVENT,
                            ));
                        }
                    }
                    items
                }
                _ => Vec::new(),
            })
        }
        (_, Some(c)) => {
            if !no_entry_between(doc, c.range.start(), offset) {
                return None;
            }
            Some(match done_words {
                [] => keywords(&[
                    ("extends", "include other calendars' closed days"),
                    ("closed", "days the organisation was closed"),
                ]),
                ["extends", ..] => snap
                    .workspace
                    .definitions
                    .calendars()
                    .names()
                    .into_iter()
                    .map(|n| item(n, "calendar", CompletionItemKind::MODULE))
                    .collect(),
                _ => Vec::new(),
            })
        }
        _ => None,
    }
}

fn no_entry_between(
    doc: &Document,
    from: caseline_syntax::TextSize,
    to: caseline_syntax::TextSize,
) -> bool {
    !doc.entries
        .iter()
        .any(|e| e.range.start() > from && e.range.start() < to)
        && !doc
            .procedures
            .iter()
            .any(|p| p.range.start() > from && p.range.start() < to)
}

fn is_id_taking(kind: &str) -> bool {
    matches!(kind, "done" | "declined" | "partial")
}

fn event_kinds(snap: &DocumentSnapshot, doc: &Document) -> Vec<CompletionItem> {
    let mut items = Vec::new();
    let mut seen = BTreeSet::new();
    for source in procedure_sources(&snap.workspace, &case_procedures(doc)) {
        let Some(def) = source.def() else { continue };
        for event in &def.events {
            if seen.insert(event.name.value.clone()) {
                let label = event
                    .label
                    .as_ref()
                    .map(|l| l.value.clone())
                    .unwrap_or_default();
                let mut it = item(event.name.value.clone(), &label, CompletionItemKind::EVENT);
                it.label_details = None;
                it.detail = Some(format!("{label} ({})", source.name));
                items.push(it);
            }
        }
    }
    for (k, d) in GENERIC_KINDS {
        items.push(item(k.to_owned(), d, CompletionItemKind::KEYWORD));
    }
    items
}

/// Defined IDs, open ones first (not yet named by a `done`/`declined` entry).
fn ids(doc: &Document) -> Vec<CompletionItem> {
    let addressed: BTreeSet<&str> = doc
        .entries
        .iter()
        .filter(|e| {
            e.kind
                .as_ref()
                .is_some_and(|k| k.value == "done" || k.value == "declined")
        })
        .flat_map(|e| e.ids.iter().map(|i| i.value.as_str()))
        .collect();
    let texts: Vec<(String, Option<String>)> = doc
        .entries
        .iter()
        .flat_map(|e| e.children.iter())
        .filter_map(|c| match c {
            caseline_syntax::ast::EntryChild::Rec(r) => {
                Some((r.id.value.clone(), r.text.as_ref().map(|t| t.value.clone())))
            }
            _ => None,
        })
        .collect();
    let mut seen = BTreeSet::new();
    let mut items = Vec::new();
    for occ in id_occurrences(doc).into_iter().filter(|o| o.is_definition) {
        if !seen.insert(occ.name.clone()) {
            continue;
        }
        let open = !addressed.contains(occ.name.as_str());
        let text = texts
            .iter()
            .find(|(n, _)| *n == occ.name)
            .and_then(|(_, t)| t.clone())
            .unwrap_or_default();
        let status = if open { "open" } else { "addressed" };
        let mut it = item(occ.name.clone(), status, CompletionItemKind::VALUE);
        if !text.is_empty() {
            it.documentation = Some(tower_lsp_server::ls_types::Documentation::String(text));
        }
        // Sort open IDs first, then in file order.
        it.sort_text = Some(format!("{}{:05}", u8::from(!open), items.len()));
        items.push(it);
    }
    items
}

fn item(label: String, detail: &str, kind: CompletionItemKind) -> CompletionItem {
    CompletionItem {
        label,
        kind: Some(kind),
        detail: (!detail.is_empty()).then(|| detail.to_owned()),
        ..Default::default()
    }
}
