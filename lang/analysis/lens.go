package analysis

import (
	"bytes"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/lang"
)

// This file defines code lenses and inlay hints: the figures of each offer
// and counter, shown without running anything. Clients that show only one
// of the two (Neovim 0.7 shows lenses, not hints) still show the totals.

// Lenses returns one lens above each offer and counter whose figures are
// known (a counter whose offer cannot be found has none).
func Lenses(r *lang.Result) []Lens {
	var out []Lens
	if r == nil {
		return nil
	}
	for _, d := range r.Docs {
		if !d.Resolved {
			continue
		}
		out = append(out, Lens{Range: d.Node.DefRange(), Title: LensTitle(d)})
	}
	return out
}

// InlayHints returns, within rng, the yearly totals at the end of each
// offer and counter header line, and the yearly equity vest at the end of
// each equity block's header line.
func InlayHints(r *lang.Result, rng hcl.Range) []InlayHint {
	if r == nil || r.File == nil {
		return nil
	}
	var out []InlayHint
	for _, d := range r.Docs {
		if !d.Resolved || d.Node.Syntax == nil || !overlaps(d.Node.Range, rng) {
			continue
		}
		cur := currency(d)
		if at, ok := lineEnd(r.File.Src, d.Node); ok && within(rng, at) {
			out = append(out, InlayHint{Pos: at, Label: YearsLine(d.Analysis.Worth, cur),
				Tooltip: "Yearly totals of " + d.Kind + " " + d.Name + " (base, sign-on, vested equity and other pay)"})
		}
		eq := d.Node.Block("equity")
		if eq == nil || eq.Syntax == nil || d.Analysis.Offer.Equity == nil {
			continue
		}
		if at, ok := lineEnd(r.File.Src, eq); ok && within(rng, at) {
			out = append(out, InlayHint{Pos: at, Label: VestLine(d.Analysis.Worth, cur),
				Tooltip: "What the grant vests each year on schedule " + d.Analysis.Offer.Equity.Schedule.Label()})
		}
	}
	return out
}

// lineEnd returns the position at the end of the line holding a block's
// opening brace.
func lineEnd(src []byte, n *lang.Node) (hcl.Pos, bool) {
	open := n.Syntax.OpenBraceRange
	if open.End.Byte > len(src) {
		return hcl.Pos{}, false
	}
	rest := src[open.End.Byte:]
	n2 := lineLen(rest)
	return hcl.Pos{Line: open.End.Line, Column: open.End.Column + lang.Columns(rest[:n2]), Byte: open.End.Byte + n2}, true
}

func lineLen(b []byte) int {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		i = len(b)
	}
	if i > 0 && b[i-1] == '\r' {
		i--
	}
	return i
}
