//! The parsed sources of the procedures a file refers to, for the features
//! that show or point into a procedure's own text (an event's declaration,
//! its deadline lines and their citations).

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use caseline_check::Definitions;
use caseline_syntax::Parse;
use caseline_syntax::ast::{Document, EventDecl, ProcedureDef};
use caseline_workspace::{Origin, Workspace};

/// A procedure's parsed source and where it is.
pub struct ProcedureSource {
    pub name: String,
    pub origin: Origin,
    pub parse: Arc<Parse>,
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
        let Some(origin) = ws.procedure_origin(&name) else {
            continue;
        };
        let Some(parse) = crate::navigation::source_parse(ws, &origin) else {
            continue;
        };
        let source = ProcedureSource {
            name,
            origin,
            parse,
        };
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

/// The parse of a built-in procedure's source, by its file name (the `NAME`
/// of its origin `builtin:NAME`).
pub fn builtin_parse(file: &str) -> Option<Arc<Parse>> {
    static PARSES: LazyLock<HashMap<String, Arc<Parse>>> = LazyLock::new(|| {
        let defs = Definitions::builtin();
        defs.procedure_names()
            .into_iter()
            .filter_map(|name| {
                let (origin, text) = defs.procedure_source(&name)?;
                Some((origin.to_owned(), Arc::new(caseline_syntax::parse(text))))
            })
            .collect()
    });
    PARSES.get(&format!("builtin:{file}")).cloned()
}
