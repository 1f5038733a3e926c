//! The language's own words, in one place: the case header's keys, the words
//! child lines start with, the generic event kinds, the clause words of a
//! procedure's lines. Each comes with the short description editors show
//! (completion, hover), so a new word is added here once and every front end
//! and check that lists words (slip detection, `header-unknown-key`,
//! `event-unknown`, completion) knows it. The grammar (`grammar.js`) is the
//! other place a word must be added; `crates/caseline-syntax/tests/vocabulary.rs`
//! checks that every word here parses in its place.

/// A word of the language and what it means, in a few words for a menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub name: &'static str,
    pub doc: &'static str,
}

const fn w(name: &'static str, doc: &'static str) -> Word {
    Word { name, doc }
}

/// The keys of the case header (docs/format.md#the-case-header).
pub const HEADER_KEYS: &[Word] = &[
    w("title", "a short title for the case"),
    w("body", "the organisation complained about"),
    w("complainant", "who complained, anonymised"),
    w(
        "procedure",
        "the complaints procedures the case went through",
    ),
    w(
        "calendar",
        "the working-day calendar (default england-and-wales)",
    ),
    w("as-of", "the date at which open deadlines are judged"),
    w("related", "a related case reference"),
    w("source", "where the decision was published"),
];

/// The words of the child lines under an entry (docs/format.md#entries).
pub const ENTRY_CHILDREN: &[Word] = &[
    w("rec", "a recommendation made at this event"),
    w("promise", "a commitment the organisation made"),
    w("agree", "the organisation accepted these recommendations"),
    w("extended", "this stage was formally extended"),
    w(
        "exception",
        "a limit switched off for a reason the procedure allows: exception TARGET \"reason\"",
    ),
];

/// The event kinds every case may use, whatever its procedures.
pub const GENERIC_EVENTS: &[Word] = &[
    w("note", "anything worth recording; no checks"),
    w(
        "done",
        "recommendations or promises carried out on this date",
    ),
    w("declined", "a reasoned decision not to carry them out"),
    w("partial", "progress, but still open"),
];

/// The generic events that name recommendations after them (`done a b`).
pub const EVENTS_WITH_IDS: &[&str] = &["done", "declined", "partial"];

/// The lines of a `procedure` block (docs/format.md#procedures): its fields
/// (`title`, `source`, see [`PROCEDURE_FIELDS`]) and its declarations.
pub const PROCEDURE_LINES: &[Word] = &[
    w("title", "the procedure's full name"),
    w("source", "the regulation or guidance it follows"),
    w("use", "include another procedure's definitions"),
    w(
        "event",
        "an event kind: event NAME \"label\" [recommends] [ends]",
    ),
    w(
        "deadline",
        "deadline TARGET within DUR of START [extendable to DUR]",
    ),
    w("require", "require A before B"),
    w(
        "calendar",
        "the calendar its deadlines count in, whatever the case's",
    ),
    w(
        "pause",
        "pause TARGET from EVENT until EVENT: days that do not count",
    ),
    w(
        "exception",
        "exception TARGET...: limits a case may switch off, with a reason",
    ),
];

/// The lines of [`PROCEDURE_LINES`] that hold prose, not declarations.
pub const PROCEDURE_FIELDS: &[&str] = &["title", "source"];

/// The lines of a `calendar` block (docs/format.md#calendars).
pub const CALENDAR_LINES: &[Word] = &[
    w("extends", "include other calendars' closed days"),
    w("closed", "days the organisation was closed"),
];

/// The words that start a top-level block.
pub const BLOCK_WORDS: &[&str] = &["case", "procedure", "calendar"];

/// The words inside a declaration's line (`deadline X within 10wd of Y`,
/// `extendable to`, `require A before B`, `event x "label" recommends`).
pub const CLAUSE_WORDS: &[&str] = &[
    "within",
    "by",
    "of",
    "before",
    "extendable",
    "to",
    "recommends",
    "or",
    "starting",
    "beginning",
    "with",
    "latest",
    "repeating",
    "roll-forward",
    "guidance",
    "from",
    "until",
    "without",
    "limit",
    "ends",
];

/// Whether `word` starts a child line somewhere (under an entry, the header,
/// a procedure or a calendar): a line at the top level starting with one was
/// meant to be indented. `procedure` and `calendar` are not among them: at the
/// top level they start blocks of their own.
pub fn is_child_word(word: &str) -> bool {
    ENTRY_CHILDREN.iter().any(|w| w.name == word)
        || HEADER_KEYS
            .iter()
            .any(|w| w.name == word && !BLOCK_WORDS.contains(&word))
        || PROCEDURE_LINES
            .iter()
            .any(|w| w.name == word && !BLOCK_WORDS.contains(&word))
        || CALENDAR_LINES.iter().any(|w| w.name == word)
}

/// Whether `word` is one of the language's keywords: the words of child
/// lines and declarations, clause words, block words and `as-of`. (The
/// header's prose keys, `title` and the like, are ordinary words in text.)
pub fn is_keyword(word: &str) -> bool {
    ENTRY_CHILDREN.iter().any(|w| w.name == word)
        || PROCEDURE_LINES
            .iter()
            .any(|w| w.name == word && !PROCEDURE_FIELDS.contains(&word))
        || CALENDAR_LINES.iter().any(|w| w.name == word)
        || CLAUSE_WORDS.contains(&word)
        || BLOCK_WORDS.contains(&word)
        || word == "as-of"
}

/// Whether `key` is a key of the case header.
pub fn is_header_key(key: &str) -> bool {
    HEADER_KEYS.iter().any(|w| w.name == key)
}

/// Whether `kind` is a generic event kind (`note`, `done`, ...).
pub fn is_generic_event(kind: &str) -> bool {
    GENERIC_EVENTS.iter().any(|w| w.name == kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sets the slip and error checks used before they shared this module.
    #[test]
    fn the_derived_sets_are_the_ones_the_checks_used() {
        let child = [
            "rec",
            "promise",
            "agree",
            "extended",
            "title",
            "body",
            "complainant",
            "as-of",
            "related",
            "source",
            "event",
            "deadline",
            "require",
            "use",
            "extends",
            "closed",
        ];
        for word in child {
            assert!(is_child_word(word), "{word}");
        }
        assert!(
            !is_child_word("procedure") && !is_child_word("calendar") && !is_child_word("note")
        );
        let keywords = [
            "rec",
            "promise",
            "agree",
            "extended",
            "event",
            "deadline",
            "require",
            "use",
            "extends",
            "closed",
            "within",
            "by",
            "of",
            "before",
            "extendable",
            "to",
            "case",
            "procedure",
            "calendar",
            "as-of",
            "recommends",
        ];
        for word in keywords {
            assert!(is_keyword(word), "{word}");
        }
        assert!(!is_keyword("title") && !is_keyword("source") && !is_keyword("note"));
    }
}
