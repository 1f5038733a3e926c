//! `textDocument/semanticTokens/full`: the highlights query's captures, split per
//! line (VS Code has no multi-line tokens) and measured in the negotiated units.

use tower_lsp_server::ls_types::{SemanticTokens, SemanticTokensParams, SemanticTokensResult};

use crate::capabilities;
use crate::convert;
use crate::handlers::snapshot;
use crate::session::Session;

pub fn handle(
    session: &Session,
    p: SemanticTokensParams,
) -> anyhow::Result<Option<SemanticTokensResult>> {
    let Some(snap) = snapshot(session, &p.text_document.uri) else {
        return Ok(None);
    };
    let tokens: Vec<(caseline_syntax::TextRange, u32)> = caseline_syntax::highlights(&snap.parse)
        .into_iter()
        .filter_map(|(range, h)| capabilities::token_type(h).map(|t| (range, t)))
        .collect();
    Ok(Some(SemanticTokensResult::Tokens(SemanticTokens {
        result_id: None,
        data: convert::semantic_tokens(snap.index(), &tokens, snap.encoding),
    })))
}
