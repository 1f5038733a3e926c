//! caseline-robustness: a tests-only crate. Its integration tests (in `tests/`)
//! feed caseline the inputs people and editors really produce when things go
//! wrong — empty, huge, binary, half-typed or contradictory files (the corpus in
//! the workspace's `tests/bad/`, see `tests/bad/EXPECTED.md`), the crashes the
//! fuzzers in `fuzz/` found, and the "no network" promise — and assert a clear
//! answer, never a panic, in bounded time.
//!
//! There is deliberately no code here: nothing may depend on this crate, and it
//! must not depend on LSP or terminal code (the CLI is driven as a separate
//! process, the way a user runs it).
