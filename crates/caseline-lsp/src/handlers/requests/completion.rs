//! `textDocument/completion`: `caseline_ide::completions` at the cursor, with
//! today's date (the server reads the clock; the ide layer never does), each
//! item an edit of the word being typed. What is offered is decided there.

use caseline_ide::CompletionKind;
use tower_lsp_server::ls_types::{
    CompletionItem, CompletionItemKind, CompletionParams, CompletionResponse, CompletionTextEdit,
    Documentation, TextEdit,
};

use crate::convert;
use crate::handlers::snapshot;
use crate::session::{Session, today};

pub fn handle(
    session: &Session,
    p: CompletionParams,
) -> anyhow::Result<Option<CompletionResponse>> {
    let tdp = p.text_document_position;
    let Some(snap) = snapshot(session, &tdp.text_document.uri) else {
        return Ok(None);
    };
    let offset = convert::offset(snap.index(), tdp.position, snap.encoding);
    let items = caseline_ide::completions(&snap.parse, &snap.workspace, offset, today())
        .into_iter()
        .map(|item| CompletionItem {
            label: item.label,
            kind: Some(kind(item.kind)),
            detail: item.detail,
            documentation: item.documentation.map(Documentation::String),
            sort_text: item.sort_text,
            text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                range: convert::range(snap.index(), item.edit_range, snap.encoding),
                new_text: item.insert_text,
            })),
            ..Default::default()
        })
        .collect();
    Ok(Some(CompletionResponse::Array(items)))
}

fn kind(kind: CompletionKind) -> CompletionItemKind {
    match kind {
        CompletionKind::Date => CompletionItemKind::CONSTANT,
        CompletionKind::Keyword => CompletionItemKind::KEYWORD,
        CompletionKind::HeaderKey => CompletionItemKind::PROPERTY,
        CompletionKind::Definition => CompletionItemKind::MODULE,
        CompletionKind::Event => CompletionItemKind::EVENT,
        CompletionKind::Id => CompletionItemKind::VALUE,
    }
}
