//! `textDocument/documentSymbol`: the outline. A case shows its header, then each
//! entry (date and kind) with its recommendations and promises as children; a
//! definitions file shows its procedures (with their events) and calendars.

use caseline_syntax::TextRange;
use caseline_syntax::ast::{EntryChild, RecKind};
use tower_lsp_server::ls_types::{
    DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, SymbolKind,
};

use crate::convert;
use crate::handlers::snapshot;
use crate::session::{DocumentSnapshot, Session};

pub fn handle(
    session: &Session,
    p: DocumentSymbolParams,
) -> anyhow::Result<Option<DocumentSymbolResponse>> {
    let Some(snap) = snapshot(session, &p.text_document.uri) else {
        return Ok(None);
    };
    let doc = snap.parse.document();
    let mut out = Vec::new();
    if let Some(h) = &doc.header {
        let name = h
            .reference
            .as_ref()
            .map(|r| format!("case {}", r.value))
            .unwrap_or_else(|| "case".to_owned());
        let detail = h.title.as_ref().map(|t| t.value.clone());
        out.push(symbol(
            &snap,
            name,
            detail,
            SymbolKind::MODULE,
            h.range,
            h.head_range,
            vec![],
        ));
    }
    for entry in &doc.entries {
        let date = slice(&snap, entry.date_range);
        let kind = entry.kind.as_ref().map(|k| k.value.as_str()).unwrap_or("?");
        let mut children = Vec::new();
        for child in &entry.children {
            if let EntryChild::Rec(rec) = child {
                let word = match rec.kind {
                    RecKind::Rec => "rec",
                    RecKind::Promise => "promise",
                };
                children.push(symbol(
                    &snap,
                    format!("{word} {}", rec.id.value),
                    rec.text.as_ref().map(|t| t.value.clone()),
                    SymbolKind::CONSTANT,
                    rec.range,
                    rec.id.range,
                    vec![],
                ));
            }
        }
        out.push(symbol(
            &snap,
            format!("{date} {kind}"),
            entry.text.as_ref().map(|t| t.value.clone()),
            SymbolKind::EVENT,
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
                symbol(
                    &snap,
                    e.name.value.clone(),
                    e.label.as_ref().map(|l| l.value.clone()),
                    SymbolKind::EVENT,
                    e.range,
                    e.name.range,
                    vec![],
                )
            })
            .collect();
        out.push(symbol(
            &snap,
            format!("procedure {}", proc.name.value),
            proc.title.as_ref().map(|t| t.value.clone()),
            SymbolKind::NAMESPACE,
            proc.range,
            proc.name.range,
            events,
        ));
    }
    for cal in &doc.calendars {
        out.push(symbol(
            &snap,
            format!("calendar {}", cal.name.value),
            None,
            SymbolKind::NAMESPACE,
            cal.range,
            cal.name.range,
            vec![],
        ));
    }
    Ok(Some(DocumentSymbolResponse::Nested(out)))
}

fn slice(snap: &DocumentSnapshot, r: TextRange) -> &str {
    snap.text()
        .get(usize::from(r.start())..usize::from(r.end()))
        .unwrap_or("?")
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be filled in.
fn symbol(
    snap: &DocumentSnapshot,
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    range: TextRange,
    selection: TextRange,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    // The selection must lie inside the range; clamp rather than trust the input.
    let selection = range.intersect(selection).unwrap_or(range);
    DocumentSymbol {
        name: if name.trim().is_empty() {
            "?".to_owned()
        } else {
            name
        },
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: convert::range(snap.index(), range, snap.encoding),
        selection_range: convert::range(snap.index(), selection, snap.encoding),
        children: (!children.is_empty()).then_some(children),
    }
}
