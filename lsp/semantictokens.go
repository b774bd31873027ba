package lsp

import (
	"sort"

	"github.com/offerkit/offerkit/lang/analysis"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file serves semantic tokens, for editors without the offer grammar:
// block types as keywords, attribute names as properties, offer and
// counter names as variables (their label with the declaration modifier),
// strings, numbers, comments and operators. Positions and lengths are in
// the negotiated encoding (UTF-16 by default), through the mapper.

func semanticLegend() protocol.SemanticTokensLegend {
	return protocol.SemanticTokensLegend{TokenTypes: analysis.TokenTypes, TokenModifiers: analysis.TokenModifiers}
}

func (s *Server) semanticTokensFull(_ *glsp.Context, p *protocol.SemanticTokensParams) (*protocol.SemanticTokens, error) {
	return withSnapshot(s, p.TextDocument.URI, func(snap *snapshot) (*protocol.SemanticTokens, error) {
		_, full := s.lexed(snap.doc, snap.res, snap.m).semanticTokens(snap.m)
		return full, nil
	})
}

func (s *Server) semanticTokensRange(_ *glsp.Context, p *protocol.SemanticTokensRangeParams) (any, error) {
	return withSnapshot(s, p.TextDocument.URI, func(snap *snapshot) (any, error) {
		from, to := snap.m.offset(p.Range.Start), snap.m.offset(p.Range.End)
		toks, _ := s.lexed(snap.doc, snap.res, snap.m).semanticTokens(snap.m)
		// The tokens from the first that ends after from.
		i := sort.Search(len(toks), func(i int) bool { return toks[i].End > from })
		return encodeTokens(toks[i:], snap.m, from, to), nil
	})
}

// encodeTokens encodes the tokens that overlap [from, to) as LSP's
// relative five-integer groups: line delta, start delta (from the previous
// token's start on the same line), length, type, modifiers.
func encodeTokens(toks []analysis.SemanticToken, m *mapper, from, to int) *protocol.SemanticTokens {
	data := []protocol.UInteger{}
	var line, char protocol.UInteger
	at := m.cursor()
	for _, t := range toks {
		if t.Start >= to {
			break
		}
		if t.End <= from {
			continue
		}
		start, end := at.position(t.Start), at.position(t.End)
		if end.Line != start.Line || end.Character <= start.Character {
			continue
		}
		dl, dc := start.Line-line, start.Character
		if dl == 0 {
			dc = start.Character - char
		}
		var mods protocol.UInteger
		if t.Declaration {
			mods = 1
		}
		data = append(data, dl, dc, end.Character-start.Character, protocol.UInteger(t.Type), mods)
		line, char = start.Line, start.Character
	}
	return &protocol.SemanticTokens{Data: data}
}
