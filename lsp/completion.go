package lsp

import (
	"github.com/offerkit/offerkit/lang/analysis"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

func (s *Server) completion(_ *glsp.Context, p *protocol.CompletionParams) (any, error) {
	return withSnapshot(s, p.TextDocument.URI, func(snap *snapshot) (any, error) {
		items := []protocol.CompletionItem{}
		for _, c := range analysis.Complete(snap.doc.ws, snap.res, snap.m.hclPos(p.Position)) {
			kind := completionKind(c.Kind)
			format := protocol.InsertTextFormatPlainText
			text := c.Insert
			if s.client.snippets && c.Snippet != "" {
				format, text = protocol.InsertTextFormatSnippet, c.Snippet
			}
			detail := c.Detail
			item := protocol.CompletionItem{Label: c.Label, Kind: &kind, Detail: &detail, InsertTextFormat: &format,
				TextEdit: protocol.TextEdit{Range: snap.m.protoRange(c.Replace), NewText: text}}
			if c.Doc != "" {
				item.Documentation = markdown(c.Doc)
			}
			items = append(items, item)
		}
		return protocol.CompletionList{Items: items}, nil
	})
}
