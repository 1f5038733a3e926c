//! Fuzz target: structure-aware timelines (see `src/timeline.rs`) through parse
//! and check. Besides "no panic", a timeline written without deliberate errors
//! must parse with no syntax error at all.
#![no_main]

use caseline_fuzz::timeline::Timeline;
use caseline_syntax::SyntaxErrorKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|t: Timeline| {
    let rendered = t.render();
    let (p, _analysis) = caseline_fuzz::parse_and_check(&rendered.text);
    if !rendered.has_deliberate_errors {
        let syntax: Vec<_> = p
            .errors()
            .iter()
            .filter(|e| e.kind == SyntaxErrorKind::Syntax)
            .collect();
        assert!(
            syntax.is_empty(),
            "a well-formed timeline gave syntax errors\n--- text\n{}\n--- errors\n{:?}",
            rendered.text,
            syntax
        );
    }
});
