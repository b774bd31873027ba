// Package nvim_test runs the Neovim plugin in a real, headless Neovim (the
// Debian package's 0.7 is enough): it loads the plugin from the runtimepath,
// opens an offer file and checks the filetype, syntax, the attached language
// server, diagnostics, code lens, hover, code actions and the user commands.
//
// Two servers can sit behind the plugin. A stub (editors/internal/lspstub) always runs and
// checks the plugin's own plumbing. The real `offer lsp` runs when realServer
// below is true or OFFERKIT_NVIM_SERVER=real is set; it is built from
// ./cmd/offer and checked against the language server's contract.
//
// TestNeovimWithoutPlugin runs the setup without the plugin that
// docs/editors.md shows, against the real `offer lsp`.
package nvim_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/offerkit/offerkit/editors/internal/editortest"
	"github.com/offerkit/offerkit/lang/langtest"
)

func TestMain(m *testing.M) { os.Exit(editortest.Main(m)) }

// result is what testdata/headless.lua writes.
type result struct {
	Steps             []string          `json:"steps"`
	Error             string            `json:"error"`
	Filetype          string            `json:"filetype"`
	Syntax            string            `json:"syntax"`
	Commentstring     string            `json:"commentstring"`
	UserCommands      map[string]bool   `json:"user_commands"`
	SyntaxGroups      map[string]string `json:"syntax_groups"`
	Client            string            `json:"client"`
	DiagnosticCodes   []string          `json:"diagnostic_codes"`
	CodelensTitles    []string          `json:"codelens_titles"`
	CodelensAfterSave []string          `json:"codelens_after_save"`
	Messages          []string          `json:"messages"`
	SyntaxSample      map[string]string `json:"syntax_sample"`
	Hover             string            `json:"hover"`
	CodeActionTitles  []string          `json:"code_action_titles"`
	Report            string            `json:"report"`
	ReportBuffer      string            `json:"report_buffer"`
	Email             string            `json:"email"`
	BufferOptions     map[string]any    `json:"buffer_options"`
	// Screen is what a 120-column screen shows around the offer's header
	// line while that line holds a long diagnostic.
	Screen []string `json:"screen"`
	// Compare is the offer://compare buffer the Compare lens opened.
	Compare           string `json:"compare"`
	CompareModifiable bool   `json:"compare_modifiable"`
}

func TestNeovimPluginWithStubServer(t *testing.T) {
	nvim := requireNvim(t)
	res, file := runHeadless(t, nvim, editortest.StubCommand(t))

	checkPluginBasics(t, res)
	if res.Client != "offer" {
		t.Fatalf("attached client = %q, want %q (steps: %v)", res.Client, "offer", res.Steps)
	}
	checkSyntaxSample(t, res.SyntaxSample)
	if !slices.Equal(res.DiagnosticCodes, []string{editortest.DiagnosticCode}) {
		t.Errorf("diagnostic codes = %q, want [%q]", res.DiagnosticCodes, editortest.DiagnosticCode)
	}
	if want := []string{fmt.Sprintf(editortest.LensTitle, 1)}; !slices.Equal(res.CodelensTitles, want) {
		t.Errorf("code lens titles after attach = %q, want %q", res.CodelensTitles, want)
	}
	checkLensOnScreen(t, res.Screen, regexp.MustCompile(regexp.QuoteMeta(fmt.Sprintf(editortest.LensTitle, 1))))
	if want := []string{fmt.Sprintf(editortest.LensTitle, 2)}; !slices.Equal(res.CodelensAfterSave, want) {
		t.Errorf("code lens titles after an edit and a save = %q, want %q", res.CodelensAfterSave, want)
	}
	if want := fmt.Sprintf(editortest.Hover, "amazon_l6", editortest.OfferHeaderLine(t)); res.Hover != want {
		t.Errorf("hover = %q, want %q", res.Hover, want)
	}
	if !slices.Equal(res.CodeActionTitles, []string{editortest.ActionTitle}) {
		t.Errorf("code action titles = %q, want [%q]", res.CodeActionTitles, editortest.ActionTitle)
	}
	if want := "stub report\n" + file; res.Report != want {
		t.Errorf(":OfferReport buffer = %q, want %q", res.Report, want)
	}
	if res.ReportBuffer != "offer://report" {
		t.Errorf(":OfferReport buffer name = %q, want offer://report", res.ReportBuffer)
	}
	if want := "stub email\nround1 --counter round1 " + file; res.Email != want {
		t.Errorf(":OfferEmail round1 buffer = %q, want %q", res.Email, want)
	}
}

func TestNeovimPluginWithOfferLSP(t *testing.T) {
	nvim := requireNvim(t)
	offer := editortest.BuildOffer(t)
	res, _ := runHeadless(t, nvim, []string{offer, "lsp"})

	checkPluginBasics(t, res)
	if res.Client != "offer" {
		t.Fatalf("attached client = %q, want %q (steps: %v)", res.Client, "offer", res.Steps)
	}
	for _, code := range []string{"cliff", "base-over-cap", "no-band"} {
		if !slices.Contains(res.DiagnosticCodes, code) {
			t.Errorf("diagnostic codes %q lack %q", res.DiagnosticCodes, code)
		}
	}
	lens := regexp.MustCompile(`^4-yr \$[0-9,]+ · avg \$[0-9,]+ · p[0-9]+`)
	if !slices.ContainsFunc(res.CodelensTitles, lens.MatchString) {
		t.Errorf("no code lens title matches %s: %q", lens, res.CodelensTitles)
	}
	// Above the header line, whatever diagnostics that line holds: the
	// whole lens, up to the percentile.
	checkLensOnScreen(t, res.Screen, regexp.MustCompile(`^4-yr \$[0-9,]+ · avg \$[0-9,]+ · p[0-9]+ \| `))
	// The Compare lens opens the table in a read-only buffer. By hand:
	// amazon_l6 is $1,370,000 over four years, other_denver $920,000.
	for _, w := range []string{"amazon_l6", "other_denver", "Year 4", "$1,370,000", "$920,000"} {
		if !strings.Contains(res.Compare, w) {
			t.Errorf("offer://compare lacks %q:\n%s", w, res.Compare)
		}
	}
	// As aligned text, not Markdown: no escapes, no bars.
	if !regexp.MustCompile(`(?m)^4 years +\$1,370,000 #1 +\$920,000 #2$`).MatchString(res.Compare) || strings.ContainsAny(res.Compare, `\|`) {
		t.Errorf("offer://compare is not an aligned text table:\n%s", res.Compare)
	}
	if res.CompareModifiable {
		t.Errorf("offer://compare is modifiable")
	}
	// The edit raises the base by $10,000 a year, so the 4-year figure moves.
	if !slices.ContainsFunc(res.CodelensAfterSave, lens.MatchString) || slices.Equal(res.CodelensAfterSave, res.CodelensTitles) {
		t.Errorf("code lens after an edit and a save = %q, want new totals (before: %q)", res.CodelensAfterSave, res.CodelensTitles)
	}
	if !strings.Contains(res.Hover, "|") || !strings.Contains(res.Hover, "---") {
		t.Errorf("hover on the offer label is not a markdown table: %q", res.Hover)
	}
	if !slices.ContainsFunc(res.CodeActionTitles, func(s string) bool { return strings.HasPrefix(s, "Insert counter-proposal") }) {
		t.Errorf("code actions %q lack %q", res.CodeActionTitles, "Insert counter-proposal")
	}
	// The plugin sets the LSP buffer options and keymaps Neovim 0.7 lacks.
	for k, want := range map[string]any{"omnifunc": "v:lua.vim.lsp.omnifunc", "tagfunc": "v:lua.vim.lsp.tagfunc",
		"formatexpr": "v:lua.vim.lsp.formatexpr()", "K": true, "gd": true, "gr": true} {
		if res.BufferOptions[k] != want {
			t.Errorf("buffer option %s = %v, want %v", k, res.BufferOptions[k], want)
		}
	}
	if !strings.Contains(res.Report, "amazon_l6") {
		t.Errorf(":OfferReport output does not mention amazon_l6:\n%s", res.Report)
	}
}

func TestNeovimPluginReportsMissingServer(t *testing.T) {
	nvim := requireNvim(t)
	t.Setenv("OFFER_TEST_TIMEOUT_MS", "300")
	res, _ := runHeadless(t, nvim, []string{"/nonexistent/offer", "lsp"})

	checkPluginBasics(t, res)
	if res.Client != "" {
		t.Errorf("attached client = %q, want none", res.Client)
	}
	if len(res.Messages) == 0 || !strings.Contains(res.Messages[0], `"/nonexistent/offer" is not an executable`) ||
		!strings.Contains(res.Messages[0], "go install github.com/offerkit/offerkit/cmd/offer@latest") {
		t.Errorf("messages = %q, want one that names the missing binary and how to install it", res.Messages)
	}
}

// checkLensOnScreen checks that the offer's header line is on screen and
// runs past its edge (its diagnostics, Neovim's virtual text, fill it, so
// a lens drawn at the end of that line, as Neovim draws them, would be
// off screen), and that a row above it shows a lens title matching lens.
func checkLensOnScreen(t *testing.T, screen []string, lens *regexp.Regexp) {
	t.Helper()
	header := slices.IndexFunc(screen, func(r string) bool { return strings.Contains(r, `offer "amazon_l6" {`) })
	if header < 0 || utf8.RuneCountInString(screen[header]) < 119 {
		t.Errorf("the screen does not show the header line filled by its diagnostics:\n%s", strings.Join(screen, "\n"))
		return
	}
	if !slices.ContainsFunc(screen[:header], func(r string) bool { return lens.MatchString(strings.TrimSpace(r)) }) {
		t.Errorf("no screen row above the header line shows a lens matching %s:\n%s", lens, strings.Join(screen, "\n"))
	}
}

func requireNvim(t *testing.T) string {
	t.Helper()
	editortest.Track(t, "nvim", "testdata")
	return langtest.NeedProgram(t, "nvim", "neovim")
}

// checkSyntaxSample checks syntax/offer.vim on editors/testdata/syntax.offer.hcl.
func checkSyntaxSample(t *testing.T, got map[string]string) {
	t.Helper()
	want := map[string]string{
		"reference":     "offerReference",
		"date":          "offerString,offerDate",
		"block_comment": "offerComment",
		"heredoc":       "offerHeredoc",
		"placeholder":   "offerHeredoc,offerPlaceholder",
		"interpolation": "offerHeredoc,offerInterpolation",
		"heredoc_hash":  "offerHeredoc",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("syntax groups at %s = %q, want %q", k, got[k], w)
		}
	}
}

func checkPluginBasics(t *testing.T, res result) {
	t.Helper()
	if res.Error != "" {
		t.Errorf("the Lua test script failed after steps %v:\n%s", res.Steps, res.Error)
	}
	if res.Filetype != "offer" {
		t.Errorf("filetype = %q, want offer", res.Filetype)
	}
	if res.Syntax != "offer" {
		t.Errorf("b:current_syntax = %q, want offer", res.Syntax)
	}
	if res.Commentstring != "# %s" {
		t.Errorf("commentstring = %q, want %q", res.Commentstring, "# %s")
	}
	if got := res.SyntaxGroups; got["block"] != "offerBlockType" || got["label"] != "offerLabel" {
		t.Errorf("syntax groups at the offer header = %v, want block offerBlockType, label offerLabel", got)
	}
	if !res.UserCommands["OfferReport"] || !res.UserCommands["OfferEmail"] {
		t.Errorf("user commands = %v, want OfferReport and OfferEmail", res.UserCommands)
	}
}

// runHeadless copies the test workspace to a temporary directory, runs
// testdata/headless.lua in `nvim --headless -u NONE` with the server command
// cmd, and returns the decoded results and the offer file's path.
func runHeadless(t *testing.T, nvim string, cmd []string) (result, string) {
	t.Helper()
	pluginDir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	file := editortest.Workspace(t)
	env := append(editortest.ScriptEnv(t, file, cmd),
		"OFFER_TEST_PLUGIN="+pluginDir,
		"XDG_STATE_HOME="+t.TempDir(), // keeps the LSP log out of $HOME
		"XDG_CACHE_HOME="+t.TempDir(),
	)
	var res result
	editortest.Run(t, filepath.Dir(file), env, &res, nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n",
		"-c", "luafile "+filepath.Join(pluginDir, "testdata", "headless.lua"))
	return res, file
}

// snippetMarker precedes, in docs/editors.md, the Lua block of the setup
// without the plugin that this test runs.
const snippetMarker = "<!-- tested: editors/nvim TestNeovimWithoutPlugin -->"

// docSnippet returns the first ```lua block after the marker in
// docs/editors.md, so that the test runs exactly what the page shows.
func docSnippet(t *testing.T) string {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join(editortest.Dir(t), "..", "docs", "editors.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(doc), snippetMarker)
	if !ok {
		t.Fatalf("docs/editors.md lacks the marker %q before the plugin-less Neovim setup", snippetMarker)
	}
	m := regexp.MustCompile("(?s)\\A\\s*```lua\n(.*?)\n```").FindStringSubmatch(after)
	if m == nil {
		t.Fatalf("no ```lua block right after %q in docs/editors.md", snippetMarker)
	}
	return m[1]
}

// TestNeovimWithoutPlugin runs the plugin-less setup of docs/editors.md as
// a user's init.lua in Neovim 0.7 (`nvim -u init.lua FILE`, offer on PATH,
// no plugin on the runtimepath) on a copy of examples/amazon-l6-seattle,
// and checks that the offer file gets the offer filetype, not hcl, and
// that the offer server attaches to its buffer and serves it through
// Neovim's own client: the diagnostics where they belong, the code
// lenses, the hover, the code actions, and the counter-proposal that
// Neovim resolves (codeAction/resolve) and applies.
func TestNeovimWithoutPlugin(t *testing.T) {
	nvim := requireNvim(t)
	snippet := docSnippet(t)
	offer := editortest.BuildOffer(t)
	dir := t.TempDir()
	for _, name := range []string{"offer.offer.hcl", "round1.offer.hcl"} {
		src, err := os.ReadFile(filepath.Join(editortest.Dir(t), "..", "examples", "amazon-l6-seattle", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(dir, "offer.offer.hcl")
	initLua := filepath.Join(t.TempDir(), "init.lua")
	if err := os.WriteFile(initLua, []byte(snippet+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	check, err := filepath.Abs(filepath.Join("testdata", "noplugin_check.lua"))
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Error       string `json:"error"`
		Filetype    string `json:"filetype"`
		Client      string `json:"client"`
		RootDir     string `json:"root_dir"`
		Diagnostics []struct {
			Code     string
			Severity int
			Lnum     int
			Col      int
			Message  string
		}
		Lenses                []string
		Hover                 string
		Actions               []string
		CounterListedWithEdit bool   `json:"counter_listed_with_edit"`
		CounterInserted       string `json:"counter_inserted"`
	}
	editortest.Run(t, dir, []string{
		"PATH=" + filepath.Dir(offer) + string(os.PathListSeparator) + os.Getenv("PATH"),
		"XDG_CONFIG_HOME=" + t.TempDir(), // no user configuration or plugins
		"XDG_DATA_HOME=" + t.TempDir(),
		"XDG_STATE_HOME=" + t.TempDir(),
		"XDG_CACHE_HOME=" + t.TempDir(),
	}, &res, nvim, "--headless", "-u", initLua, "-i", "NONE", "-n", file, "-c", "luafile "+check)
	if res.Error != "" {
		t.Fatalf("the check script failed: %s", res.Error)
	}
	if res.Filetype != "offer" {
		t.Errorf("filetype = %q, want offer", res.Filetype)
	}
	if res.Client != "offer" {
		t.Fatalf("client attached to the buffer = %q, want offer", res.Client)
	}
	if res.RootDir != dir {
		t.Errorf("root_dir = %q, want the file's directory %q", res.RootDir, dir)
	}
	// Neovim's severities: 1 error, 2 warning, 3 info, 4 hint.
	var codes []string
	for _, d := range res.Diagnostics {
		if d.Code == "checklist" {
			continue // the missing preparations follow a moment later (lsp's TestChecklistDiagnostics)
		}
		codes = append(codes, d.Code)
		if d.Lnum != 1 || d.Col != 6 {
			t.Errorf("diagnostic %s at %d:%d, want 1:6", d.Code, d.Lnum, d.Col)
		}
		if d.Code == "cliff" && (d.Severity != 2 || !strings.Contains(d.Message, "Year 2 pays $345,000")) {
			t.Errorf("cliff: %+v", d)
		}
	}
	if strings.Join(codes, ",") != "above-band,cliff" {
		t.Errorf("diagnostic codes = %q, want above-band and the cliff", codes)
	}
	if len(res.Lenses) != 3 || res.Lenses[0] != "4-yr $1,405,000 · avg $351,250 · p100" || !strings.HasPrefix(res.Lenses[1], "net 4-yr $") || res.Lenses[2] != "Checklist 5 of 18" {
		t.Errorf("code lenses: %q", res.Lenses)
	}
	if !strings.Contains(res.Hover, "| **Total** | **$350,000** | **$345,000** | **$355,000** | **$355,000** | **$1,405,000** |") {
		t.Errorf("hover: %q", res.Hover)
	}
	if strings.Join(res.Actions, "\n") != "Ask for a $450,000 grant to level year 2 (+$50,000)\nInsert counter-proposal for offer amazon_l6" {
		t.Errorf("code actions: %q", res.Actions)
	}
	// Neovim 0.7 resolves a code action's edit (codeAction/resolve), so
	// "Insert counter-proposal" is listed without its text and drafted
	// when resolved; applied, the buffer holds the counter.
	if res.CounterListedWithEdit {
		t.Errorf("the counter-proposal was listed with its edit; Neovim can resolve it")
	}
	if !strings.Contains(res.CounterInserted, "counter \"amazon_l6_counter\" {\n  offer = offer.amazon_l6\n  round = 2\n  base  = 210000\n") {
		t.Errorf("buffer after resolving and applying the counter-proposal:\n%s", res.CounterInserted)
	}
}
