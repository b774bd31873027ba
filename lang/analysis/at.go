package analysis

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/lang"
)

// This file finds what is at a position: the block, nested block and
// attribute under the cursor.

// within reports whether pos lies in rng, both ends included so that a
// cursor just after a word still counts as on it.
func within(rng hcl.Range, pos hcl.Pos) bool {
	return rng.Start.Byte <= pos.Byte && pos.Byte <= rng.End.Byte
}

// overlaps reports whether two ranges share a byte, or touch when one is
// empty.
func overlaps(a, b hcl.Range) bool {
	return a.Start.Byte <= b.End.Byte && b.Start.Byte <= a.End.Byte
}

// topNodes returns the decoded top-level blocks of a file in source order,
// leaving out policy blocks (the outline, folds, selections and hovers
// have never covered them).
func topNodes(f *lang.File) []*lang.Node {
	if f == nil {
		return nil
	}
	var out []*lang.Node
	for _, n := range f.TopNodes() {
		if n.Type != "policy" {
			out = append(out, n)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Range.Start.Byte < out[j].Range.Start.Byte })
	return out
}

// place is what lies under a position.
type place struct {
	doc    *lang.Doc      // the offer or counter analysis, when the block is one
	top    *lang.Node     // the top-level block
	node   *lang.Node     // the innermost block (top or nested)
	attr   *lang.AttrNode // the attribute, if any
	path   string         // dotted path of attr or nested block from top ("base", "equity.value", "equity")
	onType bool           // on the innermost block's type keyword
	onName bool           // on the top-level block's label
}

func placeAt(r *lang.Result, pos hcl.Pos) *place {
	if r == nil || r.File == nil {
		return nil
	}
	for _, n := range topNodes(r.File) {
		if !within(n.Range, pos) {
			continue
		}
		p := &place{top: n, node: n}
		for _, d := range r.Docs {
			if d.Node != nil && d.Node.Range == n.Range {
				p.doc = d
			}
		}
		p.descend(n, "", pos)
		return p
	}
	return nil
}

func (p *place) descend(n *lang.Node, prefix string, pos hcl.Pos) {
	p.node = n
	if within(n.TypeRange, pos) {
		p.onType = true
		p.path = trimDot(prefix)
		return
	}
	for _, l := range n.LabelRanges {
		if n == p.top && within(l, pos) {
			p.onName = true
			return
		}
	}
	for i := range n.Attrs {
		if a := &n.Attrs[i]; within(a.Range, pos) {
			p.attr, p.path = a, prefix+a.Name
			return
		}
	}
	for _, b := range n.Children {
		if within(b.Range, pos) {
			p.path = prefix + b.Type
			p.descend(b, prefix+b.Type+".", pos)
			return
		}
	}
}

func trimDot(s string) string {
	if len(s) > 0 && s[len(s)-1] == '.' {
		return s[:len(s)-1]
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
