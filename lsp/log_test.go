package lsp

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file tests what the server logs: without --debug no figure from the
// user's files reaches stderr, even when a message is rejected; with it,
// every message is logged, figures included (docs/lsp.md says so).

// logSession runs a session over the example negotiation that uses every
// feature and provokes every kind of log line the server writes for a
// client's mistakes, and returns the log.
func logSession(t *testing.T, debug bool) string {
	dir := exampleDir(t)
	c := newClient(t, func(s *Server) { s.opts.Debug, s.log.debug = debug, debug })
	c.initialize(map[string]any{"processId": nil, "rootUri": nameToURI(dir), "capabilities": map[string]any{}})
	offerURI, counterURI := openExample(t, c, dir)
	var any1 any
	for _, uri := range []string{offerURI, counterURI} {
		c.call("textDocument/hover", map[string]any{"textDocument": doc(uri), "position": pos(1, 10)}, &any1)
		c.call("textDocument/hover", map[string]any{"textDocument": doc(uri), "position": pos(10, 3)}, &any1)
		c.call("textDocument/codeLens", map[string]any{"textDocument": doc(uri)}, &any1)
		c.call("textDocument/inlayHint", map[string]any{"textDocument": doc(uri), "range": rng(0, 0, 40, 0)}, &any1)
		c.call("textDocument/codeAction", map[string]any{"textDocument": doc(uri), "range": rng(1, 6, 1, 6), "context": map[string]any{"diagnostics": []any{}}}, &any1)
		c.call("textDocument/completion", map[string]any{"textDocument": doc(uri), "position": pos(9, 0)}, &any1)
		c.call("textDocument/documentSymbol", map[string]any{"textDocument": doc(uri)}, &any1)
		c.call("textDocument/formatting", map[string]any{"textDocument": doc(uri), "options": map[string]any{}}, &any1)
	}
	c.call("workspace/executeCommand", map[string]any{"command": "offer.compare", "arguments": []any{filepath.Join(dir, "offer.offer.hcl")}}, &any1)
	// Mistakes the server can only log: a change to a document that is not
	// open, a range that ends before it starts, a version that is no
	// integer (its value is a figure), an unknown notification, a file
	// event outside the workspace.
	c.change(nameToURI(filepath.Join(dir, "nope.offer.hcl")), 2, rng(0, 0, 0, 0), "base = 195000")
	c.change(offerURI, 2, rng(10, 9, 10, 2), "195000")
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": offerURI, "version": 195000.5},
		"contentChanges": []any{map[string]any{"text": "base = 195000"}}})
	c.notify("offer/unknown", map[string]any{"base": 195000})
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": "file:///tmp/elsewhere/x.offer.hcl", "type": 2}}})
	var lenses []protocol.CodeLens
	c.call("textDocument/codeLens", map[string]any{"textDocument": doc(offerURI)}, &lenses)
	c.call("shutdown", nil, &any1)
	return c.log.String()
}

// figures returns the numbers written in the example files (four digits or
// more), plain and with thousands separators.
func figures(t *testing.T) map[string]bool {
	out := map[string]bool{}
	for _, name := range []string{"offer.offer.hcl", "round1.offer.hcl"} {
		src, err := os.ReadFile(filepath.Join("..", "examples", "amazon-l6-seattle", name))
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range regexp.MustCompile(`\b\d{4,}\b`).FindAllString(string(src), -1) {
			out[n] = true
			var b strings.Builder
			for i, r := range n {
				if i > 0 && (len(n)-i)%3 == 0 {
					b.WriteByte(',')
				}
				b.WriteRune(r)
			}
			out[b.String()] = true
		}
	}
	if !out["195000"] || !out["195,000"] {
		t.Fatalf("the example lost its base: %v", out)
	}
	return out
}

var numberRe = regexp.MustCompile(`\d[\d,.]*\d|\d`)

func TestLogsHoldNoFigures(t *testing.T) {
	figs := figures(t)
	log := logSession(t, false)
	t.Logf("log:\n%s", log)
	// The session did log: the test would pass on an empty log otherwise.
	for _, want := range []string{"is not open", "ends before it starts", "invalid params for textDocument/didChange", "method not supported: offer/unknown", "not reading /tmp/elsewhere/x.offer.hcl"} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
	if strings.Contains(log, "$") {
		t.Errorf("the log holds an amount:\n%s", log)
	}
	for _, n := range numberRe.FindAllString(log, -1) {
		if figs[strings.TrimRight(n, ".,")] || strings.HasPrefix(n, "195000") {
			t.Errorf("the log holds the figure %s:\n%s", n, log)
		}
	}
}

func TestDebugLogsMessages(t *testing.T) {
	log := logSession(t, true)
	for _, want := range []string{"--> notif: textDocument/didOpen", "--> notif: textDocument/publishDiagnostics", "base = 195000", "$1,405,000", "195000.5"} {
		if !strings.Contains(log, want) {
			t.Errorf("the debug log lacks %q", want)
		}
	}
}
