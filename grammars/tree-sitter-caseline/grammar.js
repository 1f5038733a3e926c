/**
 * @file tree-sitter grammar for caseline `.case` files (case timelines and
 * procedure/calendar definitions). See docs/format.md for the language.
 *
 * This grammar describes syntax only: whether a date exists, whether a
 * procedure or event kind is known, and every other meaning is decided later
 * (caseline-syntax validates dates; caseline-check runs the rules).
 *
 * Layout: the language is line-oriented with two levels. A line in column 0
 * opens a block; a line that starts with spaces or tabs is a child line of the
 * block above. The newline is a real token that ends every block and child
 * line, so an incomplete line never runs on into the next one (that keeps a
 * bad line's ERROR on that line). Blank lines and comment-only lines are
 * extras produced by the small stateless external scanner (src/scanner.c), so
 * they can appear anywhere without ending a block; a comment-only line's
 * token includes its line ending. The scanner also produces the zero-width
 * indent that starts a child line and a zero-width line end at end of file,
 * so the last line needs no newline.
 */

/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

const DAY = /[0-9]{4}-[0-9]{2}-[0-9]{2}/;

module.exports = grammar({
  name: 'caseline',

  externals: $ => [
    $._indent,
    $._eof,
    $._blank_line,
    $.comment,
    // Never used in a rule: when the scanner sees it as valid, tree-sitter is
    // recovering from an error and every symbol is valid, so it declines.
    $._error_sentinel,
  ],

  // A byte-order mark (Windows editors write one at the start of a file) is
  // whitespace.
  extras: $ => [/[ \t\uFEFF]+/, $.comment, $._blank_line],

  conflicts: $ => [],

  rules: {
    // `_indent` is also valid between blocks (where the scanner never produces
    // it, except before the first block, where it changes nothing: the
    // indented block is reported by caseline-syntax). This is for incremental
    // parsing only: it makes the state after a whole block accept the same
    // tokens as the state inside a block after its line end, so tree-sitter
    // can reuse whole blocks after an edit instead of re-lexing each one.
    source_file: $ => repeat(choice($._block, $._indent)),

    _block: $ => choice(
      $.case_header,
      $.entry,
      $.procedure_block,
      $.calendar_block,
      $.invalid_block,
    ),

    // A line ends with a newline, or at end of file without one.
    _eol: $ => choice($._newline, $._eof),
    _newline: _ => /\r?\n/,

    // ---------------------------------------------------------------- tokens

    string: _ => token(seq('"', repeat(choice(/[^"\\\r\n]/, /\\[^\r\n]/)), '"')),
    // A string whose closing quote is missing on its line. Accepting it keeps
    // the error on the string instead of losing the rest of the block.
    unterminated_string: _ => token(prec(-1, seq('"', repeat(choice(/[^"\\\r\n]/, /\\[^\r\n]/))))),
    _string: $ => choice($.string, $.unterminated_string),

    // Every written date form is one token; caseline-syntax splits and checks it.
    // 2024-11-05, 2024-11, 2024-11-05..2024-11-20, 2024-11-05..20,
    // 2024-11-25..12-03, 2024-04..2024-05, and `?` (not known).
    date: _ => token(choice(
      seq(
        /[0-9]{4}-[0-9]{2}(-[0-9]{2})?/,
        optional(seq('..', /([0-9]{4}-)?[0-9]{2}(-[0-9]{2})?/)),
      ),
      '?',
    )),

    duration: _ => /[0-9]+(wd|d|w|m|y)/,

    // Names: event kinds, procedure and calendar names.
    // Event kinds and other names are spelled the same; both wrap one hidden
    // token, which also makes a missing kind show up as a MISSING node inside
    // an empty `event_kind` (tree-sitter's recovery then stays on the line).
    name: $ => $._name_token,
    event_kind: $ => $._name_token,
    _name_token: _ => /[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*/,
    id: _ => /[A-Za-z0-9][A-Za-z0-9_-]*/,

    // The key of an untyped `key value` child line.
    key: _ => /[A-Za-z_][A-Za-z0-9_.-]*/,
    // A bare value word on a `key value` line (dates, durations and strings get
    // their own nodes; everything else is a word).
    word: _ => token(prec(-1, /[^ \t\r\n"#]+/)),

    // A line the parser cannot read at all, kept whole so its error stays on
    // that line and the blocks after it parse normally. The lowest lexical
    // precedence means any real token that matches at the start wins.
    invalid_line: _ => token(prec(-2, /[^ \t\r\n#][^\r\n]*/)),

    // A top-level line that opens no known block, with the child lines under
    // it (which cannot mean anything without their parent).
    invalid_block: $ => prec.right(seq(
      field('head', $.invalid_line),
      $._eol,
      repeat(seq($._indent, field('child', $.invalid_line), $._eol)),
    )),

    // ---------------------------------------------------------------- case header

    case_header: $ => prec.right(seq(
      'case',
      optional(field('reference', $._string)),
      $._eol,
      repeat(seq(
        $._indent,
        field('field', choice($.field, alias($._names_field, $.field), $.invalid_line)),
        $._eol,
      )),
    )),

    // `key value...`: header lines, and any child line that is not typed.
    field: $ => seq(
      field('key', $.key),
      repeat(field('value', $._value)),
    ),
    _value: $ => choice($._string, $.date, $.duration, $.word),

    // `procedure a b` and `calendar x` in the header: the same `field` node, but
    // the values are names (so they highlight and read like other names).
    _names_field: $ => seq(
      field('key', alias(choice('procedure', 'calendar'), $.key)),
      repeat1(field('value', $.name)),
    ),

    // ---------------------------------------------------------------- entries

    entry: $ => prec.right(seq(
      field('date', $.date),
      field('kind', $.event_kind),
      repeat(field('id', $.id)),
      optional(field('text', $._string)),
      $._eol,
      repeat(seq($._indent, field('child', $._entry_child), $._eol)),
    )),

    _entry_child: $ => choice(
      $.rec_line,
      $.agree_line,
      $.extended_line,
      $.exception_line,
      $.prose_line,
      $.field,
      $.invalid_line,
    ),

    rec_line: $ => seq(
      field('keyword', choice('rec', 'promise')),
      field('id', $.id),
      optional($._due),
      optional(field('text', $._string)),
    ),

    agree_line: $ => seq(
      'agree',
      repeat1(field('id', $.id)),
      optional($._due),
    ),

    _due: $ => choice($.within, $.by),
    within: $ => seq('within', field('duration', $.duration)),
    by: $ => seq('by', field('date', $.date)),

    extended_line: $ => seq('extended', optional(field('reason', $._string))),

    // `exception TARGET "reason"`: the procedure's limit for TARGET is switched
    // off in this stage, for the reason given (the procedure must allow it).
    exception_line: $ => seq(
      'exception',
      field('target', $.name),
      optional(field('reason', $._string)),
    ),

    // Prose is free text: no quoting, and a `#` in it is not a comment. One
    // token, so nothing inside it is ever lexed as something else.
    prose_line: _ => token(seq('>', /[^\r\n]*/)),

    // ---------------------------------------------------------------- procedures

    procedure_block: $ => prec.right(seq(
      'procedure',
      field('name', $.name),
      $._eol,
      repeat(seq($._indent, field('child', $._procedure_child), $._eol)),
    )),

    _procedure_child: $ => choice(
      $.use_line,
      $.event_decl,
      $.deadline_decl,
      $.require_decl,
      $.calendar_line,
      $.pause_decl,
      $.exception_decl,
      $.field,
      $.invalid_line,
    ),

    use_line: $ => seq('use', repeat1(field('name', $.name))),

    // `ends`: recording this event ends the procedure (a request closed): a
    // limit still open then is judged at that date instead of moving on.
    event_decl: $ => seq(
      'event',
      field('name', $.name),
      optional(field('label', $._string)),
      optional(field('recommends', 'recommends')),
      optional(field('ends', 'ends')),
    ),

    // `deadline TARGET within DUR [or TARGET [within DUR]]... (of | starting
    // with | beginning with) [latest of] START[, START]... [extendable to DUR]
    // [repeating] [roll-forward] [guidance] ["citation"]`, where the extension
    // may also be `extendable without limit` (by agreement, with no cap). Several targets are
    // alternative outcomes, each with the limit written after it (or the next
    // one written); `latest of` makes the start the latest of several events.
    // Whether a limit is written for the last target is checked in
    // caseline-syntax, so a line without one still parses and gets a message.
    deadline_decl: $ => seq(
      'deadline',
      field('target', $.name),
      optional(seq('within', field('limit', $.duration))),
      repeat(seq('or', field('target', $.name), optional(seq('within', field('limit', $.duration))))),
      choice('of', seq(field('inclusive', choice('starting', 'beginning')), 'with')),
      choice(
        field('start', $.name),
        seq(
          field('latest', 'latest'), 'of',
          field('start', $.name),
          repeat(seq(',', field('start', $.name))),
        ),
      ),
      repeat(choice(
        seq('extendable', choice(
          seq('to', field('extended_limit', $.duration)),
          seq(field('uncapped', 'without'), 'limit'),
        )),
        field('option', choice('repeating', 'roll-forward', 'guidance')),
      )),
      optional(field('citation', $._string)),
    ),

    // `calendar NAME` in a procedure: its deadlines count in that calendar,
    // whatever the case's.
    calendar_line: $ => seq('calendar', field('name', $.name)),

    // `pause TARGET from EVENT until EVENT ["citation"]`: the days from the one
    // event to the other (both included) do not count towards TARGET's limits.
    pause_decl: $ => seq(
      'pause',
      field('target', $.name),
      'from', field('from', $.name),
      'until', field('until', $.name),
      optional(field('citation', $._string)),
    ),

    // `exception TARGET... ["citation"]` in a procedure: the limits for these
    // targets may be switched off by an `exception` line in a case.
    exception_decl: $ => seq(
      'exception',
      repeat1(field('target', $.name)),
      optional(field('citation', $._string)),
    ),

    require_decl: $ => seq(
      'require',
      field('first', $.name),
      'before',
      field('then', $.name),
    ),

    // ---------------------------------------------------------------- calendars

    calendar_block: $ => prec.right(seq(
      'calendar',
      field('name', $.name),
      $._eol,
      repeat(seq($._indent, field('child', $._calendar_child), $._eol)),
    )),

    _calendar_child: $ => choice($.extends_line, $.closed_line, $.field, $.invalid_line),

    extends_line: $ => seq('extends', repeat1(field('name', $.name))),

    closed_line: $ => seq(
      'closed',
      repeat1(field('date', $.date)),
      optional(field('reason', $._string)),
    ),
  },
});
