// Package emacs_test runs offer-mode.el and eglot in batch Emacs (Debian's
// emacs-nox and elpa-eglot): it opens an offer file, lets eglot start the
// server, and checks the major mode, highlighting, the connection,
// diagnostics, a hover and the code-action titles; with the real server
// also offer-compare (the table as window/showMessage), "Insert
// counter-proposal" applied through eglot-code-actions, and
// eglot-format-buffer. Eglot 1.9 has no code lens, so the lens titles are
// not checked here (the Neovim test covers them).
package emacs_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/offerkit/offerkit/editors/internal/editortest"
	"github.com/offerkit/offerkit/lang/langtest"
)

func TestMain(m *testing.M) { os.Exit(editortest.Main(m)) }

// result is what testdata/eglot-test.el writes.
type result struct {
	Error            string            `json:"error"`
	MajorMode        string            `json:"major_mode"`
	Faces            map[string]string `json:"faces"`
	Server           string            `json:"server"`
	ServerCommand    string            `json:"server_command"`
	DiagnosticCodes  []string          `json:"diagnostic_codes"`
	Hover            string            `json:"hover"`
	CodeActionTitles []string          `json:"code_action_titles"`
	SyntaxSample     map[string]string `json:"syntax_sample"`
	// With the real server only:
	CompareMessage  string `json:"compare_message"`  // what offer-compare brought as a message
	CounterInserted string `json:"counter_inserted"` // the buffer after "Insert counter-proposal"
	FormattedBase   string `json:"formatted_base"`   // "base=230000" after eglot-format-buffer
}

func TestEglotWithStubServer(t *testing.T) {
	emacs := langtest.NeedProgram(t, "emacs", "emacs-nox")
	cmd := editortest.StubCommand(t)
	res := runBatch(t, emacs, cmd)

	checkMode(t, res)
	if res.Server != "offer-stub" || res.ServerCommand != strings.Join(cmd, " ") {
		t.Fatalf("eglot server = %q running %q, want offer-stub running %q", res.Server, res.ServerCommand, strings.Join(cmd, " "))
	}
	if !slices.Equal(res.DiagnosticCodes, []string{editortest.DiagnosticCode}) {
		t.Errorf("diagnostic codes = %q, want [%q]", res.DiagnosticCodes, editortest.DiagnosticCode)
	}
	if want := fmt.Sprintf(editortest.Hover, "amazon_l6", editortest.OfferHeaderLine(t)); res.Hover != want {
		t.Errorf("hover = %q, want %q", res.Hover, want)
	}
	if !slices.Equal(res.CodeActionTitles, []string{editortest.ActionTitle}) {
		t.Errorf("code action titles = %q, want [%q]", res.CodeActionTitles, editortest.ActionTitle)
	}
}

func TestEglotWithOfferLSP(t *testing.T) {
	emacs := langtest.NeedProgram(t, "emacs", "emacs-nox")
	res := runBatch(t, emacs, []string{editortest.BuildOffer(t), "lsp"})

	checkMode(t, res)
	if res.Server == "" {
		t.Fatalf("eglot did not connect to offer lsp")
	}
	for _, code := range []string{"cliff", "base-over-cap", "no-band"} {
		if !slices.Contains(res.DiagnosticCodes, code) {
			t.Errorf("diagnostic codes %q lack %q", res.DiagnosticCodes, code)
		}
	}
	// eglot without markdown-mode asks for plain text, and gets aligned
	// columns instead of raw "|" and "**" (issue 16).
	if strings.Contains(res.Hover, "|") || strings.Contains(res.Hover, "**") ||
		!strings.Contains(res.Hover, "Total    $390,000  $360,000  $310,000  $310,000  $1,370,000") {
		t.Errorf("hover on the offer label is not a plain-text table: %q", res.Hover)
	}
	if !slices.ContainsFunc(res.CodeActionTitles, func(s string) bool { return strings.HasPrefix(s, "Insert counter-proposal") }) {
		t.Errorf("code actions %q lack %q", res.CodeActionTitles, "Insert counter-proposal")
	}
	// offer-compare: eglot says it has no compare view, so the table comes
	// as window/showMessage, in plain text. By hand: amazon_l6 $1,370,000
	// over four years, other_denver $920,000.
	for _, w := range []string{"Comparing 2 offers", "amazon_l6", "other_denver", "Year 4", "$1,370,000", "$920,000"} {
		if !strings.Contains(res.CompareMessage, w) {
			t.Errorf("offer-compare's message lacks %q: %q", w, res.CompareMessage)
		}
	}
	if strings.Contains(res.CompareMessage, "|") || strings.Contains(res.CompareMessage, `\_`) {
		t.Errorf("offer-compare's message is Markdown, not plain text: %q", res.CompareMessage)
	}
	// Applied through eglot-code-actions, the counter-proposal lands in the
	// buffer. The base is already above the band, so it asks only for equity
	// at the band's 75th percentile: $300,000 + 0.75 x $200,000 = $450,000.
	if !strings.Contains(res.CounterInserted, "counter \"amazon_l6_counter\" {\n  offer = offer.amazon_l6\n  round = 2\n\n  equity {\n    value = 450000\n  }\n}\n") {
		t.Errorf("buffer after Insert counter-proposal:\n%s", res.CounterInserted)
	}
	// eglot-format-buffer puts the hand-written line back in place.
	if res.FormattedBase != "  base = 230000" {
		t.Errorf("after eglot-format-buffer the base line is %q, want %q", res.FormattedBase, "  base = 230000")
	}
}

func checkMode(t *testing.T, res result) {
	t.Helper()
	if res.Error != "" {
		t.Errorf("the Emacs test script failed: %s", res.Error)
	}
	if res.MajorMode != "offer-mode" {
		t.Errorf("major mode = %q, want offer-mode", res.MajorMode)
	}
	if res.Faces["block"] != "font-lock-type-face" || res.Faces["label"] != "font-lock-function-name-face" {
		t.Errorf("faces at the offer header = %v, want the block type and label highlighted", res.Faces)
	}
	want := map[string]string{
		"reference":     "font-lock-builtin-face",
		"date":          "font-lock-constant-face",
		"block_comment": "font-lock-comment-face",
		"heredoc":       "font-lock-string-face",
		"placeholder":   "font-lock-warning-face",
		"heredoc_hash":  "font-lock-string-face",
	}
	for k, w := range want {
		if res.SyntaxSample[k] != w {
			t.Errorf("face at %s in the highlighting sample = %q, want %q", k, res.SyntaxSample[k], w)
		}
	}
}

// runBatch copies the test workspace to a temporary directory and runs
// testdata/eglot-test.el in batch Emacs with the server command cmd.
func runBatch(t *testing.T, emacs string, cmd []string) result {
	t.Helper()
	dir := filepath.Join(editortest.Dir(t), "emacs")
	editortest.Track(t, "emacs", "testdata")
	file := editortest.Workspace(t)
	env := append(editortest.ScriptEnv(t, file, cmd), "HOME="+t.TempDir()) // no user init, no ~/.emacs.d writes
	var res result
	editortest.Run(t, filepath.Dir(file), env, &res, emacs, "--batch", "-L", dir, "-l", filepath.Join(dir, "testdata", "eglot-test.el"))
	return res
}
