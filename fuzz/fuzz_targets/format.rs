//! Fuzz target: the formatter on arbitrary text (decoded lossily). It must be
//! idempotent (`format(format(x)) == format(x)`), change only whitespace, and
//! keep the sequence of meaningful tokens (dates, kinds, IDs, strings,
//! comments, prose, keywords, names) exactly.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    caseline_fuzz::check_format(&text);
});
