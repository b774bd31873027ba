package lsp

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// outlineText has a comment run, a nested block, a heredoc, a reference
// and an astral character (two UTF-16 units, four UTF-8 bytes) before
// tokens on its line.
const outlineText = `# Offer from a company
# with an emoji 😀 in the name
offer "a" {
  company = "😀 Co" # note
  base    = 100000
  equity {
    value = 400000
  }
}

counter "c" {
  offer = offer.a
  script "base" {
    text = <<-EOT
      line one
      line two
    EOT
  }
}
`

func TestFoldingRanges(t *testing.T) {
	dir := t.TempDir()
	c := start(t, dir, nil)
	uri := c.open(filepath.Join(dir, "x.offer.hcl"), outlineText)
	var folds []protocol.FoldingRange
	c.call("textDocument/foldingRange", map[string]any{"textDocument": doc(uri)}, &folds)
	var got []string
	for _, f := range folds {
		kind := "region"
		if f.Kind != nil {
			kind = *f.Kind
		}
		got = append(got, kind+" "+itoa(int(f.StartLine))+"-"+itoa(int(f.EndLine)))
	}
	slices.Sort(got)
	// The offer (2-8, its brace on 8), equity (5-7), the counter (10-18),
	// the script (12-17), the heredoc (13-16, EOT on 16), the comments (0-1).
	want := []string{"comment 0-1", "region 10-17", "region 12-16", "region 13-15", "region 2-7", "region 5-6"}
	if !slices.Equal(got, want) {
		t.Errorf("folding ranges: %q, want %q", got, want)
	}
}

func TestSelectionRanges(t *testing.T) {
	dir := t.TempDir()
	c := start(t, dir, nil)
	uri := c.open(filepath.Join(dir, "x.offer.hcl"), outlineText)
	var sel []protocol.SelectionRange
	c.call("textDocument/selectionRange", map[string]any{"textDocument": doc(uri), "positions": []protocol.Position{pos(11, 16), pos(3, 16), pos(6, 12)}}, &sel)
	if len(sel) != 3 {
		t.Fatalf("selection ranges: %+v", sel)
	}
	chains := [][]protocol.Range{
		// a -> offer.a -> the attribute -> the counter -> the file
		{rng(11, 16, 11, 17), rng(11, 10, 11, 17), rng(11, 2, 11, 17), rng(10, 0, 18, 1), rng(0, 0, 19, 0)},
		// inside "😀 Co" (UTF-16 columns): the string -> the attribute -> the offer -> the file
		{rng(3, 12, 3, 19), rng(3, 2, 3, 19), rng(2, 0, 8, 1), rng(0, 0, 19, 0)},
		// 400000 -> value = 400000 -> equity -> the offer -> the file
		{rng(6, 12, 6, 18), rng(6, 4, 6, 18), rng(5, 2, 7, 3), rng(2, 0, 8, 1), rng(0, 0, 19, 0)},
	}
	for i, want := range chains {
		var got []protocol.Range
		for s := &sel[i]; s != nil; s = s.Parent {
			got = append(got, s.Range)
		}
		if !slices.Equal(got, want) {
			t.Errorf("selection %d: %v, want %v", i, got, want)
		}
	}
}

// Semantic tokens: the legend's standard types, positions in UTF-16 (the
// emoji counts two), a heredoc split by line.
func TestSemanticTokens(t *testing.T) {
	dir := t.TempDir()
	c := newClient(t, nil)
	var res struct {
		Capabilities struct {
			SemanticTokensProvider struct {
				Legend struct {
					TokenTypes     []string `json:"tokenTypes"`
					TokenModifiers []string `json:"tokenModifiers"`
				} `json:"legend"`
				Full  bool `json:"full"`
				Range bool `json:"range"`
			} `json:"semanticTokensProvider"`
		} `json:"capabilities"`
	}
	c.call("initialize", map[string]any{"processId": nil, "rootUri": nameToURI(dir), "capabilities": map[string]any{}}, &res)
	c.notify("initialized", map[string]any{})
	legend := res.Capabilities.SemanticTokensProvider.Legend
	if !res.Capabilities.SemanticTokensProvider.Full || !res.Capabilities.SemanticTokensProvider.Range || len(legend.TokenTypes) == 0 {
		t.Fatalf("semanticTokensProvider: %+v", res.Capabilities.SemanticTokensProvider)
	}
	uri := c.open(filepath.Join(dir, "x.offer.hcl"), outlineText)
	var toks protocol.SemanticTokens
	c.call("textDocument/semanticTokens/full", map[string]any{"textDocument": doc(uri)}, &toks)
	got := decodeTokens(toks.Data, legend.TokenTypes, legend.TokenModifiers)
	for _, want := range []string{
		"0:0 22 comment", "1:0 30 comment", // the emoji: 2 units
		"2:0 5 keyword", "2:6 1 string", "2:7 1 variable declaration", "2:8 1 string",
		"3:2 7 property", "3:12 1 string", "3:13 5 string", "3:18 1 string", "3:20 6 comment",
		"4:2 4 property", "4:12 6 number", "5:2 6 keyword",
		"10:0 7 keyword", "10:9 1 variable declaration",
		"11:2 5 property", "11:10 5 variable", "11:16 1 variable",
		"12:2 6 keyword", "13:11 6 string", "14:0 14 string", "16:0 7 string",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("no token %q in\n%s", want, strings.Join(got, "\n"))
		}
	}
	// A range: only the tokens of lines 3 and 4.
	c.call("textDocument/semanticTokens/range", map[string]any{"textDocument": doc(uri), "range": rng(3, 0, 5, 0)}, &toks)
	got = decodeTokens(toks.Data, legend.TokenTypes, legend.TokenModifiers)
	if len(got) != 7 || got[0] != "3:2 7 property" || got[6] != "4:12 6 number" {
		t.Errorf("range tokens: %q", got)
	}
}

// decodeTokens turns LSP's relative encoding into "line:char length type [modifiers]".
func decodeTokens(data []protocol.UInteger, types, mods []string) []string {
	var out []string
	line, char := 0, 0
	for i := 0; i+4 < len(data); i += 5 {
		if data[i] > 0 {
			line, char = line+int(data[i]), 0
		}
		char += int(data[i+1])
		s := itoa(line) + ":" + itoa(char) + " " + itoa(int(data[i+2])) + " " + types[data[i+3]]
		for b, m := range mods {
			if data[i+4]&(1<<b) != 0 {
				s += " " + m
			}
		}
		out = append(out, s)
	}
	return out
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// workspace/symbol searches every folder: substring first, then the
// names whose letters the query names in order.
func TestWorkspaceSymbols(t *testing.T) {
	seattle, competing := exampleDir(t), competingDir(t)
	c := newClient(t, nil)
	c.initialize(map[string]any{"processId": nil, "capabilities": map[string]any{}, "workspaceFolders": folders(seattle, competing)})
	query := func(q string) []string {
		var syms []protocol.SymbolInformation
		c.call("workspace/symbol", map[string]any{"query": q}, &syms)
		var out []string
		for _, s := range syms {
			out = append(out, s.Name+" "+filepath.Base(uriToName(s.Location.URI))+":"+itoa(int(s.Location.Range.Start.Line)))
		}
		return out
	}
	if got := query("amazon"); len(got) != 2 || !slices.Contains(got, "amazon_l6_nyc amazon.offer.hcl:1") || !slices.Contains(got, "amazon_l6 offer.offer.hcl:1") {
		t.Errorf("amazon: %q", got)
	}
	if got := query("nwstaff"); !slices.Equal(got, []string{"northwind_staff northwind.offer.hcl:3"}) {
		t.Errorf("fuzzy nwstaff: %q", got)
	}
	if got := query("SWE"); !slices.Equal(got, []string{"band Staff SWE NYC northwind.bands.hcl:7"}) {
		t.Errorf("band: %q", got)
	}
	if got := query(""); len(got) != 6 { // 3 offers, 2 counters, 1 band
		t.Errorf("every symbol: %q", got)
	}
}
