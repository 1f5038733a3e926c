//! Fuzz target: structure-aware timelines (see `src/timeline.rs`) through parse
//! and check. Besides "no panic", a timeline written without deliberate errors
//! must parse with no syntax error at all (`caseline_fuzz::check_timeline`).
#![no_main]

use caseline_fuzz::timeline::Timeline;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|t: Timeline| {
    caseline_fuzz::check_timeline(&t);
});
