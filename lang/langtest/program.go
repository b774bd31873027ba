package langtest

import (
	"os/exec"
	"testing"
)

// NeedProgram returns the path of the program a test runs (git, strace,
// an editor) and fails the test, naming the Debian package to install,
// when it is not on PATH: a test that needs a tool fails without it, since
// a skipped test would look like a passing one.
func NeedProgram(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is not on PATH; install Debian's %s (apt-get install -y %s)", name, pkg, pkg)
	}
	return p
}
