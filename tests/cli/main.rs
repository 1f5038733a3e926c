//! End-to-end tests of the `caseline` binary: each runs the real executable
//! (`CARGO_BIN_EXE_caseline`) with arguments and files, and checks stdout, stderr
//! and the exit code. Wired as the `cli` test target of `crates/caseline`.
//!
//! Expected values come from the rules (docs/format.md, EXPECTED.md) worked out by hand,
//! never from pasting the program's output. Nothing here reads the clock: every
//! case pins its `as-of` date, or the test passes `--as-of`.

mod bad_inputs;
mod calendar;
mod check;
mod commands;
mod formats;
mod new;
mod privacy;
mod readme;
mod report;
mod support;
mod workspace;

// Shared with other crates' tests (std only, so included by path).
#[path = "../support/ci.rs"]
mod ci;
#[path = "../support/expected.rs"]
mod expected;
