//! caseline-check: procedures, the analysis of a case timeline, and the rule registry.
//! Knows nothing of LSP, JSON or terminals; reads no files and no clock.
//!
//! Entry points: [`Definitions`] (built-in + workspace procedures and calendars),
//! [`check`] (one file), [`Config`] (`caseline.toml`), and [`Rule`] (the registry
//! behind `caseline explain`).

#[macro_use]
pub mod rules;

mod analysis;
mod config;
mod definitions;
mod diagnostic;
mod records;
mod registry;
mod suggest;
pub mod wording;

#[cfg(test)]
mod testing;

/// The calendar types the records and [`Analysis`] carry, so that front ends
/// read the engine's facts without depending on `caseline-calendar` (and so
/// cannot count working days or resolve a calendar themselves).
pub use caseline_calendar::{Calendar, Duration, Holiday, Interval, Unit};

pub use analysis::{Analysis, CheckOptions, DEFAULT_CALENDAR, check, check_with};
pub use config::{Config, ConfigError};
pub use definitions::{
    DeadlineDef, Definitions, EventDef, ExceptionDef, Outcome, PauseDef, Procedure, RequireDef,
    duration,
};
pub use diagnostic::{Acknowledged, Diagnostic, Fix, Related, Severity};
pub use records::{
    Checked, CountRange, CountUnit, Counting, DeadlineRecord, DeadlineStatus, DueAfter, NotJudged,
    RecRecord, RecStatus,
};
pub use registry::{REDIRECTS, Rule};
pub use rules::Status;
pub use suggest::suggestions;

#[cfg(test)]
mod tests {
    /// The LSP shares these across tasks and threads.
    #[test]
    fn shared_types_are_send_and_sync() {
        fn assert_send_sync<T: Send + Sync + Clone>() {}
        assert_send_sync::<crate::Definitions>();
        assert_send_sync::<crate::Analysis>();
        assert_send_sync::<crate::Config>();
        assert_send_sync::<crate::CheckOptions>();
    }
}
