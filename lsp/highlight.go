package lsp

import (
	"github.com/offerkit/offerkit/lang/analysis"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// documentHighlight marks, in the file, every occurrence of the offer or
// counter name under the cursor: the label that declares it (a write) and
// the offer.<name> references (reads).
func (s *Server) documentHighlight(_ *glsp.Context, p *protocol.DocumentHighlightParams) ([]protocol.DocumentHighlight, error) {
	return withSnapshot(s, p.TextDocument.URI, func(snap *snapshot) ([]protocol.DocumentHighlight, error) {
		out := []protocol.DocumentHighlight{}
		for _, occ := range analysis.Highlights(snap.res.File, snap.m.hclPos(p.Position)) {
			kind := protocol.DocumentHighlightKindRead
			if occ.Label {
				kind = protocol.DocumentHighlightKindWrite
			}
			out = append(out, protocol.DocumentHighlight{Range: snap.m.protoRange(occ.Range), Kind: &kind})
		}
		return out, nil
	})
}
