//! Measures parse, reparse and format times on a large generated timeline:
//! `cargo run --release -p caseline-syntax --example measure`. Prints only.

use caseline_syntax::{TextEdit, TextRange, TextSize, format, parse};
use std::time::Instant;

fn main() {
    let sample = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/cases/worcestershire-24-017-518.case"
    ))
    .expect("sample case exists");
    let body: String = sample.lines().skip(12).map(|l| format!("{l}\n")).collect();
    let text = body.repeat(10_000 / body.lines().count().max(1) + 1);
    let lines = text.lines().count();

    let t = Instant::now();
    let p = parse(&text);
    let full = t.elapsed();

    let at = TextSize::try_from(text.len() / 2).expect("fits");
    let at = (0..4)
        .map(|d| at + TextSize::from(d))
        .find(|o| text.is_char_boundary(usize::from(*o)))
        .unwrap_or(at);
    let edit = TextEdit::new(TextRange::empty(at), "x");
    let mut new_text = text.clone();
    new_text.insert(usize::from(at), 'x');
    let t = Instant::now();
    let q = p.reparse(&[edit], &new_text);
    let incremental = t.elapsed();

    let t = Instant::now();
    let f = format(&text);
    let fmt = t.elapsed();

    println!(
        "{lines} lines, {} KiB: parse {full:?}, reparse after a 1-char edit {incremental:?}, format {fmt:?}; {} entries, {} errors, formatted len {}",
        text.len() / 1024,
        q.document().entries.len(),
        q.errors().len(),
        f.len()
    );
}
