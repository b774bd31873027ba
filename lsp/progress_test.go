package lsp

import (
	"path/filepath"
	"testing"
)

// A client that passes a workDoneToken in initialize gets the begin,
// reports and end of the workspace load on it.
func TestWorkspaceLoadProgress(t *testing.T) {
	dir := exampleDir(t)
	c := newClient(t, nil)
	c.initialize(map[string]any{"processId": nil, "capabilities": map[string]any{"window": map[string]any{"workDoneProgress": true}},
		"rootUri": nameToURI(dir), "workDoneToken": "load-1"})
	counter := c.openFile(filepath.Join(dir, "round1.offer.hcl"))
	if got := published(c.waitDiags(counter, 1)); len(got) != 4 {
		t.Errorf("the counter against the offer on disk: %q", got)
	}
	kinds := c.progressKinds()
	if len(kinds) < 3 || kinds[0] != "begin" || kinds[len(kinds)-1] != "end" {
		t.Errorf("progress: %q, want begin, report..., end", kinds)
	}
}
