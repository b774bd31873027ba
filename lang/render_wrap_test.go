package lang

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// wrapSlow is wrap as it was written, building each line by concatenation.
func wrapSlow(text string, width int) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			if line != "" && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > width {
				out = append(out, line)
				line = ""
			}
			if line != "" {
				line += " "
			}
			line += word
		}
		out = append(out, line)
	}
	return out
}

func TestWrapMatchesSlow(t *testing.T) {
	r := rand.New(rand.NewSource(12))
	words := []string{"a", "base", "$195,000", "über", "—", "longerwordthanthewidthallowsforsure", "\n", "  ", "\t", "é"}
	for i := 0; i < 5000; i++ {
		var b strings.Builder
		for j := r.Intn(40); j > 0; j-- {
			b.WriteString(words[r.Intn(len(words))])
			if r.Intn(3) > 0 {
				b.WriteByte(' ')
			}
		}
		for _, width := range []int{0, 1, 5, 20, 76} {
			if got, want := wrap(b.String(), width), wrapSlow(b.String(), width); !reflect.DeepEqual(got, want) {
				t.Fatalf("wrap(%q, %d) = %q, want %q", b.String(), width, got, want)
			}
		}
	}
}
