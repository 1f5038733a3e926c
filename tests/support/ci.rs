//! Whether a test runs under CI, and what a test that needs a missing tool
//! (Chromium, strace, `/proc`) does about it: skip with a message on a
//! developer's machine, fail under CI, so a green CI always means the check ran.
//!
//! One copy for every test crate that needs it (the CLI suite, the report's
//! Chromium test, the language server's soak test), included by path
//! (`#[path = ".../tests/support/ci.rs"] mod ci;`) so that it depends on
//! nothing but `std` and no crate exists just for it. `.ci/run` has the same
//! rule for `CI` in shell (`under_ci`).

#![allow(dead_code)] // each test crate uses its own subset

/// Whether this runs under CI: `CI` is set to anything but empty, `0` or
/// `false` (CI services set `CI=true`, and so does `.ci/run`).
pub fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false" | "FALSE" | "False"))
}

/// A check that needs a tool this machine lacks: on a developer's machine it
/// is skipped with `why` on stderr; under CI it fails, so a green CI always
/// means the check ran.
pub fn cannot_run(why: &str) {
    assert!(
        !under_ci(),
        "{why}; under CI (CI={:?}) this check must run, so a missing tool is a failure",
        std::env::var("CI").unwrap_or_default()
    );
    eprintln!("SKIPPED: {why}");
}
