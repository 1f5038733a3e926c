//! Rules about recommendations and promises. The life cycle is evaluated in
//! `analysis::recs`; these rules phrase it.
//! Like every rule, these read only the analysis context (`analysis::Cx`):
//! no files, no clock, no terminal.

pub mod declined_without_reason;
pub mod rec_duplicate;
pub mod rec_late;
pub mod rec_misplaced;
pub mod rec_overdue;
pub mod rec_unaddressed;
pub mod rec_unknown;

use caseline_syntax::ast::RecKind;

use crate::analysis::Cx;
use crate::diagnostic::Fix;
use crate::records::RecRecord;

pub(crate) fn noun(kind: RecKind) -> &'static str {
    match kind {
        RecKind::Rec => "recommendation",
        RecKind::Promise => "promise",
    }
}

/// "made at the stage 2 adjudication on 2024-02-21".
pub(crate) fn made_at(cx: &Cx, r: &RecRecord) -> String {
    let kind = cx.doc.entries[r.entry]
        .kind
        .as_ref()
        .map(|k| cx.procs.label(&k.value))
        .unwrap_or_else(|| "entry".to_string());
    format!(
        "made at the {} {}",
        kind,
        crate::analysis::words::when(cx.timeline.spec[r.entry], cx.timeline.iv[r.entry])
    )
}

/// Inserts `AS-OF done ID` where that date belongs in the timeline.
pub(crate) fn done_fix(cx: &Cx, id: &str) -> Fix {
    let slot = cx.as_of_slot();
    let edit = cx.insert_line_edit(slot, &format!("{} done {id}", cx.as_of));
    Fix {
        title: format!("Record `{id}` as done on {}", cx.as_of),
        edits: vec![edit],
    }
}
