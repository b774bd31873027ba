package nvim_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/offerkit/offerkit/editors/internal/editortest"
)

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
// no plugin on the runtimepath) and checks that an offer file gets the
// offer filetype, not hcl, and that the offer server attaches to its
// buffer and publishes diagnostics for it.
func TestNeovimWithoutPlugin(t *testing.T) {
	nvim := requireNvim(t)
	snippet := docSnippet(t)
	offer := editortest.BuildOffer(t)
	file := editortest.Workspace(t)
	initLua := filepath.Join(t.TempDir(), "init.lua")
	if err := os.WriteFile(initLua, []byte(snippet+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	check, err := filepath.Abs(filepath.Join("testdata", "noplugin_check.lua"))
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Error           string   `json:"error"`
		Filetype        string   `json:"filetype"`
		Client          string   `json:"client"`
		RootDir         string   `json:"root_dir"`
		DiagnosticCodes []string `json:"diagnostic_codes"`
	}
	editortest.Run(t, filepath.Dir(file), []string{
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
	if res.RootDir != filepath.Dir(file) {
		t.Errorf("root_dir = %q, want the file's directory %q", res.RootDir, filepath.Dir(file))
	}
	if !slices.Contains(res.DiagnosticCodes, "cliff") {
		t.Errorf("diagnostic codes = %q, want the cliff among them", res.DiagnosticCodes)
	}
}
