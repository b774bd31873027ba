package lsp

import (
	"github.com/offerkit/offerkit/lang/analysis"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// hover answers in Markdown, or in plain text to a client whose
// hover.contentFormat puts plaintext first; while the text does not parse,
// from the last text that did, marked stale.
func (s *Server) hover(_ *glsp.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	return withSnapshot(s, p.TextDocument.URI, func(snap *snapshot) (*protocol.Hover, error) {
		res, m, stale := snap.figures()
		h := analysis.WorkspaceHover(s.overview(snap.doc), res, m.hclPos(p.Position))
		if h == nil {
			return nil, nil
		}
		if stale {
			h = analysis.MarkStaleHover(h)
		}
		rng := m.protoRange(h.Range)
		if stale {
			rng = snap.clampRange(rng)
		}
		contents := markdown(h.Markdown)
		if s.client.hoverPlain {
			contents = protocol.MarkupContent{Kind: protocol.MarkupKindPlainText, Value: analysis.PlainText(h.Markdown)}
		}
		return &protocol.Hover{Contents: contents, Range: &rng}, nil
	})
}
