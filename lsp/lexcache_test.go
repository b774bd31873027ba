package lsp

import (
	"path/filepath"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// A lexing that panicked is not kept (lexcache.go, as figcache.go keeps
// answers): the next request lexes the text again and gets its tokens and
// folds, rather than nothing (or an internal error) until the next edit.
// The panics are provoked in the server's own cache (a nil mapper), since
// no text makes the lexer panic; the requests go over the pipe.
func TestPanickedLexingIsNotKept(t *testing.T) {
	dir := t.TempDir()
	c := start(t, dir, nil)
	uri := c.open(filepath.Join(dir, "x.offer.hcl"), outlineText)
	var h any // answered once the document is open and analysed
	c.call("textDocument/hover", map[string]any{"textDocument": doc(uri), "position": pos(0, 0)}, &h)
	c.sync()
	d := c.srv.docs.get(uri)
	d.mu.Lock()
	res, m := d.res, d.resMap
	d.mu.Unlock()
	panics := func(what string, f func()) {
		t.Helper()
		defer func() {
			if recover() == nil {
				t.Fatalf("%s did not panic", what)
			}
		}()
		f()
	}
	tokens := func(when string) {
		t.Helper()
		var toks protocol.SemanticTokens
		c.call("textDocument/semanticTokens/full", map[string]any{"textDocument": doc(uri)}, &toks)
		if len(toks.Data) == 0 {
			t.Errorf("no semantic tokens after %s", when)
		}
		var folds []protocol.FoldingRange
		c.call("textDocument/foldingRange", map[string]any{"textDocument": doc(uri)}, &folds)
		if len(folds) == 0 {
			t.Errorf("no folding ranges after %s", when)
		}
	}

	// The lexing itself panics.
	panics("lexing", func() { c.srv.lexed(d, res, nil) })
	tokens("a panicked lexing")

	// The text lexed anew (the kept tokens dropped), then their encoding
	// panics.
	d.lex.Store(nil)
	panics("encoding", func() { c.srv.lexed(d, res, m).semanticTokens(nil) })
	tokens("a panicked encoding")
}
