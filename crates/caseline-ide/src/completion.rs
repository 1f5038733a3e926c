//! Completion, chosen from what is left of the cursor on its line: today's
//! date at the start of a line; event kinds of the case's procedures (with
//! their labels) after a date; recommendation IDs after `done`, `declined`,
//! `partial` or `agree` (open ones first); header keys on the case header's
//! child lines; procedure and calendar names after `procedure` and `calendar`;
//! the keywords and names of `procedure` and `calendar` blocks in a
//! definitions file. Holds no rule logic: IDs count as open until a `done` or
//! `declined` entry names them, which is what the file itself says.

use std::collections::BTreeSet;

use caseline_syntax::ast::{Document, EntryChild};
use caseline_syntax::{Parse, TextRange, TextSize, vocabulary};
use caseline_workspace::Workspace;
use chrono::NaiveDate;

use crate::ids::id_occurrences;
use crate::sources::{case_procedures, procedure_sources};

/// What a completion item is, for the editor's icon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionKind {
    /// Today's date.
    Date,
    /// A block keyword, a child-line keyword, or a generic event (`note`, `done`…).
    Keyword,
    /// A key of the case header.
    HeaderKey,
    /// A procedure or calendar name.
    Definition,
    /// An event kind a procedure declares.
    Event,
    /// A recommendation or promise ID.
    Id,
}

/// One completion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionItem {
    pub label: String,
    pub kind: CompletionKind,
    pub detail: Option<String>,
    pub documentation: Option<String>,
    /// Where the editor should sort it, when not by label.
    pub sort_text: Option<String>,
    /// The word being typed (dots included), which `insert_text` replaces.
    pub edit_range: TextRange,
    pub insert_text: String,
}

/// The completions at `offset`. `today` is offered at the start of a line
/// (the caller reads the clock; this crate never does).
pub fn completions(
    parse: &Parse,
    workspace: &Workspace,
    offset: TextSize,
    today: NaiveDate,
) -> Vec<CompletionItem> {
    let index = parse.line_index();
    let line_start = index.line_range(index.line_of(offset)).start();
    let before = parse
        .text()
        .get(usize::from(line_start)..usize::from(offset))
        .unwrap_or("");
    // Replace the whole word being typed, dots included: editors' word rules
    // would otherwise stop at a `.` and leave `stage2.stage2.report`.
    let typed = before.len() - before.trim_end_matches(|c: char| !c.is_whitespace()).len();
    let word = TextRange::new(offset - TextSize::from(typed as u32), offset);
    let cx = Cx {
        doc: parse.document(),
        workspace,
        word,
    };
    cx.items_for(before, offset, today)
}

struct Cx<'a> {
    doc: &'a Document,
    workspace: &'a Workspace,
    word: TextRange,
}

impl Cx<'_> {
    fn item(&self, label: String, detail: &str, kind: CompletionKind) -> CompletionItem {
        CompletionItem {
            insert_text: label.clone(),
            label,
            kind,
            detail: (!detail.is_empty()).then(|| detail.to_owned()),
            documentation: None,
            sort_text: None,
            edit_range: self.word,
        }
    }

    fn keywords(&self, words: &[vocabulary::Word], kind: CompletionKind) -> Vec<CompletionItem> {
        words
            .iter()
            .map(|w| self.item(w.name.to_owned(), w.doc, kind))
            .collect()
    }

    fn procedure_names(&self) -> Vec<CompletionItem> {
        self.workspace
            .definitions
            .procedure_names()
            .into_iter()
            .map(|n| self.item(n, "procedure", CompletionKind::Definition))
            .collect()
    }

    fn calendar_names(&self) -> Vec<CompletionItem> {
        self.workspace
            .definitions
            .calendars()
            .names()
            .into_iter()
            .map(|n| self.item(n, "calendar", CompletionKind::Definition))
            .collect()
    }

    fn items_for(&self, before: &str, offset: TextSize, today: NaiveDate) -> Vec<CompletionItem> {
        let doc = self.doc;
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
                    let mut items = vec![self.item(
                        today.format("%Y-%m-%d").to_string(),
                        "today",
                        CompletionKind::Date,
                    )];
                    for kw in ["case", "procedure", "calendar"] {
                        items.push(self.item(kw.to_owned(), "block", CompletionKind::Keyword));
                    }
                    items
                }
                [_date] => self.event_kinds(),
                [_date, kind, ..] if is_id_taking(kind) => self.ids(),
                _ => Vec::new(),
            };
        }

        let in_header = doc.header.as_ref().is_some_and(|h| {
            h.range.start() <= offset && no_entry_between(doc, h.range.start(), offset)
        });
        if let Some(items) = self.definitions_items(done_words, offset) {
            return items;
        }
        match done_words {
            [] if in_header => self.keywords(vocabulary::HEADER_KEYS, CompletionKind::HeaderKey),
            [] => self.keywords(vocabulary::ENTRY_CHILDREN, CompletionKind::Keyword),
            ["procedure", ..] if in_header => self.procedure_names(),
            ["calendar"] if in_header => self.calendar_names(),
            ["agree", ..] => self.ids(),
            _ => Vec::new(),
        }
    }

    /// Child lines of `procedure` and `calendar` blocks in a definitions file.
    fn definitions_items(
        &self,
        done_words: &[&str],
        offset: TextSize,
    ) -> Option<Vec<CompletionItem>> {
        let doc = self.doc;
        let starts_before = |start: TextSize| start <= offset;
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
        match (proc, cal) {
            (Some(p), c) if c.is_none_or(|c| c.range.start() < p.range.start()) => {
                if !no_entry_between(doc, p.range.start(), offset) {
                    return None;
                }
                Some(match done_words {
                    [] => self.keywords(vocabulary::PROCEDURE_LINES, CompletionKind::Keyword),
                    ["use", ..] => self.procedure_names(),
                    ["deadline"]
                    | ["deadline", _, "within", _, "of"]
                    | ["require"]
                    | ["require", _, "before"] => {
                        let event = |e: &caseline_syntax::ast::EventDecl| {
                            let label = e.label.as_ref().map(|l| l.value.as_str()).unwrap_or("");
                            self.item(e.name.value.clone(), label, CompletionKind::Event)
                        };
                        let mut items: Vec<CompletionItem> = p.events.iter().map(event).collect();
                        let used: Vec<String> = p.uses.iter().map(|u| u.value.clone()).collect();
                        for source in procedure_sources(self.workspace, &used) {
                            let Some(def) = source.def() else { continue };
                            items.extend(def.events.iter().map(event));
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
                    [] => self.keywords(vocabulary::CALENDAR_LINES, CompletionKind::Keyword),
                    ["extends", ..] => self.calendar_names(),
                    _ => Vec::new(),
                })
            }
            _ => None,
        }
    }

    fn event_kinds(&self) -> Vec<CompletionItem> {
        let mut items = Vec::new();
        let mut seen = BTreeSet::new();
        for source in procedure_sources(self.workspace, &case_procedures(self.doc)) {
            let Some(def) = source.def() else { continue };
            for event in &def.events {
                if seen.insert(event.name.value.clone()) {
                    let label = event
                        .label
                        .as_ref()
                        .map(|l| l.value.clone())
                        .unwrap_or_default();
                    let mut it = self.item(event.name.value.clone(), &label, CompletionKind::Event);
                    it.detail = Some(format!("{label} ({})", source.name));
                    items.push(it);
                }
            }
        }
        for &vocabulary::Word { name: k, doc: d } in vocabulary::GENERIC_EVENTS {
            items.push(self.item(k.to_owned(), d, CompletionKind::Keyword));
        }
        items
    }

    /// Defined IDs, open ones first (not yet named by a `done`/`declined` entry).
    fn ids(&self) -> Vec<CompletionItem> {
        let doc = self.doc;
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
                EntryChild::Rec(r) => {
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
            let mut it = self.item(occ.name.clone(), status, CompletionKind::Id);
            if !text.is_empty() {
                it.documentation = Some(text);
            }
            // Sort open IDs first, then in file order.
            it.sort_text = Some(format!("{}{:05}", u8::from(!open), items.len()));
            items.push(it);
        }
        items
    }
}

fn no_entry_between(doc: &Document, from: TextSize, to: TextSize) -> bool {
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

#[cfg(test)]
mod tests {
    use crate::fixture::{Fixture, today};

    /// One item a line: kind, label, detail, then documentation and sort key
    /// when set. Every item must replace the word typed before the cursor.
    fn completions(fixture: &str) -> String {
        let f = Fixture::new(fixture);
        let items = super::completions(&f.parse, &f.workspace, f.offset, today());
        let mut out = String::new();
        for it in items {
            assert_eq!(it.edit_range.end(), f.offset, "{}", it.label);
            assert_eq!(it.insert_text, it.label);
            out.push_str(&format!("{:?} {}", it.kind, it.label));
            if let Some(d) = &it.detail {
                out.push_str(&format!(" — {d}"));
            }
            if let Some(d) = &it.documentation {
                out.push_str(&format!(" [{d}]"));
            }
            if let Some(s) = &it.sort_text {
                out.push_str(&format!(" sort {s}"));
            }
            out.push('\n');
        }
        out
    }

    #[track_caller]
    fn check(fixture: &str, expect: &str) {
        assert_eq!(
            completions(fixture),
            expect.strip_prefix('\n').unwrap_or(expect)
        );
    }

    /// The text an item would replace.
    fn replaced(fixture: &str) -> String {
        let f = Fixture::new(fixture);
        let items = super::completions(&f.parse, &f.workspace, f.offset, today());
        let range = items.first().expect("some completion").edit_range;
        f.slice(range).to_owned()
    }

    #[test]
    fn a_new_line_offers_today_and_the_blocks() {
        check(
            r#"
case "1"
  procedure children-statutory

$0"#,
            r#"
Date 2025-01-15 — today
Keyword case — block
Keyword procedure — block
Keyword calendar — block
"#,
        );
    }

    const KINDS: &str = r#"
Event stage1.received — receipt of the complaint (children-statutory)
Event stage1.response — stage 1 response (children-statutory)
Event stage2.requested — stage 2 request (children-statutory)
Event stage2.report — investigating officer's report (children-statutory)
Event stage2.adjudication — stage 2 adjudication (children-statutory)
Event stage3.requested — stage 3 request (children-statutory)
Event stage3.panel — review panel (children-statutory)
Event stage3.report — panel's report (children-statutory)
Event stage3.response — response to the panel (children-statutory)
Keyword note — anything worth recording; no checks
Keyword done — recommendations or promises carried out on this date
Keyword declined — a reasoned decision not to carry them out
Keyword partial — progress, but still open
"#;

    #[test]
    fn after_a_date_the_case_s_event_kinds_then_the_generic_ones() {
        check(
            r#"
case "1"
  procedure children-statutory

2024-03-25 $0"#,
            KINDS,
        );
    }

    #[test]
    fn a_partly_typed_kind_is_replaced_whole_dots_included() {
        let typed = r#"
case "1"
  procedure children-statutory

2024-03-25 stage1.re$0"#;
        check(typed, KINDS);
        assert_eq!(replaced(typed), "stage1.re");
        // In the middle of a word, the part before the cursor.
        assert_eq!(
            replaced(
                "case \"1\"\n  procedure children-statutory\n\n2024-03-25 stage1.rec$0eived\n"
            ),
            "stage1.rec"
        );
    }

    #[test]
    fn a_case_with_no_procedure_line_offers_only_the_generic_kinds() {
        check(
            r#"
case "1"

2024-03-25 $0"#,
            r#"
Keyword note — anything worth recording; no checks
Keyword done — recommendations or promises carried out on this date
Keyword declined — a reasoned decision not to carry them out
Keyword partial — progress, but still open
"#,
        );
    }

    /// `r1` is open; `m1` was done on 10 November.
    const IDS: &str = r#"
case "1"
  procedure children-statutory

2024-11-01 stage2.report
  rec r1 "Apologise"
  promise m1 "Meet"
2024-11-10 done m1
"#;

    #[test]
    fn after_done_the_ids_open_ones_first() {
        let expect = r#"
Id r1 — open [Apologise] sort 000000
Id m1 — addressed [Meet] sort 100001
"#;
        check(&format!("{IDS}2024-11-20 done $0"), expect);
        check(&format!("{IDS}2024-11-20 partial r$0"), expect);
        // An `agree` line takes IDs too.
        check(
            &IDS.replace("2024-11-10 done m1\n", "  agree $0\n"),
            r#"
Id r1 — open [Apologise] sort 000000
Id m1 — open [Meet] sort 000001
"#,
        );
    }

    #[test]
    fn kinds_that_take_no_ids_get_nothing_after_them() {
        check(&format!("{IDS}2024-11-20 note $0"), "");
    }

    #[test]
    fn a_header_child_line_offers_the_header_keys() {
        check(
            r#"
case "1"
  $0"#,
            r#"
HeaderKey title — a short title for the case
HeaderKey body — the organisation complained about
HeaderKey complainant — who complained, anonymised
HeaderKey procedure — the complaints procedures the case went through
HeaderKey calendar — the working-day calendar (default england-and-wales)
HeaderKey as-of — the date at which open deadlines are judged
HeaderKey related — a related case reference
HeaderKey source — where the decision was published
"#,
        );
    }

    #[test]
    fn an_entry_child_line_offers_the_child_keywords() {
        check(
            r#"
case "1"
  procedure children-statutory

2024-11-01 stage2.report
  $0"#,
            r#"
Keyword rec — a recommendation made at this event
Keyword promise — a commitment the organisation made
Keyword agree — the organisation accepted these recommendations
Keyword extended — this stage was formally extended
Keyword exception — a limit switched off for a reason the procedure allows: exception TARGET "reason"
"#,
        );
    }

    #[test]
    fn the_header_s_procedure_and_calendar_lines_offer_names() {
        // Built-ins and the workspace's own, sorted.
        check(
            r#"
//- /w/defs/local.case
procedure local
  event a.received "Received"
//- /w/case.case
case "1"
  procedure lgsco $0"#,
            r#"
Definition adult-social-care — procedure
Definition children-statutory — procedure
Definition council-code — procedure
Definition eir — procedure
Definition foi — procedure
Definition housing-code — procedure
Definition lgsco — procedure
Definition local — procedure
Definition nipso — procedure
Definition sar — procedure
Definition send-ehc — procedure
Definition send-review — procedure
Definition spso — procedure
Definition wales-social-services — procedure
"#,
        );
        check(
            r#"
case "1"
  calendar $0"#,
            r#"
Definition england-and-wales — calendar
Definition scotland — calendar
Definition northern-ireland — calendar
Definition weekdays — calendar
Definition uk-any — calendar
"#,
        );
    }

    #[test]
    fn a_procedure_block_offers_its_keywords_and_events() {
        let defs = r#"
procedure local
  use children-statutory
  event a.received "Received"
  event a.response "Response"
"#;
        check(
            &format!("{defs}  $0"),
            r#"
Keyword title — the procedure's full name
Keyword source — the regulation or guidance it follows
Keyword use — include another procedure's definitions
Keyword event — an event kind: event NAME "label" [recommends] [ends]
Keyword deadline — deadline TARGET within DUR of START [extendable to DUR]
Keyword require — require A before B
Keyword calendar — the calendar its deadlines count in, whatever the case's
Keyword pause — pause TARGET from EVENT until EVENT: days that do not count
Keyword exception — exception TARGET...: limits a case may switch off, with a reason
"#,
        );
        // The events it declares, then those of the procedures it uses.
        let events = r#"
Event a.received — Received
Event a.response — Response
Event stage1.received — receipt of the complaint
Event stage1.response — stage 1 response
Event stage2.requested — stage 2 request
Event stage2.report — investigating officer's report
Event stage2.adjudication — stage 2 adjudication
Event stage3.requested — stage 3 request
Event stage3.panel — review panel
Event stage3.report — panel's report
Event stage3.response — response to the panel
"#;
        check(&format!("{defs}  deadline $0"), events);
        check(
            &format!("{defs}  deadline a.response within 5wd of a.$0"),
            events,
        );
        check(&format!("{defs}  require a.received before $0"), events);
        // Not where a name goes.
        check(&format!("{defs}  deadline a.response within $0"), "");
    }

    #[test]
    fn a_calendar_block_offers_its_keywords_and_calendars() {
        let defs = "calendar office\n";
        check(
            &format!("{defs}  $0"),
            r#"
Keyword extends — include other calendars' closed days
Keyword closed — days the organisation was closed
"#,
        );
        check(
            &format!("{defs}  extends $0"),
            r#"
Definition england-and-wales — calendar
Definition scotland — calendar
Definition northern-ireland — calendar
Definition weekdays — calendar
Definition uk-any — calendar
Definition office — calendar
"#,
        );
    }
}
