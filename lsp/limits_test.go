package lsp

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/offerkit/offerkit/lang"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file tests the server with a document of 100,000 lines: it answers
// requests about other documents while it analyses the big one, and it
// never publishes an analysis that a newer edit made stale. Both tests are
// about order, not speed: docs/performance.md has the timings.

// bigDoc returns a document of at least n lines: bigDocBlocks six-line
// offer blocks, as many as lang's limits on attributes and values allow
// with room to spare, each followed by comment lines up to n lines in all,
// at 11 bytes a line on average well under lang.MaxFileSize.
func bigDoc(t *testing.T, n int) string {
	var b strings.Builder
	per := n / bigDocBlocks
	for i := 0; i < bigDocBlocks; i++ {
		fmt.Fprintf(&b, "# offer %d\noffer \"o%d\" {\n  # base salary\n  base = %d\n}\n\n", i, i, 150000+i%1000)
		b.WriteString(strings.Repeat("# a note\n", max(0, per-6)))
	}
	s := b.String()
	if len(s) > lang.MaxFileSize || strings.Count(s, "\n") < n {
		t.Fatalf("the big document has %d bytes and %d lines", len(s), strings.Count(s, "\n"))
	}
	return s
}

const bigDocBlocks = 2000

// waitDiagsLong is waitDiags with room for a big document's analysis on a
// loaded machine.
func (c *client) waitDiagsLong(uri string) pubDiags {
	c.t.Helper()
	return c.nextWithin(uri, 2*time.Minute)
}

// publishedSoFar takes every publication the client has received and
// reports whether one is for uri.
func (c *client) publishedSoFar(uri string) bool {
	for {
		select {
		case p := <-c.diags:
			c.pending = append(c.pending, p)
		default:
			for _, p := range c.pending {
				if p.URI == uri {
					return true
				}
			}
			return false
		}
	}
}

func TestBigDocumentStaysResponsive(t *testing.T) {
	dir := t.TempDir()
	c := start(t, dir, nil)
	big := c.open(filepath.Join(dir, "big.offer.hcl"), bigDoc(t, 100000))
	small := c.open(filepath.Join(dir, "small.offer.hcl"), "offer \"small\" {\n  level = \"L6\"\n  base  = 195000\n}\n")
	// Requests about the small document, in the same workspace, are
	// answered while the big one is analysed: the client has all their
	// answers before the big document's diagnostics.
	var lenses []protocol.CodeLens
	c.call("textDocument/codeLens", map[string]any{"textDocument": doc(small)}, &lenses)
	var hover protocol.Hover
	c.call("textDocument/hover", map[string]any{"textDocument": doc(small), "position": pos(2, 3)}, &hover)
	var syms []protocol.DocumentSymbol
	c.call("textDocument/documentSymbol", map[string]any{"textDocument": doc(small)}, &syms)
	if len(lenses) == 0 || len(syms) != 1 || syms[0].Name != "small" {
		t.Errorf("small document: lenses %+v symbols %+v", lenses, syms)
	}
	if c.publishedSoFar(big) {
		t.Fatal("the big document's diagnostics came before the answers about the small one")
	}
	if p := c.waitDiagsLong(big); p.Version == nil || *p.Version != 1 {
		t.Fatalf("big document: %+v", p.Version)
	}
	// Once analysed, the big document answers too.
	c.call("textDocument/documentSymbol", map[string]any{"textDocument": doc(big)}, &syms)
	if len(syms) != bigDocBlocks || syms[0].Name != "o0" {
		t.Errorf("big document: %d symbols", len(syms))
	}
}

// An edit that arrives while the big document is analysed makes that
// analysis stale: it runs to its end (a parse is not interrupted) but its
// result is dropped, and only the analysis of the edited text is published.
func TestStaleAnalysisIsNotPublished(t *testing.T) {
	dir := t.TempDir()
	c := start(t, dir, nil)
	text := bigDoc(t, 100000)
	uri := c.open(filepath.Join(dir, "big.offer.hcl"), text)
	// Wait until the worker has taken version 1's text (it clears dirty
	// when it does), then edit: line 3 is `  base = 150000` of offer o0.
	var d *document
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(time.Millisecond) {
		if d = c.srv.docs.get(uri); d != nil {
			d.mu.Lock()
			taken := !d.dirty
			d.mu.Unlock()
			if taken {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("the worker did not start")
		}
	}
	c.change(uri, 2, rng(3, 9, 3, 15), "abc")
	p := c.waitDiagsLong(uri)
	if p.Version == nil || *p.Version != 2 {
		t.Fatalf("first diagnostics are of version %v, want 2 (version 1 was stale)", p.Version)
	}
	// Version 2 sets base to an identifier: its diagnostics say so.
	if len(p.Diagnostics) == 0 || p.Diagnostics[0].Range.Start.Line != 3 {
		t.Errorf("version 2's diagnostics: %+v", p.Diagnostics)
	}
	// Both versions were analysed (version 1 to its end, then dropped) ...
	if n := d.checks.Load(); n != 2 {
		t.Errorf("%d analyses, want 2", n)
	}
	// ... and version 1 was never published (the checklist may publish
	// version 2 again once its items are worked out).
	var syms []protocol.DocumentSymbol
	c.call("textDocument/documentSymbol", map[string]any{"textDocument": doc(uri)}, &syms)
	time.Sleep(2 * checklistDelay) // let a checklist publication arrive, if it comes
	c.publishedSoFar(uri)
	for _, p := range c.pending {
		if p.URI == uri && (p.Version == nil || *p.Version != 2) {
			t.Errorf("a publication of version %v", p.Version)
		}
	}
}
