package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/offerkit/offerkit/lang/langtest"
)

// TestMain lets the test binary stand in for the offer binary: git runs it
// as the textconv driver with OFFER_TEST_MAIN set.
func TestMain(m *testing.M) {
	if os.Getenv("OFFER_TEST_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	if os.Getenv("OFFER_TEST_LAUNCHER") == "1" {
		os.Exit(serveLaunches(os.Stdin, os.Stdout))
	}
	if out := os.Getenv("OFFER_TEST_MEASURE"); out != "" {
		os.Exit(measure(out, os.Args[1:]))
	}
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// runCLI runs the command in-process and returns its output and status.
func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(args, strings.NewReader(""), &o, &e)
	return o.String(), e.String(), code
}

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	langtest.Golden(t, filepath.Join(testdataDir, "golden", name), got)
}

// testdataDir is absolute, so tests that change directory still find it.
var testdataDir = func() string {
	d, _ := filepath.Abs("testdata")
	return d
}()

// repoRoot is the top of the offerkit repository.
var repoRoot = func() string {
	d, _ := filepath.Abs("../..")
	return d
}()

func mustContain(t *testing.T, out string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
}

// needGit fails (never skips) the test when git is missing, and isolates
// git from the user's and the system's configuration.
func needGit(t *testing.T) {
	t.Helper()
	langtest.NeedProgram(t, "git", "git")
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_AUTHOR_NAME", "Test")
	t.Setenv("GIT_AUTHOR_EMAIL", "test@example.com")
	t.Setenv("GIT_COMMITTER_NAME", "Test")
	t.Setenv("GIT_COMMITTER_EMAIL", "test@example.com")
	t.Setenv("LC_ALL", "C")
	t.Setenv("TZ", "UTC")
	t.Setenv("GIT_PAGER", "cat")
}

// git runs git in dir and fails the test on error.
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}
