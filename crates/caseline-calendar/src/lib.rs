//! caseline-calendar: working-day calendars, durations and date intervals.
//! Knows nothing of syntax, rules, LSP or the system clock.
//!
//! Built-in calendars are `england-and-wales` (the default), `scotland`,
//! `northern-ireland` — UK bank holidays from GOV.UK for 2012–2028, the 1971 Act's
//! rules outside them — and `weekdays` (Monday to Friday only). Workspaces add their
//! own with [`Calendars::define`].
//!
//! The bank holiday data contains public sector information licensed under the Open
//! Government Licence v3.0 (GOV.UK bank holidays, Crown copyright); see `data/README.md`.
//!
//! Counting convention (docs/format.md#durations-and-working-days): `D + N wd` is the N-th
//! working day strictly after D; working days between A and B are those in (A, B].

mod calendar;
mod data;
mod duration;
mod interval;
mod registry;
mod rules;
mod table;

pub use calendar::{Calendar, Holiday, LAST_SUPPORTED_YEAR};
pub use chrono::NaiveDate;
pub use duration::{Duration, Unit};
pub use interval::Interval;
pub use registry::{CalendarError, Calendars, DEFAULT_CALENDAR};

#[cfg(test)]
mod tests;
