package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file is a small LSP client for tests: it runs the real server on
// one end of a net.Pipe and speaks JSON-RPC on the other.

type client struct {
	t       testing.TB
	srv     *Server
	conn    *jsonrpc2.Conn
	diags   chan pubDiags
	log     *syncBuffer
	exit    chan int
	mu      sync.Mutex
	calls   []string // what the server sent the client but diagnostics, in order
	pending []pubDiags
	callCh  chan string
	closed  bool
	// answers are the results the client gives the server's requests, by
	// method (nil when absent).
	answers map[string]any
	// hold delays the client's answer to a request from the server, by
	// method, until the channel is closed.
	hold map[string]chan struct{}
	// turns, when they hold any for a method, give the server's requests
	// of that method, in the order they came, their answers and holds in
	// place of answers and hold, one each.
	turns    map[string][]turn
	progress []string          // the kinds of $/progress values received
	messages []string          // window/showMessage texts
	params   map[string][]byte // the last params of each request or notification from the server
	// registrations are the params of every client/registerCapability and
	// client/unregisterCapability, in the order they came over the pipe.
	registrations []registration
	// highest is the highest version published for each URI since it was
	// last cleared (a publication without a version): the server never
	// publishes an older version after a newer one.
	highest map[string]int
}

// turn is the client's answer to one request from the server, given once
// hold (when not nil) is closed.
type turn struct {
	answer any
	hold   chan struct{}
}

// registration is one client/registerCapability (drop false) or
// client/unregisterCapability (drop true) request.
type registration struct {
	drop   bool
	params []byte
}

// syncBuffer is the server's log in tests.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// newClient starts a server (optionally adjusted by setup before it
// serves) and connects to it, without initializing.
func newClient(t testing.TB, setup func(*Server)) *client {
	t.Helper()
	c := &client{t: t, diags: make(chan pubDiags, 10000), log: &syncBuffer{}, exit: make(chan int, 1), callCh: make(chan string, 100)}
	c.srv = New(Options{Log: c.log, Version: "test"})
	if setup != nil {
		setup(c.srv)
	}
	a, b := net.Pipe()
	go func() { c.exit <- c.srv.Serve(context.Background(), a) }()
	c.conn = jsonrpc2.NewConn(context.Background(), jsonrpc2.NewBufferedStream(b, jsonrpc2.VSCodeObjectCodec{}),
		clientHandler{c})
	t.Cleanup(c.close)
	return c
}

// clientHandler handles what the server sends: notifications in order, on
// the read loop; requests on their own goroutine, as an editor does. A
// reply written on the read loop could block it (net.Pipe has no buffer)
// while the server's read loop is blocked writing to the client: neither
// would read again.
type clientHandler struct{ c *client }

func (h clientHandler) Handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
	var next *turn
	if req.Method != protocol.ServerTextDocumentPublishDiagnostics {
		h.c.mu.Lock() // in the order received, which the goroutine below could change
		h.c.calls = append(h.c.calls, req.Method)
		if req.Method == "client/registerCapability" || req.Method == "client/unregisterCapability" {
			h.c.registrations = append(h.c.registrations, registration{req.Method == "client/unregisterCapability", append([]byte(nil), *req.Params...)})
		}
		if ts := h.c.turns[req.Method]; len(ts) > 0 && !req.Notif {
			next, h.c.turns[req.Method] = &ts[0], ts[1:]
		}
		h.c.mu.Unlock()
	}
	if req.Notif {
		h.c.handle(ctx, conn, req)
		return
	}
	go func() {
		result, err := h.c.handleTurn(ctx, conn, req, next)
		if err != nil {
			conn.ReplyWithError(ctx, req.ID, &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: err.Error()})
			return
		}
		conn.Reply(ctx, req.ID, result)
	}()
}

func (c *client) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return
	}
	c.closed = true
	c.conn.Close()
	select {
	case <-c.exit:
	case <-time.After(10 * time.Second):
		c.t.Error("the server did not stop after the connection closed")
	}
}

// handle handles what the server sends.
func (c *client) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	return c.handleTurn(ctx, conn, req, nil)
}

// handleTurn is handle with the request's turn, when not nil (turns).
func (c *client) handleTurn(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request, next *turn) (any, error) {
	if req.Method == protocol.ServerTextDocumentPublishDiagnostics {
		var p pubDiags
		if err := json.Unmarshal(*req.Params, &p); err != nil {
			c.t.Errorf("bad publishDiagnostics: %v", err)
		}
		c.checkVersion(p)
		c.diags <- p
		return nil, nil
	}
	c.mu.Lock()
	if c.params == nil {
		c.params = map[string][]byte{}
	}
	if req.Params != nil {
		c.params[req.Method] = append([]byte(nil), *req.Params...)
		switch req.Method {
		case "$/progress":
			var p struct {
				Value struct {
					Kind string `json:"kind"`
				} `json:"value"`
			}
			json.Unmarshal(*req.Params, &p)
			c.progress = append(c.progress, p.Value.Kind)
		case "window/showMessage":
			var p struct {
				Message string `json:"message"`
			}
			json.Unmarshal(*req.Params, &p)
			c.messages = append(c.messages, p.Message)
		}
	}
	answer, hold := c.answers[req.Method], c.hold[req.Method]
	if next != nil {
		answer, hold = next.answer, next.hold
	}
	c.mu.Unlock()
	if hold != nil {
		<-hold
	}
	c.callCh <- req.Method
	return answer, nil
}

// checkVersion fails the test when p, a publication just received, has an
// older version than one received before for its document. Notifications
// are handled in the order they came, so this is the order the server sent
// them in.
func (c *client) checkVersion(p pubDiags) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.highest == nil {
		c.highest = map[string]int{}
	}
	if p.Version == nil { // cleared on close; a reopening starts again
		delete(c.highest, p.URI)
		return
	}
	if h, ok := c.highest[p.URI]; ok && *p.Version < h {
		c.t.Errorf("diagnostics for %s: version %d published after version %d", p.URI, *p.Version, h)
		return
	}
	c.highest[p.URI] = *p.Version
}

func (c *client) progressKinds() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.progress...)
}

func (c *client) shownMessages() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.messages...)
}

// start returns an initialized client; caps are the client capabilities.
func start(t testing.TB, root string, caps map[string]any) *client {
	t.Helper()
	c := newClient(t, nil)
	params := map[string]any{"processId": nil, "capabilities": caps}
	if root != "" {
		params["rootUri"] = nameToURI(root)
	}
	c.initialize(params)
	return c
}

// folders lists directories as LSP workspace folders.
func folders(dirs ...string) []any {
	out := []any{}
	for _, d := range dirs {
		out = append(out, map[string]any{"uri": nameToURI(d), "name": filepath.Base(d)})
	}
	return out
}

// initialize sends initialize with params, then initialized.
func (c *client) initialize(params map[string]any) {
	c.t.Helper()
	var res map[string]any
	c.call("initialize", params, &res)
	c.notify("initialized", map[string]any{})
}

// waitCall waits for the server to send the client a request.
func (c *client) waitCall(method string) {
	c.t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case m := <-c.callCh:
			if m == method {
				return
			}
		case <-timeout:
			c.t.Fatalf("the server did not send %s", method)
		}
	}
}

func (c *client) call(method string, params, result any) {
	c.t.Helper()
	if err := c.conn.Call(context.Background(), method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// callErr makes a call that must fail and returns its error.
func (c *client) callErr(method string, params any) *jsonrpc2.Error {
	c.t.Helper()
	var res any
	err := c.conn.Call(context.Background(), method, params, &res)
	e, ok := err.(*jsonrpc2.Error)
	if !ok {
		c.t.Fatalf("%s: want an error response, got %v (result %v)", method, err, res)
	}
	return e
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// pubDiags is a publishDiagnostics notification as the client reads it
// (glsp's IntegerOrString cannot be unmarshalled).
type pubDiags struct {
	URI         string `json:"uri"`
	Version     *int   `json:"version"`
	Diagnostics []struct {
		Range    protocol.Range `json:"range"`
		Severity int            `json:"severity"`
		Code     string         `json:"code"`
		Source   string         `json:"source"`
		Message  string         `json:"message"`
	} `json:"diagnostics"`
}

// next returns the next publication for uri, keeping those for other
// documents for later.
func (c *client) next(uri string) pubDiags {
	c.t.Helper()
	return c.nextWithin(uri, 10*time.Second)
}

// nextWithin is next with the given patience.
func (c *client) nextWithin(uri string, patience time.Duration) pubDiags {
	c.t.Helper()
	for i, p := range c.pending {
		if p.URI == uri {
			c.pending = append(c.pending[:i:i], c.pending[i+1:]...)
			return p
		}
	}
	timeout := time.After(patience)
	for {
		select {
		case p := <-c.diags:
			if p.URI == uri {
				return p
			}
			c.pending = append(c.pending, p)
		case <-timeout:
			c.t.Fatalf("no diagnostics for %s", uri)
		}
	}
}

// waitDiags returns the next diagnostics published for uri, which must
// have the given version. Publications of an older version that come
// first are passed over (one older than a version already received fails
// the test: checkVersion): the checklist's run, a quiet moment after an open
// or a change (checklist.go), publishes the version it was worked out for
// again with its items, and on a loaded machine that moment may end after
// the test has read the first publication of that version but before the
// server has read the next change.
func (c *client) waitDiags(uri string, version int) pubDiags {
	c.t.Helper()
	for {
		p := c.next(uri)
		switch {
		case p.Version != nil && *p.Version < version:
			continue
		case p.Version == nil || *p.Version != version:
			c.t.Fatalf("diagnostics for %s: version %s, want %d", uri, versionOf(p), version)
		}
		return p
	}
}

// waitPublished waits (10 s at most) for a publication for uri whose
// diagnostics (as published lists them) satisfy ok, passing over those
// before it. A test that changes what a document depends on waits with it,
// not with waitDiags: the document's version stays the same, and the
// checklist's run, a quiet moment after an open (checklist.go), publishes
// the document again as it was, with the same version, perhaps after the
// test made its change but before the server read it.
func (c *client) waitPublished(uri, what string, ok func([]string) bool) {
	c.t.Helper()
	var last []string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		if last = published(c.nextWithin(uri, time.Until(deadline))); ok(last) {
			return
		}
	}
	c.t.Fatalf("no publication of %s; the last: %q", what, last)
}

// versionOf returns a publication's version for a message: "null" when it
// has none.
func versionOf(p pubDiags) string {
	if p.Version == nil {
		return "null"
	}
	return fmt.Sprint(*p.Version)
}

// sync waits until the analysis of every open document is current and no
// worker has anything left to do (a request waits for its document's
// analysis, whose diagnostics are sent before the reply), then drops every
// publication received so far.
func (c *client) sync() {
	c.t.Helper()
	for {
		before := c.checks()
		for _, d := range c.srv.docs.all() {
			var h any
			c.call("textDocument/hover", map[string]any{"textDocument": doc(d.uri), "position": pos(0, 0)}, &h)
		}
		if c.checks() == before {
			break
		}
	}
	c.pending = nil
	for {
		select {
		case <-c.diags:
		default:
			return
		}
	}
}

func (c *client) checks() int64 {
	var n int64
	for _, d := range c.srv.docs.all() {
		n += d.checks.Load()
	}
	return n
}

// waitCleared waits for the empty, unversioned diagnostics sent on close.
func (c *client) waitCleared(uri string) {
	c.t.Helper()
	if p := c.next(uri); p.Version != nil || len(p.Diagnostics) != 0 {
		c.t.Fatalf("diagnostics for %s before the clearing: %+v", uri, p)
	}
}

func (c *client) open(path, text string) string {
	uri := nameToURI(path)
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "offer", "version": 1, "text": text}})
	return uri
}

// openFile opens the file at path with the text it holds on disk.
func (c *client) openFile(path string) string {
	c.t.Helper()
	return c.open(path, readFile(c.t, path))
}

// change sends one incremental change.
func (c *client) change(uri string, version int, rng protocol.Range, text string) {
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": version},
		"contentChanges": []any{map[string]any{"range": rng, "text": text}},
	})
}

func doc(uri string) map[string]any { return map[string]any{"uri": uri} }

func pos(line, char int) protocol.Position {
	return protocol.Position{Line: protocol.UInteger(line), Character: protocol.UInteger(char)}
}

func rng(l1, c1, l2, c2 int) protocol.Range {
	return protocol.Range{Start: pos(l1, c1), End: pos(l2, c2)}
}

// exampleDir copies the example negotiation into a temporary directory.
func exampleDir(t testing.TB) string {
	t.Helper()
	return copyExample(t, "amazon-l6-seattle", "offer.offer.hcl", "round1.offer.hcl")
}

// copyExample copies the named files of examples/<example> (every file
// when none is named) into a new temporary directory and returns it.
func copyExample(t testing.TB, example string, names ...string) string {
	t.Helper()
	src := filepath.Join("..", "examples", example)
	if len(names) == 0 {
		entries, err := os.ReadDir(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			names = append(names, e.Name())
		}
	}
	dir := t.TempDir()
	for _, name := range names {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(readFile(t, filepath.Join(src, name))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// errorsTB is a testing.TB that records Errorf instead of failing.
type errorsTB struct {
	testing.TB
	errs []string
}

func (r *errorsTB) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestClientFailsOnAnOlderVersion: the test client fails a test when the
// server publishes a document's diagnostics with a lower version than it
// published before, but not for a version published again, nor for one
// that follows the clearing on close.
func TestClientFailsOnAnOlderVersion(t *testing.T) {
	rec := &errorsTB{TB: t}
	c := &client{t: rec, diags: make(chan pubDiags, 10)}
	publish := func(uri string, version *int) {
		params := json.RawMessage(fmt.Sprintf(`{"uri": %q, "version": %s, "diagnostics": []}`, uri, versionOf(pubDiags{Version: version})))
		c.handle(context.Background(), nil, &jsonrpc2.Request{Method: protocol.ServerTextDocumentPublishDiagnostics, Notif: true, Params: &params})
	}
	v := func(n int) *int { return &n }
	publish("file:///a.offer.hcl", v(1))
	publish("file:///a.offer.hcl", v(2))
	publish("file:///a.offer.hcl", v(2)) // the checklist's republication
	publish("file:///b.offer.hcl", v(1)) // another document
	publish("file:///a.offer.hcl", nil)  // closed
	publish("file:///a.offer.hcl", v(1)) // opened again
	publish("file:///a.offer.hcl", v(3))
	if len(rec.errs) != 0 {
		t.Fatalf("failed on publications in order: %q", rec.errs)
	}
	publish("file:///a.offer.hcl", v(2))
	if want := "diagnostics for file:///a.offer.hcl: version 2 published after version 3"; len(rec.errs) != 1 || rec.errs[0] != want {
		t.Fatalf("after version 3 then 2, errors %q; want %q", rec.errs, want)
	}
}
