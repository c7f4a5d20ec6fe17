;;; eglot_test.el --- batch Emacs driver for editors_test.go  -*- lexical-binding: t; -*-

;; Opens $UPWARD_DRAFT in markdown-mode (text-mode when markdown-mode is
;; missing or $UPWARD_MODE is "text"), starts eglot with `upward lsp' through `eglot-ensure' and the
;; README's `eglot-server-programs' entry, waits for Flymake diagnostics and
;; prints them to stdout, one per line:
;;   DIAG<TAB>line<TAB>col<TAB>type<TAB>text
;; Exits 0 when diagnostics arrived, 1 otherwise.

(require 'package)
(package-initialize)
;; Debian's elpa-* packages live here; -Q skips the site files that add them.
(let ((elpa "/usr/share/emacs/site-lisp/elpa/"))
  (when (file-directory-p elpa)
    (dolist (d (directory-files elpa t "^[^.]"))
      (when (file-directory-p d) (add-to-list 'load-path d)))))

(require 'eglot)
(require 'flymake)
(require 'cl-lib)
(require 'markdown-mode nil t)

(defvar upward-test-timeout (string-to-number (or (getenv "UPWARD_TIMEOUT") "20")))
(defvar upward-test-bin (or (getenv "UPWARD_BIN") (error "UPWARD_BIN not set")))
(defvar upward-test-draft (or (getenv "UPWARD_DRAFT") (error "UPWARD_DRAFT not set")))

;; The README's snippet, with the binary under test instead of "upward" on PATH.
(add-to-list 'eglot-server-programs
             `((markdown-mode text-mode) . (,upward-test-bin "lsp")))

(defun upward-test-out (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defun upward-test-main ()
  (find-file upward-test-draft)
  (cond ((equal (getenv "UPWARD_MODE") "text") (text-mode))
        ((fboundp 'markdown-mode) (markdown-mode))
        (t (text-mode)))
  (upward-test-out "MODE\t%s" major-mode)
  (upward-test-out "EMACS\t%s" emacs-version)
  (upward-test-out "EGLOT\t%s"
                   (file-name-nondirectory
                    (directory-file-name (file-name-directory (locate-library "eglot")))))
  (eglot-ensure)
  ;; eglot-ensure connects from post-command-hook, which batch mode never runs.
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
