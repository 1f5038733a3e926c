//! Request and notification handlers, one file per LSP method, plus the few
//! helpers they share (finding a snapshot, reading procedure sources, finding
//! recommendation IDs, turning a text change into one minimal edit).
//!
//! Handlers are synchronous and short: they read params, take a snapshot, call
//! `caseline-check` or `caseline-syntax`, and convert. Must not hold rule logic.

pub mod notifications;
pub mod publish_diagnostics;
pub mod requests;

use std::sync::Arc;

use caseline_syntax::ast::{Document, EntryChild, EventDecl, ProcedureDef, Spanned};
use caseline_syntax::{TextRange, TextSize};
use tower_lsp_server::ls_types::Uri;

use crate::convert;
use crate::session::{DocumentSnapshot, Session};
use crate::workspace::Workspace;

/// The current snapshot of an open document, or `None` (logged) for a document
/// the client never opened: requests on it get an empty answer, not an error.
pub fn snapshot(session: &Session, uri: &Uri) -> Option<Arc<DocumentSnapshot>> {
    let snap = session.snapshot(uri);
    if snap.is_none() {
        tracing::info!(
            uri = uri.as_str(),
            "request for a document that is not open"
        );
    }
    snap
}

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

/// A procedure's parsed source and where it can be opened.
pub struct ProcedureSource {
    pub name: String,
    pub uri: Uri,
    pub parse: std::sync::Arc<caseline_syntax::Parse>,
}

impl ProcedureSource {
    /// The `procedure NAME` block of this source.
    pub fn def(&self) -> Option<&ProcedureDef> {
        self.parse
            .document()
            .procedures
            .iter()
            .find(|p| p.name.value == self.name)
    }
}

/// The sources of `names` and of every procedure they `use`, each once,
/// in breadth-first order.
pub fn procedure_sources(ws: &Workspace, names: &[String]) -> Vec<ProcedureSource> {
    let mut queue: Vec<String> = names.to_vec();
    let mut out: Vec<ProcedureSource> = Vec::new();
    let mut i = 0;
    while i < queue.len() {
        let name = queue[i].clone();
        i += 1;
        if out.iter().any(|s| s.name == name) {
            continue;
        }
        let Some((uri, parse)) = crate::workspace::procedure_location(ws, &name) else {
            continue;
        };
        let source = ProcedureSource { name, uri, parse };
        if let Some(def) = source.def() {
            for used in &def.uses {
                if !queue.contains(&used.value) {
                    queue.push(used.value.clone());
                }
            }
        }
        out.push(source);
    }
    out
}

/// The procedures named in the case header (empty for a file without one).
pub fn case_procedures(doc: &Document) -> Vec<String> {
    doc.header
        .as_ref()
        .and_then(|h| h.procedures.as_ref())
        .map(|ps| ps.iter().map(|p| p.value.clone()).collect())
        .unwrap_or_default()
}

/// The `event` declaration of `kind` among `sources`, with its source.
pub fn find_event<'a>(
    sources: &'a [ProcedureSource],
    kind: &str,
) -> Option<(&'a ProcedureSource, &'a EventDecl)> {
    sources.iter().find_map(|s| {
        let def = s.def()?;
        def.events
            .iter()
            .find(|e| e.name.value == kind)
            .map(|e| (s, e))
    })
}

/// The single replacement that turns `old` into `new`: the differing middle
/// after the common prefix and suffix (cut on character boundaries). `None`
/// when the texts are equal. Keeps the cursor and undo history steady, unlike
/// replacing the whole document.
pub fn minimal_edit(old: &str, new: &str) -> Option<(TextRange, String)> {
    if old == new {
        return None;
    }
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = old.len().min(new.len()) - prefix;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    let (mut start, mut end) = (prefix, old.len() - suffix);
    let mut middle = new[prefix..new.len() - suffix].to_owned();
    // An LSP position cannot point between `\r` and `\n` (both sides of it are
    // "end of line"), so an edit boundary there would be lost: widen it to
    // take in the whole line ending, copying the shared character over.
    if inside_crlf(old, start) {
        start -= 1;
        middle.insert(0, '\r');
    }
    if inside_crlf(old, end) {
        end += 1;
        middle.push('\n');
    }
    Some((
        TextRange::new(convert::text_size(start), convert::text_size(end)),
        middle,
    ))
}

fn inside_crlf(text: &str, offset: usize) -> bool {
    offset > 0
        && text.as_bytes().get(offset - 1) == Some(&b'\r')
        && text.as_bytes().get(offset) == Some(&b'\n')
}

/// `25wd`, `15d`, `4w`, `1m`, `1y`: a duration as the user writes it.
pub fn duration_text(d: &caseline_syntax::ast::DurationLit) -> String {
    use caseline_syntax::ast::DurationUnit as U;
    let unit = match d.unit {
        U::WorkingDays => "wd",
        U::Days => "d",
        U::Weeks => "w",
        U::Months => "m",
        U::Years => "y",
    };
    format!("{}{unit}", d.amount)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(old: &str, new: &str) -> String {
        match minimal_edit(old, new) {
            None => old.to_owned(),
            Some((r, t)) => {
                let mut s = old.to_owned();
                s.replace_range(usize::from(r.start())..usize::from(r.end()), &t);
                s
            }
        }
    }

    #[test]
    fn minimal_edit_round_trips_and_stays_small() {
        for (a, b) in [
            ("abc", "abc"),
            ("abc", "abXc"),
            ("a  b\n", "a b\n"),
            ("é£", "éx£"),
            ("😀", "😁"),
            ("", "x"),
            ("x", ""),
            ("aaa", "aa"),
            ("a\r\nb", "a\nb"),
            ("a\nb", "a\r\nb"),
            ("x\r\n\r\ny", "x\r\ny"),
        ] {
            assert_eq!(apply(a, b), b, "{a:?} -> {b:?}");
        }
        let (r, t) = minimal_edit("a  b\n", "a b\n").unwrap_or_default();
        assert_eq!((u32::from(r.len()), t.as_str()), (1, ""));
        // The two emoji share their first three bytes; the edit must still
        // replace whole characters.
        let (r, t) = minimal_edit("😀", "😁").unwrap_or_default();
        assert_eq!((r, t.as_str()), (TextRange::new(0.into(), 4.into()), "😁"));
        // Dropping the \r of a CRLF: the edit takes in the whole line ending,
        // so both of its ends are positions an editor can express.
        let (r, t) = minimal_edit("a\r\nb", "a\nb").unwrap_or_default();
        assert_eq!((r, t.as_str()), (TextRange::new(1.into(), 3.into()), "\n"));
    }
}
