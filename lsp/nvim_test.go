package lsp

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// buildOffer builds the offer command into a temporary directory.
func buildOffer(t testing.TB) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "offer")
	cmd := exec.Command("go", "build", "-o", bin, "../cmd/offer")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestNeovim runs a real editor, Neovim (Debian's neovim package, 0.7),
// headless against `offer lsp` on the example offer. It needs nvim on PATH
// and fails without it: install it with `apt-get install -y neovim`.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Fatal("nvim is not installed; install it (apt-get install -y neovim) to run the editor test")
	}
	bin := buildOffer(t)
	dir := exampleDir(t)
	outPath := filepath.Join(t.TempDir(), "out.json")
	initLua, err := filepath.Abs("testdata/nvim_init.lua")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-n", "-u", initLua)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "OFFER_BIN="+bin, "OFFER_ROOT="+dir,
		"OFFER_FILE="+filepath.Join(dir, "offer.offer.hcl"), "OFFER_OUT="+outPath, "XDG_STATE_HOME="+t.TempDir(), "XDG_CACHE_HOME="+t.TempDir())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nvim: %v\n%s", err, out)
	}
	raw, err := os.ReadFile(outPath)
	if err != nil {
		t.Fatalf("nvim wrote no results: %v", err)
	}
	var got struct {
		Error       string
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
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("results: %v\n%s", err, raw)
	}
	if got.Error != "" {
		t.Fatalf("nvim: %s", got.Error)
	}
	// Neovim's severities: 1 error, 2 warning, 3 info, 4 hint.
	var diags []string
	for _, d := range got.Diagnostics {
		if d.Code == "checklist" {
			continue // the missing preparations follow a moment later (TestChecklistDiagnostics)
		}
		diags = append(diags, d.Code)
		if d.Lnum != 1 || d.Col != 6 {
			t.Errorf("diagnostic %s at %d:%d, want 1:6", d.Code, d.Lnum, d.Col)
		}
		if d.Code == "cliff" && (d.Severity != 2 || !strings.Contains(d.Message, "Year 2 pays $345,000")) {
			t.Errorf("cliff: %+v", d)
		}
	}
	if strings.Join(diags, ",") != "above-band,cliff" {
		t.Errorf("diagnostics: %v", diags)
	}
	if len(got.Lenses) != 3 || got.Lenses[0] != "4-yr $1,405,000 · avg $351,250 · p100" || !strings.HasPrefix(got.Lenses[1], "net 4-yr $") || got.Lenses[2] != "Checklist 5 of 18" {
		t.Errorf("code lenses: %q", got.Lenses)
	}
	if !strings.Contains(got.Hover, "| **Total** | **$350,000** | **$345,000** | **$355,000** | **$355,000** | **$1,405,000** |") {
		t.Errorf("hover: %q", got.Hover)
	}
	if strings.Join(got.Actions, "\n") != "Ask for a $450,000 grant to level year 2 (+$50,000)\nInsert counter-proposal for offer amazon_l6" {
		t.Errorf("code actions: %q", got.Actions)
	}
	// Neovim 0.7 resolves a code action's edit (codeAction/resolve), so
	// "Insert counter-proposal" is listed without its text and drafted
	// when resolved; applied, the buffer holds the counter.
	if got.CounterListedWithEdit {
		t.Errorf("the counter-proposal was listed with its edit; Neovim can resolve it")
	}
	if !strings.Contains(got.CounterInserted, "counter \"amazon_l6_counter\" {\n  offer = offer.amazon_l6\n  round = 2\n  base  = 210000\n") {
		t.Errorf("buffer after resolving and applying the counter-proposal:\n%s", got.CounterInserted)
	}
}
