package lsp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/offerkit/offerkit/lang"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// negotiationDir copies examples/full-negotiation: an offer, a counter
// answering it, a revision of it and a counter answering the revision.
func negotiationDir(t *testing.T) string {
	t.Helper()
	return copyExample(t, "full-negotiation")
}

// textDocumentEdit is a documentChanges entry as the client reads it.
type textDocumentEdit struct {
	TextDocument struct {
		URI     string `json:"uri"`
		Version *int   `json:"version"`
	} `json:"textDocument"`
	Edits []protocol.TextEdit `json:"edits"`
}

type workspaceEditReply struct {
	Changes         map[string][]protocol.TextEdit `json:"changes"`
	DocumentChanges []textDocumentEdit             `json:"documentChanges"`
}

// Renaming an offer rewrites its label and every offer.<name> reference in
// every file of the directory, open or not: open files at the version the
// editor sent, closed ones with a null version (the file on disk).
func TestRenameOffer(t *testing.T) {
	dir := negotiationDir(t)
	c := start(t, dir, map[string]any{"workspace": map[string]any{"workspaceEdit": map[string]any{"documentChanges": true}}})
	offerPath, round1Path := filepath.Join(dir, "offer.offer.hcl"), filepath.Join(dir, "round1.offer.hcl")
	texts := map[string]string{}
	for _, name := range []string{"offer.offer.hcl", "round1.offer.hcl", "revision.offer.hcl", "round2.offer.hcl"} {
		texts[nameToURI(filepath.Join(dir, name))] = readFile(t, filepath.Join(dir, name))
	}
	offer := c.open(offerPath, texts[nameToURI(offerPath)])
	round1 := c.open(round1Path, texts[nameToURI(round1Path)])
	c.sync()

	// Line 9 is `offer "amazon_l6" {`: the name is characters 7 to 16.
	var prep struct {
		Range       protocol.Range `json:"range"`
		Placeholder string         `json:"placeholder"`
	}
	c.call("textDocument/prepareRename", map[string]any{"textDocument": doc(offer), "position": pos(9, 10)}, &prep)
	if prep.Range != rng(9, 7, 9, 16) || prep.Placeholder != "amazon_l6" {
		t.Errorf("prepareRename on the label: %+v", prep)
	}
	// Line 2 of round1 is `  offer = offer.amazon_l6`: the name alone, not "offer.".
	c.call("textDocument/prepareRename", map[string]any{"textDocument": doc(round1), "position": pos(2, 20)}, &prep)
	if prep.Range != rng(2, 16, 2, 25) || prep.Placeholder != "amazon_l6" {
		t.Errorf("prepareRename on the reference: %+v", prep)
	}
	// Not a name: the block type, an attribute, a number, a comment.
	for _, p := range []protocol.Position{pos(9, 2), pos(10, 4), pos(0, 5)} {
		var none any = "unset"
		c.call("textDocument/prepareRename", map[string]any{"textDocument": doc(offer), "position": p}, &none)
		if none != nil {
			t.Errorf("prepareRename at %v: %v, want null", p, none)
		}
	}

	var edit workspaceEditReply
	c.call("textDocument/rename", map[string]any{"textDocument": doc(round1), "position": pos(2, 20), "newName": "amazon_senior"}, &edit)
	if len(edit.DocumentChanges) != 3 || edit.Changes != nil {
		t.Fatalf("rename: %+v", edit)
	}
	for _, dc := range edit.DocumentChanges {
		text, ok := texts[dc.TextDocument.URI]
		if !ok {
			t.Fatalf("rename edits %s", dc.TextDocument.URI)
		}
		open := dc.TextDocument.URI == offer || dc.TextDocument.URI == round1
		if open != (dc.TextDocument.Version != nil) || open && *dc.TextDocument.Version != 1 {
			t.Errorf("%s: version %v", dc.TextDocument.URI, dc.TextDocument.Version)
		}
		texts[dc.TextDocument.URI] = applyEdits(t, text, dc.Edits, UTF16)
	}
	for name, want := range map[string]string{"offer.offer.hcl": `offer "amazon_senior" {`, "round1.offer.hcl": "  offer = offer.amazon_senior\n",
		"revision.offer.hcl": "  revises  = offer.amazon_senior\n"} {
		got := texts[nameToURI(filepath.Join(dir, name))]
		if !strings.Contains(got, want) || strings.Contains(strings.ReplaceAll(got, "offer.amazon_l6.", ""), "= offer.amazon_l6\n") {
			t.Errorf("%s after the rename:\n%s", name, got)
		}
	}
	// The revision's comment still says offer.amazon_l6: comments are not renamed.
	if got := texts[nameToURI(filepath.Join(dir, "revision.offer.hcl"))]; !strings.Contains(got, "inherited from offer.amazon_l6.") {
		t.Errorf("the comment changed:\n%s", got)
	}
	// The renamed directory checks with no unknown reference, and round2
	// (answering amazon_l6_r2) is untouched.
	p := lang.NewProject(nil)
	for uri, text := range texts {
		p.Set(uriToName(uri), []byte(text))
	}
	for _, r := range p.CheckAll() {
		for _, d := range r.Diags {
			if d.Code == "unknown-reference" {
				t.Errorf("after the rename: %s", d.Message())
			}
		}
	}

	// A name that is not an identifier, or that another offer has, is refused with a message.
	for newName, want := range map[string]string{"2nd offer": "not a valid name", "amazon_l6_r2": "is taken", "": "not a valid name"} {
		e := c.callErr("textDocument/rename", map[string]any{"textDocument": doc(offer), "position": pos(9, 10), "newName": newName})
		if !strings.Contains(e.Message, want) {
			t.Errorf("rename to %q: %v", newName, e)
		}
	}
	// Not on a name.
	if e := c.callErr("textDocument/rename", map[string]any{"textDocument": doc(offer), "position": pos(10, 4), "newName": "x"}); !strings.Contains(e.Message, "Only an offer's or a counter's name") {
		t.Errorf("rename off a name: %v", e)
	}

	// A counter's name is its label alone; a client without
	// documentChanges gets changes.
	c2 := start(t, dir, nil)
	r1 := c2.open(round1Path, readFile(t, round1Path))
	edit = workspaceEditReply{}
	c2.call("textDocument/rename", map[string]any{"textDocument": doc(r1), "position": pos(1, 11), "newName": "first_ask"}, &edit)
	if len(edit.Changes) != 1 || len(edit.Changes[r1]) != 1 || edit.Changes[r1][0].Range != rng(1, 9, 1, 15) || edit.Changes[r1][0].NewText != "first_ask" {
		t.Errorf("counter rename: %+v", edit)
	}
	if e := c2.callErr("textDocument/rename", map[string]any{"textDocument": doc(r1), "position": pos(1, 11), "newName": "round2"}); !strings.Contains(e.Message, `counter name "round2" is taken`) {
		t.Errorf("counter rename onto round2: %v", e)
	}
}

// documentHighlight marks the label (write) and the references (read) of
// the name under the cursor, in the file only.
func TestDocumentHighlight(t *testing.T) {
	dir := t.TempDir()
	text := "offer \"a\" {\n  company = \"X\"\n  base    = 100000\n}\n\noffer \"b\" {\n  revises = offer.a\n  base    = 110000\n}\n\ncounter \"c\" {\n  offer = offer.a\n  base  = 120000\n}\n"
	c := start(t, dir, nil)
	uri := c.open(filepath.Join(dir, "x.offer.hcl"), text)
	var hl []protocol.DocumentHighlight
	c.call("textDocument/documentHighlight", map[string]any{"textDocument": doc(uri), "position": pos(11, 17)}, &hl)
	want := []protocol.Range{rng(0, 7, 0, 8), rng(6, 18, 6, 19), rng(11, 16, 11, 17)}
	if len(hl) != 3 {
		t.Fatalf("highlights: %+v", hl)
	}
	for i, h := range hl {
		kind := protocol.DocumentHighlightKindRead
		if i == 0 {
			kind = protocol.DocumentHighlightKindWrite
		}
		if h.Range != want[i] || h.Kind == nil || *h.Kind != kind {
			t.Errorf("highlight %d: %+v, want %v kind %d", i, h, want[i], kind)
		}
	}
	c.call("textDocument/documentHighlight", map[string]any{"textDocument": doc(uri), "position": pos(2, 4)}, &hl)
	if len(hl) != 0 {
		t.Errorf("highlights on an attribute: %+v", hl)
	}
}

// A directory where a file does not parse is not renamed in: a reference
// in the broken file could be missed.
func TestRenameRefusedWhileAFileDoesNotParse(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.offer.hcl"), []byte("offer \"a\" {\n  company = \"X\"\n  base    = 100000\n}\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "c.offer.hcl"), []byte("counter \"c\" {\n  offer = offer.a\n  base  = \"120000\n}\n"), 0o644)
	c := start(t, dir, nil)
	uri := c.openFile(filepath.Join(dir, "a.offer.hcl"))
	e := c.callErr("textDocument/rename", map[string]any{"textDocument": doc(uri), "position": pos(0, 7), "newName": "b"})
	if !strings.Contains(e.Message, "c.offer.hcl does not parse") {
		t.Errorf("rename with a broken file: %v", e)
	}
}
