; Highlights for caseline `.case` files. Capture names follow the common
; tree-sitter / Neovim conventions; caseline-syntax maps each one to its
; `Highlight` kind, so a new capture name here needs a mapping there.

(comment) @comment


(string) @string
(unterminated_string) @string

; Dates are "special strings" in the usual convention.
(date) @string.special

(duration) @number

(prose_line) @markup.quote

(event_kind) @type

(id) @constant

(key) @property

(name) @module


[
  "case"
  "procedure"
  "calendar"
  "rec"
  "promise"
  "agree"
  "extended"
  "within"
  "by"
  "use"
  "event"
  "recommends"
  "deadline"
  "of"
  "extendable"
  "to"
  "require"
  "before"
  "extends"
  "closed"
  "or"
  "starting"
  "beginning"
  "with"
  "latest"
  "repeating"
  "roll-forward"
  "guidance"
  "pause"
  "from"
  "until"
  "exception"
  "without"
  "limit"
  "ends"
] @keyword
