// External scanner for tree-sitter-caseline. Stateless on purpose: incremental
// reparses must equal fresh parses, and a stateless scanner cannot drift.
//
// _indent      zero-width token after the spaces/tabs that start a child line;
//              not produced when the rest of the line is blank or a comment.
// _eof         zero-width line end at end of file (the last line needs no "\n").
// _blank_line  a line holding only spaces/tabs (extra).
// comment      `#` to the end of the line (extra); when the comment is the only
//              thing on its line the token also takes the line ending, so that
//              comment-only lines, like blank lines, never end a block.
//
// Column 0 is detected without get_column() on every call (it walks back to the
// start of the line, which would make long lines quadratic): it is only asked
// once the character after the spaces is `#`, `\r` or `\n`, i.e. once per line.

#include "tree_sitter/parser.h"

enum TokenType { INDENT, EOF_EOL, BLANK_LINE, COMMENT, ERROR_SENTINEL };

void *tree_sitter_caseline_external_scanner_create(void) { return NULL; }
void tree_sitter_caseline_external_scanner_destroy(void *payload) { (void)payload; }
unsigned tree_sitter_caseline_external_scanner_serialize(void *payload, char *buffer) {
  (void)payload;
  (void)buffer;
  return 0;
}
void tree_sitter_caseline_external_scanner_deserialize(void *payload, const char *buffer,
                                                       unsigned length) {
  (void)payload;
  (void)buffer;
  (void)length;
}

// Spaces, tabs, and the byte-order mark some editors put at the start of a file.
static bool is_hspace(int32_t c) { return c == ' ' || c == '\t' || c == 0xFEFF; }

// Consumes `\r?\n`; false (nothing sensible consumed) for a lone `\r`.
static bool consume_newline(TSLexer *lexer) {
  if (lexer->lookahead == '\r') lexer->advance(lexer, false);
  if (lexer->lookahead != '\n') return false;
  lexer->advance(lexer, false);
  return true;
}

bool tree_sitter_caseline_external_scanner_scan(void *payload, TSLexer *lexer,
                                                const bool *valid_symbols) {
  (void)payload;
  // During error recovery every symbol is valid: then only blank lines and
  // comments are produced, never the structural indent or end-of-file tokens.
  bool recovering = valid_symbols[ERROR_SENTINEL];

  uint32_t skipped = 0;
  while (is_hspace(lexer->lookahead)) {
    lexer->advance(lexer, true);
    skipped++;
  }
  int32_t c = lexer->lookahead;

  if (c == '\n' || c == '\r' || c == '#') {
    bool line_start = lexer->get_column(lexer) == skipped;
    if (c == '#' && valid_symbols[COMMENT]) {
      while (!lexer->eof(lexer) && lexer->lookahead != '\n' && lexer->lookahead != '\r') {
        lexer->advance(lexer, false);
      }
      lexer->mark_end(lexer);
      if (line_start && consume_newline(lexer)) lexer->mark_end(lexer);
      lexer->result_symbol = COMMENT;
      return true;
    }
    if (line_start && valid_symbols[BLANK_LINE] && consume_newline(lexer)) {
      lexer->mark_end(lexer);
      lexer->result_symbol = BLANK_LINE;
      return true;
    }
    return false;
  }

  if (recovering) return false;

  if (lexer->eof(lexer)) {
    if (valid_symbols[EOF_EOL]) {
      lexer->mark_end(lexer);
      lexer->result_symbol = EOF_EOL;
      return true;
    }
    return false;
  }

  // _indent is only valid right after a line end, i.e. in column 0.
  if (skipped > 0 && valid_symbols[INDENT]) {
    lexer->mark_end(lexer);
    lexer->result_symbol = INDENT;
    return true;
  }
  return false;
}
