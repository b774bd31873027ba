package lsp

import (
	"github.com/offerkit/offerkit/lang/analysis"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// definition jumps from offer.<name> in a counter to the offer's label,
// in whichever file of the workspace holds it.
func (s *Server) definition(_ *glsp.Context, p *protocol.DefinitionParams) (any, error) {
	return withSnapshot(s, p.TextDocument.URI, func(snap *snapshot) (any, error) {
		return s.locations(analysis.Definition(snap.doc.ws, snap.res.File, snap.m.hclPos(p.Position))), nil
	})
}
