//! Recommendation and promise IDs: where each is defined and referred to.
//! IDs are per file (docs/format.md#tokens), so this never looks beyond the document.

use caseline_syntax::TextRange;
use caseline_syntax::TextSize;
use caseline_syntax::ast::{Document, EntryChild, Spanned};

/// Where a recommendation/promise ID occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdOccurrence {
    pub name: String,
    pub range: TextRange,
    /// True on the `rec`/`promise` line that defines it.
    pub is_definition: bool,
}

/// Every occurrence of every recommendation ID, in file order.
pub fn id_occurrences(doc: &Document) -> Vec<IdOccurrence> {
    let mut out = Vec::new();
    let mut push = |s: &Spanned<String>, is_definition| {
        out.push(IdOccurrence {
            name: s.value.clone(),
            range: s.range,
            is_definition,
        })
    };
    for entry in &doc.entries {
        for id in &entry.ids {
            push(id, false);
        }
        for child in &entry.children {
            match child {
                EntryChild::Rec(rec) => push(&rec.id, true),
                EntryChild::Agree(agree) => {
                    for id in &agree.ids {
                        push(id, false);
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// The ID occurrence under `offset` (the end of an ID counts, so a cursor just
/// after it still finds it).
pub fn id_at(doc: &Document, offset: TextSize) -> Option<IdOccurrence> {
    id_occurrences(doc)
        .into_iter()
        .find(|o| o.range.contains_inclusive(offset))
}
