package lsp

import (
	"github.com/offerkit/offerkit/lang/analysis"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// references lists every offer.<name> reference to an offer in the
// workspace, from the offer's label or from any reference to it.
func (s *Server) references(_ *glsp.Context, p *protocol.ReferenceParams) ([]protocol.Location, error) {
	return withSnapshot(s, p.TextDocument.URI, func(snap *snapshot) ([]protocol.Location, error) {
		refs := analysis.References(snap.doc.ws, snap.res.File, snap.m.hclPos(p.Position), p.Context.IncludeDeclaration)
		return s.locations(refs), nil
	})
}
