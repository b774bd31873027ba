package lsp

import (
	"math/rand"
	"sort"
	"strings"
	"testing"

	"github.com/offerkit/offerkit/lang/analysis"
)

// The cursor converts offsets in increasing order to the same positions as
// m.position, in both encodings, over texts with CRLF line ends, a lone CR,
// astral characters (two UTF-16 units), combining accents and invalid bytes;
// offsets that go back are converted too.
func TestCursorMatchesPosition(t *testing.T) {
	pieces := []string{"a", "é", "e\u0301", "😀", "\n", "\r\n", "\r", "\xff", "base = 1", "  ", "\"x\""}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 300; i++ {
		var b strings.Builder
		for j := rng.Intn(40); j > 0; j-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := []byte(b.String())
		offs := make([]int, rng.Intn(20))
		for k := range offs {
			offs[k] = rng.Intn(len(text) + 3)
		}
		sort.Ints(offs)
		if len(offs) > 2 && i%3 == 0 {
			offs = append(offs, offs[0]) // one step back
		}
		for _, enc := range []Encoding{UTF16, UTF8} {
			m := newMapper(text, enc)
			c := m.cursor()
			for _, off := range offs {
				if got, want := c.position(off), m.position(off); got != want {
					t.Fatalf("%q (%s) offset %d: cursor %+v, position %+v", text, enc, off, got, want)
				}
			}
		}
	}
}

// BenchmarkSemanticTokensLongLine encodes the tokens of one line of 200,000
// numbers: linear with the cursor, quadratic (minutes) when each token's
// position was counted from the line's start.
func BenchmarkSemanticTokensLongLine(b *testing.B) {
	text := []byte("x = [" + strings.Repeat("1,", 200000) + "]\n")
	m := newMapper(text, UTF16)
	toks := lexedTokens(text)
	b.ResetTimer()
	for range b.N {
		encodeTokens(toks, m, 0, len(text))
	}
}

func lexedTokens(text []byte) []analysis.SemanticToken { return analysis.Lex(text).SemanticTokens() }
