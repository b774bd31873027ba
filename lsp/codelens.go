package lsp

import (
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
		return s.lenses(snap), nil // figcache.go
	})
}
