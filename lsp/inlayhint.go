package lsp

import (
	"github.com/offerkit/offerkit/lang/analysis"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// textDocument/inlayHint is LSP 3.17; its types are declared here.

type inlayHintParams struct {
	TextDocument protocol.TextDocumentIdentifier `json:"textDocument"`
	Range        protocol.Range                  `json:"range"`
}

type inlayHint struct {
	Position    protocol.Position `json:"position"`
	Label       string            `json:"label"`
	Tooltip     string            `json:"tooltip,omitempty"`
	PaddingLeft bool              `json:"paddingLeft,omitempty"`
}

func (s *Server) inlayHint(p *inlayHintParams) ([]inlayHint, error) {
	return withSnapshot(s, p.TextDocument.URI, func(snap *snapshot) ([]inlayHint, error) {
		res, m, stale := snap.figures()
		hints := analysis.InlayHints(res, m.hclRange(snap.doc.name, p.Range))
		if stale {
			hints = analysis.MarkStaleHints(hints)
		}
		out := []inlayHint{}
		for _, h := range hints {
			pos := m.protoPos(h.Pos)
			if stale {
				pos = snap.clamp(pos)
			}
			out = append(out, inlayHint{Position: pos, Label: h.Label, Tooltip: h.Tooltip, PaddingLeft: true})
		}
		return out, nil
	})
}
