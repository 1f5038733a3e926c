//! The outline. A case shows its header, then each entry (date and kind) with
//! its recommendations and promises as children; a definitions file shows its
//! procedures (with their events) and calendars.

use caseline_syntax::ast::{EntryChild, RecKind};
use caseline_syntax::{Parse, TextRange};

/// What a symbol stands for, for the editor's icon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    /// The case header.
    Case,
    /// An entry of the timeline.
    Entry,
    /// A `rec` or `promise` line.
    Recommendation,
    /// An `event` declared in a procedure.
    EventDecl,
    Procedure,
    Calendar,
}

/// One outline item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    /// Never blank (`?` stands in for a name the text does not give).
    pub name: String,
    pub detail: Option<String>,
    pub kind: SymbolKind,
    /// The whole block, child lines included.
    pub range: TextRange,
    /// The part to select and reveal; always inside `range`.
    pub selection_range: TextRange,
    pub children: Vec<Symbol>,
}

impl Symbol {
    fn new(
        name: String,
        detail: Option<String>,
        kind: SymbolKind,
        range: TextRange,
        selection: TextRange,
        children: Vec<Symbol>,
    ) -> Symbol {
        // The selection must lie inside the range; clamp rather than trust the input.
        let selection_range = range.intersect(selection).unwrap_or(range);
        let name = if name.trim().is_empty() {
            "?".to_owned()
        } else {
            name
        };
        Symbol {
            name,
            detail,
            kind,
            range,
            selection_range,
            children,
        }
    }
}

/// The outline of the whole file, in file order within each kind of block.
pub fn document_symbols(parse: &Parse) -> Vec<Symbol> {
    let doc = parse.document();
    let slice = |r: TextRange| {
        parse
            .text()
            .get(usize::from(r.start())..usize::from(r.end()))
            .unwrap_or("?")
    };
    let mut out = Vec::new();
    if let Some(h) = &doc.header {
        let name = h
            .reference
            .as_ref()
            .map(|r| format!("case {}", r.value))
            .unwrap_or_else(|| "case".to_owned());
        let detail = h.title.as_ref().map(|t| t.value.clone());
        out.push(Symbol::new(
            name,
            detail,
            SymbolKind::Case,
            h.range,
            h.head_range,
            vec![],
        ));
    }
    for entry in &doc.entries {
        let date = slice(entry.date_range);
        let kind = entry.kind.as_ref().map(|k| k.value.as_str()).unwrap_or("?");
        let mut children = Vec::new();
        for child in &entry.children {
            if let EntryChild::Rec(rec) = child {
                let word = match rec.kind {
                    RecKind::Rec => "rec",
                    RecKind::Promise => "promise",
                };
                children.push(Symbol::new(
                    format!("{word} {}", rec.id.value),
                    rec.text.as_ref().map(|t| t.value.clone()),
                    SymbolKind::Recommendation,
                    rec.range,
                    rec.id.range,
                    vec![],
                ));
            }
        }
        out.push(Symbol::new(
            format!("{date} {kind}"),
            entry.text.as_ref().map(|t| t.value.clone()),
            SymbolKind::Entry,
            entry.range,
            entry.head_range,
            children,
        ));
    }
    for proc in &doc.procedures {
        let events = proc
            .events
            .iter()
            .map(|e| {
                Symbol::new(
                    e.name.value.clone(),
                    e.label.as_ref().map(|l| l.value.clone()),
                    SymbolKind::EventDecl,
                    e.range,
                    e.name.range,
                    vec![],
                )
            })
            .collect();
        out.push(Symbol::new(
            format!("procedure {}", proc.name.value),
            proc.title.as_ref().map(|t| t.value.clone()),
            SymbolKind::Procedure,
            proc.range,
            proc.name.range,
            events,
        ));
    }
    for cal in &doc.calendars {
        out.push(Symbol::new(
            format!("calendar {}", cal.name.value),
            None,
            SymbolKind::Calendar,
            cal.range,
            cal.name.range,
            vec![],
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::fixture::Fixture;

    /// The outline, one symbol a line, children indented: kind, name, detail,
    /// and the text its selection covers.
    fn outline(fixture: &str) -> String {
        let f = Fixture::new(fixture);
        fn walk(f: &Fixture, symbols: &[super::Symbol], depth: usize, out: &mut String) {
            for s in symbols {
                assert!(s.range.contains_range(s.selection_range), "{}", s.name);
                out.push_str(&format!("{}{:?} {}", "  ".repeat(depth), s.kind, s.name));
                if let Some(d) = &s.detail {
                    out.push_str(&format!(" — {d}"));
                }
                out.push_str(&format!(" @ «{}»\n", f.slice(s.selection_range)));
                walk(f, &s.children, depth + 1, out);
            }
        }
        let mut out = String::new();
        walk(&f, &super::document_symbols(&f.parse), 0, &mut out);
        out
    }

    #[track_caller]
    fn check(fixture: &str, expect: &str) {
        assert_eq!(
            outline(fixture),
            expect.strip_prefix('\n').unwrap_or(expect)
        );
    }

    #[test]
    fn a_case_is_its_header_then_its_entries_with_their_recommendations() {
        check(
            r#"
case "24 003 873"$0
  title "Eligibility assessment"
  procedure children-statutory

2024-02-21 stage2.adjudication "Accepted the delay"
  promise m1 "Offer a meeting"
? ombudsman.received
2025-02-18 note
  rec o1 within 4w "Re-offer the £150"
"#,
            r#"
Case case 24 003 873 — Eligibility assessment @ «case "24 003 873"»
Entry 2024-02-21 stage2.adjudication — Accepted the delay @ «2024-02-21 stage2.adjudication "Accepted the delay"»
  Recommendation promise m1 — Offer a meeting @ «m1»
Entry ? ombudsman.received @ «? ombudsman.received»
Entry 2025-02-18 note @ «2025-02-18 note»
  Recommendation rec o1 — Re-offer the £150 @ «o1»
"#,
        );
    }

    #[test]
    fn a_case_line_without_a_reference_is_just_case() {
        check(
            "case$0\n\n2024-01-02 note\n",
            "Case case @ «case»\nEntry 2024-01-02 note @ «2024-01-02 note»\n",
        );
    }

    #[test]
    fn a_file_without_a_case_line_lists_its_entries() {
        check(
            "2024-01-02 note$0\n2024-01-03 stage1.received\n",
            "Entry 2024-01-02 note @ «2024-01-02 note»\nEntry 2024-01-03 stage1.received @ «2024-01-03 stage1.received»\n",
        );
    }

    #[test]
    fn a_definitions_file_is_its_procedures_with_their_events_and_its_calendars() {
        check(
            r#"
procedure local$0
  title "Local procedure"
  event a.received "Received"
  event a.response
  deadline a.response within 5wd of a.received

calendar office
  extends england-and-wales
  closed 2024-12-27 "Offices closed"
"#,
            r#"
Procedure procedure local — Local procedure @ «local»
  EventDecl a.received — Received @ «a.received»
  EventDecl a.response @ «a.response»
Calendar calendar office @ «office»
"#,
        );
    }
}
