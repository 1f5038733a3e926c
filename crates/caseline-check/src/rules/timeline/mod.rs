//! Rules about the timeline itself: parsing, dates, event kinds and the header.
//! Like every rule, these read only the analysis context (`analysis::Cx`):
//! no files, no clock, no terminal.

pub mod date_invalid;
pub mod date_order;
pub mod event_unknown;
pub mod header_unknown_key;
pub mod syntax;
