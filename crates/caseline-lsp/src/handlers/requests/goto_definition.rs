//! `textDocument/definition`: on a recommendation ID, its `rec`/`promise` line;
//! on an event kind, its `event` declaration in the procedure that defines it
//! (a workspace definitions file, or a read-only `caseline-builtin:` document);
//! on a procedure name in the header, that procedure.

use caseline_syntax::{LineIndex, TextRange, TextSize};
use tower_lsp_server::ls_types::{GotoDefinitionParams, GotoDefinitionResponse, Location, Uri};

use crate::convert;
use crate::handlers::{
    case_procedures, find_event, id_at, id_occurrences, procedure_sources, snapshot,
};
use crate::session::{DocumentSnapshot, Session};

pub fn handle(
    session: &Session,
    p: GotoDefinitionParams,
) -> anyhow::Result<Option<GotoDefinitionResponse>> {
    let tdp = p.text_document_position_params;
    let Some(snap) = snapshot(session, &tdp.text_document.uri) else {
        return Ok(None);
    };
    let offset = convert::offset(snap.index(), tdp.position, snap.encoding);
    let doc = snap.parse.document();

    if let Some(id) = id_at(doc, offset) {
        let locations: Vec<Location> = id_occurrences(doc)
            .into_iter()
            .filter(|o| o.is_definition && o.name == id.name)
            .map(|o| local(&snap, o.range))
            .collect();
        return Ok((!locations.is_empty()).then_some(GotoDefinitionResponse::Array(locations)));
    }

    let kind = doc
        .entries
        .iter()
        .filter_map(|e| e.kind.as_ref())
        .find(|k| k.range.contains_inclusive(offset));
    if let Some(kind) = kind {
        let sources = procedure_sources(&snap.workspace, &case_procedures(doc));
        if let Some((source, decl)) = find_event(&sources, &kind.value) {
            let loc = remote(
                &snap,
                &source.uri,
                source.parse.line_index(),
                decl.name.range,
            );
            return Ok(Some(GotoDefinitionResponse::Scalar(loc)));
        }
        return Ok(None);
    }

    let proc_name = doc
        .header
        .as_ref()
        .and_then(|h| h.procedures.as_ref())
        .and_then(|ps| ps.iter().find(|p| p.range.contains_inclusive(offset)));
    if let Some(name) = proc_name {
        let sources = procedure_sources(&snap.workspace, std::slice::from_ref(&name.value));
        if let Some(source) = sources.first()
            && let Some(def) = source.def()
        {
            let loc = remote(
                &snap,
                &source.uri,
                source.parse.line_index(),
                def.name.range,
            );
            return Ok(Some(GotoDefinitionResponse::Scalar(loc)));
        }
    }
    Ok(definitions_file_target(&snap, offset))
}

/// Inside a `procedure` block: an event named by a `deadline` or `require`
/// line goes to its `event` line (here or in a procedure it uses), and a
/// `use NAME` goes to that procedure.
fn definitions_file_target(
    snap: &DocumentSnapshot,
    offset: TextSize,
) -> Option<GotoDefinitionResponse> {
    let doc = snap.parse.document();
    let proc = doc
        .procedures
        .iter()
        .find(|p| p.range.contains_inclusive(offset))?;
    if let Some(used) = proc
        .uses
        .iter()
        .find(|u| u.range.contains_inclusive(offset))
    {
        let sources = procedure_sources(&snap.workspace, std::slice::from_ref(&used.value));
        let source = sources.first()?;
        let def = source.def()?;
        let loc = remote(snap, &source.uri, source.parse.line_index(), def.name.range);
        return Some(GotoDefinitionResponse::Scalar(loc));
    }
    let named = proc
        .deadlines
        .iter()
        .flat_map(|d| [&d.target, &d.start])
        .chain(proc.requires.iter().flat_map(|r| [&r.first, &r.then]))
        .find(|n| n.range.contains_inclusive(offset))?;
    if let Some(decl) = proc.events.iter().find(|e| e.name.value == named.value) {
        return Some(GotoDefinitionResponse::Scalar(local(snap, decl.name.range)));
    }
    let used: Vec<String> = proc.uses.iter().map(|u| u.value.clone()).collect();
    let sources = procedure_sources(&snap.workspace, &used);
    let (source, decl) = find_event(&sources, &named.value)?;
    let loc = remote(
        snap,
        &source.uri,
        source.parse.line_index(),
        decl.name.range,
    );
    Some(GotoDefinitionResponse::Scalar(loc))
}

fn local(snap: &DocumentSnapshot, range: TextRange) -> Location {
    Location::new(
        snap.uri.clone(),
        convert::range(snap.index(), range, snap.encoding),
    )
}

/// A location in another document. If that document is open, its current
/// snapshot is newer than the workspace copy, but both come from the same text
/// until the next edit, so the workspace's index is the right one.
fn remote(snap: &DocumentSnapshot, uri: &Uri, index: &LineIndex, range: TextRange) -> Location {
    Location::new(uri.clone(), convert::range(index, range, snap.encoding))
}
