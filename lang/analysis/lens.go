package analysis

import (
	"bytes"
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/lang"
)

// This file defines code lenses and inlay hints: the figures of each offer
// and counter, shown without running anything. Clients that show only one
// of the two (Neovim 0.7 shows lenses, not hints) still show the totals.

// TotalsCommand is the command of the totals lens. It does nothing: the
// lens is a label, and a client that runs whatever lens is under the
// cursor (Neovim's vim.lsp.codelens.run) finds a command the server knows
// instead of an empty one it would warn about.
const TotalsCommand = "offer.totals"

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
		out = append(out, Lens{Range: d.Node.DefRange(), Title: LensTitle(d), Command: TotalsCommand})
	}
	return out
}

// InlayHints returns, within rng, the yearly totals at the end of each
// offer and counter header line, and the yearly equity vest at the end of
// each equity block's header line: one hint per year, each with its full
// amount. VS Code cuts a line's hints together at 43 characters by default;
// the VS Code extension lifts that limit for offer files.
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
		w := d.Analysis.Worth
		if at, ok := lineEnd(r.File.Src, d.Node); ok && within(rng, at) {
			tip := "Yearly totals of " + d.Kind + " " + d.Name + " (base, sign-on, vested equity and other pay): " + YearsLine(w, cur)
			for _, y := range w.Years {
				out = append(out, InlayHint{Pos: at, Label: fmt.Sprintf("Y%d %s", y.Year, y.Total.Format(cur)), Tooltip: tip})
			}
		}
		eq := d.Node.Block("equity")
		if eq == nil || eq.Syntax == nil || d.Analysis.Offer.Equity == nil {
			continue
		}
		if at, ok := lineEnd(r.File.Src, eq); ok && within(rng, at) {
			tip := "What the grant vests each year on schedule " + d.Analysis.Offer.Equity.Schedule.Label() + ": " + VestLine(w, cur)
			for i, y := range w.Years {
				label := fmt.Sprintf("Y%d %s", y.Year, y.Equity.Format(cur))
				if i == 0 {
					label = "vests " + label
				}
				out = append(out, InlayHint{Pos: at, Label: label, Tooltip: tip})
			}
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
