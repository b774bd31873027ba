package lsp

import (
	"github.com/offerkit/offerkit/lang/analysis"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// codeLens shows each offer's and counter's figures above it (a lens whose
// command has an empty name: a label, not a button), and on each offer a
// "Compare with N other offers" button (workspace/executeCommand).
func (s *Server) codeLens(_ *glsp.Context, p *protocol.CodeLensParams) ([]protocol.CodeLens, error) {
	snap, err := s.snapshot(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	out := []protocol.CodeLens{}
	for _, l := range analysis.WorkspaceLenses(snap.doc.ws, snap.res) {
		out = append(out, protocol.CodeLens{Range: snap.m.protoRange(l.Range), Command: &protocol.Command{Title: l.Title, Command: l.Command, Arguments: l.Args}})
	}
	return out, nil
}
