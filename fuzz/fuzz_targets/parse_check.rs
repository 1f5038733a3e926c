//! Fuzz target: arbitrary bytes (decoded lossily, as an editor would show them)
//! through parse, check (built-in and workspace definitions), highlights and
//! folds. Nothing may panic and every diagnostic must point into the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = caseline_fuzz::parse_and_check(&text);
});
