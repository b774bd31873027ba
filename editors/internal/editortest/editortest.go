// Package editortest holds what the editor tests (editors/nvim, editors/emacs)
// share: the switch between the stub server and the real `offer lsp`, the
// stub itself, building the offer binary, laying out a test workspace and
// running an editor on a script that writes its results as JSON.
// Only tests import it.
package editortest

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/offerkit/offerkit/lang/langtest"
)

// Main runs the package's tests, or, in the process StubCommand starts,
// serves as the stub server. Call it from TestMain: os.Exit(Main(m)).
func Main(m *testing.M) int {
	if os.Getenv(StubEnv) == "1" {
		return RunStub(os.Args[1:], os.Stdin, os.Stdout)
	}
	return m.Run()
}

// ScriptEnv is what the plugin test scripts (Emacs's eglot-test.el,
// Neovim's headless.lua) read from the environment: the offer file to open,
// the server command to start as JSON, and the highlighting sample.
func ScriptEnv(t *testing.T, file string, cmd []string) []string {
	t.Helper()
	cmdJSON, err := json.Marshal(cmd)
	if err != nil {
		t.Fatal(err)
	}
	return []string{
		"OFFER_TEST_FILE=" + file,
		"OFFER_TEST_CMD=" + string(cmdJSON),
		"OFFER_TEST_SYNTAX_FILE=" + filepath.Join(Dir(t), "testdata", "syntax.offer.hcl"),
	}
}

// Run runs an editor on a test script, in dir, for at most two minutes,
// with env added to the environment and OFFER_TEST_OUT naming the file the
// script writes its results to as JSON, which Run decodes into res. An
// editor that fails, or writes no results, fails the test with its output.
func Run(t *testing.T, dir string, env []string, res any, editor string, args ...string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "results.json")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c := exec.CommandContext(ctx, editor, args...)
	c.Dir = dir
	c.Env = append(append(os.Environ(), env...), "OFFER_TEST_OUT="+out)
	name := filepath.Base(editor)
	combined, err := c.CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, combined)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("%s wrote no results (%v); its output:\n%s", name, err, combined)
	}
	t.Logf("results: %s", data)
	if err := json.Unmarshal(data, res); err != nil {
		t.Fatalf("results %s: %v", data, err)
	}
}

// Dir returns the absolute path of editors/, below langtest.Root.
func Dir(t *testing.T) string {
	t.Helper()
	if langtest.Root == "" {
		t.Fatal("cannot locate editors/: no go.mod above the working directory")
	}
	return filepath.Join(langtest.Root, "editors")
}

// Workspace copies editors/testdata/workspace into a new temporary directory
// and returns the path of its offer file there.
func Workspace(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(Dir(t), "testdata", "workspace", "negotiation.offer.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "negotiation.offer.hcl")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// StubCommand returns the command line that runs the current test binary as
// the stub server, and sets the variable that makes it one.
func StubCommand(t *testing.T) []string {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv(StubEnv, "1")
	return []string{self, "lsp"}
}

// BuildOffer builds github.com/offerkit/offerkit/cmd/offer into a temporary
// directory and returns the binary's path.
func BuildOffer(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "offer")
	c := exec.Command("go", "build", "-o", bin, "github.com/offerkit/offerkit/cmd/offer")
	if out, err := c.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/offer: %v\n%s", err, out)
	}
	return bin
}

// Track reads every file under the given directories (relative to editors/).
// The editors read the plugin and script files, not the test binary, so
// without this `go test` would replay a cached pass after they change: the
// test cache keys on the files the test process itself opens.
func Track(t *testing.T, dirs ...string) {
	t.Helper()
	for _, dir := range dirs {
		err := filepath.WalkDir(filepath.Join(Dir(t), dir), func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			_, err = os.ReadFile(path)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// OfferHeaderLine is the 0-based line of `offer "amazon_l6" {` in the test
// workspace, where the editor tests hover.
func OfferHeaderLine(t *testing.T) int {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(Dir(t), "testdata", "workspace", "negotiation.offer.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(line, `offer "amazon_l6"`) {
			return i
		}
	}
	t.Fatal("the test workspace has no offer \"amazon_l6\" header")
	return 0
}
