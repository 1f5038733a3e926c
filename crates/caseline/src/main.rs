//! The `caseline` binary: arguments, logging, exit codes, rendering.

fn main() {}
