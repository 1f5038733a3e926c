//! The vocabulary module lists the words the grammar reads: every header key,
//! child-line word, generic event and block line in `caseline_syntax::vocabulary`
//! parses, in its place, without a syntax error (and a header key is one the
//! header knows, not an "other" field).

use caseline_syntax::vocabulary;

fn clean(text: &str) {
    let parse = caseline_syntax::parse(text);
    assert!(parse.errors().is_empty(), "{text:?}: {:?}", parse.errors());
}

#[test]
fn every_header_key_is_read_as_a_known_key() {
    for key in vocabulary::HEADER_KEYS {
        let value = match key.name {
            "procedure" => "lgsco",
            "calendar" => "scotland",
            "as-of" => "2024-06-01",
            _ => "\"x\"",
        };
        let text = format!("case \"1\"\n  {} {value}\n", key.name);
        clean(&text);
        let parse = caseline_syntax::parse(&text);
        let header = parse.document().header.as_ref().expect("a header");
        assert!(header.other_fields.is_empty(), "{}", key.name);
    }
}

#[test]
fn every_entry_child_and_generic_event_parses() {
    let lines = [
        ("rec", "rec a \"apologise\""),
        ("promise", "promise p \"call back\""),
        ("agree", "agree a"),
        ("extended", "extended"),
        ("exception", "exception a.c \"school closed\""),
    ];
    assert_eq!(
        vocabulary::ENTRY_CHILDREN
            .iter()
            .map(|w| w.name)
            .collect::<Vec<_>>(),
        lines.iter().map(|(n, _)| *n).collect::<Vec<_>>()
    );
    for (_, line) in lines {
        clean(&format!("case \"1\"\n\n2024-01-02 note\n  {line}\n"));
    }
    for event in vocabulary::GENERIC_EVENTS {
        clean(&format!("case \"1\"\n\n2024-01-02 {}\n", event.name));
    }
}

#[test]
fn every_procedure_and_calendar_line_parses() {
    let lines = [
        ("title", "title \"T\""),
        ("source", "source \"S\""),
        ("use", "use lgsco"),
        ("event", "event a.b \"B\" recommends"),
        (
            "deadline",
            "deadline a.c within 10wd of a.b extendable to 20wd \"x\"",
        ),
        ("require", "require a.b before a.c"),
        ("calendar", "calendar uk-any"),
        ("pause", "pause a.c from a.b until a.d \"s.10(2)\""),
        ("exception", "exception a.c \"reg. 10(4)\""),
    ];
    assert_eq!(
        vocabulary::PROCEDURE_LINES
            .iter()
            .map(|w| w.name)
            .collect::<Vec<_>>(),
        lines.iter().map(|(n, _)| *n).collect::<Vec<_>>()
    );
    for (_, line) in lines {
        clean(&format!("procedure p\n  event a.c \"C\"\n  {line}\n"));
    }
    for (name, line) in [
        ("extends", "extends scotland"),
        ("closed", "closed 2024-12-27 \"Shut\""),
    ] {
        assert!(vocabulary::CALENDAR_LINES.iter().any(|w| w.name == name));
        clean(&format!("calendar c\n  {line}\n"));
    }
}

#[test]
fn generic_events_are_exactly_the_listed_ones() {
    use caseline_syntax::vocabulary::{GENERIC_EVENTS, is_generic_event};
    for w in GENERIC_EVENTS {
        assert!(is_generic_event(w.name), "{}", w.name);
    }
    for k in ["stage1.received", "Note", "notes", "meeting", ""] {
        assert!(!is_generic_event(k), "{k:?}");
    }
}
