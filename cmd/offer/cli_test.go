package main

// This file runs the CLI golden tests. Each testdata/cli/*.txtar archive
// holds the input files, an "args" entry (one argument per line) and the
// expected "stdout", "stderr" (when checked) and "exit" entries; an
// "examples" entry names files of examples/ to put among the inputs, one
// "example-file target" a line, instead of a copy of them. runGolden
// (compare_test.go) runs it in a fresh directory. Run
// `go test ./cmd/offer -update` to rewrite the expectations after a
// deliberate change, and review the diff.

import "testing"

func TestCLI(t *testing.T) {
	runArchives(t, "testdata/cli", nil)
}
