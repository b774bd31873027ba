package lsp

import (
	"github.com/offerkit/offerkit/lang/analysis"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// codeLens shows each offer's and counter's figures above it. The lens has
// a command with an empty name: it is a label, not a button.
func (s *Server) codeLens(_ *glsp.Context, p *protocol.CodeLensParams) ([]protocol.CodeLens, error) {
	snap, err := s.snapshot(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	out := []protocol.CodeLens{}
	for _, l := range analysis.Lenses(snap.res) {
		out = append(out, protocol.CodeLens{Range: snap.m.protoRange(l.Range), Command: &protocol.Command{Title: l.Title}})
	}
	return out, nil
}
