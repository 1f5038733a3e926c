;;; emacs-mode.el --- Tests of caseline-mode without the server  -*- lexical-binding: t; -*-

;;! Driven by ci.sh when emacs is installed: byte-compiles caseline-mode.el with
;;! warnings as errors, then checks the faces at known positions of
;;! fixtures/highlight.case and the indentation of a new child line.  Needs no server.

;;; Code:

(require 'cl-lib)
(require 'bytecomp)
(defvar caseline-test--dir (file-name-directory (or load-file-name buffer-file-name)))
(defvar caseline-test--failures 0)

(defun caseline-test--check (what expected got)
  (unless (equal expected got)
    (setq caseline-test--failures (1+ caseline-test--failures))
    (princ (format "emacs-mode: FAIL: %s: expected %S, got %S\n" what expected got))))

;; Compile into a temporary folder so nothing is written next to the source.
(let* ((src (expand-file-name "../emacs/caseline-mode.el" caseline-test--dir))
       (tmp (make-temp-file "caseline-elc" t))
       (copy (expand-file-name "caseline-mode.el" tmp))
       (byte-compile-error-on-warn t))
  (copy-file src copy)
  (unless (byte-compile-file copy)
    (princ "emacs-mode: FAIL: caseline-mode.el does not byte-compile cleanly\n")
    (kill-emacs 1))
  (load (expand-file-name "caseline-mode.elc" tmp) nil t))

(with-temp-buffer
  (insert-file-contents (expand-file-name "fixtures/highlight.case" caseline-test--dir))
  (setq buffer-file-name (expand-file-name "fixtures/highlight.case" caseline-test--dir))
  (set-auto-mode)
  (caseline-test--check "major mode from the .case name" 'caseline-mode major-mode)
  (font-lock-ensure)
  (cl-flet ((face-at (line col)
              (save-excursion
                (goto-char (point-min))
                (forward-line (1- line))
                (move-to-column (1- col))
                (let ((f (get-text-property (point) 'face)))
                  (if (listp f) (car f) f)))))
    ;; (line column face), worked out from the fixture's text.
    (dolist (e '((1 1 font-lock-comment-delimiter-face)
                 (1 3 font-lock-comment-face)
                 (2 1 font-lock-keyword-face)
                 (2 6 font-lock-string-face)
                 (3 3 font-lock-keyword-face)
                 (4 9 font-lock-constant-face)
                 (5 1 font-lock-constant-face)
                 (5 18 font-lock-function-name-face)
                 (5 34 font-lock-string-face)
                 (6 3 font-lock-doc-face)
                 (6 35 font-lock-doc-face)
                 (7 12 font-lock-function-name-face)
                 (8 3 font-lock-keyword-face)
                 (8 22 font-lock-constant-face)
                 (9 7 font-lock-variable-name-face)
                 (10 1 font-lock-constant-face)
                 (10 16 font-lock-builtin-face)
                 (10 21 font-lock-variable-name-face)
                 (10 24 font-lock-variable-name-face)
                 (11 1 font-lock-constant-face)
                 (11 3 font-lock-function-name-face)))
      (caseline-test--check (format "face at line %d col %d" (nth 0 e) (nth 1 e))
                            (nth 2 e) (face-at (nth 0 e) (nth 1 e)))))
  ;; A new line under an entry is a child line; an entry line goes back to column 0.
  (goto-char (point-max))
  (insert "\n")
  (indent-according-to-mode)
  (caseline-test--check "indent of a new child line" 2 (current-column))
  (insert "2025-03-01 done o1")
  (indent-according-to-mode)
  (caseline-test--check "indent of an entry line" 0 (current-indentation)))

(princ (format "emacs-mode: %s\n" (if (= caseline-test--failures 0) "all checks passed"
                                    (format "%d check(s) failed" caseline-test--failures))))
(kill-emacs (if (= caseline-test--failures 0) 0 1))

;;; emacs-mode.el ends here
