//! `textDocument/definition`: `caseline_ide::goto_definition` at the cursor.
//! An ID answers with every line defining it (a list), an event kind or a
//! procedure with its one declaration, which may be in a workspace file or in
//! a read-only `caseline-builtin:` document.

use caseline_ide::GotoDefinition;
use tower_lsp_server::ls_types::{GotoDefinitionParams, GotoDefinitionResponse};

use crate::convert;
use crate::handlers::{location, snapshot};
use crate::session::Session;

pub fn handle(
    session: &Session,
    p: GotoDefinitionParams,
) -> anyhow::Result<Option<GotoDefinitionResponse>> {
    let tdp = p.text_document_position_params;
    let Some(snap) = snapshot(session, &tdp.text_document.uri) else {
        return Ok(None);
    };
    let offset = convert::offset(snap.index(), tdp.position, snap.encoding);
    let found = caseline_ide::goto_definition(&snap.parse, &snap.workspace, offset);
    Ok(match found {
        None => None,
        Some(GotoDefinition::Declaration(target)) => {
            location(&snap, &target.file, target.range).map(GotoDefinitionResponse::Scalar)
        }
        Some(GotoDefinition::IdDefinitions(targets)) => Some(GotoDefinitionResponse::Array(
            targets
                .iter()
                .filter_map(|t| location(&snap, &t.file, t.range))
                .collect(),
        )),
    })
}
