//! The grammar's node kinds and field names, spelled once. Everything else in
//! the crate uses these constants, never string literals, so a renamed node in
//! `grammar.js` breaks one test here instead of silently breaking lowering.
//! Must not depend on anything but the grammar's `node-types.json`.

// The whole vocabulary is listed (and checked against the grammar by the
// tests below) even where nothing reads a kind yet.
#![allow(dead_code)]

// Blocks.
pub const SOURCE_FILE: &str = "source_file";
pub const CASE_HEADER: &str = "case_header";
pub const ENTRY: &str = "entry";
pub const PROCEDURE_BLOCK: &str = "procedure_block";
pub const CALENDAR_BLOCK: &str = "calendar_block";
pub const INVALID_BLOCK: &str = "invalid_block";

// Lines.
pub const FIELD: &str = "field";
pub const REC_LINE: &str = "rec_line";
pub const AGREE_LINE: &str = "agree_line";
pub const EXTENDED_LINE: &str = "extended_line";
pub const PROSE_LINE: &str = "prose_line";
pub const USE_LINE: &str = "use_line";
pub const EVENT_DECL: &str = "event_decl";
pub const DEADLINE_DECL: &str = "deadline_decl";
pub const REQUIRE_DECL: &str = "require_decl";
pub const EXTENDS_LINE: &str = "extends_line";
pub const CLOSED_LINE: &str = "closed_line";
pub const CALENDAR_LINE: &str = "calendar_line";
pub const PAUSE_DECL: &str = "pause_decl";
pub const EXCEPTION_DECL: &str = "exception_decl";
pub const EXCEPTION_LINE: &str = "exception_line";
pub const INVALID_LINE: &str = "invalid_line";
pub const WITHIN: &str = "within";
pub const BY: &str = "by";

// Tokens.
pub const COMMENT: &str = "comment";
pub const STRING: &str = "string";
pub const UNTERMINATED_STRING: &str = "unterminated_string";
pub const DATE: &str = "date";
pub const DURATION: &str = "duration";
pub const NAME: &str = "name";
pub const EVENT_KIND: &str = "event_kind";
pub const ID: &str = "id";
pub const KEY: &str = "key";
pub const WORD: &str = "word";
/// The hidden token inside `name` and `event_kind` (seen only when MISSING).
pub const NAME_TOKEN: &str = "_name_token";

/// Every named node kind above that must exist in `node-types.json`.
#[cfg(test)]
pub const ALL_NAMED: &[&str] = &[
    SOURCE_FILE,
    CASE_HEADER,
    ENTRY,
    PROCEDURE_BLOCK,
    CALENDAR_BLOCK,
    INVALID_BLOCK,
    FIELD,
    REC_LINE,
    AGREE_LINE,
    EXTENDED_LINE,
    PROSE_LINE,
    USE_LINE,
    EVENT_DECL,
    DEADLINE_DECL,
    REQUIRE_DECL,
    EXTENDS_LINE,
    CLOSED_LINE,
    CALENDAR_LINE,
    PAUSE_DECL,
    EXCEPTION_DECL,
    EXCEPTION_LINE,
    INVALID_LINE,
    WITHIN,
    BY,
    COMMENT,
    STRING,
    UNTERMINATED_STRING,
    DATE,
    DURATION,
    NAME,
    EVENT_KIND,
    ID,
    KEY,
    WORD,
];

/// Field names used on the nodes above.
pub mod field {
    pub const REFERENCE: &str = "reference";
    pub const FIELD: &str = "field";
    pub const KEY: &str = "key";
    pub const VALUE: &str = "value";
    pub const DATE: &str = "date";
    pub const KIND: &str = "kind";
    pub const ID: &str = "id";
    pub const TEXT: &str = "text";
    pub const CHILD: &str = "child";
    pub const HEAD: &str = "head";
    pub const KEYWORD: &str = "keyword";
    pub const DURATION: &str = "duration";
    pub const REASON: &str = "reason";
    pub const NAME: &str = "name";
    pub const LABEL: &str = "label";
    pub const RECOMMENDS: &str = "recommends";
    pub const TARGET: &str = "target";
    pub const LIMIT: &str = "limit";
    pub const START: &str = "start";
    pub const EXTENDED_LIMIT: &str = "extended_limit";
    pub const CITATION: &str = "citation";
    pub const FIRST: &str = "first";
    pub const THEN: &str = "then";
    pub const INCLUSIVE: &str = "inclusive";
    pub const LATEST: &str = "latest";
    pub const OPTION: &str = "option";
    pub const FROM: &str = "from";
    pub const UNTIL: &str = "until";
    pub const UNCAPPED: &str = "uncapped";
    pub const ENDS: &str = "ends";

    #[cfg(test)]
    pub const ALL: &[&str] = &[
        REFERENCE,
        FIELD,
        KEY,
        VALUE,
        DATE,
        KIND,
        ID,
        TEXT,
        CHILD,
        HEAD,
        KEYWORD,
        DURATION,
        REASON,
        NAME,
        LABEL,
        RECOMMENDS,
        TARGET,
        LIMIT,
        START,
        EXTENDED_LIMIT,
        CITATION,
        FIRST,
        THEN,
        INCLUSIVE,
        LATEST,
        OPTION,
        FROM,
        UNTIL,
        UNCAPPED,
        ENDS,
    ];
}

/// The `rec_line` keyword that makes a promise rather than a recommendation.
pub const PROMISE_KEYWORD: &str = "promise";

#[cfg(test)]
mod tests {
    use super::*;

    fn language() -> tree_sitter::Language {
        tree_sitter_caseline::LANGUAGE.into()
    }

    #[test]
    fn every_kind_is_in_the_grammar() {
        let lang = language();
        for kind in ALL_NAMED {
            assert_ne!(
                lang.id_for_node_kind(kind, true),
                0,
                "no named node kind {kind:?} in the grammar"
            );
            assert!(
                tree_sitter_caseline::NODE_TYPES.contains(&format!("\"type\": \"{kind}\"")),
                "{kind:?} missing from node-types.json"
            );
        }
    }

    /// The other direction: every named node the grammar can produce has a
    /// constant here, so a new node in `grammar.js` is noticed.
    #[test]
    fn every_grammar_node_has_a_constant() {
        let types: serde_json::Value = serde_json::from_str(tree_sitter_caseline::NODE_TYPES)
            .expect("node-types.json is JSON");
        let mut named = std::collections::BTreeSet::new();
        let mut stack = vec![&types];
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::Array(items) => stack.extend(items),
                serde_json::Value::Object(map) => {
                    if let (
                        Some(serde_json::Value::String(t)),
                        Some(serde_json::Value::Bool(true)),
                    ) = (map.get("type"), map.get("named"))
                    {
                        named.insert(t.clone());
                    }
                    stack.extend(map.values());
                }
                _ => {}
            }
        }
        assert!(named.len() > 10);
        for kind in &named {
            assert!(
                ALL_NAMED.contains(&kind.as_str()),
                "node kind {kind:?} has no constant in kinds.rs"
            );
        }
    }

    #[test]
    fn every_field_is_in_the_grammar() {
        let lang = language();
        for name in field::ALL {
            assert!(
                lang.field_id_for_name(name).is_some(),
                "no field {name:?} in the grammar"
            );
        }
    }
}
