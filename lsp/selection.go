package lsp

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/lang/analysis"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// selectionRange grows a selection from the token under each position to
// its value, its attribute, each enclosing block and the file.
func (s *Server) selectionRange(_ *glsp.Context, p *protocol.SelectionRangeParams) ([]protocol.SelectionRange, error) {
	return withSnapshot(s, p.TextDocument.URI, func(snap *snapshot) ([]protocol.SelectionRange, error) {
		positions := make([]hcl.Pos, len(p.Positions))
		for i, pos := range p.Positions {
			positions[i] = snap.m.hclPos(pos)
		}
		out := make([]protocol.SelectionRange, len(positions))
		for i, chain := range analysis.SelectionRanges(snap.res.File, s.lexed(snap.doc, snap.res, snap.m).lexed, positions) {
			// The reply holds one range per position: an empty range at the
			// position when nothing encloses it.
			var sel *protocol.SelectionRange
			for j := len(chain) - 1; j >= 0; j-- {
				sel = &protocol.SelectionRange{Range: snap.m.protoRange(chain[j]), Parent: sel}
			}
			if sel == nil {
				pp := snap.m.protoPos(positions[i])
				sel = &protocol.SelectionRange{Range: protocol.Range{Start: pp, End: pp}}
			}
			out[i] = *sel
		}
		return out, nil
	})
}
