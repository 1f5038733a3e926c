//! End-to-end tests of the `caseline` binary: each runs the real executable
//! (`CARGO_BIN_EXE_caseline`) with arguments and files, and checks stdout, stderr
//! and the exit code. Wired as the `cli` test target of `crates/caseline`.
//!
//! Expected values come from the rules (FORMAT.md, EXPECTED.md) worked out by hand,
//! never from pasting the program's output. Nothing here reads the clock: every
//! case pins its `as-of` date, or the test passes `--as-of`.

mod calendar;
mod check;
mod commands;
mod formats;
mod readme;
mod support;
mod workspace;
