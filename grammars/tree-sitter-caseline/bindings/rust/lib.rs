//! The caseline tree-sitter grammar for Rust: the language function, the node
//! types and the queries. Syntax only: nothing here knows whether a date exists
//! or what a procedure means (caseline-syntax and caseline-check decide that).
//!
//! ```
//! let code = "2024-11-05 stage2.adjudication \"Apologised\"\n  agree a b within 10wd\n";
//! let mut parser = tree_sitter::Parser::new();
//! let language = tree_sitter_caseline::LANGUAGE;
//! parser
//!     .set_language(&language.into())
//!     .expect("the grammar's ABI is supported by this tree-sitter");
//! let tree = parser.parse(code, None).expect("no timeout or cancellation was set");
//! assert!(!tree.root_node().has_error());
//! ```

use tree_sitter_language::LanguageFn;

unsafe extern "C" {
    fn tree_sitter_caseline() -> *const ();
}

/// The tree-sitter [`LanguageFn`] for caseline.
pub const LANGUAGE: LanguageFn = unsafe { LanguageFn::from_raw(tree_sitter_caseline) };

/// The content of the [`node-types.json`](https://tree-sitter.github.io/tree-sitter/using-parsers/6-static-node-types) file.
pub const NODE_TYPES: &str = include_str!("../../src/node-types.json");

/// The syntax highlighting query.
pub const HIGHLIGHTS_QUERY: &str = include_str!("../../queries/highlights.scm");

/// The folding query: every block folds.
pub const FOLDS_QUERY: &str = include_str!("../../queries/folds.scm");

#[cfg(test)]
mod tests {
    use tree_sitter::{Parser, Query};

    fn parser() -> Parser {
        let mut parser = Parser::new();
        parser
            .set_language(&super::LANGUAGE.into())
            .expect("Error loading caseline parser");
        parser
    }

    #[test]
    fn test_can_load_grammar() {
        let mut parser = parser();
        let tree = parser
            .parse("2024-11-05 note\n", None)
            .expect("parses without a timeout");
        assert_eq!(tree.root_node().kind(), "source_file");
        assert_eq!(tree.root_node().child(0).map(|n| n.kind()), Some("entry"));
    }

    #[test]
    fn queries_compile() {
        let language = super::LANGUAGE.into();
        Query::new(&language, super::HIGHLIGHTS_QUERY).expect("highlights query compiles");
        Query::new(&language, super::FOLDS_QUERY).expect("folds query compiles");
    }

    #[test]
    fn last_line_without_newline_and_crlf_parse_cleanly() {
        let mut parser = parser();
        for text in [
            "2024-11-05 note",
            "2024-11-05 note\r\n  rec a \"x\"\r\n",
            "2024-11-05 note  ",
        ] {
            let tree = parser.parse(text, None).expect("parses without a timeout");
            assert!(
                !tree.root_node().has_error(),
                "{text:?}: {}",
                tree.root_node().to_sexp()
            );
        }
    }

    #[test]
    fn bad_line_stays_on_its_line() {
        let mut parser = parser();
        let text = "2024-11-05 note\nthis is garbage\n2024-11-06 note\n";
        let tree = parser.parse(text, None).expect("parses without a timeout");
        let root = tree.root_node();
        let kinds: Vec<&str> = (0..root.child_count())
            .filter_map(|i| root.child(i))
            .map(|n| n.kind())
            .collect();
        assert_eq!(kinds, ["entry", "invalid_block", "entry"]);
    }
}
