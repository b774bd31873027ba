package lsp

import (
	"github.com/offerkit/offerkit/lang/analysis"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

func (s *Server) documentSymbol(_ *glsp.Context, p *protocol.DocumentSymbolParams) (any, error) {
	return withSnapshot(s, p.TextDocument.URI, func(snap *snapshot) (any, error) {
		return snap.outline() // figcache.go
	})
}

func documentSymbols(syms []analysis.Symbol, m *mapper) []protocol.DocumentSymbol {
	out := []protocol.DocumentSymbol{}
	for _, sym := range syms {
		detail := sym.Detail
		ds := protocol.DocumentSymbol{Name: sym.Name, Kind: symbolKind(sym.Kind), Range: m.protoRange(sym.Range),
			SelectionRange: m.protoRange(sym.Selection)}
		if detail != "" {
			ds.Detail = &detail
		}
		if len(sym.Children) > 0 {
			ds.Children = documentSymbols(sym.Children, m)
		}
		out = append(out, ds)
	}
	return out
}
