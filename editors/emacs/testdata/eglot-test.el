;;; eglot-test.el --- Drives eglot in batch Emacs for editors/emacs tests  -*- lexical-binding: t; -*-

;; Run by emacs_test.go: opens $OFFER_TEST_FILE with offer-mode, lets eglot
;; start the server through offer-mode's entry in `eglot-server-programs'
;; (with `offer-program' set to the first word of $OFFER_TEST_CMD), waits
;; for diagnostics, asks for a hover and code actions through eglot's
;; connection, and writes the results as JSON to $OFFER_TEST_OUT.  Every
;; wait is bounded.

(require 'cl-lib)
(require 'json)
(require 'eglot)
(require 'offer-mode)

(defvar offer-test-results nil)
(defvar offer-test-timeout (/ (string-to-number (or (getenv "OFFER_TEST_TIMEOUT_MS") "15000")) 1000.0))

(defun offer-test-put (key value)
  (setq offer-test-results (append offer-test-results (list (cons key value)))))

(defun offer-test-wait (pred)
  "Process events until PRED returns non-nil or the timeout passes."
  (let ((deadline (+ (float-time) offer-test-timeout)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall pred)))

(defun offer-test-hover-text (contents)
  (cond ((stringp contents) contents)
        ((and (listp contents) (plist-get contents :value)) (plist-get contents :value))
        ((vectorp contents) (mapconcat #'offer-test-hover-text contents "\n"))
        (t "")))

(defun offer-test-run ()
  (let* ((cmd (append (json-read-from-string (getenv "OFFER_TEST_CMD")) nil))
         (offer-program (car cmd))
         (eglot-sync-connect t)
         (eglot-connect-timeout offer-test-timeout))
    (find-file (getenv "OFFER_TEST_FILE"))
    (offer-test-put 'major_mode (symbol-name major-mode))
    (font-lock-ensure)
    (goto-char (point-min))
    (re-search-forward "^offer \"\\(amazon_l6\\)\"")
    (offer-test-put 'faces (list (cons 'block (symbol-name (get-text-property (line-beginning-position) 'face)))
                                 (cons 'label (symbol-name (get-text-property (match-beginning 1) 'face)))))
    (let ((label (match-beginning 1)))
      (condition-case err
          (eglot-ensure)
        (error (offer-test-put 'error (error-message-string err))))
      ;; eglot-ensure connects from post-command-hook; run it as the command loop would.
      (run-hooks 'post-command-hook)
      (offer-test-wait #'eglot-current-server)
      (let ((server (eglot-current-server)))
        (offer-test-put 'server (if server (or (plist-get (eglot--server-info server) :name) "") ""))
        (offer-test-put 'server_command (if server (mapconcat #'identity (process-command (jsonrpc--process server)) " ") ""))
        (when server
          (offer-test-wait (lambda () (flymake-diagnostics)))
          (offer-test-put 'diagnostic_codes
                          (vconcat (sort (delete-dups
                                          (cl-loop for d in (flymake-diagnostics)
                                                   for spec = (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d))
                                                   when (plist-get spec :code)
                                                   collect (format "%s" (plist-get spec :code))))
                                         #'string<)))
          (goto-char (1+ label))
          (let ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams))))
            (offer-test-put 'hover (offer-test-hover-text (plist-get hover :contents))))
          (let* ((start (save-excursion (goto-char label) (line-beginning-position)))
                 (end (save-excursion (goto-char label) (re-search-forward "^}") (point)))
                 (actions (jsonrpc-request
                           server :textDocument/codeAction
                           (list :textDocument (eglot--TextDocumentIdentifier)
                                 :range (list :start (eglot--pos-to-lsp-position start)
                                              :end (eglot--pos-to-lsp-position end))
                                 :context (list :diagnostics [])))))
            (offer-test-put 'code_action_titles
                            (vconcat (cl-loop for a across actions collect (plist-get a :title)))))
          (unless (equal (plist-get (eglot--server-info server) :name) "offer-stub")
            (offer-test-real-server label))
          (eglot-shutdown server))))))

(defun offer-test-real-server (label)
  "The features eglot reaches only with the real server: compare, the
counter-proposal and formatting, as a user runs them (LABEL: the offer's label)."
  ;; offer-compare: the server sends eglot, which has no view of its own,
  ;; the table as window/showMessage.
  (let ((messages nil))
    (advice-add 'eglot--message :after
                (lambda (fmt &rest args) (push (apply #'format fmt args) messages))
                '((name . offer-test)))
    (unwind-protect
        (progn
          (offer-compare)
          (offer-test-wait (lambda () (cl-some (lambda (m) (string-match-p "Comparing" m)) messages)))
          (offer-test-put 'compare_message
                          (or (cl-find-if (lambda (m) (string-match-p "Comparing" m)) messages) "")))
      (advice-remove 'eglot--message 'offer-test)))
  ;; "Insert counter-proposal": eglot 1.9 cannot resolve a code action, so
  ;; the server sends its edit with it; eglot-code-actions with the kind
  ;; applies the one action of that kind without asking.
  (let ((start (save-excursion (goto-char label) (line-beginning-position)))
        (end (save-excursion (goto-char label) (re-search-forward "^}") (point))))
    (eglot-code-actions start end "refactor.insertCounter" t)
    (offer-test-put 'counter_inserted (buffer-substring-no-properties (point-min) (point-max))))
  ;; Formatting: a line laid out by hand comes back as offer fmt lays it out.
  (goto-char (point-min))
  (re-search-forward "^  base = 230000$")
  (replace-match "base=230000")
  (eglot-format-buffer)
  (goto-char (point-min))
  (offer-test-put 'formatted_base
                  (if (re-search-forward "^ *base *= *230000 *$" nil t) (match-string 0) "")))

(defun offer-test-syntax-sample ()
  "Record the faces offer-mode gives a few places of the highlighting sample."
  (find-file (getenv "OFFER_TEST_SYNTAX_FILE"))
  (font-lock-ensure)
  (offer-test-put
   'syntax_sample
   (cl-loop for (key . text) in '((reference . "offer.amazon_l6") (date . "2025-03-12")
                                  (block_comment . "spanning lines") (heredoc . "Given")
                                  (placeholder . "your achievement")
                                  (heredoc_hash . "# not a comment"))
            collect (cons key (progn (goto-char (point-min))
                                     (search-forward text)
                                     (format "%s" (get-text-property (match-beginning 0) 'face)))))))

(condition-case err
    (progn
      (offer-test-run)
      (offer-test-syntax-sample))
  (error (offer-test-put 'error (format "%S" err))))
(with-temp-file (getenv "OFFER_TEST_OUT")
  (insert (json-encode offer-test-results)))
(kill-emacs 0)
