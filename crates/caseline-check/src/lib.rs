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

#[cfg(test)]
mod testing;

pub use analysis::{Analysis, CheckOptions, DEFAULT_CALENDAR, check};
pub use config::{Config, ConfigError};
pub use definitions::{DeadlineDef, Definitions, EventDef, Procedure, RequireDef};
pub use diagnostic::{Acknowledged, Diagnostic, Fix, Related, Severity};
pub use records::{CountRange, CountUnit, DeadlineRecord, DeadlineStatus, RecRecord, RecStatus};
pub use registry::{REDIRECTS, Rule};
pub use rules::Status;
