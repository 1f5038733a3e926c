//! The typed document model: plain owned data with byte ranges, built from the
//! tree-sitter tree by `lower.rs`.
//!
//! Invariants: every range is a byte range into the text that was parsed; a line
//! that the parser could not make sense of is *left out* of the model (its
//! problem is in `Parse::errors`), so consumers never see half-built items except
//! where a field is `Option` on purpose. Nothing here knows about calendars,
//! rules or LSP. Core types do not derive `Serialize` (wire formats convert).

use chrono::NaiveDate;
use text_size::TextRange;

/// A value together with the byte range of the source text it came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Spanned<T> {
    pub value: T,
    pub range: TextRange,
}

impl<T> Spanned<T> {
    pub fn new(value: T, range: TextRange) -> Self {
        Spanned { value, range }
    }
}

/// A whole `.case` file (a case timeline, or a definitions file).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The first `case` block. A second one is a syntax error and is left out.
    pub header: Option<CaseHeader>,
    /// Dated entries in file order (file order is chronological by definition).
    pub entries: Vec<Entry>,
    pub procedures: Vec<ProcedureDef>,
    pub calendars: Vec<CalendarDef>,
    /// Every comment in the file, in order (text after the `#`, untrimmed).
    pub comments: Vec<Comment>,
}

impl Document {
    /// A definitions file has no case header and holds only procedures/calendars.
    pub fn is_definitions_file(&self) -> bool {
        self.header.is_none() && self.entries.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub range: TextRange,
    /// The text after `#`, without the line ending.
    pub text: String,
}

/// A date as written. Month and range forms are already resolved to their first
/// and last days (`2024-11` -> 2024-11-01..2024-11-30; `2024-11-05..20` ->
/// 2024-11-05..2024-11-20; `2024-04..2024-05` -> 2024-04-01..2024-05-31).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateSpec {
    Day(NaiveDate),
    /// Some day in `first..=last` (`first < last`).
    Span {
        first: NaiveDate,
        last: NaiveDate,
    },
    /// `?`: bounded by the dated entries around it (resolved by the checker).
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DurationUnit {
    /// `wd`
    WorkingDays,
    /// `d`
    Days,
    /// `w`
    Weeks,
    /// `m`
    Months,
    /// `y`
    Years,
}

/// `10wd`, `15d`, `4w`, `1m`, `1y`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DurationLit {
    pub amount: u32,
    pub unit: DurationUnit,
}

/// The `case "REF"` block. Known keys are typed; anything else is kept in
/// `other_fields` (the checker warns `header-unknown-key`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseHeader {
    /// The whole block, children included.
    pub range: TextRange,
    /// The `case` line.
    pub head_range: TextRange,
    pub reference: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    pub body: Option<Spanned<String>>,
    pub complainant: Option<Spanned<String>>,
    /// `procedure a b`: names in order. `None` when there is no procedure line.
    pub procedures: Option<Vec<Spanned<String>>>,
    pub calendar: Option<Spanned<String>>,
    /// `as-of DATE`: only a single day is meaningful; a vague as-of is kept as written.
    pub as_of: Option<Spanned<DateSpec>>,
    pub related: Vec<Spanned<String>>,
    pub source: Option<Spanned<String>>,
    pub other_fields: Vec<FieldLine>,
}

/// `key value...`: an untyped child line. `value` is the rest of the line after
/// the key, trimmed, with a string's quotes removed and escapes resolved when the
/// whole value is one string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldLine {
    pub range: TextRange,
    pub key: Spanned<String>,
    pub value: Option<Spanned<String>>,
}

/// `DATE EVENT [ID ...] ["text"]` and its child lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The whole block, children included.
    pub range: TextRange,
    /// The first line, without its line ending.
    pub head_range: TextRange,
    /// `None` when the date was written but is not a real day (`2023-02-29`):
    /// the `date-invalid` error is in `Parse::errors`, and the checker treats the
    /// entry as undated. The range of an invalid date is in `date_range`.
    pub date: Option<Spanned<DateSpec>>,
    /// Where the date was written (valid or not).
    pub date_range: TextRange,
    /// The event kind, e.g. `stage2.adjudication`, `done`, `note`.
    pub kind: Option<Spanned<String>>,
    /// IDs after the kind (`done a b`).
    pub ids: Vec<Spanned<String>>,
    /// The quoted text at the end of the line, unescaped.
    pub text: Option<Spanned<String>>,
    pub children: Vec<EntryChild>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryChild {
    Rec(RecLine),
    Agree(AgreeLine),
    Extended(ExtendedLine),
    Exception(ExceptionLine),
    /// `> prose`: the text after `>` (one leading space removed).
    Prose(Spanned<String>),
    Field(FieldLine),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecKind {
    /// `rec`: made by an investigator, panel or ombudsman.
    Rec,
    /// `promise`: a commitment the organisation made to itself.
    Promise,
}

/// `within DUR` or `by DATE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Due {
    Within(Spanned<DurationLit>),
    /// `None` inside when the date is invalid (error already reported).
    By(Spanned<Option<DateSpec>>),
}

/// `rec ID [within DUR | by DATE] ["text"]` / `promise ...`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecLine {
    pub range: TextRange,
    pub kind: RecKind,
    /// The `rec`/`promise` keyword.
    pub keyword_range: TextRange,
    pub id: Spanned<String>,
    pub due: Option<Due>,
    pub text: Option<Spanned<String>>,
}

/// `agree ID... [within DUR | by DATE]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreeLine {
    pub range: TextRange,
    pub ids: Vec<Spanned<String>>,
    pub due: Option<Due>,
}

/// `extended ["reason"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtendedLine {
    pub range: TextRange,
    pub reason: Option<Spanned<String>>,
}

/// `exception TARGET ["reason"]` under an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExceptionLine {
    pub range: TextRange,
    pub target: Spanned<String>,
    pub reason: Option<Spanned<String>>,
}

/// `procedure NAME` and its declarations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcedureDef {
    pub range: TextRange,
    pub head_range: TextRange,
    pub name: Spanned<String>,
    pub title: Option<Spanned<String>>,
    pub source: Option<Spanned<String>>,
    /// `use NAME`
    pub uses: Vec<Spanned<String>>,
    pub events: Vec<EventDecl>,
    pub deadlines: Vec<DeadlineDecl>,
    pub requires: Vec<RequireDecl>,
    /// `calendar NAME`: the calendar its deadlines count in (the first one written).
    pub calendar: Option<Spanned<String>>,
    pub pauses: Vec<PauseDecl>,
    pub exceptions: Vec<ExceptionDecl>,
    pub other_fields: Vec<FieldLine>,
}

/// `pause TARGET from EVENT until EVENT ["citation"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PauseDecl {
    pub range: TextRange,
    pub target: Spanned<String>,
    pub from: Spanned<String>,
    pub until: Spanned<String>,
    pub citation: Option<Spanned<String>>,
}

/// `exception TARGET... ["citation"]` in a procedure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExceptionDecl {
    pub range: TextRange,
    pub targets: Vec<Spanned<String>>,
    pub citation: Option<Spanned<String>>,
}

/// `event NAME "label" [recommends]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDecl {
    pub range: TextRange,
    pub name: Spanned<String>,
    pub label: Option<Spanned<String>>,
    pub recommends: bool,
    /// `ends`: recording it ends the procedure.
    pub ends: bool,
}

/// `deadline TARGET within DUR [or TARGET within DUR]... (of | starting with |
/// beginning with) [latest of] START[, START]... [extendable to DUR]
/// [repeating] [roll-forward] [guidance] ["citation"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineDecl {
    pub range: TextRange,
    /// The first target (the outcome written first).
    pub target: Spanned<String>,
    /// Its limit.
    pub limit: Spanned<DurationLit>,
    /// Further targets after `or`, each with its limit (an outcome written
    /// without one takes the next limit written on the line).
    pub alternatives: Vec<(Spanned<String>, Spanned<DurationLit>)>,
    /// The first start (the only one unless `latest of`).
    pub start: Spanned<String>,
    /// The other starts after `latest of`.
    pub more_starts: Vec<Spanned<String>>,
    /// `starting with` / `beginning with`: the start day is day one.
    pub inclusive: bool,
    pub extended_limit: Option<Spanned<DurationLit>>,
    /// `extendable without limit`: an extension (by agreement) has no cap.
    pub uncapped_extension: bool,
    pub repeating: bool,
    pub roll_forward: bool,
    pub guidance: bool,
    pub citation: Option<Spanned<String>>,
}

/// `require A before B`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequireDecl {
    pub range: TextRange,
    pub first: Spanned<String>,
    pub then: Spanned<String>,
}

/// `calendar NAME` with `extends` and `closed` lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarDef {
    pub range: TextRange,
    pub head_range: TextRange,
    pub name: Spanned<String>,
    pub extends: Vec<Spanned<String>>,
    pub closed: Vec<ClosedLine>,
    pub other_fields: Vec<FieldLine>,
}

/// `closed DATE... ["reason"]`: each date may be a day, a month or a range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosedLine {
    pub range: TextRange,
    pub dates: Vec<Spanned<DateSpec>>,
    pub reason: Option<Spanned<String>>,
}
