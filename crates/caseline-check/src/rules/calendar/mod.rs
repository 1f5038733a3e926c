//! Rules about calendars: unknown names and years the holiday data does not cover.
//! Like every rule, these read only the analysis context (`analysis::Cx`):
//! no files, no clock, no terminal.

pub mod calendar_coverage;
pub mod calendar_unknown;
