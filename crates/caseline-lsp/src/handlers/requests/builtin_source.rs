//! `caseline/builtinSource` (see `lsp_ext.rs`): the read-only text of a built-in
//! procedure, so clients can show `caseline-builtin:` documents.

use anyhow::Context;

use crate::lsp_ext::{BuiltinSource, BuiltinSourceParams};
use crate::session::Session;
use crate::workspace::builtin_name;

pub fn handle(session: &Session, p: BuiltinSourceParams) -> anyhow::Result<BuiltinSource> {
    let name = builtin_name(&p.uri).context("not a caseline-builtin document")?;
    let ws = session.builtins();
    // The URI names a built-in source file (its origin), which may define
    // more than one procedure: find any procedure that comes from it.
    let origin = format!("builtin:{name}");
    let text = ws
        .definitions
        .procedure_names()
        .iter()
        .filter_map(|p| ws.definitions.procedure_source(p))
        .find(|(o, _)| *o == origin)
        .map(|(_, text)| text.to_owned())
        .with_context(|| format!("there is no built-in procedure source called {name}"))?;
    Ok(BuiltinSource { uri: p.uri, text })
}
