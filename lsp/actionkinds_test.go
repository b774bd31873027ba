package lsp

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// The kinds clients ask for in their menus: VS Code's Refactor... sends
// only ["refactor"], Source Action... only ["source"], the light bulb's
// quick fixes ["quickfix"]. "Insert counter-proposal" is a refactor, the
// drafts are source actions, and the capability lists every kind.
func TestCodeActionKindsForMenus(t *testing.T) {
	dir := exampleDir(t)
	c := newClient(t, nil)
	var res struct {
		Capabilities struct {
			CodeActionProvider struct {
				CodeActionKinds []string `json:"codeActionKinds"`
			} `json:"codeActionProvider"`
		} `json:"capabilities"`
	}
	c.call("initialize", map[string]any{"processId": nil, "rootUri": nameToURI(dir), "capabilities": map[string]any{}}, &res)
	c.notify("initialized", map[string]any{})
	kinds := res.Capabilities.CodeActionProvider.CodeActionKinds
	for _, k := range []string{"quickfix", "refactor", "source", "refactor.insertCounter", "source.draft"} {
		if !slices.Contains(kinds, k) {
			t.Errorf("codeActionKinds %q lacks %s", kinds, k)
		}
	}
	offer := c.openFile(filepath.Join(dir, "offer.offer.hcl"))
	counter := c.openFile(filepath.Join(dir, "round1.offer.hcl"))
	c.sync()
	titles := func(uri string, only []string) []string {
		var actions []protocol.CodeAction
		c.call("textDocument/codeAction", map[string]any{"textDocument": doc(uri), "range": rng(1, 8, 1, 8),
			"context": map[string]any{"diagnostics": []any{}, "only": only}}, &actions)
		var out []string
		for _, a := range actions {
			out = append(out, *a.Kind+" "+a.Title)
		}
		return out
	}
	refactors := titles(offer, []string{"refactor"})
	if len(refactors) != 1 || !strings.HasPrefix(refactors[0], "refactor.insertCounter Insert counter-proposal") {
		t.Errorf("Refactor... on the offer: %q", refactors)
	}
	if got := titles(offer, []string{"source"}); len(got) != 0 {
		t.Errorf("Source Action... on the offer: %q", got)
	}
	sources := titles(counter, []string{"source"})
	if len(sources) < 2 || !slices.ContainsFunc(sources, func(s string) bool { return strings.HasPrefix(s, "source.draft Draft round-1 email") }) {
		t.Errorf("Source Action... on the counter: %q", sources)
	}
	for _, s := range append(titles(offer, []string{"quickfix"}), titles(counter, []string{"quickfix"})...) {
		if !strings.HasPrefix(s, "quickfix ") {
			t.Errorf("a quick-fix request got %q", s)
		}
	}
}
