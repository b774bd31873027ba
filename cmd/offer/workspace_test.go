package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// Every command on one workspace (bands, tax, checklist, timeline, script,
// email, counter) reads it the same way (loadWorkspace): a file named
// stands for its directory, so its band, tax and rates files are active,
// as the directory itself shows them.
func TestWorkspaceOfAFileIsItsDirectory(t *testing.T) {
	for _, c := range []struct{ command, example, file, want string }{
		{"bands", "competing-offers", "amazon.offer.hcl", "Example figures for illustration"}, // northwind.bands.hcl
		{"tax", "eur-offer", "berlin.offer.hcl", "EUR"},                                       // fx.rates.hcl
		{"timeline", "full-negotiation", "round1.offer.hcl", "round1"},
	} {
		t.Run(c.command, func(t *testing.T) {
			dir := filepath.Join("..", "..", "examples", c.example)
			fromDir, _ := mustRun(t, 0, c.command, dir)
			fromFile, _ := mustRun(t, 0, c.command, filepath.Join(dir, c.file))
			if fromFile != fromDir {
				t.Fatalf("offer %s FILE differs from offer %s DIR:\n%s\n---\n%s", c.command, c.command, fromFile, fromDir)
			}
			if !strings.Contains(fromFile, c.want) {
				t.Fatalf("offer %s %s: no %q (the directory's files are not active):\n%s", c.command, c.file, c.want, fromFile)
			}
		})
	}
	for _, command := range []string{"bands", "tax", "checklist", "timeline"} {
		if _, msg := mustRun(t, 2, command, ".", "."); !strings.Contains(msg, "give at most one directory or file") {
			t.Errorf("offer %s . .: %s", command, msg)
		}
	}
}
