package lsp

import (
	"github.com/offerkit/offerkit/lang/analysis"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

func (s *Server) hover(_ *glsp.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	snap, err := s.snapshot(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	h := analysis.WorkspaceHover(snap.doc.ws, snap.res, snap.m.hclPos(p.Position))
	if h == nil {
		return nil, nil
	}
	rng := snap.m.protoRange(h.Range)
	return &protocol.Hover{Contents: markdown(h.Markdown), Range: &rng}, nil
}
