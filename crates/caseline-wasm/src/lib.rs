//! caseline-wasm: the engine in the browser (issue 18). One request in, one
//! answer out, both UTF-8 JSON, through a C ABI small enough to need no
//! binding generator (`ffi`): the page (`web/src/engine.js`) writes a request
//! into memory the module allocates, calls `caseline_call`, and reads the
//! answer back.
//!
//! Everything here is plumbing: reading a request, building an in-memory
//! workspace (`caseline_workspace::MemoryFs`), calling the libraries and
//! turning byte offsets into the editor's (line, UTF-16 column) through
//! `LineIndex`. What a finding, hint, hover or completion says is decided in
//! `caseline-check`, `caseline-ide` and `caseline-report`, as for the CLI and
//! the language server; `check` returns the very object `caseline check
//! --format json` prints (`caseline_report::findings`).
//!
//! Reads no clock, no environment and no files: "today" comes in with every
//! request that needs it (the page reads the browser's date).
//!
//! Paths: a request's `files` maps names to texts, as a folder would hold
//! them (`"kent.case"`, `"definitions/corporate.case"`, `"caseline.toml"`).
//! They are placed under one root folder, and shown as given: the JSON equals
//! the CLI's when it is run in that folder with relative paths.

mod convert;
mod ffi;
mod ops;

pub use ops::call;
