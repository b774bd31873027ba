package lsp

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
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

// A request that fails waiting for its document's analysis (the workspace
// still being read: here the client holds its answer to
// window/workDoneProgress/create, as a busy editor may) leaves the client
// showing nothing, since an editor asks for code lenses again only when the
// text changes; once the analysis is done, the server asks the client to
// refresh its lenses and hints, and the lenses are there.
func TestRefreshAfterALateAnalysis(t *testing.T) {
	dir := copyExample(t, "amazon-l6-seattle", "offer.offer.hcl") // no other file: reading it changes no open document
	c := newClient(t, func(s *Server) { s.analysisWait = 50 * time.Millisecond })
	create := make(chan struct{})
	c.hold = map[string]chan struct{}{"window/workDoneProgress/create": create}
	c.initialize(map[string]any{"processId": nil, "rootUri": nameToURI(dir), "capabilities": map[string]any{
		"window":    map[string]any{"workDoneProgress": true},
		"workspace": map[string]any{"codeLens": map[string]any{"refreshSupport": true}},
	}})
	uri := c.openFile(filepath.Join(dir, "offer.offer.hcl"))
	lenses := map[string]any{"textDocument": doc(uri)}
	if e := c.callErr("textDocument/codeLens", lenses); !strings.Contains(e.Message, "did not finish") {
		t.Fatalf("codeLens while the workspace is read: %v", e)
	}
	close(create)
	c.waitCall("workspace/codeLens/refresh")
	if got := keptLenses(c, uri); len(got) == 0 || !strings.HasPrefix(got[0], "4-yr $1,405,000") {
		t.Errorf("lenses after the refresh: %q", got)
	}
}
