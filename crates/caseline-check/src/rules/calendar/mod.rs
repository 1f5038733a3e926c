//! Rules about calendars: unknown names and years the holiday data does not cover.

pub mod calendar_coverage;
pub mod calendar_unknown;
