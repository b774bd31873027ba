package lsp

import (
	"sync"
	"sync/atomic"

	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/analysis"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file keeps, for each open document, its analysed text's tokens,
// lexed once and shared by semantic tokens, folding and selection ranges:
// lexing a large file costs more than any of them (lang/analysis's
// BenchmarkTokenFeatures). Once a client has asked for one of them, the
// document's worker lexes each new text after publishing its diagnostics,
// off the request path. They are kept as figcache.go keeps the whole-file
// answers (cached, fill): a lexing that panicked is not kept, so the next
// request lexes the text again.

// lexCache holds the tokens of one analysis (res) of a document.
type lexCache struct {
	res   *lang.Result
	slot  *atomic.Pointer[lexCache] // the document's, which a panicked lexing leaves
	once  sync.Once
	lexed *analysis.Lexed

	semOnce  sync.Once
	semantic []analysis.SemanticToken
	full     *protocol.SemanticTokens // the encoded semantic tokens of the whole text
}

// lexed returns the tokens of the analysis res of d, whose text m maps,
// lexing it unless done already.
func (s *Server) lexed(d *document, res *lang.Result, m *mapper) *lexCache {
	d.usesTokens.Store(true)
	c := cached(&d.lex, func(c *lexCache) bool { return c.res == res },
		func() *lexCache { return &lexCache{res: res, slot: &d.lex} })
	fill(c.slot, c, &c.once, func() { c.lexed = analysis.Lex(m.text) })
	return c
}

// semanticTokens returns the semantic tokens of the cached text, and their
// encoding for the whole text.
func (c *lexCache) semanticTokens(m *mapper) ([]analysis.SemanticToken, *protocol.SemanticTokens) {
	fill(c.slot, c, &c.semOnce, func() {
		c.semantic = c.lexed.SemanticTokens()
		c.full = encodeTokens(c.semantic, m, 0, len(m.text))
	})
	return c.semantic, c.full
}

// prelex lexes a new analysis of a document whose client reads tokens, in
// the document's worker, unless the text changed since the analysis of
// generation gen (the next analysis lexes its own text).
func (s *Server) prelex(d *document, res *lang.Result, m *mapper, gen uint64) {
	if !d.usesTokens.Load() || d.newerThan(gen) {
		return
	}
	defer func() {
		if p := recover(); p != nil {
			s.log.panic("lexing", p)
		}
	}()
	s.lexed(d, res, m).semanticTokens(m)
}
