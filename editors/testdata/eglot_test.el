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
;; package is installed). Exits 0 when diagnostics arrived, 1 otherwise.

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
