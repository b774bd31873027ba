package lsp

import (
	"github.com/offerkit/offerkit/lang/analysis"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// foldingRange folds blocks, attributes written over several lines
// (heredocs, objects) and runs of comment lines, by whole lines.
func (s *Server) foldingRange(_ *glsp.Context, p *protocol.FoldingRangeParams) ([]protocol.FoldingRange, error) {
	return withSnapshot(s, p.TextDocument.URI, func(snap *snapshot) ([]protocol.FoldingRange, error) {
		out := []protocol.FoldingRange{}
		for _, f := range analysis.Folds(snap.res.File, s.lexed(snap.doc, snap.res, snap.m).lexed) {
			fr := protocol.FoldingRange{StartLine: snap.m.protoPos(f.Start).Line, EndLine: snap.m.protoPos(f.End).Line}
			if fr.EndLine <= fr.StartLine {
				continue
			}
			if f.Comment {
				kind := string(protocol.FoldingRangeKindComment)
				fr.Kind = &kind
			}
			out = append(out, fr)
		}
		return out, nil
	})
}
