package analysis

import (
	"bytes"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/offerkit/offerkit/lang"
)

// This file finds the ranges an editor folds (blocks, attributes written
// over several lines such as heredocs, runs of comment lines) and the
// ranges a selection grows through (token, value, attribute, block,
// enclosing blocks, file).

// Fold is a range an editor may fold: from the line of Start to the line of
// End, which is the line before the block's closing brace or the heredoc's
// closing marker, so that the closing line stays visible.
type Fold struct {
	Start, End hcl.Pos
	Comment    bool
}

// Folds returns the folding ranges of a decoded file: every block and
// attribute that spans more than two lines, and every run of two or more
// comment lines.
func Folds(f *lang.File, l *Lexed) []Fold {
	if f == nil || l == nil {
		return nil
	}
	var out []Fold
	src := f.Src
	add := func(r hcl.Range) {
		if r.End.Line-r.Start.Line < 2 || r.End.Byte > len(src) {
			return
		}
		// The newline that ends the line before the closing one.
		nl := bytes.LastIndexByte(src[:r.End.Byte], '\n')
		if nl <= r.Start.Byte {
			return
		}
		out = append(out, Fold{Start: r.Start, End: hcl.Pos{Line: r.End.Line - 1, Byte: nl}})
	}
	var walk func(n *lang.Node)
	walk = func(n *lang.Node) {
		add(n.Range)
		for _, a := range n.Attrs {
			add(a.Range)
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	for _, n := range topNodes(f) {
		walk(n)
	}
	toks := l.toks
	var first, last *token
	flush := func() {
		if first != nil && last.line > first.line {
			out = append(out, Fold{Start: first.rng().Start, End: last.rng().Start, Comment: true})
		}
		first, last = nil, nil
	}
	for i := range toks {
		t := &toks[i]
		switch {
		case t.typ == hclsyntax.TokenNewline:
			continue
		case t.typ != hclsyntax.TokenComment:
			flush()
			continue
		case first != nil && int(t.line) != commentEndLine(l.src, last)+1:
			flush()
		}
		if first == nil {
			first = t
		}
		last = t
		if end := commentEndLine(l.src, t); end > int(t.line) { // a /* */ comment over several lines
			out = append(out, Fold{Start: t.rng().Start, End: t.rng().End, Comment: true})
			first, last = nil, nil
		}
	}
	flush()
	return out
}

// commentEndLine is the last line a comment covers: a line comment's
// range ends at the start of the next line, after its line break.
func commentEndLine(src []byte, t *token) int {
	if t.end > t.start && src[t.end-1] == '\n' {
		return int(t.endLine) - 1
	}
	return int(t.endLine)
}

// SelectionRanges returns, for each position, the ranges a selection
// grows through, innermost first: the token under it (a whole quoted
// string), the attribute's value, the attribute, each enclosing block, and
// the file. Each range holds the one before it.
func SelectionRanges(f *lang.File, l *Lexed, positions []hcl.Pos) [][]hcl.Range {
	if f == nil || l == nil {
		return make([][]hcl.Range, len(positions))
	}
	out := make([][]hcl.Range, len(positions))
	for i, pos := range positions {
		out[i] = selectionAt(f, l.toks, pos)
	}
	return out
}

func selectionAt(f *lang.File, toks []token, pos hcl.Pos) []hcl.Range {
	var chain []hcl.Range // outermost first
	chain = append(chain, hcl.Range{Filename: f.Name, Start: hcl.InitialPos, End: lang.PosAt(f.Src, len(f.Src))})
	var nodes []*lang.Node
	for _, n := range topNodes(f) {
		if within(n.Range, pos) {
			nodes = append(nodes, n)
			break
		}
	}
	var attr *lang.AttrNode
	for len(nodes) > 0 && attr == nil {
		n := nodes[len(nodes)-1]
		chain = append(chain, n.Range)
		var inner *lang.Node
		for i := range n.Attrs {
			if a := &n.Attrs[i]; within(a.Range, pos) {
				attr = a
			}
		}
		for _, c := range n.Children {
			if attr == nil && within(c.Range, pos) {
				inner = c
			}
		}
		if inner == nil {
			break
		}
		nodes = append(nodes, inner)
	}
	if attr != nil {
		chain = append(chain, attr.Range)
		if within(attr.ValueRange, pos) {
			chain = append(chain, attr.ValueRange)
		}
	}
	if t, ok := tokenAt(toks, pos); ok {
		chain = append(chain, t)
	}
	out := make([]hcl.Range, 0, len(chain))
	for i := len(chain) - 1; i >= 0; i-- {
		r := chain[i]
		if len(out) > 0 {
			prev := out[len(out)-1]
			if r.Start.Byte == prev.Start.Byte && r.End.Byte == prev.End.Byte {
				continue
			}
			if r.Start.Byte > prev.Start.Byte || r.End.Byte < prev.End.Byte {
				continue // a partial decode's range that does not hold the one inside it
			}
		}
		out = append(out, r)
	}
	return out
}

// tokenAt returns the range of the name, number or whole quoted string
// under pos.
func tokenAt(toks []token, pos hcl.Pos) (hcl.Range, bool) {
	// The first token that ends at or after pos.
	from := sort.Search(len(toks), func(i int) bool { return int(toks[i].end) >= pos.Byte })
	for i := from; i < len(toks); i++ {
		t := toks[i]
		if int(t.start) > pos.Byte {
			break
		}
		if !within(t.rng(), pos) {
			continue
		}
		switch t.typ {
		case hclsyntax.TokenIdent, hclsyntax.TokenNumberLit:
			return t.rng(), true
		case hclsyntax.TokenOQuote, hclsyntax.TokenQuotedLit, hclsyntax.TokenCQuote:
			start, end := i, i
			for start > 0 && toks[start].typ != hclsyntax.TokenOQuote {
				start--
			}
			for end < len(toks)-1 && toks[end].typ != hclsyntax.TokenCQuote {
				end++
			}
			return hcl.RangeBetween(toks[start].rng(), toks[end].rng()), true
		}
	}
	return hcl.Range{}, false
}
