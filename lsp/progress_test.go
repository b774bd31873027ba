package lsp

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/offerkit/offerkit/lang/langtest"
)

// The workspace load reports its begin, reports and end (work-done
// progress) on the workDoneToken the client passes in initialize, or, for a
// client that supports window.workDoneProgress and passes none, on a token
// the server creates (window/workDoneProgress/create); documents are
// checked against the whole folder. A client without
// window.workDoneProgress is sent no progress.
func TestWorkspaceLoadProgress(t *testing.T) {
	dir := exampleDir(t)
	canShow := map[string]any{"window": map[string]any{"workDoneProgress": true}}
	for _, tc := range []struct {
		name  string
		caps  map[string]any
		token any // the client's, passed in initialize: a string or a number
	}{
		{"on the client's token", canShow, "load-1"},
		{"on the client's numeric token", canShow, 7},
		{"on a token the server creates", canShow, nil},
		{"none to a client that cannot show it", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newClient(t, nil)
			params := map[string]any{"processId": nil, "rootUri": nameToURI(dir), "capabilities": tc.caps}
			want := ""
			if tc.token != nil {
				params["workDoneToken"] = tc.token
				b, _ := json.Marshal(tc.token)
				want = string(b)
			}
			c.initialize(params)
			if tc.caps != nil && want == "" {
				c.waitCall("window/workDoneProgress/create")
				want = tokenOf(c, "window/workDoneProgress/create")
			}
			counter := c.openFile(filepath.Join(dir, "round1.offer.hcl"))
			if got := published(c.waitDiags(counter, 1)); len(got) != 4 {
				t.Errorf("the counter against the offer on disk: %q", got)
			}
			kinds := c.progressKinds()
			switch {
			case tc.caps == nil:
				if len(kinds) != 0 {
					t.Errorf("progress to a client that cannot show it: %q", kinds)
				}
			case len(kinds) < 3 || kinds[0] != "begin" || kinds[len(kinds)-1] != "end":
				t.Errorf("progress: %q, want begin, report..., end", kinds)
			case want == "" || tokenOf(c, "$/progress") != want:
				t.Errorf("progress on token %s, want %s", tokenOf(c, "$/progress"), want)
			case !strings.HasSuffix(endMessage(c), " offer, band, tax and rates files"):
				t.Errorf("progress ends with %q, want it to name every kind of file it reads", endMessage(c))
			}
		})
	}
}

// endMessage returns the message of the last $/progress the server sent.
func endMessage(c *client) string {
	var p struct {
		Value struct {
			Message string `json:"message"`
		} `json:"value"`
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	json.Unmarshal(c.params["$/progress"], &p)
	return p.Value.Message
}

// tokenOf returns the token of the last params the server sent with
// method, as JSON ("" when there is none).
func tokenOf(c *client, method string) string {
	var p struct {
		Token json.RawMessage `json:"token"`
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	json.Unmarshal(c.params[method], &p)
	if string(p.Token) == "null" {
		return ""
	}
	return string(p.Token)
}

// A request sent while the server waits for the client's answer to
// window/workDoneProgress/create (held here, as a busy editor may) does
// not wait for that answer, which the connection cannot read while a
// request waits: the folders are read at once, still reporting progress
// on the token (the create request went out first), and the request is
// answered from its document's analysis.
func TestRequestDoesNotWaitForTheProgressToken(t *testing.T) {
	dir := copyExample(t, "amazon-l6-seattle", "offer.offer.hcl")
	c := newClient(t, func(s *Server) { s.createWait = time.Minute })
	create := make(chan struct{})
	defer close(create)
	c.hold = map[string]chan struct{}{"window/workDoneProgress/create": create}
	c.initialize(map[string]any{"processId": nil, "rootUri": nameToURI(dir),
		"capabilities": map[string]any{"window": map[string]any{"workDoneProgress": true}}})
	wantAmazonLensWithin(t, c, filepath.Join(dir, "offer.offer.hcl"), "waiting for the client's answer to window/workDoneProgress/create")
	wantLoadProgress(t, c)
}

// wantLoadProgress checks that the workspace load was reported, by the time
// a request that waited for it was answered: begin, reports and end on the
// token of the server's window/workDoneProgress/create, which came first.
func wantLoadProgress(t *testing.T, c *client) {
	t.Helper()
	c.mu.Lock()
	calls := slices.Clone(c.calls)
	c.mu.Unlock()
	if kinds := c.progressKinds(); len(kinds) < 3 || kinds[0] != "begin" || kinds[len(kinds)-1] != "end" {
		t.Errorf("progress of the load: %q, want begin, report..., end", kinds)
	}
	create, progress := slices.Index(calls, "window/workDoneProgress/create"), slices.Index(calls, "$/progress")
	if create < 0 || progress < create {
		t.Errorf("the server's messages: %q, want window/workDoneProgress/create before $/progress", calls)
	}
	if tok := tokenOf(c, "$/progress"); tok == "" || tok != tokenOf(c, "window/workDoneProgress/create") {
		t.Errorf("progress on token %s, created %s", tok, tokenOf(c, "window/workDoneProgress/create"))
	}
}

// wantAmazonLensWithin opens the Amazon example's offer at path and fails
// unless its code lens (its 4-year total) is answered within 10 s; while
// says what the server is waiting for.
func wantAmazonLensWithin(t *testing.T, c *client, path, while string) {
	t.Helper()
	uri := c.openFile(path)
	got := make(chan []string, 1)
	go func() { got <- keptLenses(c, uri) }()
	select {
	case lenses := <-got:
		if len(lenses) == 0 || !strings.HasPrefix(lenses[0], "4-yr $1,405,000") {
			t.Errorf("lenses asked for %s: %q", while, lenses)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("codeLens was not answered %s", while)
	}
}

// A client that sends a request before initialized (which the server
// needs to create a progress token and read the folders) gets its answer:
// the request holds the connection, so the folders are read at once
// instead of after an initialized that could not be read meanwhile, with
// progress all the same.
func TestRequestBeforeInitialized(t *testing.T) {
	dir := copyExample(t, "amazon-l6-seattle", "offer.offer.hcl")
	c := newClient(t, nil)
	var res map[string]any
	c.call("initialize", map[string]any{"processId": nil, "rootUri": nameToURI(dir),
		"capabilities": map[string]any{"window": map[string]any{"workDoneProgress": true}}}, &res)
	wantAmazonLensWithin(t, c, filepath.Join(dir, "offer.offer.hcl"), "before initialized")
	wantLoadProgress(t, c)
	c.notify("initialized", map[string]any{})
	c.sync()
}

// A request that fails waiting for its document's analysis (a large file on
// a busy machine: here the wait is shortened to a millisecond) leaves the
// client showing nothing, since an editor asks for code lenses again only
// when the text changes; once the analysis is done, the server asks the
// client to refresh its lenses and hints, and the lenses are there.
func TestRefreshAfterALateAnalysis(t *testing.T) {
	dir := t.TempDir()
	c := newClient(t, func(s *Server) { s.analysisWait = time.Millisecond })
	c.initialize(map[string]any{"processId": nil, "rootUri": nameToURI(dir), "capabilities": map[string]any{
		"workspace": map[string]any{"codeLens": map[string]any{"refreshSupport": true}},
	}})
	uri := c.open(filepath.Join(dir, "big.offer.hcl"), langtest.File(5000))
	lenses := map[string]any{"textDocument": doc(uri)}
	if e := c.callErr("textDocument/codeLens", lenses); !strings.Contains(e.Message, "did not finish") {
		t.Fatalf("codeLens before the analysis: %v", e)
	}
	c.waitCall("workspace/codeLens/refresh")
	if got := keptLenses(c, uri); len(got) == 0 || !strings.HasPrefix(got[0], "4-yr ") {
		t.Errorf("lenses after the refresh: %q", got)
	}
}
