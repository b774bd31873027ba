package lang

import (
	"bytes"
	"sort"

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
// with the tokens src has on that line. Where a changed line's tokens
// depend on the lines around it (inside a heredoc, a block comment or a
// quoted string that runs over several lines), and wherever the line
// counts differ, it falls back to tokensDiffer on the whole text. toks are
// src's tokens, in order.
func lineTokensDiffer(filename string, src []byte, toks hclsyntax.Tokens, out []byte) (hcl.Range, bool) {
	type change struct {
		line int    // 1-based
		text []byte // the line in out
	}
	var changed []change
	for l, s, o := 1, src, out; len(s) > 0 || len(o) > 0; l++ {
		if len(s) == 0 || len(o) == 0 {
			return tokensDiffer(filename, src, toks, out) // the line counts differ
		}
		a, b := lineLen(s), lineLen(o)
		if !bytes.Equal(s[:a], o[:b]) {
			changed = append(changed, change{l, o[:b]})
		}
		s, o = s[a:], o[b:]
	}
	if len(changed) == 0 {
		return hcl.Range{}, false
	}
	// Does a span of lines whose tokens depend on each other hold a changed line?
	within := func(from, to int) bool {
		i := sort.Search(len(changed), func(i int) bool { return changed[i].line >= from })
		return i < len(changed) && changed[i].line <= to
	}
	heredoc, quote := 0, 0
	for _, t := range toks {
		start, end := t.Range.Start.Line, t.Range.End.Line
		joined := false
		switch t.Type {
		case hclsyntax.TokenOHeredoc:
			heredoc = start
		case hclsyntax.TokenCHeredoc:
			joined = within(heredoc, end)
		case hclsyntax.TokenOQuote:
			quote = start
		case hclsyntax.TokenCQuote:
			joined = start != quote && within(quote, start)
		case hclsyntax.TokenComment:
			joined = end > start && !(end == start+1 && t.Range.End.Column == 1) && within(start, end)
		}
		if joined {
			return tokensDiffer(filename, src, toks, out)
		}
	}
	for _, c := range changed {
		got, _ := hclsyntax.LexConfig(c.text, filename, hcl.Pos{Line: c.line, Column: 1})
		i := sort.Search(len(toks), func(i int) bool { return toks[i].Range.Start.Line >= c.line })
		next := func() (hclsyntax.Token, bool) {
			for ; i < len(toks) && toks[i].Range.Start.Line == c.line; i++ {
				if significantToken(toks[i]) {
					i++
					return toks[i-1], true
				}
			}
			return hclsyntax.Token{}, false
		}
		for _, t := range got {
			if !significantToken(t) {
				continue
			}
			want, ok := next()
			if !ok {
				return t.Range, true
			}
			if want.Type != t.Type || !sameTokenText(want, t) {
				return want.Range, true
			}
		}
		if want, ok := next(); ok {
			return want.Range, true
		}
	}
	return hcl.Range{}, false
}

// lineLen is the length of b's first line, its line break included.
func lineLen(b []byte) int {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return i + 1
	}
	return len(b)
}

func significantToken(t hclsyntax.Token) bool {
	return t.Type != hclsyntax.TokenNewline && t.Type != hclsyntax.TokenEOF
}
