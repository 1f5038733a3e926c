;;; emacs-new.el --- Test of caseline-new-case against the binary  -*- lexical-binding: t; -*-

;;! Driven by ci.sh with CASELINE_BIN set: `caseline-new-case' (editors/emacs)
;;! inserts exactly what `caseline new --procedure NAME' prints into an empty
;;! buffer with point on the reference placeholder, inserts above the current
;;! line in a buffer that has text, and reports a missing procedure without
;;! inserting anything.  Needs no server.

;;; Code:

(defvar caseline-test--dir (file-name-directory (or load-file-name buffer-file-name)))
(defvar caseline-test--failures 0)
(add-to-list 'load-path (expand-file-name "../emacs" caseline-test--dir))
(require 'caseline-mode)
(setq caseline-program (or (getenv "CASELINE_BIN") (error "CASELINE_BIN must be set")))

(defun caseline-test--check (what ok &optional detail)
  (unless ok
    (setq caseline-test--failures (1+ caseline-test--failures))
    (princ (format "emacs-new: FAIL: %s%s\n" what (if detail (format ": %S" detail) "")))))

(let* ((folder (make-temp-file "caseline-new" t))
       (default-directory (file-name-as-directory folder))
       (expected (with-temp-buffer
                   (call-process caseline-program nil t nil "new" "--procedure" "children-statutory")
                   (buffer-string))))
  (caseline-test--check "caseline new ran" (string-match-p "procedure children-statutory" expected) expected)

  (with-temp-buffer
    (setq default-directory (file-name-as-directory folder))
    (caseline-new-case '("children-statutory"))
    (caseline-test--check "the empty buffer holds what caseline new prints"
                          (equal (buffer-string) expected) (buffer-string))
    (caseline-test--check "point on the reference placeholder"
                          (looking-at "REFERENCE\"") (buffer-substring (point) (line-end-position)))
    (caseline-test--check "the placeholder is the region"
                          (equal (buffer-substring (region-beginning) (region-end)) "REFERENCE")))

  (with-temp-buffer
    (setq default-directory (file-name-as-directory folder))
    (insert "# my notes\n")
    (goto-char (point-min))
    (caseline-new-case "lgsco")
    (caseline-test--check "inserted above the current line"
                          (and (string-suffix-p "\n# my notes\n" (buffer-string))
                               (string-match-p "\n  procedure lgsco\n" (buffer-string)))
                          (buffer-string)))

  (with-temp-buffer
    (setq default-directory (file-name-as-directory folder))
    (let ((err (condition-case e (progn (caseline-new-case nil) nil) (user-error (cadr e)))))
      (caseline-test--check "a missing procedure is reported" (and err (string-match-p "--procedure" err)) err)
      (caseline-test--check "nothing inserted" (equal (buffer-string) "") (buffer-string))))

  (caseline-test--check "procedure names for completion"
                        (member "children-statutory" (caseline--procedure-names))
                        (caseline--procedure-names))
  (delete-directory folder t))

(if (> caseline-test--failures 0)
    (kill-emacs 1)
  (princ "emacs-new: ok\n")
  (kill-emacs 0))
;;; emacs-new.el ends here
