;;; offer-mode.el --- Major mode for offerkit job-offer files  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1"))
;; Keywords: languages

;;; Commentary:

;; A small major mode for *.offer.hcl and *.bands.hcl files (HCL with the
;; offer format's blocks, references, dates, heredocs and [[placeholders]]),
;; and the entry that lets eglot start `offer lsp' for it:
;;
;;   (require 'offer-mode)
;;   (add-hook 'offer-mode-hook #'eglot-ensure)

;;; Code:

(defgroup offer nil
  "Job-offer files for the offer language server."
  :group 'languages
  :prefix "offer-")

(defcustom offer-program "offer"
  "The offer binary, used to start the language server with eglot."
  :type 'string)

(defconst offer--ident "[[:alpha:]_][[:alnum:]_-]*")

(defvar offer-mode-syntax-table
  (let ((st (make-syntax-table)))
    (modify-syntax-entry ?# "< b" st)
    (modify-syntax-entry ?/ ". 124b" st)
    (modify-syntax-entry ?* ". 23" st)
    (modify-syntax-entry ?\n "> b" st)
    (modify-syntax-entry ?_ "_" st)
    (modify-syntax-entry ?- "_" st)
    (modify-syntax-entry ?= "." st)
    st)
  "Syntax table for `offer-mode': HCL's #, // and /* */ comments.")

(defvar offer-font-lock-keywords
  `(;; A block header: its type, then its quoted labels.
    (,(concat "^[ \t]*\\(" offer--ident "\\)\\(?:[ \t]+\"[^\"\n]*\"\\)*[ \t]*{")
     (1 font-lock-type-face)
     ("\"\\([^\"\n]*\\)\""
      (progn (goto-char (match-end 1)) (match-end 0))
      nil
      (1 font-lock-function-name-face t)))
    (,(concat "^[ \t]*\\(" offer--ident "\\)[ \t]*=[^=>]") 1 font-lock-variable-name-face)
    (,(concat "\\_<\\(offer\\|counter\\|band\\|cap\\|schedule\\|candidate\\)\\.\\(" offer--ident "\\)")
     (1 font-lock-builtin-face)
     (2 font-lock-constant-face))
    ("\\_<\\(true\\|false\\|null\\)\\_>" . font-lock-constant-face)
    ("\\_<-?[0-9]+\\(?:\\.[0-9]+\\)?\\(?:[eE][-+]?[0-9]+\\)?\\_>" . font-lock-constant-face)
    ("<<-?[ \t]*[[:alpha:]_][[:alnum:]_]*[ \t]*$" . font-lock-keyword-face)
    ("\\[\\[[^]\n]+\\]\\]" 0 font-lock-warning-face t)
    ("\\_<[0-9]\\{4\\}-\\(?:0[1-9]\\|1[0-2]\\)\\(?:-[0-3][0-9]\\)?\\_>" 0 font-lock-constant-face t))
  "Highlighting for `offer-mode'.")

(defun offer--syntax-propertize (start end)
  "Mark heredoc bodies between START and END as strings."
  (goto-char start)
  (while (re-search-forward "<<-?[ \t]*\\([[:alpha:]_][[:alnum:]_]*\\)[ \t]*$" end t)
    (let ((word (match-string 1))
          (open (match-end 0)))
      (unless (nth 8 (save-excursion (syntax-ppss (match-beginning 0))))
        (when (re-search-forward (concat "^[ \t]*" (regexp-quote word) "[ \t]*$") nil t)
          (let ((close (line-beginning-position)))
            ;; The newline after the opening word starts the string, and the
            ;; newline before the closing word ends it.
            (put-text-property open (1+ open) 'syntax-table (string-to-syntax "|"))
            (put-text-property (1- close) close 'syntax-table (string-to-syntax "|"))))))))

;;;###autoload
(define-derived-mode offer-mode prog-mode "Offer"
  "Major mode for offerkit files (*.offer.hcl, *.bands.hcl)."
  (setq-local comment-start "# ")
  (setq-local comment-start-skip "\\(?:#+\\|//+\\|/\\*+\\)[ \t]*")
  (setq-local comment-end "")
  (setq-local indent-tabs-mode nil)
  (setq-local tab-width 2)
  (setq-local syntax-propertize-function #'offer--syntax-propertize)
  (setq-local font-lock-defaults '(offer-font-lock-keywords)))

(declare-function eglot-current-server "eglot")
(declare-function eglot-execute-command "eglot")

(defun offer-compare ()
  "Compare the offers of this file's negotiation, side by side.
This is what the \"Compare with N other offers\" code lens does in
editors that show code lens, which eglot does not: it runs the
server's offer.compare command through eglot.  The server sends the
table as a message, which Emacs shows in the echo area and keeps in
the *Messages* buffer."
  (interactive)
  (let ((server (and (fboundp 'eglot-current-server) (eglot-current-server))))
    (unless server
      (user-error "offer-compare needs eglot connected to offer lsp (M-x eglot)"))
    (unless buffer-file-name
      (user-error "Save the buffer to a file first"))
    (eglot-execute-command server 'offer.compare (vector (expand-file-name buffer-file-name)))))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.\\(?:offer\\|bands\\)\\.hcl\\'" . offer-mode))

(with-eval-after-load 'eglot
  (defvar eglot-server-programs)
  (add-to-list 'eglot-server-programs
               `(offer-mode . ,(lambda (&optional _interactive) (list offer-program "lsp")))))

(provide 'offer-mode)
;;; offer-mode.el ends here
