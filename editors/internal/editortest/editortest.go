// Package editortest holds what the editor tests (editors/nvim, editors/emacs)
// share: the switch between the stub server and the real `offer lsp`, the
// stub itself, building the offer binary and laying out a test workspace.
// Only tests import it.
package editortest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Dir returns the absolute path of editors/. It is found from the working
// directory (go test runs a test in its package's directory), not from this
// file's compiled-in path, which -trimpath (as .ci/run builds) removes.
func Dir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "editors")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("cannot locate editors/: no go.mod above the working directory")
		}
		dir = parent
	}
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

// LookPath returns the editor program on PATH. Without it the test fails: a
// skipped editor test would look like a passing one.
func LookPath(t *testing.T, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is not on PATH; install Debian's %s (apt-get install -y %s)", name, pkg, pkg)
	}
	return p
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
