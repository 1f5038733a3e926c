//! Rules about procedure and calendar definitions. `procedure-unknown` is also
//! checked in case headers; the others are found by `Definitions::with_workspace`.
//! Like every rule, these read only the analysis context (`analysis::Cx`):
//! no files, no clock, no terminal.

pub mod definition_conflict;
pub mod procedure_unknown;
pub mod require_cycle;
