package lsp

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/offerkit/offerkit/lang"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file tests the features that need the whole workspace: the compare
// lens and its command, an offer's rank in its hover, the counter's
// approval tier, the hover on an ask and the script and email actions.

// competingDir copies the example with two competing offers and adds a
// counter to the Amazon one.
func competingDir(t *testing.T) string {
	t.Helper()
	dir := copyExample(t, "competing-offers", "amazon.offer.hcl", "northwind.offer.hcl", "northwind.bands.hcl")
	os.WriteFile(filepath.Join(dir, "round1.offer.hcl"), []byte("counter \"r1\" {\n  offer = offer.amazon_l6_nyc\n  base  = 215000\n}\n"), 0o644)
	return dir
}

func TestWorkspaceFeatures(t *testing.T) {
	dir := competingDir(t)
	c := start(t, dir, nil)
	amazon := c.openFile(filepath.Join(dir, "amazon.offer.hcl"))
	counterText := readFile(t, filepath.Join(dir, "round1.offer.hcl"))
	counter := c.open(filepath.Join(dir, "round1.offer.hcl"), counterText)
	c.sync()

	// The offer's lenses: its figures, and a button comparing it with the other offer.
	var lenses []protocol.CodeLens
	c.call("textDocument/codeLens", map[string]any{"textDocument": doc(amazon)}, &lenses)
	if len(lenses) != 3 || lenses[1].Command.Title != "Compare with 1 other offer" || lenses[1].Command.Command != "offer.compare" || !strings.HasPrefix(lenses[2].Command.Title, "net 4-yr $") {
		t.Fatalf("offer lenses: %+v", lenses)
	}
	var table string
	c.call("workspace/executeCommand", map[string]any{"command": lenses[1].Command.Command, "arguments": lenses[1].Command.Arguments}, &table)
	// Amazon: 1,460,000 over four years; Northwind: 1,565,000 (see examples/competing-offers).
	if !strings.Contains(table, "$1,460,000") || !strings.Contains(table, "$1,565,000") || !strings.Contains(table, "|") {
		t.Errorf("compare table:\n%s", table)
	}

	// The rank in the offer's hover.
	var hover protocol.Hover
	c.call("textDocument/hover", map[string]any{"textDocument": doc(amazon), "position": pos(1, 10)}, &hover)
	if md := hover.Contents.(protocol.MarkupContent).Value; !strings.Contains(md, "Ranks **2nd of 2** offers") {
		t.Errorf("rank hover: %s", md)
	}

	// The counter's lens names the approver: +10,000 a year on base is
	// +40,000 over four years on 1,460,000, 2.7%: the recruiter.
	c.call("textDocument/codeLens", map[string]any{"textDocument": doc(counter)}, &lenses)
	if len(lenses) != 1 || !strings.HasSuffix(lenses[0].Command.Title, "+$40,000 (+2.7%) vs amazon_l6_nyc · approval: recruiter") {
		t.Errorf("counter lens: %+v", lenses[0].Command)
	}

	// The hover on the ask: its room, and what it does to each year.
	c.call("textDocument/hover", map[string]any{"textDocument": doc(counter), "position": pos(2, 4)}, &hover)
	if md := hover.Contents.(protocol.MarkupContent).Value; !strings.Contains(md, "usual room") || !strings.Contains(md, "+$10,000") {
		t.Errorf("ask hover: %s", md)
	}

	// The script and email actions, each a minimal edit that parses.
	var actions []protocol.CodeAction
	c.call("textDocument/codeAction", map[string]any{"textDocument": doc(counter), "range": rng(2, 4, 2, 4),
		"context": map[string]any{"diagnostics": []any{}}}, &actions)
	byTitle := map[string]protocol.CodeAction{}
	for _, a := range actions {
		byTitle[a.Title] = a
	}
	for _, title := range []string{"Insert script for base", "Draft round-1 email", "Draft acceptance email"} {
		a, ok := byTitle[title]
		if !ok || *a.Kind != "source.draft" {
			t.Errorf("no %q action among %v", title, actions)
			continue
		}
		edits := a.Edit.Changes[counter]
		if len(edits) != 1 {
			t.Fatalf("%s: %d edits", title, len(edits))
		}
		out := applyEdits(t, counterText, edits, UTF16)
		if !strings.HasPrefix(out, "counter \"r1\" {\n  offer = offer.amazon_l6_nyc\n  base  = 215000\n") {
			t.Errorf("%s changed the text before the insertion:\n%s", title, out)
		}
		if f := lang.Decode("round1.offer.hcl", []byte(out)); f.Diags.HasErrors() {
			t.Errorf("%s: the result does not parse: %s", title, f.Diags[0].Message())
		}
	}
}

// TestCompareWaitsForOpenDocuments: offer.compare sent right after
// didOpen or didChange answers from the text the editor sent, not from
// an analysis of older text (issue 20: stale in 19 of 20 tries).
func TestCompareWaitsForOpenDocuments(t *testing.T) {
	dir := competingDir(t)
	c := start(t, dir, nil)
	path := filepath.Join(dir, "amazon.offer.hcl")
	text := readFile(t, path)
	uri := c.open(path, strings.Replace(text, `"Amazon"`, `"Opened Co"`, 1))
	var table string
	c.call("workspace/executeCommand", map[string]any{"command": "offer.compare", "arguments": []any{path}}, &table)
	if !strings.Contains(table, "Opened Co") {
		t.Errorf("compare right after didOpen:\n%s", table)
	}
	for i := 0; i < 20; i++ {
		company := fmt.Sprintf("Company %02d", i)
		// Line 2 is `  company  = "Amazon"`: replace the whole value.
		c.change(uri, i+2, rng(2, 13, 2, 100), `"`+company+`"`)
		c.call("workspace/executeCommand", map[string]any{"command": "offer.compare", "arguments": []any{path}}, &table)
		if !strings.Contains(table, company) {
			t.Fatalf("try %d: compare right after didChange does not name %q:\n%s", i, company, table)
		}
	}
}
