package lang

import (
	"bytes"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// This file checks that hclwrite's layout moved only whitespace, looking
// only at the lines it changed. Lexing the whole laid-out text again (what
// tokensDiffer does) cost the language server a third of each formatting
// request on a 3,000-line file, where a request usually changes a few
// lines.

// lineTokensDiffer is tokensDiffer for hclwrite's output, which keeps
// src's lines: each line it changed is lexed alone and its tokens compared
// with the tokens src has on that line. Where a line's tokens depend on
// the lines around it (inside a heredoc, a block comment or a quoted
// string that runs over several lines), and wherever the line counts
// differ, it falls back to tokensDiffer on the whole text. toks are src's
// tokens.
func lineTokensDiffer(filename string, src []byte, toks hclsyntax.Tokens, out []byte) (hcl.Range, bool) {
	srcLines, outLines := bytes.SplitAfter(src, newline), bytes.SplitAfter(out, newline)
	if len(srcLines) != len(outLines) {
		return tokensDiffer(filename, src, toks, out)
	}
	byLine := make([]hclsyntax.Tokens, len(srcLines)+2) // src's tokens by 1-based line, line breaks left out
	joined := make([]bool, len(srcLines)+2)             // lines whose tokens depend on other lines
	mark := func(from, to int) {
		for l := max(from, 0); l <= to && l < len(joined); l++ {
			joined[l] = true
		}
	}
	heredoc, quote := 0, 0
	for _, t := range toks {
		start, end := t.Range.Start.Line, t.Range.End.Line
		switch t.Type {
		case hclsyntax.TokenNewline, hclsyntax.TokenEOF:
			continue
		case hclsyntax.TokenOHeredoc:
			heredoc = start
		case hclsyntax.TokenCHeredoc:
			mark(heredoc, end)
		case hclsyntax.TokenOQuote:
			quote = start
		case hclsyntax.TokenCQuote:
			if start != quote {
				mark(quote, start)
			}
		}
		if end > start && !(end == start+1 && t.Range.End.Column == 1) {
			mark(start, end) // a block comment over several lines
		}
		if start < len(byLine) {
			byLine[start] = append(byLine[start], t)
		}
	}
	for i := range srcLines {
		if bytes.Equal(srcLines[i], outLines[i]) {
			continue
		}
		l := i + 1
		if joined[l] {
			return tokensDiffer(filename, src, toks, out)
		}
		got, _ := hclsyntax.LexConfig(outLines[i], filename, hcl.Pos{Line: l, Column: 1})
		want := byLine[l]
		n := 0
		for _, t := range got {
			if t.Type == hclsyntax.TokenNewline || t.Type == hclsyntax.TokenEOF {
				continue
			}
			if n >= len(want) {
				return t.Range, true
			}
			if want[n].Type != t.Type || !sameTokenText(want[n], t) {
				return want[n].Range, true
			}
			n++
		}
		if n < len(want) {
			return want[n].Range, true
		}
	}
	return hcl.Range{}, false
}
