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
        crate::wording::when(cx.timeline.spec[r.entry], cx.timeline.iv[r.entry])
    )
}

/// Inserts `YYYY-MM-DD done ID` where the as-of date falls in the timeline,
/// for the user to write the real date: the placeholder does not parse, so
/// the finding stays until they do. A fix never records a date the user did
/// not give (the as-of date is when the case was judged, not when anything
/// was done).
pub(crate) fn done_fix(cx: &Cx, id: &str) -> Fix {
    let slot = cx.as_of_slot();
    let edit = cx.insert_line_edit(slot, &format!("{DATE_PLACEHOLDER} done {id}"));
    Fix::new(
        format!("Record `{id}` as done (then write the date it was done)"),
        vec![edit],
    )
}

/// What a fix writes where only the user knows the date.
pub(crate) const DATE_PLACEHOLDER: &str = "YYYY-MM-DD";
