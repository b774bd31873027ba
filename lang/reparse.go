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
	mv := mover{lines: lines, bytes: shift}
	for _, blk := range blocks[n:] {
		moved, ok := mv.block(blk)
		if !ok {
			return nil, false
		}
		out = append(out, moved)
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
// place, because the previous parse may still be in use. An expression of
// a kind it does not know makes it fail, and the file is parsed again.
type mover struct {
	lines, bytes int
}

func (m mover) pos(p hcl.Pos) hcl.Pos {
	return hcl.Pos{Line: p.Line + m.lines, Column: p.Column, Byte: p.Byte + m.bytes}
}

func (m mover) rng(r hcl.Range) hcl.Range {
	return hcl.Range{Filename: r.Filename, Start: m.pos(r.Start), End: m.pos(r.End)}
}

func (m mover) block(b *hclsyntax.Block) (*hclsyntax.Block, bool) {
	body, ok := m.body(b.Body)
	if !ok {
		return nil, false
	}
	out := &hclsyntax.Block{Type: b.Type, Labels: b.Labels, Body: body,
		TypeRange: m.rng(b.TypeRange), OpenBraceRange: m.rng(b.OpenBraceRange), CloseBraceRange: m.rng(b.CloseBraceRange)}
	if b.LabelRanges != nil {
		out.LabelRanges = make([]hcl.Range, len(b.LabelRanges))
		for i, r := range b.LabelRanges {
			out.LabelRanges[i] = m.rng(r)
		}
	}
	return out, true
}

func (m mover) body(b *hclsyntax.Body) (*hclsyntax.Body, bool) {
	out := &hclsyntax.Body{SrcRange: m.rng(b.SrcRange), EndRange: m.rng(b.EndRange)}
	if b.Attributes != nil {
		out.Attributes = make(hclsyntax.Attributes, len(b.Attributes))
		for name, a := range b.Attributes {
			expr, ok := m.expr(a.Expr)
			if !ok {
				return nil, false
			}
			out.Attributes[name] = &hclsyntax.Attribute{Name: a.Name, Expr: expr,
				SrcRange: m.rng(a.SrcRange), NameRange: m.rng(a.NameRange), EqualsRange: m.rng(a.EqualsRange)}
		}
	}
	if b.Blocks != nil {
		out.Blocks = make(hclsyntax.Blocks, len(b.Blocks))
		for i, blk := range b.Blocks {
			moved, ok := m.block(blk)
			if !ok {
				return nil, false
			}
			out.Blocks[i] = moved
		}
	}
	return out, true
}

func (m mover) exprs(es []hclsyntax.Expression) ([]hclsyntax.Expression, bool) {
	if es == nil {
		return nil, true
	}
	out := make([]hclsyntax.Expression, len(es))
	for i, e := range es {
		moved, ok := m.expr(e)
		if !ok {
			return nil, false
		}
		out[i] = moved
	}
	return out, true
}

func (m mover) traversal(t hcl.Traversal) (hcl.Traversal, bool) {
	if t == nil {
		return nil, true
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
			return nil, false
		}
	}
	return out, true
}

// expr copies the expressions offer and band files are made of: literals,
// strings, lists, references, signs and arithmetic, parentheses, objects
// and function calls (which decoding rejects, but which may be written).
func (m mover) expr(e hclsyntax.Expression) (hclsyntax.Expression, bool) {
	switch e := e.(type) {
	case *hclsyntax.LiteralValueExpr:
		return &hclsyntax.LiteralValueExpr{Val: e.Val, SrcRange: m.rng(e.SrcRange)}, true
	case *hclsyntax.TemplateExpr:
		parts, ok := m.exprs(e.Parts)
		return &hclsyntax.TemplateExpr{Parts: parts, SrcRange: m.rng(e.SrcRange)}, ok
	case *hclsyntax.TemplateWrapExpr:
		w, ok := m.expr(e.Wrapped)
		return &hclsyntax.TemplateWrapExpr{Wrapped: w, SrcRange: m.rng(e.SrcRange)}, ok
	case *hclsyntax.TupleConsExpr:
		es, ok := m.exprs(e.Exprs)
		return &hclsyntax.TupleConsExpr{Exprs: es, SrcRange: m.rng(e.SrcRange), OpenRange: m.rng(e.OpenRange)}, ok
	case *hclsyntax.ScopeTraversalExpr:
		t, ok := m.traversal(e.Traversal)
		return &hclsyntax.ScopeTraversalExpr{Traversal: t, SrcRange: m.rng(e.SrcRange)}, ok
	case *hclsyntax.RelativeTraversalExpr:
		src, ok1 := m.expr(e.Source)
		t, ok2 := m.traversal(e.Traversal)
		return &hclsyntax.RelativeTraversalExpr{Source: src, Traversal: t, SrcRange: m.rng(e.SrcRange)}, ok1 && ok2
	case *hclsyntax.UnaryOpExpr:
		v, ok := m.expr(e.Val)
		return &hclsyntax.UnaryOpExpr{Op: e.Op, Val: v, SrcRange: m.rng(e.SrcRange), SymbolRange: m.rng(e.SymbolRange)}, ok
	case *hclsyntax.BinaryOpExpr:
		l, ok1 := m.expr(e.LHS)
		r, ok2 := m.expr(e.RHS)
		return &hclsyntax.BinaryOpExpr{LHS: l, Op: e.Op, RHS: r, SrcRange: m.rng(e.SrcRange)}, ok1 && ok2
	case *hclsyntax.ParenthesesExpr:
		inner, ok := m.expr(e.Expression)
		return &hclsyntax.ParenthesesExpr{Expression: inner, SrcRange: m.rng(e.SrcRange)}, ok
	case *hclsyntax.ConditionalExpr:
		c, ok1 := m.expr(e.Condition)
		t, ok2 := m.expr(e.TrueResult)
		f, ok3 := m.expr(e.FalseResult)
		return &hclsyntax.ConditionalExpr{Condition: c, TrueResult: t, FalseResult: f, SrcRange: m.rng(e.SrcRange)}, ok1 && ok2 && ok3
	case *hclsyntax.IndexExpr:
		c, ok1 := m.expr(e.Collection)
		k, ok2 := m.expr(e.Key)
		return &hclsyntax.IndexExpr{Collection: c, Key: k, SrcRange: m.rng(e.SrcRange),
			OpenRange: m.rng(e.OpenRange), BracketRange: m.rng(e.BracketRange)}, ok1 && ok2
	case *hclsyntax.ObjectConsExpr:
		out := &hclsyntax.ObjectConsExpr{SrcRange: m.rng(e.SrcRange), OpenRange: m.rng(e.OpenRange)}
		if e.Items != nil {
			out.Items = make([]hclsyntax.ObjectConsItem, len(e.Items))
			for i, it := range e.Items {
				k, ok1 := m.expr(it.KeyExpr)
				v, ok2 := m.expr(it.ValueExpr)
				if !ok1 || !ok2 {
					return nil, false
				}
				out.Items[i] = hclsyntax.ObjectConsItem{KeyExpr: k, ValueExpr: v}
			}
		}
		return out, true
	case *hclsyntax.ObjectConsKeyExpr:
		w, ok := m.expr(e.Wrapped)
		return &hclsyntax.ObjectConsKeyExpr{Wrapped: w, ForceNonLiteral: e.ForceNonLiteral}, ok
	case *hclsyntax.FunctionCallExpr:
		args, ok := m.exprs(e.Args)
		return &hclsyntax.FunctionCallExpr{Name: e.Name, Args: args, ExpandFinal: e.ExpandFinal,
			NameRange: m.rng(e.NameRange), OpenParenRange: m.rng(e.OpenParenRange), CloseParenRange: m.rng(e.CloseParenRange)}, ok
	}
	return nil, false
}
