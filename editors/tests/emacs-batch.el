;;; emacs-batch.el --- Emacs + eglot client test for caseline  -*- lexical-binding: t; -*-

;;! Driven by emacs-batch.sh: opens a case file in `emacs --batch' with
;;! editors/emacs/caseline-mode.el and Debian's eglot, starts `caseline lsp'
;;! the way the README says (`eglot-ensure' from `caseline-mode-hook'), waits
;;! for the server's diagnostics and exits 0 only if the expected finding
;;! arrived.  Installs nothing.

;;; Code:

(require 'cl-lib)
(require 'package)
;; -Q skips site-start, so activate the ELPA packages Debian installs (elpa-eglot)
;; and any in EMACS_ELPA_DIR (for other systems).
(dolist (dir (list "/usr/share/emacs/site-lisp/elpa" (getenv "EMACS_ELPA_DIR")))
  (when (and dir (file-directory-p dir))
    (add-to-list 'package-directory-list dir)))
(package-initialize)

(defun caseline-test--say (fmt &rest args)
  (princ (concat "emacs: " (apply #'format fmt args) "\n")))

(defun caseline-test--fail (fmt &rest args)
  (caseline-test--say "FAIL: %s" (apply #'format fmt args))
  (kill-emacs 1))

(let ((bin (getenv "CASELINE_BIN"))
      (case-file (getenv "CASE_FILE"))
      (editors (getenv "EDITORS_DIR"))
      (expect-code (or (getenv "EXPECT_CODE") "deadline-missed"))
      (expect-line (string-to-number (or (getenv "EXPECT_LINE") "20")))
      (wait-s (/ (string-to-number (or (getenv "WAIT_MS") "30000")) 1000.0)))
  (unless (and bin case-file editors)
    (caseline-test--fail "CASELINE_BIN, CASE_FILE and EDITORS_DIR must be set"))
  (unless (require 'eglot nil t)
    (caseline-test--fail "eglot is not installed (apt-get install -y elpa-eglot)"))
  (add-to-list 'load-path (expand-file-name "emacs" editors))
  (require 'caseline-mode)
  (setq caseline-program bin)
  ;; AS_OF exercises `caseline-as-of' end to end (initializationOptions.asOf).
  (setq caseline-as-of (let ((v (getenv "AS_OF"))) (and v (not (string-empty-p v)) v)))
  ;; Never stop to ask a question in batch mode.
  (setq eglot-sync-connect 10
        eglot-connect-timeout 20
        eglot-autoreconnect nil)
  (add-hook 'caseline-mode-hook #'eglot-ensure)

  (condition-case err
      (find-file case-file)
    (error (caseline-test--fail "could not open %s: %S" case-file err)))
  (unless (eq major-mode 'caseline-mode)
    (caseline-test--fail "the .case file opened in %s, not caseline-mode" major-mode))
  ;; `eglot-ensure' connects from `post-command-hook'; batch mode has no command loop.
  (condition-case err
      (run-hooks 'post-command-hook)
    (error (caseline-test--fail "eglot could not start the server: %s" (error-message-string err))))
  (unless (eglot-current-server)
    (caseline-test--fail "eglot has no server for the buffer: the caseline server did not answer initialize within %d s" eglot-sync-connect))

  (let* ((tag (format "[%s]" expect-code))
         (diags (lambda ()
                  (delete-dups (append (ignore-errors (flymake-diagnostics))
                                       (and (boundp 'eglot--diagnostics) eglot--diagnostics)))))
         (matches (lambda ()
                    (cl-some (lambda (d)
                               (and (string-match-p (regexp-quote tag) (flymake-diagnostic-text d))
                                    (= expect-line (line-number-at-pos (flymake-diagnostic-beg d)))))
                             (funcall diags))))
         (start (float-time))
         (found nil))
    (while (and (not (setq found (funcall matches)))
                (< (- (float-time) start) wait-s)
                (eglot-current-server))
      (accept-process-output nil 0.05))
    (let ((all (sort (funcall diags)
                     (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b))))))
      (caseline-test--say "%d diagnostic(s) for %s after %d ms:" (length all)
                          (file-name-nondirectory case-file)
                          (round (* 1000 (- (float-time) start))))
      (dolist (d all)
        (caseline-test--say "  line %d: %s" (line-number-at-pos (flymake-diagnostic-beg d))
                            (replace-regexp-in-string "\n" " " (flymake-diagnostic-text d)))))
    (unless found
      (caseline-test--fail "no %s diagnostic on line %d within %.0f s (server %s)"
                           expect-code expect-line wait-s
                           (if (eglot-current-server) "running" "gone")))
    (caseline-test--say "OK: %s on line %d arrived from the server" expect-code expect-line)
    ;; "Copy as decision wording" on the Kent sample's stage 1 response (line
    ;; 16): the server's action, run the way eglot runs a chosen action's
    ;; command, puts the paragraph on the kill ring.
    (when (equal (file-name-nondirectory case-file) "kent-24-003-873.case")
      (let* ((server (eglot-current-server))
             (actions (jsonrpc-request
                       server :textDocument/codeAction
                       (list :textDocument (eglot--TextDocumentIdentifier)
                             :range (list :start (list :line 15 :character 0)
                                          :end (list :line 15 :character 0))
                             :context (list :diagnostics []))))
             (command (cl-some (lambda (a)
                                 (let ((c (plist-get a :command)))
                                   (and (listp c)
                                        (equal (plist-get c :command) "caseline.copyDecisionWording")
                                        c)))
                               (append actions nil))))
        (unless command
          (caseline-test--fail "no Copy as decision wording action on line 16"))
        (kill-new "")
        (if (fboundp 'eglot-execute)
            (eglot-execute server command)
          (eglot-execute-command server (intern (plist-get command :command))
                                 (plist-get command :arguments)))
        (let ((copied (current-kill 0 t)))
          (dolist (figure '("24 August 2023" "42 working days" "reg. 14" "22 working days late"))
            (unless (string-match-p (regexp-quote figure) copied)
              (caseline-test--fail "the copied decision wording lacks %S: %s" figure copied)))
          (caseline-test--say "OK: Copy as decision wording put the stage 1 paragraph on the kill ring"))))
    ;; M-x caseline-timeline writes the page to a temporary file and opens it;
    ;; the browser is stubbed.
    (let* ((opened nil)
           (caseline-timeline-open-function (lambda (f) (setq opened f))))
      (condition-case err
          (caseline-timeline)
        (error (caseline-test--fail "caseline-timeline failed: %s" (error-message-string err))))
      (unless (and opened (file-exists-p opened))
        (caseline-test--fail "caseline-timeline opened no file"))
      (let ((page (with-temp-buffer
                    (insert-file-contents opened)
                    (buffer-string)))
            (reference (if (string-match-p "kent-24-003-873" buffer-file-name) "24 003 873" "<html")))
        (unless (and (string-match-p (regexp-quote reference) page)
                     (string-match-p "<!DOCTYPE html" page))
          (caseline-test--fail "caseline-timeline wrote %s without %S" opened reference))
        (caseline-test--say "OK: caseline-timeline wrote %s (%d characters, with %S) and opened it"
                            opened (length page) reference)
        (delete-file opened)))
    ;; Go to definition on an event of a built-in procedure opens its source,
    ;; read-only, fetched from the server (GOTO_EVENT: the event to look up).
    (let ((event (getenv "GOTO_EVENT")))
      (when (and event (not (string-empty-p event)))
        (goto-char (point-min))
        (unless (search-forward event nil t)
          (caseline-test--fail "%s is not in the case file" event))
        (backward-char 2)
        (condition-case err
            (xref-find-definitions (xref-backend-identifier-at-point (xref-find-backend)))
          (error (caseline-test--fail "go to definition on %s failed: %s" event
                                      (error-message-string err))))
        (let ((name (buffer-name)))
          (unless (string-prefix-p "caseline-builtin:/" name)
            (caseline-test--fail "go to definition on %s went to %s, not a built-in procedure"
                                 event name))
          (unless (and buffer-read-only
                       (save-excursion (goto-char (point-min))
                                       (re-search-forward "^procedure children-statutory" nil t))
                       (string-match-p (regexp-quote event)
                                       (buffer-substring (line-beginning-position)
                                                         (line-end-position))))
            (caseline-test--fail "%s: not the read-only source at the declaration of %s (line %d: %s)"
                                 name event (line-number-at-pos)
                                 (buffer-substring (line-beginning-position) (line-end-position))))
          (caseline-test--say "OK: go to definition on %s opened %s, read-only, at line %d"
                              event name (line-number-at-pos)))))
    (ignore-errors (eglot-shutdown (eglot-current-server) nil 2))
    (kill-emacs 0)))

;;; emacs-batch.el ends here
