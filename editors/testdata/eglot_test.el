;;; eglot_test.el --- batch Emacs driver for editors_test.go  -*- lexical-binding: t; -*-

;; Starts as a user's Emacs does: the site files (Debian's elpa-* packages)
;; and `package-activate-all', which an interactive Emacs runs at start-up
;; and batch mode skips. Then it evaluates the README's snippet, visits
;; $UPWARD_DRAFT and lets `auto-mode-alist' pick the major mode (markdown-mode
;; for .md, which only the markdown-mode package provides; text-mode for
;; .txt) and the snippet's hook start eglot with `upward lsp'. It waits for
;; Flymake diagnostics and prints them to stdout, one per line:
;;   DIAG<TAB>line<TAB>col<TAB>type<TAB>text
;; and MODE (the buffer's major mode) and MARKDOWN (whether the markdown-mode
;; package is installed). Then it applies the hedging finding's preferred
;; quick fix (LINE: the buffer after it) and runs the vague-timing finding's
;; "Allow "soon" in this project" action, which has eglot edit $UPWARD_CONFIG
;; (CONFIG: that buffer's lines; AFTER: the diagnostics then; PROMPT: eglot's
;; confirmation question, answered yes), and saves the config.
;; Exits 0 when diagnostics arrived, 1 otherwise.

(require 'package)
(package-activate-all)

(require 'eglot)
(require 'flymake)
(require 'cl-lib)

(defvar upward-test-timeout (string-to-number (or (getenv "UPWARD_TIMEOUT") "20")))
(defvar upward-test-bin (or (getenv "UPWARD_BIN") (error "UPWARD_BIN not set")))
(defvar upward-test-draft (or (getenv "UPWARD_DRAFT") (error "UPWARD_DRAFT not set")))

;; The README's snippet, with the binary under test instead of "upward" on PATH.
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               `((markdown-mode text-mode) . (,upward-test-bin "lsp"))))
(add-hook 'markdown-mode-hook #'eglot-ensure)
(add-hook 'text-mode-hook
          (lambda () (when (eq major-mode 'text-mode) (eglot-ensure))))

(defun upward-test-out (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

;; eglot asks before a server edits a file no buffer visits: record the
;; question and answer yes, as the user would.
(advice-add 'y-or-n-p :override
            (lambda (prompt &rest _)
              (upward-test-out "PROMPT\t%s" (replace-regexp-in-string "\n" " " prompt))
              t))

(defun upward-test-wait (pred)
  "Wait until PRED, restarting Flymake now and then; return its value.
Batch Emacs never runs idle timers, so the buffer's changes are sent to
the server here, as eglot's idle timer would."
  (let ((deadline (+ (float-time) upward-test-timeout))
        (next-start 0)
        val)
    (while (and (not (setq val (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.1)
      (when (and (eglot-managed-p) (> (float-time) next-start))
        (eglot--signal-textDocument/didChange)
        (flymake-start)
        (setq next-start (+ (float-time) 0.5))))
    val))

(defun upward-test-find (code)
  (cl-find-if (lambda (d) (string-match-p (format "\\[%s\\]" code) (flymake-diagnostic-text d)))
              (flymake-diagnostics)))

(defun upward-test-project-action ()
  "Run the vague-timing finding's allow action and report what it did."
  ;; The diagnostics after the hedging fix: Flymake keeps the old ones,
  ;; whose positions point past the shortened text, until new ones come.
  (let ((timing (upward-test-wait
                 (lambda ()
                   (let ((d (upward-test-find "vague-timing")))
                     (and d (<= (flymake-diagnostic-end d) (point-max))
                          (equal (buffer-substring-no-properties (flymake-diagnostic-beg d)
                                                                 (flymake-diagnostic-end d))
                                 "soon")
                          d))))))
    (when timing
      (let* ((actions (eglot-code-actions (flymake-diagnostic-beg timing)
                                          (flymake-diagnostic-end timing) "quickfix"))
             (action (cl-find-if (lambda (a) (equal (plist-get a :title) "Allow \"soon\" in this project"))
                                 actions))
             (cmd (plist-get action :command)))
        (upward-test-out "PROJECT_ACTION\t%s" (or (plist-get action :title) "none"))
        (when cmd
          (eglot-execute-command (eglot-current-server)
                                 (intern (plist-get cmd :command)) (plist-get cmd :arguments))
          (upward-test-wait (lambda () (not (upward-test-find "vague-timing"))))
          (dolist (d (flymake-diagnostics))
            (upward-test-out "AFTER\t%s" (replace-regexp-in-string "\n" " " (flymake-diagnostic-text d))))
          (let ((buf (find-buffer-visiting (getenv "UPWARD_CONFIG"))))
            (when buf
              (with-current-buffer buf
                (dolist (line (split-string (buffer-substring-no-properties (point-min) (point-max)) "\n"))
                  (upward-test-out "CONFIG\t%s" line))
                (save-buffer)))))))))

(defun upward-test-main ()
  (find-file upward-test-draft)
  (upward-test-out "MODE\t%s" major-mode)
  (upward-test-out "MARKDOWN\t%s" (if (locate-library "markdown-mode") "yes" "no"))
  (unless (memq major-mode '(markdown-mode text-mode))
    ;; Nothing starts in Fundamental mode: no use waiting.
    (kill-emacs 3))
  (upward-test-out "EMACS\t%s" emacs-version)
  (upward-test-out "EGLOT\t%s"
                   (file-name-nondirectory
                    (directory-file-name (file-name-directory (locate-library "eglot")))))
  ;; The mode hook ran eglot-ensure, which connects from post-command-hook:
  ;; batch mode never runs that.
  (run-hooks 'post-command-hook)
  (let ((deadline (+ (float-time) upward-test-timeout))
        (next-start 0)
        diags)
    (while (and (null diags) (< (float-time) deadline))
      (accept-process-output nil 0.1)
      (when (and (eglot-managed-p) (> (float-time) next-start))
        (flymake-start)
        (setq next-start (+ (float-time) 0.5)))
      (setq diags (flymake-diagnostics)))
    (upward-test-out "MANAGED\t%s" (if (eglot-managed-p) "yes" "no"))
    ;; `sort' is destructive: keep its result, or diags may lose elements.
    (setq diags (sort diags (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
    (dolist (d diags)
      (let ((beg (flymake-diagnostic-beg d)))
        (upward-test-out "DIAG\t%d\t%d\t%s\t%s"
                         (1- (line-number-at-pos beg))
                         (save-excursion (goto-char beg) (current-column))
                         (flymake-diagnostic-type d)
                         (replace-regexp-in-string "\n" " " (flymake-diagnostic-text d)))))
    ;; Apply the preferred quick fix of the hedging finding, as a user
    ;; picking the default in M-x eglot-code-actions would.
    (let ((hedging (cl-find-if (lambda (d) (string-match-p "\\[hedging\\]" (flymake-diagnostic-text d)))
                               diags)))
      (when hedging
        (let* ((actions (eglot-code-actions (flymake-diagnostic-beg hedging)
                                            (flymake-diagnostic-end hedging) "quickfix"))
               (action (or (cl-find-if (lambda (a) (eq (plist-get a :isPreferred) t)) actions)
                           (car actions)))
               (edit (plist-get action :edit)))
          (upward-test-out "ACTION\t%s" (plist-get action :title))
          (when edit
            (condition-case nil
                (eglot--apply-workspace-edit edit)
              ;; Newer eglot takes an ORIGIN argument.
              (wrong-number-of-arguments (eglot--apply-workspace-edit edit 'code-action))))
          (dolist (line (split-string (buffer-substring-no-properties (point-min) (point-max)) "\n"))
            (upward-test-out "LINE\t%s" line)))))
    (when (and diags (getenv "UPWARD_CONFIG"))
      (upward-test-project-action))
    (unless diags
      ;; Help whoever reads the failure: the tail of eglot's events log.
      (dolist (b (buffer-list))
        (when (string-match-p "EGLOT.*events" (buffer-name b))
          (with-current-buffer b
            (upward-test-out "EVENTS\t%s"
                             (buffer-substring-no-properties
                              (max (point-min) (- (point-max) 3000)) (point-max)))))))
    (ignore-errors (eglot-shutdown (eglot-current-server)))
    (kill-emacs (if diags 0 1))))

(condition-case err
    (upward-test-main)
  (error
   (upward-test-out "ERROR\t%s" (error-message-string err))
   (kill-emacs 2)))

;;; eglot_test.el ends here
