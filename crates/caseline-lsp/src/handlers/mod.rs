//! Request and notification handlers, one file per LSP method, plus the LSP
//! plumbing they share: finding a snapshot, turning a `caseline_ide::FileRef`
//! into a URI and a location, turning a text change into one minimal edit.
//!
//! Handlers are synchronous and short: they read params, take a snapshot,
//! convert positions (`convert.rs`), call `caseline-ide` (or `caseline-syntax`,
//! `caseline-check`), and convert the answer. Must not hold domain logic: what
//! an editor feature shows is decided in `caseline-ide`.

pub mod notifications;
pub mod publish_diagnostics;
pub mod requests;

use std::sync::Arc;

use caseline_ide::FileRef;
use caseline_syntax::{Parse, TextRange};
use tower_lsp_server::ls_types::{Location, Uri};

use crate::convert;
use crate::session::{DocumentSnapshot, Session};

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

/// The address of `file` for the client and the parse its byte ranges are
/// measured in: this document's own, or the workspace's copy of a definitions
/// file, or a built-in procedure's source (`caseline-builtin:`). If that other
/// document is open, its current snapshot is newer than the workspace copy,
/// but both come from the same text until the next edit, so the workspace's
/// parse is the right one.
pub fn file_of(snap: &DocumentSnapshot, file: &FileRef) -> Option<(Uri, Arc<Parse>)> {
    match file {
        FileRef::Current => Some((snap.uri.clone(), Arc::clone(&snap.parse))),
        FileRef::Other(origin) => Some((
            crate::workspace::origin_uri(origin)?,
            caseline_ide::source_parse(&snap.workspace, origin)?,
        )),
    }
}

/// A byte range in `file` as an LSP location.
pub fn location(snap: &DocumentSnapshot, file: &FileRef, range: TextRange) -> Option<Location> {
    let (uri, parse) = file_of(snap, file)?;
    Some(Location::new(
        uri,
        convert::range(parse.line_index(), range, snap.encoding),
    ))
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
