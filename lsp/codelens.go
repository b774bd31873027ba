package lsp

import (
	"github.com/offerkit/offerkit/lang/analysis"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// codeLens shows each offer's and counter's figures above it (a label whose
// command, offer.totals, does nothing), and on each offer a "Compare with
// N other offers" button (workspace/executeCommand). While the text does
// not parse, the figures are those of the last text that did, marked
// stale.
func (s *Server) codeLens(_ *glsp.Context, p *protocol.CodeLensParams) ([]protocol.CodeLens, error) {
	return withSnapshot(s, p.TextDocument.URI, func(snap *snapshot) ([]protocol.CodeLens, error) {
		res, m, stale := snap.figures()
		lenses := analysis.WorkspaceLenses(snap.doc.ws, res)
		if stale {
			lenses = analysis.MarkStaleLenses(lenses)
		}
		out := []protocol.CodeLens{}
		for _, l := range lenses {
			out = append(out, protocol.CodeLens{Range: m.protoRange(l.Range), Command: &protocol.Command{Title: l.Title, Command: l.Command, Arguments: l.Args}})
		}
		return out, nil
	})
}
