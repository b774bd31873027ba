package lsp

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/offerkit/offerkit/lang"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

func TestLifecycle(t *testing.T) {
	c := newClient(t, nil)
	// Requests before initialize are refused.
	if e := c.callErr("textDocument/hover", map[string]any{"textDocument": doc("file:///x.offer.hcl"), "position": pos(0, 0)}); e.Code != -32002 {
		t.Errorf("before initialize: %v", e)
	}
	var res struct {
		Capabilities map[string]any `json:"capabilities"`
	}
	c.call("initialize", map[string]any{"capabilities": map[string]any{}}, &res)
	caps := res.Capabilities
	if caps["positionEncoding"] != "utf-16" || caps["inlayHintProvider"] != true || caps["hoverProvider"] != true ||
		caps["textDocumentSync"].(map[string]any)["change"] != float64(2) {
		t.Errorf("capabilities: %v", caps)
	}
	for _, k := range []string{"completionProvider", "codeLensProvider", "codeActionProvider", "documentFormattingProvider",
		"documentSymbolProvider", "definitionProvider", "referencesProvider", "renameProvider", "documentHighlightProvider", "foldingRangeProvider", "selectionRangeProvider", "semanticTokensProvider", "workspaceSymbolProvider"} {
		if caps[k] == nil {
			t.Errorf("capability %s missing", k)
		}
	}
	if e := c.callErr("textDocument/signatureHelp", map[string]any{}); e.Code != -32601 {
		t.Errorf("unsupported method: %v", e)
	}
	var null any
	c.call("shutdown", nil, &null)
	c.notify("exit", nil)
	if code := <-c.exit; code != 0 {
		t.Errorf("exit after shutdown: code %d", code)
	}
	c.closed = true
}

func TestExitWithoutShutdown(t *testing.T) {
	c := start(t, "", nil)
	c.notify("exit", nil)
	if code := <-c.exit; code != 1 {
		t.Errorf("exit without shutdown: code %d, want 1", code)
	}
	c.closed = true
}

// lintDiags returns what `offer lint` reports for a file of dir, in the
// form LSP carries it: 0-based line and column (the files are ASCII),
// severity, code and message.
func lintDiags(t *testing.T, dir, name string) []string {
	p, _, err := lang.Load([]string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range p.CheckAll() {
		for _, d := range r.Diags {
			if filepath.Base(d.Subject.Filename) == name {
				out = append(out, fmt.Sprintf("%d:%d-%d:%d %d %s %s", d.Subject.Start.Line-1, d.Subject.Start.Column-1,
					d.Subject.End.Line-1, d.Subject.End.Column-1, severity(d.Severity), d.Code, d.Message()))
			}
		}
	}
	return out
}

// published renders the diagnostics of a publication as lint would show
// them, leaving out the editor-only "checklist" findings
// (TestChecklistDiagnostics covers those).
func published(p pubDiags) []string {
	var out []string
	for _, d := range p.Diagnostics {
		if d.Source != "offer" {
			return []string{"source " + d.Source}
		}
		if d.Code == "checklist" {
			continue
		}
		out = append(out, fmt.Sprintf("%d:%d-%d:%d %d %s %s", d.Range.Start.Line, d.Range.Start.Character,
			d.Range.End.Line, d.Range.End.Character, d.Severity, d.Code, d.Message))
	}
	return out
}

func TestDiagnosticsMatchLint(t *testing.T) {
	dir := exampleDir(t)
	// Make the offer break a rule with an error and a fix: base over the cap.
	offerPath := filepath.Join(dir, "offer.offer.hcl")
	text := strings.Replace(readFile(t, offerPath), "base = 195000", "base = 230000", 1)
	os.WriteFile(offerPath, []byte(text), 0o644)
	c := start(t, dir, nil)
	for _, name := range []string{"offer.offer.hcl", "round1.offer.hcl"} {
		uri := c.openFile(filepath.Join(dir, name))
		got, want := published(c.waitDiags(uri, 1)), lintDiags(t, dir, name)
		if len(want) == 0 || strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s:\ngot  %q\nwant %q", name, got, want)
		}
	}
	if !strings.Contains(strings.Join(lintDiags(t, dir, "offer.offer.hcl"), "\n"), "2 base-over-cap") {
		t.Error("the fixture lost its base-over-cap warning")
	}
}

func TestIncrementalSyncAndDependents(t *testing.T) {
	dir := exampleDir(t)
	c := start(t, dir, nil)
	offerURI := c.openFile(filepath.Join(dir, "offer.offer.hcl"))
	counterURI := c.openFile(filepath.Join(dir, "round1.offer.hcl"))
	otherURI := c.open(filepath.Join(dir, "other.offer.hcl"), "offer \"other\" {\n  base = 100000\n}\n")
	c.sync()
	// Rename the offer: line 1 is `offer "amazon_l6" {`, the name at 7-16.
	c.change(offerURI, 2, rng(1, 7, 1, 16), "amazon_l7")
	c.waitDiags(offerURI, 2)
	c.waitPublished(counterURI, "the counter after the rename", func(got []string) bool {
		return len(got) == 1 && strings.Contains(got[0], "2:10-2:25 1 unknown-reference") && strings.Contains(got[0], "Did you mean offer.amazon_l7?")
	})
	// The unrelated document was not checked again.
	var h any
	c.call("textDocument/hover", map[string]any{"textDocument": doc(otherURI), "position": pos(0, 8)}, &h)
	if n := c.srv.docs.get(otherURI).checks.Load(); n != 1 {
		t.Errorf("unrelated document checked %d times, want 1", n)
	}
	// Two changes in one notification apply in order: rename back, then
	// change the base (line 10, `  base = 195000`).
	c.notify("textDocument/didChange", map[string]any{
		"textDocument": map[string]any{"uri": offerURI, "version": 3},
		"contentChanges": []any{
			map[string]any{"range": rng(1, 7, 1, 16), "text": "amazon_l6"},
			map[string]any{"range": rng(10, 9, 10, 15), "text": "230000"},
		}})
	got := published(c.waitDiags(offerURI, 3))
	c.sync() // let the counter's re-check through
	if !strings.Contains(strings.Join(got, "\n"), "10:2-10:15 2 base-over-cap Base over the level's cap: Base $230,000 is above the $220,000 cap people report for Amazon L6") {
		t.Errorf("offer after base change: %q", got)
	}
	var lenses []protocol.CodeLens
	c.call("textDocument/codeLens", map[string]any{"textDocument": doc(counterURI)}, &lenses)
	if len(lenses) != 1 {
		d := c.srv.docs.get(counterURI)
		var codes []string
		for _, x := range d.res.Diags {
			codes = append(codes, x.Code)
		}
		t.Errorf("counter after the rename back: %+v %v %d %d", lenses, codes, d.version, d.resVersion)
	}
	// Close clears the diagnostics; the file on disk takes the document's place.
	c.notify("textDocument/didClose", map[string]any{"textDocument": doc(offerURI)})
	c.waitCleared(offerURI)
	if got := published(c.waitDiags(counterURI, 1)); len(got) != 4 {
		t.Errorf("counter after close: %q", got)
	}
	if e := c.callErr("textDocument/hover", map[string]any{"textDocument": doc(offerURI), "position": pos(1, 8)}); e.Code != codeRequestFailed || !strings.Contains(e.Message, "is not open") {
		t.Errorf("hover on a closed document: %v", e)
	}
}

func TestWatchedFiles(t *testing.T) {
	dir := exampleDir(t)
	c := start(t, dir, map[string]any{"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}})
	counterURI := c.openFile(filepath.Join(dir, "round1.offer.hcl"))
	if got := published(c.waitDiags(counterURI, 1)); len(got) != 4 {
		t.Fatalf("counter against the offer on disk: %q", got)
	}
	// A checkout removes the offer from disk.
	offerPath := filepath.Join(dir, "offer.offer.hcl")
	os.Remove(offerPath)
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": nameToURI(offerPath), "type": 3}}})
	c.waitPublished(counterURI, "the counter after the offer went", func(got []string) bool {
		return len(got) == 1 && strings.Contains(got[0], "unknown-reference")
	})
	c.waitCall("client/registerCapability")
}

// A directory whose last file is deleted leaves the project: its
// workspace is not kept, empty, for the rest of the session; nor does a
// change notification for a file the server may not read, or offer.compare
// for a file it does not hold, leave one.
func TestEmptiedDirectoryLeavesTheProject(t *testing.T) {
	root := t.TempDir()
	offer := readFile(t, filepath.Join(exampleDir(t), "offer.offer.hcl"))
	kept, gone := filepath.Join(root, "kept", "offer.offer.hcl"), filepath.Join(root, "gone", "offer.offer.hcl")
	write(t, kept, offer)
	write(t, gone, offer)
	c := start(t, root, nil)
	os.Remove(gone)
	outside := filepath.Join(t.TempDir(), "x.offer.hcl")
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{
		map[string]any{"uri": nameToURI(gone), "type": 3}, map[string]any{"uri": nameToURI(outside), "type": 2}}})
	var md string
	c.call("workspace/executeCommand", map[string]any{"command": "offer.compare", "arguments": []any{outside}}, &md)
	if ws := c.srv.project.Workspaces(); len(ws) != 1 || ws[0].File(kept) == nil {
		t.Errorf("%d workspaces, want kept's alone", len(ws))
	}
}

// openExample opens the example offer and counter and waits for their
// first diagnostics.
func openExample(t *testing.T, c *client, dir string) (offerURI, counterURI string) {
	offerURI = c.openFile(filepath.Join(dir, "offer.offer.hcl"))
	counterURI = c.openFile(filepath.Join(dir, "round1.offer.hcl"))
	c.sync()
	return offerURI, counterURI
}

func TestFeatures(t *testing.T) {
	dir := exampleDir(t)
	c := start(t, dir, nil)
	offerURI, counterURI := openExample(t, c, dir)

	var lenses []protocol.CodeLens
	c.call("textDocument/codeLens", map[string]any{"textDocument": doc(counterURI)}, &lenses)
	if len(lenses) != 1 || lenses[0].Command.Title != "4-yr $1,635,000 · avg $408,750 · p100 · +$230,000 (+16.4%) vs amazon_l6 · approval: hiring manager" || lenses[0].Range.Start.Line != 1 {
		t.Errorf("code lens: %+v", lenses)
	}

	var hints []inlayHint
	c.call("textDocument/inlayHint", map[string]any{"textDocument": doc(offerURI), "range": rng(0, 0, 30, 0)}, &hints)
	// One hint per year, each within VS Code's default 43 characters.
	var hintLabels []string
	for i, h := range hints {
		hintLabels = append(hintLabels, h.Label)
		if want := pos(1, 19); i >= 4 {
			want = pos(17, 10)
			if h.Position != want {
				t.Errorf("hint %d at %+v, want %+v", i, h.Position, want)
			}
		} else if h.Position != want {
			t.Errorf("hint %d at %+v, want %+v", i, h.Position, want)
		}
	}
	if got := strings.Join(hintLabels, "|"); got != "Y1 $350,000|Y2 $345,000|Y3 $355,000|Y4 $355,000|vests Y1 $20,000|Y2 $60,000|Y3 $160,000|Y4 $160,000" {
		t.Errorf("inlay hints: %s", got)
	}

	var hover protocol.Hover
	c.call("textDocument/hover", map[string]any{"textDocument": doc(offerURI), "position": pos(1, 10)}, &hover)
	if md := hover.Contents.(protocol.MarkupContent).Value; !strings.Contains(md, "| **Total** | **$350,000** |") || *hover.Range != rng(1, 6, 1, 17) {
		t.Errorf("hover on the label: %+v", hover)
	}
	c.call("textDocument/hover", map[string]any{"textDocument": doc(offerURI), "position": pos(10, 3)}, &hover)
	if md := hover.Contents.(protocol.MarkupContent).Value; !strings.Contains(md, "this offer is $195,000 at p38") {
		t.Errorf("hover on base: %s", md)
	}

	var list protocol.CompletionList
	// Line 9 is blank; complete a new attribute at its start.
	c.call("textDocument/completion", map[string]any{"textDocument": doc(offerURI), "position": pos(9, 0)}, &list)
	var labels []string
	for _, it := range list.Items {
		labels = append(labels, it.Label)
	}
	if got := strings.Join(labels, ","); got != "currency,revises,accepted,declined,source,tax_region,bonus_target,bonus,flexibility,promotion,retirement,espp,benefit,script,email" {
		t.Errorf("completion in the offer: %s", got)
	}

	var actions []protocol.CodeAction
	c.call("textDocument/codeAction", map[string]any{"textDocument": doc(offerURI), "range": rng(1, 6, 1, 6),
		"context": map[string]any{"diagnostics": []any{}}}, &actions)
	var titles []string
	for _, a := range actions {
		titles = append(titles, *a.Kind+": "+a.Title)
	}
	if got := strings.Join(titles, "\n"); got != "quickfix: Ask for a $450,000 grant to level year 2 (+$50,000)\nrefactor.insertCounter: Insert counter-proposal for offer amazon_l6" {
		t.Errorf("code actions:\n%s", got)
	}
	src := readFile(t, filepath.Join(dir, "offer.offer.hcl"))
	fixed := applyEdits(t, src, actions[0].Edit.Changes[offerURI], UTF16)
	if want := strings.Replace(src, "value    = 400000", "value    = 450000", 1); fixed != want {
		t.Errorf("quick fix result:\n%s", fixed)
	}
	withCounter := applyEdits(t, src, actions[1].Edit.Changes[offerURI], UTF16)
	if f := lang.Decode("x.offer.hcl", []byte(withCounter)); f.Diags.HasErrors() || len(f.Counters) != 1 ||
		!strings.HasPrefix(withCounter, src[:strings.Index(src, "candidate")]) || !strings.HasSuffix(withCounter, src[strings.Index(src, "\ncandidate"):]) {
		t.Errorf("counter insertion:\n%s", withCounter)
	}
	c.call("textDocument/codeAction", map[string]any{"textDocument": doc(offerURI), "range": rng(1, 6, 1, 6),
		"context": map[string]any{"diagnostics": []any{}, "only": []string{"refactor"}}}, &actions)
	if len(actions) != 1 || *actions[0].Kind != "refactor.insertCounter" {
		t.Errorf("only refactor actions: %+v", actions)
	}

	var syms []protocol.DocumentSymbol
	c.call("textDocument/documentSymbol", map[string]any{"textDocument": doc(offerURI)}, &syms)
	if len(syms) != 2 || syms[0].Name != "amazon_l6" || syms[0].Kind != protocol.SymbolKindClass || len(syms[0].Children) != 11 || syms[1].Name != "candidate" {
		t.Errorf("symbols: %+v", syms)
	}

	var locs []protocol.Location
	c.call("textDocument/definition", map[string]any{"textDocument": doc(counterURI), "position": pos(2, 16)}, &locs)
	if len(locs) != 1 || locs[0].URI != offerURI || locs[0].Range != rng(1, 6, 1, 17) {
		t.Errorf("definition: %+v", locs)
	}
	c.call("textDocument/references", map[string]any{"textDocument": doc(offerURI), "position": pos(1, 9),
		"context": map[string]any{"includeDeclaration": true}}, &locs)
	if len(locs) != 2 || locs[0].URI != offerURI || locs[1].URI != counterURI || locs[1].Range != rng(2, 10, 2, 25) {
		t.Errorf("references: %+v", locs)
	}
}

func TestCrossFileReferencesToClosedFiles(t *testing.T) {
	dir := exampleDir(t)
	os.WriteFile(filepath.Join(dir, "round2.offer.hcl"), []byte("counter \"round2\" {\n  offer = offer.amazon_l6\n  round = 2\n}\n"), 0o644)
	c := start(t, dir, nil)
	counterURI := c.openFile(filepath.Join(dir, "round1.offer.hcl"))
	c.waitDiags(counterURI, 1)
	var locs []protocol.Location
	c.call("textDocument/definition", map[string]any{"textDocument": doc(counterURI), "position": pos(2, 16)}, &locs)
	if len(locs) != 1 || locs[0].URI != nameToURI(filepath.Join(dir, "offer.offer.hcl")) {
		t.Errorf("definition in a file that is not open: %+v", locs)
	}
	c.call("textDocument/references", map[string]any{"textDocument": doc(counterURI), "position": pos(2, 16),
		"context": map[string]any{"includeDeclaration": false}}, &locs)
	var got []string
	for _, l := range locs {
		got = append(got, filepath.Base(uriToName(l.URI)))
	}
	sort.Strings(got)
	if strings.Join(got, ",") != "round1.offer.hcl,round2.offer.hcl" {
		t.Errorf("references: %v", got)
	}
}

func TestFormatting(t *testing.T) {
	c := start(t, "", nil)
	dir := t.TempDir()
	text := "offer \"o\" {\n  base = 1\n  company=\"Acme\"\n}\n"
	uri := c.open(filepath.Join(dir, "f.offer.hcl"), text)
	c.waitDiags(uri, 1)
	var edits []protocol.TextEdit
	c.call("textDocument/formatting", map[string]any{"textDocument": doc(uri), "options": map[string]any{"tabSize": 2, "insertSpaces": true}}, &edits)
	want, _ := lang.Format("f.offer.hcl", []byte(text))
	if got := applyEdits(t, text, edits, UTF16); got != string(want) || len(edits) != 1 || edits[0].Range.Start.Line != 1 {
		t.Errorf("formatting: %+v → %q", edits, got)
	}
	// A file with a syntax error is left alone.
	broken := c.open(filepath.Join(dir, "g.offer.hcl"), "offer \"o\" {\n  base = \n")
	c.waitDiags(broken, 1)
	c.call("textDocument/formatting", map[string]any{"textDocument": doc(broken), "options": map[string]any{}}, &edits)
	if len(edits) != 0 {
		t.Errorf("formatting a broken file: %+v", edits)
	}
}

// A document with a syntax error still gets lenses and hovers for the
// blocks that parsed.
func TestSyntaxError(t *testing.T) {
	dir := exampleDir(t)
	c := start(t, dir, nil)
	text := readFile(t, filepath.Join(dir, "offer.offer.hcl")) + "\noffer \"broken\" {\n  base = \n"
	uri := c.open(filepath.Join(dir, "offer.offer.hcl"), text)
	if got := published(c.waitDiags(uri, 1)); !strings.Contains(strings.Join(got, "\n"), " 1 syntax ") {
		t.Errorf("no syntax error: %q", got)
	}
	var lenses []protocol.CodeLens
	c.call("textDocument/codeLens", map[string]any{"textDocument": doc(uri)}, &lenses)
	if len(lenses) == 0 || !strings.HasPrefix(lenses[0].Command.Title, "4-yr $1,405,000") {
		t.Errorf("lenses: %+v", lenses)
	}
}

func TestPanicInHandler(t *testing.T) {
	c := newClient(t, func(s *Server) {
		s.proto.TextDocumentHover = func(*glsp.Context, *protocol.HoverParams) (*protocol.Hover, error) {
			panic("boom: base 195000")
		}
	})
	var res any
	c.call("initialize", map[string]any{"capabilities": map[string]any{}}, &res)
	uri := c.open(filepath.Join(t.TempDir(), "a.offer.hcl"), "offer \"o\" {\n  base = 1\n}\n")
	c.waitDiags(uri, 1)
	e := c.callErr("textDocument/hover", map[string]any{"textDocument": doc(uri), "position": pos(0, 0)})
	if e.Code != -32603 || !strings.Contains(e.Message, "internal error in textDocument/hover") {
		t.Errorf("error response: %v", e)
	}
	log := c.log.String()
	if !strings.Contains(log, "offer lsp: panic in textDocument/hover at ") || strings.Contains(log, "195000") {
		t.Errorf("log: %q", log)
	}
	// The server still serves.
	var lenses []protocol.CodeLens
	c.call("textDocument/codeLens", map[string]any{"textDocument": doc(uri)}, &lenses)
	if len(lenses) != 2 || !strings.HasPrefix(lenses[1].Command.Title, "net 4-yr $") { // totals and net after tax
		t.Errorf("after the panic: %+v", lenses)
	}
}

func applyEdits(t *testing.T, text string, edits []protocol.TextEdit, enc Encoding) string {
	t.Helper()
	m := newMapper([]byte(text), enc)
	sort.SliceStable(edits, func(i, j int) bool { return m.offset(edits[i].Range.Start) > m.offset(edits[j].Range.Start) })
	out := text
	for _, e := range edits {
		s, en := m.offset(e.Range.Start), m.offset(e.Range.End)
		out = out[:s] + e.NewText + out[en:]
	}
	return out
}

// The checklist's missing preparations reach the editor as info
// diagnostics at the place they concern: here the counter has no
// acceptance email. A save works them out again.
func TestChecklistDiagnostics(t *testing.T) {
	dir := exampleDir(t)
	c := start(t, dir, nil)
	counterURI := c.openFile(filepath.Join(dir, "round1.offer.hcl"))
	find := func(p pubDiags) string {
		for _, d := range p.Diagnostics {
			if d.Code == "checklist" {
				return fmt.Sprintf("%d:%d %d %s", d.Range.Start.Line, d.Range.Start.Character, d.Severity, d.Message)
			}
		}
		return ""
	}
	// The first publication comes from the analysis; the checklist follows
	// after a quiet moment, with the same version.
	got := find(c.waitDiags(counterURI, 1))
	if got == "" {
		got = find(c.waitDiags(counterURI, 1))
	}
	if !strings.HasPrefix(got, "1:8 3 Preparation missing: A reason for every ask") {
		t.Fatalf("checklist diagnostic: %q", got)
	}
}

// Formatting a file whose line endings are mixed: lang.Format writes every
// line with the first line's ending, so a CRLF becomes an LF. The edit must
// not start or end between the CR and the LF (LSP cannot name that place),
// or the CR would survive.
func TestFormattingLineEndings(t *testing.T) {
	c := start(t, "", nil)
	dir := t.TempDir()
	for i, text := range []string{
		"offer \"o\" {\n  base = 1\r\n}\n",                 // the CR is the only change: the edit ends inside the CRLF
		"offer \"o\" {\r\n  base = 1\n}\r\n",               // an LF becomes CRLF
		"offer \"o\" {\n  base=1\r\n  level = \"L6\"\n}\n", // alignment and the ending together
	} {
		uri := c.open(filepath.Join(dir, fmt.Sprintf("f%d.offer.hcl", i)), text)
		c.waitDiags(uri, 1)
		var edits []protocol.TextEdit
		c.call("textDocument/formatting", map[string]any{"textDocument": doc(uri), "options": map[string]any{}}, &edits)
		want, diags := lang.Format("f.offer.hcl", []byte(text))
		if diags.HasErrors() || string(want) == text {
			t.Fatalf("%q: the fixture does not need formatting", text)
		}
		if got := applyEdits(t, text, edits, UTF16); got != string(want) {
			t.Errorf("formatting %q: %+v → %q, want %q", text, edits, got, want)
		}
	}
}
