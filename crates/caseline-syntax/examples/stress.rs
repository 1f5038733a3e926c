//! Times parse and format on pathological inputs (garbage lines, broken
//! child lines, one huge line of quotes): `cargo run --release -p
//! caseline-syntax --example stress`. Prints only.

use std::time::Instant;

fn main() {
    let inputs = [
        (
            "50k garbage lines",
            "this is not a line @@@ ###\n".repeat(50_000),
        ),
        (
            "50k broken child lines",
            format!("2024-11-05 note\n{}", "  rec\n".repeat(50_000)),
        ),
        ("1 MB of quotes", "\"".repeat(1 << 20)),
        ("1 MB line of words", "a ".repeat(1 << 19)),
        (
            "50k unterminated strings",
            "2024-11-05 note \"x\n".repeat(50_000),
        ),
        ("50k lines of NUL", "\0\n".repeat(50_000)),
    ];
    for (name, text) in inputs {
        let t = Instant::now();
        let p = caseline_syntax::parse(&text);
        let parse = t.elapsed();
        let t = Instant::now();
        let f = caseline_syntax::format(&text);
        let format = t.elapsed();
        println!(
            "{name}: parse {parse:?} ({} errors), format {format:?} ({} bytes)",
            p.errors().len(),
            f.len()
        );
    }
}
