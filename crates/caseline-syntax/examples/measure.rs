//! Measures parse, reparse and format times on a large generated timeline:
//! `cargo run --release -p caseline-syntax --example measure`. Prints the best
//! of several runs (the machine may be busy), and tree-sitter's own share.

use caseline_syntax::{TextEdit, TextRange, TextSize, format, parse};
use std::time::{Duration, Instant};

fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        let v = f();
        best = best.min(t.elapsed());
        last = Some(v);
    }
    (best, last.expect("at least one run"))
}

fn main() {
    let sample = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/cases/worcestershire-24-017-518.case"
    ))
    .expect("sample case exists");
    let body: String = sample.lines().skip(12).map(|l| format!("{l}\n")).collect();
    let text = body.repeat(10_000 / body.lines().count().max(1) + 1);
    let lines = text.lines().count();

    let mut ts = tree_sitter::Parser::new();
    ts.set_language(&tree_sitter_caseline::LANGUAGE.into())
        .expect("grammar loads");
    let (ts_full, old_tree) = best(7, || ts.parse(&text, None).expect("parses"));
    let (full, p) = best(7, || parse(&text));

    // A one-character edit inside a quoted text, as when typing.
    let at = text.find("Meet Miss X").expect("sample text") + 4;
    let edit = TextEdit::new(TextRange::empty(TextSize::try_from(at).expect("fits")), "s");
    let mut new_text = text.clone();
    new_text.insert(at, 's');
    let (ts_incremental, _) = best(7, || {
        let mut tree = old_tree.clone();
        let point = |offset: usize| {
            let row = text[..offset].matches('\n').count();
            let column = offset - text[..offset].rfind('\n').map_or(0, |i| i + 1);
            tree_sitter::Point { row, column }
        };
        tree.edit(&tree_sitter::InputEdit {
            start_byte: at,
            old_end_byte: at,
            new_end_byte: at + 1,
            start_position: point(at),
            old_end_position: point(at),
            new_end_position: tree_sitter::Point {
                row: point(at).row,
                column: point(at).column + 1,
            },
        });
        ts.parse(&new_text, Some(&tree)).expect("parses")
    });
    let (incremental, q) = best(7, || p.reparse(std::slice::from_ref(&edit), &new_text));
    let (fmt, f) = best(3, || format(&text));

    println!(
        "{lines} lines, {} KiB, {} entries, {} errors after the edit\n\
         parse {full:?} (tree-sitter alone {ts_full:?})\n\
         reparse after a 1-char edit {incremental:?} (tree-sitter alone {ts_incremental:?})\n\
         format {fmt:?} ({} bytes out)",
        text.len() / 1024,
        q.document().entries.len(),
        q.errors().len(),
        f.len()
    );
}
