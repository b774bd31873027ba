package lsp

import (
	"path/filepath"
	"testing"
)

// A client that shows work-done progress gets a token created by the
// server and the begin, report and end of the workspace load; the
// documents it opens meanwhile are checked against the whole workspace.
func TestWorkspaceLoadProgress(t *testing.T) {
	dir := exampleDir(t)
	c := start(t, dir, map[string]any{"window": map[string]any{"workDoneProgress": true}})
	c.waitCall("window/workDoneProgress/create")
	counter := c.open(filepath.Join(dir, "round1.offer.hcl"), readFile(t, filepath.Join(dir, "round1.offer.hcl")))
	if got := published(c.waitDiags(counter, 1)); len(got) != 4 {
		t.Errorf("the counter against the offer on disk: %q", got)
	}
	kinds := c.progressKinds()
	if len(kinds) < 3 || kinds[0] != "begin" || kinds[len(kinds)-1] != "end" {
		t.Errorf("progress: %q, want begin, report..., end", kinds)
	}
}
