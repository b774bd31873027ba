package lsp

import (
	"path/filepath"
	"strings"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// Folders added after initialize are read: the counter finds its offer.
func TestWorkspaceFoldersAdded(t *testing.T) {
	dir := exampleDir(t)
	c := start(t, t.TempDir(), nil)
	c.notify("workspace/didChangeWorkspaceFolders", map[string]any{"event": map[string]any{
		"added": []any{map[string]any{"uri": nameToURI(dir), "name": "n"}}, "removed": []any{}}})
	var none any // answered after the notification is handled
	c.call("workspace/executeCommand", map[string]any{"command": "offer.totals"}, &none)
	if !inProject(c, filepath.Join(dir, "offer.offer.hcl")) {
		t.Fatal("the added folder was not read")
	}
}

// A client without its own compare view gets the table as a message; the
// totals lens carries a command the server knows and that does nothing.
func TestCompareMessageAndTotalsCommand(t *testing.T) {
	dir := competingDir(t)
	c := start(t, dir, nil)
	amazon := c.openFile(filepath.Join(dir, "amazon.offer.hcl"))
	c.sync()
	var lenses []protocol.CodeLens
	c.call("textDocument/codeLens", map[string]any{"textDocument": doc(amazon)}, &lenses)
	if len(lenses) != 3 || lenses[0].Command.Command != "offer.totals" || !strings.HasPrefix(lenses[2].Command.Title, "net 4-yr $") {
		t.Fatalf("lenses: %+v", lenses)
	}
	var none any
	c.call("workspace/executeCommand", map[string]any{"command": "offer.totals"}, &none)
	var table string
	c.call("workspace/executeCommand", map[string]any{"command": lenses[1].Command.Command, "arguments": lenses[1].Command.Arguments}, &table)
	c.waitCall("window/showMessage")
	msgs := c.shownMessages()
	if len(msgs) != 1 || !strings.Contains(msgs[0], "$1,460,000") || strings.Contains(msgs[0], "|") {
		t.Errorf("shown messages: %q", msgs)
	}
}

// While the file does not parse, the lens keeps the last good figures,
// marked stale, and only syntax errors are published (no "Missing base").
func TestStaleFiguresWhileNotParsing(t *testing.T) {
	dir := exampleDir(t)
	c := start(t, dir, nil)
	name := filepath.Join(dir, "offer.offer.hcl")
	uri := c.openFile(name)
	c.waitDiags(uri, 1)
	// Line 2 is `  company  = "Amazon"`: drop its closing quote.
	c.change(uri, 2, rng(2, 20, 2, 21), "")
	got := published(c.waitDiags(uri, 2))
	for _, d := range got {
		if !strings.Contains(d, " syntax ") {
			t.Errorf("a diagnostic other than syntax while the file does not parse: %s", d)
		}
	}
	var lenses []protocol.CodeLens
	c.call("textDocument/codeLens", map[string]any{"textDocument": doc(uri)}, &lenses)
	if len(lenses) == 0 || !strings.HasPrefix(lenses[0].Command.Title, "4-yr $1,405,000") || !strings.Contains(lenses[0].Command.Title, "stale") {
		t.Errorf("lenses while not parsing: %+v", lenses)
	}
}

// A client whose hover contentFormat puts plaintext first gets the table
// as aligned plain text, without Markdown's bars and stars.
func TestHoverPlainText(t *testing.T) {
	dir := exampleDir(t)
	c := start(t, dir, map[string]any{"textDocument": map[string]any{"hover": map[string]any{"contentFormat": []string{"plaintext"}}}})
	name := filepath.Join(dir, "offer.offer.hcl")
	uri := c.openFile(name)
	var hover struct {
		Contents protocol.MarkupContent `json:"contents"`
	}
	c.call("textDocument/hover", map[string]any{"textDocument": doc(uri), "position": pos(1, 10)}, &hover)
	if v := hover.Contents.Value; hover.Contents.Kind != "plaintext" || strings.ContainsAny(v, "|*") || !strings.Contains(v, "$350,000") {
		t.Errorf("plain-text hover (%s):\n%s", hover.Contents.Kind, v)
	}
}

// The offer.bands setting, sent in didChangeConfiguration, is read and
// applied to every workspace; a file that is not a band file is skipped.
func TestBandsSetting(t *testing.T) {
	dir := competingDir(t)
	c := start(t, dir, nil)
	bands := filepath.Join(dir, "northwind.bands.hcl")
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"offer": map[string]any{
		"bands": []string{bands, filepath.Join(dir, "amazon.offer.hcl")}}}})
	var none any // answered after the notification is handled
	c.call("workspace/executeCommand", map[string]any{"command": "offer.totals"}, &none)
	extra := c.srv.project.ExtraBandFiles()
	if len(extra) != 1 || extra[0].Name != bands {
		t.Errorf("extra band files after the setting: %d", len(extra))
	}
}
