package langtest

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Update is the -update flag of the tests that compare output with golden
// files or generated documentation: with it they rewrite the files, to be
// reviewed as a diff, instead of comparing.
var Update = flag.Bool("update", false, "rewrite the golden files and generated documentation instead of comparing with them")

// Golden compares got with the file at path, or with -update writes got
// there.
func Golden(t testing.TB, path, got string) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs (-want +got); if the change is meant, run the test with -update and review the diff:\n%s", path, cmp.Diff(string(want), got))
	}
}
