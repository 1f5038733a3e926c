//! End-to-end tests of the language server over in-memory pipes with real
//! JSON-RPC framing. Expected values come from the rules (docs/format.md,
//! tests/cases/EXPECTED.md) or, for "same as the CLI", from `caseline_check::check`
//! on the same text. Must not depend on server internals.

mod harness;

// The CI rule (skip on a developer's machine, fail under CI), shared with the
// CLI and report suites.
#[path = "../../../../tests/support/ci.rs"]
mod ci;
// The expected-findings tables of tests/cases/, read rather than copied.
#[path = "../../../../tests/support/expected.rs"]
mod expected;

mod bad_inputs;
mod binary;
mod decision_wording;
mod diagnostics;
mod engine_facts;
mod features;
mod no_silent_passes;
mod ordering;
mod positions;
mod privacy;
mod soak;
mod stress;
mod support;
mod timeline;
mod workspace;
