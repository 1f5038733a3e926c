;;; caseline-mode.el --- Major mode and eglot setup for caseline .case files  -*- lexical-binding: t; -*-

;; Copyright (C) 2026 the caseline authors
;; License: MIT OR Apache-2.0
;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1"))
;; Keywords: languages

;;; Commentary:

;;! A major mode for caseline case timelines (`.case' files): colouring,
;;! `#' comments, two-space child lines, and an entry in
;;! `eglot-server-programs' so `M-x eglot' (or `eglot-ensure') runs
;;! `caseline lsp'.  All checking comes from the server; this file must
;;! not depend on anything beyond Emacs itself (eglot is optional).
;;
;; Setup (init.el):
;;
;;   (add-to-list 'load-path "/path/to/caseline/editors/emacs")
;;   (require 'caseline-mode)
;;   (add-hook 'caseline-mode-hook #'eglot-ensure)   ; diagnostics as you type
;;
;; Set `caseline-program' if `caseline' is not on your PATH, and
;; `caseline-as-of' to judge open deadlines as of a fixed date.
;; `M-x caseline-new-case' inserts a new case for a procedure (`caseline new').

;;; Code:

(defgroup caseline nil
  "Complaint-case timelines checked by caseline."
  :group 'languages
  :prefix "caseline-")

(defcustom caseline-program "caseline"
  "The caseline program: a name on PATH or a full path."
  :type 'string)

(defcustom caseline-as-of nil
  "Judge open deadlines as of this date (\"YYYY-MM-DD\"), or nil.
nil means the usual rule: each case's `as-of' line, else today."
  :type '(choice (const :tag "The case's as-of, else today" nil)
                 (string :tag "Date (YYYY-MM-DD)")))

(defcustom caseline-indent-offset 2
  "Indentation of child lines under a block (`caseline fmt' uses 2)."
  :type 'integer)

(defconst caseline--name-re "[a-z][a-z0-9-]*\\(?:\\.[a-z][a-z0-9-]*\\)*"
  "Event kinds, procedure and calendar names (docs/format.md#tokens).")

(defconst caseline--day-re "[0-9]\\{4\\}-[0-9]\\{2\\}\\(?:-[0-9]\\{2\\}\\)?")

(defconst caseline--date-re
  (concat "\\(?:\\?\\|" caseline--day-re
          "\\(?:\\.\\.\\(?:" caseline--day-re "\\|[0-9]\\{2\\}-[0-9]\\{2\\}\\|[0-9]\\{2\\}\\)\\)?\\)")
  "Every date form: a day, a month, a range, or `?'.")

(defconst caseline--keywords
  '("case" "procedure" "calendar" "rec" "promise" "agree" "extended" "event"
    "deadline" "within" "of" "extendable" "to" "require" "before" "use"
    "extends" "closed" "by" "recommends" "or" "starting" "beginning" "with"
    "latest" "repeating" "roll-forward" "guidance" "pause" "from" "until"
    "exception" "without" "limit" "ends"))

(defvar caseline-mode-syntax-table
  (let ((st (make-syntax-table)))
    (modify-syntax-entry ?# "<" st)
    (modify-syntax-entry ?\n ">" st)
    (modify-syntax-entry ?\" "\"" st)
    (modify-syntax-entry ?\\ "\\" st)
    ;; Names like `stage2.adjudication' and IDs like `s3-b' are one symbol.
    (modify-syntax-entry ?- "_" st)
    (modify-syntax-entry ?. "_" st)
    (modify-syntax-entry ?_ "_" st)
    (modify-syntax-entry ?> "." st)
    st)
  "Syntax table for `caseline-mode'.")

(defvar caseline-font-lock-keywords
  `(;; A prose line: free text, no strings or comments inside.
    ("^[ \t]+\\(>.*\\)$" 1 'font-lock-doc-face t)
    ;; Entry head: DATE EVENT.  Generic kinds differ from procedure events.
    (,(concat "^\\(" caseline--date-re "\\)[ \t]+\\(note\\|done\\|declined\\|partial\\)\\_>")
     (1 'font-lock-constant-face) (2 'font-lock-builtin-face))
    (,(concat "^\\(" caseline--date-re "\\)[ \t]+\\(" caseline--name-re "\\)")
     (1 'font-lock-constant-face) (2 'font-lock-function-name-face))
    ;; IDs after done/declined/partial on an entry line.
    (,(concat "^" caseline--date-re "[ \t]+\\(?:done\\|declined\\|partial\\)\\_>")
     ("\\_<[A-Za-z0-9][A-Za-z0-9_-]*\\_>"
      (save-excursion (if (re-search-forward "\"\\|#" (line-end-position) t) (1- (point)) (line-end-position)))
      nil (0 'font-lock-variable-name-face)))
    ;; rec/promise ID.
    ("^[ \t]+\\(rec\\|promise\\)[ \t]+\\([A-Za-z0-9][A-Za-z0-9_-]*\\)" (2 'font-lock-variable-name-face))
    ;; Block openers with their name.
    (,(concat "^\\(?:procedure\\|calendar\\)[ \t]+\\(" caseline--name-re "\\)") 1 'font-lock-type-face)
    (,(concat "^[ \t]+\\(?:event\\|deadline\\|require\\)[ \t]+\\(" caseline--name-re "\\)") 1 'font-lock-function-name-face)
    (,(concat "\\_<\\(?:of\\|before\\)[ \t]+\\(" caseline--name-re "\\)") 1 'font-lock-function-name-face)
    (,(regexp-opt caseline--keywords 'symbols) . 'font-lock-keyword-face)
    ;; Durations and dates anywhere else on a line.
    ("\\_<[0-9]+\\(?:wd\\|d\\|w\\|m\\|y\\)\\_>" . 'font-lock-constant-face)
    (,(concat "\\_<" caseline--day-re "\\(?:\\.\\.[0-9-]+\\)?\\_>") . 'font-lock-constant-face)
    ;; Any other child line is `key value'.
    ("^[ \t]+\\([a-z][a-z0-9_-]*\\)\\_>" 1 'font-lock-variable-name-face keep))
  "Colouring for `caseline-mode', before and without the server.")

(defun caseline--block-opener-p ()
  "Non-nil when the current line's text opens a block (belongs in column 0)."
  (save-excursion
    (back-to-indentation)
    (looking-at (concat "\\(?:" caseline--date-re "[ \t]\\|case\\_>\\|procedure\\_>\\|calendar\\_>\\)"))))

(defun caseline-indent-line ()
  "Indent a block opener to column 0 and any other line as a child line."
  (interactive)
  (let* ((blank (save-excursion (beginning-of-line) (looking-at "[ \t]*$")))
         (first (save-excursion (beginning-of-line) (bobp)))
         (target (cond ((caseline--block-opener-p) 0)
                       (first 0)
                       ((and (not blank)
                             (save-excursion (back-to-indentation) (looking-at "#")))
                        (current-indentation))
                       (t caseline-indent-offset))))
    (if (<= (current-column) (current-indentation))
        (indent-line-to target)
      (save-excursion (indent-line-to target)))))

;;;###autoload
(define-derived-mode caseline-mode prog-mode "caseline"
  "Major mode for caseline complaint-case timelines (`.case' files).
Diagnostics, hovers and quick fixes come from `caseline lsp' through eglot."
  :syntax-table caseline-mode-syntax-table
  (setq-local comment-start "# ")
  (setq-local comment-start-skip "#+[ \t]*")
  (setq-local comment-end "")
  (setq-local indent-tabs-mode nil)
  (setq-local indent-line-function #'caseline-indent-line)
  (setq-local font-lock-defaults '(caseline-font-lock-keywords)))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.case\\'" . caseline-mode))

;; A new case.  The text is `caseline new''s, inserted as plain text: its
;; snippet form is the LSP/TextMate syntax, which yasnippet does not read
;; (choices are written differently there, and a backquote runs Lisp).

(defun caseline--procedure-names ()
  "The procedures a case in this buffer's folder can name, or nil."
  (condition-case nil
      (delq nil (mapcar (lambda (line) (car (split-string line)))
                        (process-lines caseline-program "procedures")))
    (error nil)))

;;;###autoload
(defun caseline-new-case (procedures)
  "Insert a new case under PROCEDURES, a list of procedure names.
The text is what `caseline new --procedure NAME' writes: the header, whose
placeholders are to be replaced, and the procedures' stages as commented
lines to date.  Procedures of the workspace of the buffer's folder may be
named.  An empty buffer gets it whole; otherwise it goes in above the
current line.  Point ends on the reference placeholder, which is selected."
  (interactive
   (list (completing-read-multiple "New case under procedure(s): "
                                   (caseline--procedure-names))))
  (when (stringp procedures)
    (setq procedures (list procedures)))
  (let ((args (list "new"))
        (errors (make-temp-file "caseline-new"))
        text code)
    (dolist (p procedures)
      (setq args (append args (list "--procedure" p))))
    (unwind-protect
        (with-temp-buffer
          (setq code (apply #'call-process caseline-program nil (list t errors) nil args))
          (setq text (buffer-string))
          (unless (eq code 0)
            (erase-buffer)
            (insert-file-contents errors)
            (goto-char (point-max))
            (skip-chars-backward " \t\n")
            (user-error "caseline new: %s" (buffer-substring (point-min) (point)))))
      (delete-file errors))
    (unless (= (point-min) (point-max))
      (beginning-of-line))
    (let ((start (point)))
      (insert text)
      (goto-char start)
      (when (search-forward "case \"REFERENCE\"" nil t)
        (goto-char (- (point) (length "REFERENCE\"")))
        (push-mark (+ (point) (length "REFERENCE")) t t)))))

(defun caseline-eglot-contact (&optional _interactive)
  "The eglot contact for caseline: `caseline lsp' with the as-of option."
  (list caseline-program "lsp"
        :initializationOptions (lambda (_server)
                                 (if caseline-as-of
                                     (list :asOf caseline-as-of)
                                   ;; An empty JSON object, not null.
                                   (make-hash-table)))))

;;; Built-in procedures
;; Go to definition on an event of a built-in procedure answers with a
;; `caseline-builtin:/NAME.case' URI: the procedure is not a file on disk.
;; eglot would turn it into the path /NAME.case and open an empty buffer, so
;; the URI becomes the marker path /caseline-builtin:/NAME.case, and opening
;; that path shows the procedure's text, fetched from the server with
;; `caseline/builtinSource' (docs/lsp-extensions.md), read-only.

(defconst caseline--builtin-scheme "caseline-builtin:"
  "The URI scheme of the built-in procedures' documents.")

(defvar caseline--builtin-server nil
  "The eglot server that last answered with a built-in procedure's URI.")

(defun caseline--builtin-uri-to-path (orig uri)
  "Call ORIG on URI, except for a built-in procedure's URI: its marker path."
  (let ((s (if (keywordp uri) (substring (symbol-name uri) 1) uri)))
    (if (and (stringp s) (string-prefix-p caseline--builtin-scheme s))
        (progn
          (setq caseline--builtin-server (eglot-current-server))
          (concat "/" s))
      (funcall orig uri))))

(defun caseline--builtin-buffer (orig filename &rest args)
  "Call ORIG with FILENAME and ARGS, except for a built-in procedure's path."
  (if (and (stringp filename)
           (string-match (concat "\\`/" (regexp-quote caseline--builtin-scheme)) filename))
      (let* ((uri (substring filename 1))
             (existing (get-buffer uri)))
        (or existing
            (let* ((server (or caseline--builtin-server
                               (user-error "caseline: no server to ask for %s" uri)))
                   (reply (jsonrpc-request server :caseline/builtinSource (list :uri uri)))
                   (buffer (generate-new-buffer uri)))
              (with-current-buffer buffer
                (insert (plist-get reply :text))
                ;; Not a file of the workspace: no eglot session of its own.
                (let ((caseline-mode-hook nil))
                  (caseline-mode))
                (set-buffer-modified-p nil)
                (setq buffer-read-only t)
                (goto-char (point-min)))
              buffer)))
    (apply orig filename args)))

;;; Timeline
;; The timeline page of the case in the current buffer, as the server sees it
;; (saved or not): the `caseline/timeline' request (docs/lsp-extensions.md)
;; answers with one self-contained HTML page, written to a temporary file and
;; opened with `browse-url-of-file'.

(defvar caseline-timeline-open-function #'browse-url-of-file
  "Called with the path of the timeline's HTML file to show it.")

(defun caseline-timeline ()
  "Open the timeline page of the case in this buffer in the browser.
Needs the caseline server (eglot) running for the buffer."
  (interactive)
  (require 'eglot)
  (let* ((server (or (eglot-current-server)
                     (user-error "caseline: no timeline: start the caseline server first (M-x eglot)")))
         (reply (jsonrpc-request server :caseline/timeline
                                 (list :textDocument
                                       (list :uri (funcall (if (fboundp 'eglot-path-to-uri)
                                                               'eglot-path-to-uri ; newer eglot (Emacs 30)
                                                             'eglot--path-to-uri)
                                                           buffer-file-name)))))
         (html (plist-get reply :html))
         (file (make-temp-file "caseline-timeline-" nil ".html")))
    (unless (stringp html)
      (user-error "caseline: the server sent no timeline page"))
    (let ((coding-system-for-write 'utf-8))
      (write-region html nil file nil 'silent))
    (funcall caseline-timeline-open-function file)
    file))

;;; Copy as decision wording
;; The server's "Copy as decision wording" code action carries the client
;; command `caseline.copyDecisionWording' with the paragraph as its argument
;; (docs/lsp-extensions.md). eglot would send it back to the server, which does
;; not run it: here it goes to the kill ring (and so to the clipboard).

(defconst caseline--copy-command "caseline.copyDecisionWording"
  "The client command of \"Copy as decision wording\".")

(defun caseline--copy-decision-wording (arguments)
  "Put the paragraph in ARGUMENTS on the kill ring.
ARGUMENTS is the command's argument list: one string, in a vector or list."
  (let ((text (cond ((vectorp arguments) (and (> (length arguments) 0) (aref arguments 0)))
                    ((listp arguments) (car arguments)))))
    (if (and (stringp text) (> (length text) 0))
        (progn (kill-new text)
               (message "caseline: decision wording copied (yank it with C-y)"))
      (message "caseline: nothing to copy"))))

(defun caseline--execute-command (orig server command arguments)
  "Call ORIG with SERVER, COMMAND and ARGUMENTS.
caseline's own command is run here instead (eglot before 1.15)."
  (if (equal (format "%s" command) caseline--copy-command)
      (caseline--copy-decision-wording arguments)
    (funcall orig server command arguments)))

(defun caseline--execute (orig server action)
  "Call ORIG with SERVER and ACTION.
caseline's own command is run here instead (eglot 1.15 and later)."
  (let* ((command (and (listp action) (plist-get action :command)))
         (name (if (stringp command) command (and (listp command) (plist-get command :command))))
         (arguments (if (stringp command)
                        (plist-get action :arguments)
                      (and (listp command) (plist-get command :arguments)))))
    (if (equal name caseline--copy-command)
        (caseline--copy-decision-wording arguments)
      (funcall orig server action))))

(with-eval-after-load 'eglot
  (defvar eglot-server-programs)
  (if (fboundp 'eglot-execute)
      (advice-add 'eglot-execute :around #'caseline--execute)
    (advice-add 'eglot-execute-command :around #'caseline--execute-command))
  (add-to-list 'eglot-server-programs '(caseline-mode . caseline-eglot-contact))
  (declare-function eglot-current-server "eglot")
  (declare-function jsonrpc-request "jsonrpc")
  (advice-add 'eglot--uri-to-path :around #'caseline--builtin-uri-to-path)
  (advice-add 'find-file-noselect :around #'caseline--builtin-buffer))

(provide 'caseline-mode)
;;; caseline-mode.el ends here
