//! Fuzz target: a sequence of edit batches applied through `Parse::reparse`
//! and `Parse::reparse_owned` (as the language server does on didChange) must give exactly what a fresh
//! `parse` of the same text gives: the same document, the same errors, and the
//! same check diagnostics.
#![no_main]

use arbitrary::Arbitrary;
use caseline_syntax::{Parse, TextEdit, TextRange, TextSize, parse};
use libfuzzer_sys::fuzz_target;

/// Pieces that make edits meaningful to the grammar (half-typed dates, kinds,
/// quotes, indentation, line endings), besides arbitrary strings.
const SNIPPETS: &[&str] = &[
    "\n",
    "\r\n",
    "  ",
    "\t",
    "#",
    "\"",
    "\\",
    "?",
    ">",
    "..",
    "-",
    "2024-11-05",
    "2024-11",
    "2024-02-30",
    "2024-11-05..20",
    " stage1.received",
    " stage1.response",
    " done a",
    "\n  rec a within 10wd \"x\"",
    "\n  agree a by 2025-01-01",
    "case \"1\"\n  procedure children-statutory\n",
    "procedure p\n  event p.a \"a\"\n  require p.a before p.a\n",
    "calendar c\n  extends weekdays\n",
    "é",
    "😀",
    " note",
    "\n\n",
    "extended",
    "within",
    "10wd",
];

#[derive(Arbitrary, Debug)]
enum Insert {
    Snippet(u8),
    Text(String),
}

#[derive(Arbitrary, Debug)]
struct EditGen {
    at: u16,
    delete: u8,
    insert: Insert,
}

#[derive(Arbitrary, Debug)]
struct Input {
    initial: String,
    /// Each inner list is one didChange (several edits, applied in order).
    batches: Vec<Vec<EditGen>>,
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn same(incremental: &Parse, fresh: &Parse, step: usize) {
    assert_eq!(
        incremental.text(),
        fresh.text(),
        "step {step}: texts differ"
    );
    assert!(
        incremental.document() == fresh.document(),
        "step {step}: incremental document differs from a fresh parse of\n{:?}\n--- incremental\n{:#?}\n--- fresh\n{:#?}",
        fresh.text(),
        incremental.document(),
        fresh.document()
    );
    assert!(
        incremental.errors() == fresh.errors(),
        "step {step}: incremental errors differ from a fresh parse of\n{:?}\n--- incremental\n{:?}\n--- fresh\n{:?}",
        fresh.text(),
        incremental.errors(),
        fresh.errors()
    );
}

fuzz_target!(|input: Input| {
    let mut text = input.initial;
    let mut current = parse(&text);
    for (step, batch) in input.batches.iter().take(32).enumerate() {
        let mut edits = Vec::new();
        for e in batch.iter().take(4) {
            let start = floor_boundary(&text, usize::from(e.at) % (text.len() + 1));
            let end = floor_boundary(&text, start + usize::from(e.delete % 16));
            let new_text = match &e.insert {
                Insert::Snippet(i) => SNIPPETS[usize::from(*i) % SNIPPETS.len()].to_string(),
                Insert::Text(s) => s.clone(),
            };
            text.replace_range(start..end, &new_text);
            let (Ok(s), Ok(en)) = (u32::try_from(start), u32::try_from(end)) else {
                return;
            };
            edits.push(TextEdit::new(
                TextRange::new(TextSize::from(s), TextSize::from(en)),
                new_text,
            ));
        }
        // Both ways of reparsing: borrowing the old parse (copies what it
        // reuses) and taking it by value (moves it), as the server does.
        let shared = current.reparse(&edits, &text);
        let (owned, _leftovers) = current.reparse_owned(&edits, &text);
        let fresh = parse(&text);
        same(&shared, &fresh, step);
        same(&owned, &fresh, step);
        current = owned;
    }
    // And what the user sees: the diagnostics of the final text.
    let defs = caseline_check::Definitions::builtin();
    let opts = caseline_fuzz::options();
    let a = caseline_check::check(&current, &defs, &opts);
    let b = caseline_check::check(&parse(&text), &defs, &opts);
    assert!(
        a.diagnostics == b.diagnostics,
        "diagnostics after incremental edits differ from a fresh check of\n{text:?}"
    );
});
