package lsp

import (
	"path/filepath"
	"reflect"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// resolveCaps is a client that resolves a code action's edit later.
var resolveCaps = map[string]any{"textDocument": map[string]any{"codeAction": map[string]any{
	"resolveSupport": map[string]any{"properties": []string{"edit"}}}}}

// actionsAt lists the code actions at a position, by title.
func actionsAt(c *client, uri string, line, char int) map[string]protocol.CodeAction {
	var actions []protocol.CodeAction
	c.call("textDocument/codeAction", map[string]any{"textDocument": doc(uri), "range": rng(line, char, line, char),
		"context": map[string]any{"diagnostics": []any{}}}, &actions)
	out := map[string]protocol.CodeAction{}
	for _, a := range actions {
		out[a.Title] = a
	}
	return out
}

// TestCodeActionResolve: a client that can resolve an action's edit gets
// the text-writing actions without it and resolves them to the very edit a
// client that cannot gets at once; quick fixes come with their edit either
// way.
func TestCodeActionResolve(t *testing.T) {
	dir := competingDir(t)
	eager, lazy := start(t, dir, nil), start(t, dir, resolveCaps)
	var uris [2]map[string]string
	for i, c := range []*client{eager, lazy} {
		uris[i] = map[string]string{}
		for _, name := range []string{"amazon.offer.hcl", "round1.offer.hcl"} {
			path := filepath.Join(dir, name)
			uris[i][name] = c.openFile(path)
		}
		c.sync()
	}
	for _, at := range []struct {
		file       string
		line, char int
		titles     []string
	}{
		{"round1.offer.hcl", 2, 4, []string{"Insert script for base", "Draft round-1 email", "Draft acceptance email"}},
		{"amazon.offer.hcl", 1, 6, []string{"Insert counter-proposal for offer amazon_l6_nyc"}},
	} {
		uri := uris[1][at.file]
		want, got := actionsAt(eager, uri, at.line, at.char), actionsAt(lazy, uri, at.line, at.char)
		if len(want) != len(got) {
			t.Fatalf("%s: %d actions eagerly, %d lazily", at.file, len(want), len(got))
		}
		for title, a := range got {
			if _, lazyOne := want[title]; !lazyOne {
				t.Fatalf("%s: %q only offered lazily", at.file, title)
			}
			if *a.Kind == "quickfix" && a.Edit == nil {
				t.Errorf("%s: quick fix %q without its edit", at.file, title)
			}
		}
		for _, title := range at.titles {
			a, ok := got[title]
			if !ok || a.Edit != nil || a.Data == nil {
				t.Fatalf("%s: %q not offered lazily: %+v", at.file, title, a)
			}
			if want[title].Edit == nil || len(want[title].Edit.Changes[uri]) != 1 {
				t.Fatalf("%s: %q without its edit for a client that cannot resolve", at.file, title)
			}
			var resolved protocol.CodeAction
			lazy.call("codeAction/resolve", a, &resolved)
			if resolved.Title != title || resolved.Edit == nil || !reflect.DeepEqual(resolved.Edit, want[title].Edit) {
				t.Errorf("%s: %q resolved to %+v, want %+v", at.file, title, resolved.Edit, want[title].Edit)
			}
		}
	}

	// An action offered for an earlier version of the document is not
	// resolved against the new text.
	uri := uris[1]["round1.offer.hcl"]
	stale := actionsAt(lazy, uri, 2, 4)["Draft acceptance email"]
	lazy.change(uri, 2, rng(0, 0, 0, 0), "# a comment\n")
	lazy.sync()
	if e := lazy.callErr("codeAction/resolve", stale); e == nil || e.Code != codeRequestFailed {
		t.Errorf("stale action resolved: %v", e)
	}
	// Data the server did not send gets an error, never a panic or an edit.
	for _, c := range []struct {
		data any
		code int64
	}{
		{nil, -32602}, {"text", -32602}, {map[string]any{"uri": 7}, -32602},
		{map[string]any{"uri": "file:///nowhere.offer.hcl", "version": 1, "range": rng(0, 0, 0, 0)}, codeRequestFailed},
		{map[string]any{"uri": uri, "version": 2, "range": rng(9999, 9999, 0, 0)}, codeRequestFailed},
	} {
		if e := lazy.callErr("codeAction/resolve", protocol.CodeAction{Title: "Draft acceptance email", Data: c.data}); e == nil || e.Code != c.code {
			t.Errorf("resolve with data %v: %v, want code %d", c.data, e, c.code)
		}
	}
}

// TestQuickFixOfTheListedDiagnostic: a client asking at the cursor, beside
// the diagnostic's range, with the diagnostic in its context (Neovim lists
// the cursor line's) gets its quick fix; without it in the context, the
// cursor's position alone offers none.
func TestQuickFixOfTheListedDiagnostic(t *testing.T) {
	dir := exampleDir(t)
	c := start(t, dir, nil)
	uri := c.openFile(filepath.Join(dir, "offer.offer.hcl"))
	var cliff map[string]any
	for _, d := range c.waitDiags(uri, 1).Diagnostics {
		if d.Code == "cliff" {
			cliff = map[string]any{"range": d.Range, "severity": d.Severity, "code": d.Code, "source": d.Source, "message": d.Message}
		}
	}
	if cliff == nil {
		t.Fatal("no cliff diagnostic on the example offer")
	}
	const title = "Ask for a $450,000 grant to level year 2 (+$50,000)"
	for _, tc := range []struct {
		name  string
		diags []any
		want  bool
	}{
		{"the cliff listed", []any{cliff}, true},
		{"nothing listed", []any{}, false},
		{"another server's diagnostic there", []any{map[string]any{"range": cliff["range"], "message": "x", "source": "other"}}, false},
	} {
		var actions []protocol.CodeAction
		c.call("textDocument/codeAction", map[string]any{"textDocument": doc(uri), "range": rng(1, 0, 1, 0),
			"context": map[string]any{"diagnostics": tc.diags, "only": []string{"quickfix"}}}, &actions)
		var titles []string
		found := false
		for _, a := range actions {
			titles = append(titles, a.Title)
			found = found || a.Title == title && a.Edit != nil
		}
		if found != tc.want {
			t.Errorf("%s: quick fixes at line 2, column 1: %q; want %q offered: %v", tc.name, titles, title, tc.want)
		}
	}
}
