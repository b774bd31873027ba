package lang

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// This file re-parses a file after an edit without parsing all of it
// again. HCL has no incremental parser, but an offer file is a list of
// top-level blocks, and the parse of one block does not depend on the
// others. reparse finds the whole lines the edit touched, widened to the
// lines where top-level blocks begin, parses that region alone, and keeps
// the syntax trees of the blocks before it as they are and of the blocks
// after it moved to their new lines and byte offsets. Whenever it cannot be
// sure that the result is exactly what a full parse would give, it reports
// false and the caller parses the whole file. TestReparseMatchesParse and
// FuzzReparse hold it to that.

// reparse parses src, the new text of a file whose previous text parsed
// without any diagnostic into prev.
func reparse(prev *hcl.File, filename string, src []byte) (*hcl.File, bool) {
	if prev == nil {
		return nil, false
	}
	pb, ok := prev.Body.(*hclsyntax.Body)
	old := prev.Bytes
	// Lines are counted by their LF bytes, as hclsyntax counts them in UTF-8
	// text; next to a byte that is not UTF-8 it may count them otherwise.
	// (Parse rejects such files before it gets here.)
	if !ok || len(pb.Attributes) > 0 || pb.SrcRange.Filename != filename || !utf8.Valid(src) || !utf8.Valid(old) {
		return nil, false
	}
	if bytes.Equal(old, src) {
		return &hcl.File{Body: pb, Bytes: src}, true
	}
	blocks := pb.Blocks

	// The edit replaced old[p:oldEnd] with src[p:newEnd].
	p := commonPrefix(old, src)
	s := commonPrefixReverse(old[p:], src[p:])
	oldEnd, newEnd := len(old)-s, len(src)-s

	// The region starts where a block's line starts, at or before the edit,
	// or at the top of the file; and it ends where a later block's line
	// starts, after the edit, or at the end of the file. At such a line
	// start the lexer is at the top level with nothing open, in the old
	// text and, since everything before the region is unchanged, in the
	// new text too.
	m := sort.Search(len(blocks), func(i int) bool { return blocks[i].TypeRange.Start.Byte > p })
	a := 0
	if ls := lineStartOf(old, blocks, m); ls >= 0 && ls <= p {
		a = ls
	} else {
		m--
		for ; m >= 0; m-- {
			if ls := blockLineStart(old, blocks[m]); ls >= 0 {
				a = ls
				break
			}
		}
		if m < 0 {
			m = 0
		}
	}
	n := sort.Search(len(blocks), func(i int) bool { return blocks[i].TypeRange.Start.Byte > oldEnd })
	b := len(old)
	for ; n < len(blocks); n++ {
		if ls := blockLineStart(old, blocks[n]); ls > oldEnd {
			b = ls
			break
		}
	}
	shift := len(src) - len(old)
	newB := b + shift
	if a == 0 && newB == 0 {
		return nil, false // nothing left before the unchanged blocks; rare, parse it all
	}
	if b < len(old) && newB > a && src[newB-1] != '\n' {
		return nil, false // the region must end at a line start in the new text too
	}
	start := hcl.InitialPos
	if a > 0 {
		start = hcl.Pos{Line: blocks[m].TypeRange.Start.Line, Column: 1, Byte: a}
	}
	rf, diags := hclsyntax.ParseConfig(src[a:newB], filename, start)
	rb, ok := rf.Body.(*hclsyntax.Body)
	if len(diags) > 0 || !ok || len(rb.Attributes) > 0 {
		return nil, false
	}

	lines := bytes.Count(src[p:newEnd], newline) - bytes.Count(old[p:oldEnd], newline)
	out := make(hclsyntax.Blocks, 0, m+len(rb.Blocks)+len(blocks)-n)
	out = append(out, blocks[:m]...)
	out = append(out, rb.Blocks...)
	mv := &mover{lines: lines, bytes: shift}
	for _, blk := range blocks[n:] {
		out = append(out, mv.block(blk))
	}
	if mv.failed {
		return nil, false
	}
	body := &hclsyntax.Body{Attributes: hclsyntax.Attributes{}, Blocks: out}
	if a > 0 {
		body.SrcRange.Start = pb.SrcRange.Start // a token of the unchanged first lines
	} else {
		body.SrcRange.Start = rb.SrcRange.Start
	}
	body.SrcRange.Filename = filename
	if b == len(old) {
		body.SrcRange.End, body.EndRange = rb.SrcRange.End, rb.EndRange
	} else {
		body.SrcRange.End, body.EndRange = mv.pos(pb.SrcRange.End), mv.rng(pb.EndRange)
	}
	return &hcl.File{Body: body, Bytes: src}, true
}

var newline = []byte{'\n'}

func lineStartOf(src []byte, blocks hclsyntax.Blocks, i int) int {
	if i >= len(blocks) {
		return -1
	}
	return blockLineStart(src, blocks[i])
}

// blockLineStart returns the offset of the start of the line where a block
// begins, or -1 when something other than spaces and tabs comes before it
// on that line.
func blockLineStart(src []byte, blk *hclsyntax.Block) int {
	at := blk.TypeRange.Start.Byte
	ls := bytes.LastIndexByte(src[:at], '\n') + 1
	for _, c := range src[ls:at] {
		if c != ' ' && c != '\t' {
			return -1
		}
	}
	return ls
}

// commonPrefix returns the length of the longest common prefix of a and b.
func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for i+8 <= n && string(a[i:i+8]) == string(b[i:i+8]) {
		i += 8
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// commonPrefixReverse returns the length of the longest common suffix of a
// and b.
func commonPrefixReverse(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for i+8 <= n && string(a[len(a)-i-8:len(a)-i]) == string(b[len(b)-i-8:len(b)-i]) {
		i += 8
	}
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}

// mover copies syntax trees of blocks that come after an edit, moved by a
// number of lines and bytes. Their columns do not change: they start on a
// line of their own after the edit. Trees are copied, not changed in
// place, because the previous parse may still be in use. An expression or
// traversal step of a kind it does not know sets failed, and the file is
// parsed again.
type mover struct {
	lines, bytes int
	failed       bool
}

func (m *mover) pos(p hcl.Pos) hcl.Pos {
	return hcl.Pos{Line: p.Line + m.lines, Column: p.Column, Byte: p.Byte + m.bytes}
}

func (m *mover) rng(r hcl.Range) hcl.Range {
	return hcl.Range{Filename: r.Filename, Start: m.pos(r.Start), End: m.pos(r.End)}
}

func (m *mover) block(b *hclsyntax.Block) *hclsyntax.Block {
	out := &hclsyntax.Block{Type: b.Type, Labels: b.Labels, Body: m.body(b.Body),
		TypeRange: m.rng(b.TypeRange), OpenBraceRange: m.rng(b.OpenBraceRange), CloseBraceRange: m.rng(b.CloseBraceRange)}
	if b.LabelRanges != nil {
		out.LabelRanges = make([]hcl.Range, len(b.LabelRanges))
		for i, r := range b.LabelRanges {
			out.LabelRanges[i] = m.rng(r)
		}
	}
	return out
}

func (m *mover) body(b *hclsyntax.Body) *hclsyntax.Body {
	out := &hclsyntax.Body{SrcRange: m.rng(b.SrcRange), EndRange: m.rng(b.EndRange)}
	if b.Attributes != nil {
		out.Attributes = make(hclsyntax.Attributes, len(b.Attributes))
		for name, a := range b.Attributes {
			out.Attributes[name] = &hclsyntax.Attribute{Name: a.Name, Expr: m.expr(a.Expr),
				SrcRange: m.rng(a.SrcRange), NameRange: m.rng(a.NameRange), EqualsRange: m.rng(a.EqualsRange)}
		}
	}
	if b.Blocks != nil {
		out.Blocks = make(hclsyntax.Blocks, len(b.Blocks))
		for i, blk := range b.Blocks {
			out.Blocks[i] = m.block(blk)
		}
	}
	return out
}

func (m *mover) exprs(es []hclsyntax.Expression) []hclsyntax.Expression {
	if es == nil {
		return nil
	}
	out := make([]hclsyntax.Expression, len(es))
	for i, e := range es {
		out[i] = m.expr(e)
	}
	return out
}

func (m *mover) traversal(t hcl.Traversal) hcl.Traversal {
	if t == nil {
		return nil
	}
	out := make(hcl.Traversal, len(t))
	for i, step := range t {
		switch s := step.(type) {
		case hcl.TraverseRoot:
			s.SrcRange = m.rng(s.SrcRange)
			out[i] = s
		case hcl.TraverseAttr:
			s.SrcRange = m.rng(s.SrcRange)
			out[i] = s
		case hcl.TraverseIndex:
			s.SrcRange = m.rng(s.SrcRange)
			out[i] = s
		default:
			m.failed = true
		}
	}
	return out
}

// expr copies the expressions offer and band files are made of: literals,
// strings, lists, references, signs and arithmetic, parentheses, objects
// and function calls (which decoding rejects, but which may be written).
func (m *mover) expr(e hclsyntax.Expression) hclsyntax.Expression {
	switch e := e.(type) {
	case *hclsyntax.LiteralValueExpr:
		return &hclsyntax.LiteralValueExpr{Val: e.Val, SrcRange: m.rng(e.SrcRange)}
	case *hclsyntax.TemplateExpr:
		return &hclsyntax.TemplateExpr{Parts: m.exprs(e.Parts), SrcRange: m.rng(e.SrcRange)}
	case *hclsyntax.TemplateWrapExpr:
		return &hclsyntax.TemplateWrapExpr{Wrapped: m.expr(e.Wrapped), SrcRange: m.rng(e.SrcRange)}
	case *hclsyntax.TupleConsExpr:
		return &hclsyntax.TupleConsExpr{Exprs: m.exprs(e.Exprs), SrcRange: m.rng(e.SrcRange), OpenRange: m.rng(e.OpenRange)}
	case *hclsyntax.ScopeTraversalExpr:
		return &hclsyntax.ScopeTraversalExpr{Traversal: m.traversal(e.Traversal), SrcRange: m.rng(e.SrcRange)}
	case *hclsyntax.RelativeTraversalExpr:
		return &hclsyntax.RelativeTraversalExpr{Source: m.expr(e.Source), Traversal: m.traversal(e.Traversal), SrcRange: m.rng(e.SrcRange)}
	case *hclsyntax.UnaryOpExpr:
		return &hclsyntax.UnaryOpExpr{Op: e.Op, Val: m.expr(e.Val), SrcRange: m.rng(e.SrcRange), SymbolRange: m.rng(e.SymbolRange)}
	case *hclsyntax.BinaryOpExpr:
		return &hclsyntax.BinaryOpExpr{LHS: m.expr(e.LHS), Op: e.Op, RHS: m.expr(e.RHS), SrcRange: m.rng(e.SrcRange)}
	case *hclsyntax.ParenthesesExpr:
		return &hclsyntax.ParenthesesExpr{Expression: m.expr(e.Expression), SrcRange: m.rng(e.SrcRange)}
	case *hclsyntax.ConditionalExpr:
		return &hclsyntax.ConditionalExpr{Condition: m.expr(e.Condition), TrueResult: m.expr(e.TrueResult), FalseResult: m.expr(e.FalseResult),
			SrcRange: m.rng(e.SrcRange)}
	case *hclsyntax.IndexExpr:
		return &hclsyntax.IndexExpr{Collection: m.expr(e.Collection), Key: m.expr(e.Key), SrcRange: m.rng(e.SrcRange),
			OpenRange: m.rng(e.OpenRange), BracketRange: m.rng(e.BracketRange)}
	case *hclsyntax.ObjectConsExpr:
		out := &hclsyntax.ObjectConsExpr{SrcRange: m.rng(e.SrcRange), OpenRange: m.rng(e.OpenRange)}
		if e.Items != nil {
			out.Items = make([]hclsyntax.ObjectConsItem, len(e.Items))
			for i, it := range e.Items {
				out.Items[i] = hclsyntax.ObjectConsItem{KeyExpr: m.expr(it.KeyExpr), ValueExpr: m.expr(it.ValueExpr)}
			}
		}
		return out
	case *hclsyntax.ObjectConsKeyExpr:
		return &hclsyntax.ObjectConsKeyExpr{Wrapped: m.expr(e.Wrapped), ForceNonLiteral: e.ForceNonLiteral}
	case *hclsyntax.FunctionCallExpr:
		return &hclsyntax.FunctionCallExpr{Name: e.Name, Args: m.exprs(e.Args), ExpandFinal: e.ExpandFinal,
			NameRange: m.rng(e.NameRange), OpenParenRange: m.rng(e.OpenParenRange), CloseParenRange: m.rng(e.CloseParenRange)}
	}
	m.failed = true
	return nil
}
