//! Rules about the timeline itself: parsing, dates, event kinds and the header.

pub mod date_invalid;
pub mod date_order;
pub mod event_unknown;
pub mod header_unknown_key;
pub mod syntax;
