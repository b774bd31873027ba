package analysis

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/langtest"
)

// The token-based features on a 3,000-line file: the lexing, which the
// server does once per text (lsp/lexcache.go), and each feature given it.
func BenchmarkTokenFeatures(b *testing.B) {
	src := []byte(langtest.File(3000))
	f := lang.Decode("big.offer.hcl", src)
	b.Run("lex", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			Lex(src)
		}
	})
	l := Lex(src)
	b.Run("semanticTokens", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			l.SemanticTokens()
		}
	})
	b.Run("folds", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			Folds(f, l)
		}
	})
	b.Run("selection", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			SelectionRanges(f, l, []hcl.Pos{{Line: 1500, Column: 3, Byte: len(src) / 2}})
		}
	})
}
