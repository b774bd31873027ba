package lang

import (
	"bytes"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// columnsSrc holds, before attributes and comments whose ranges are used,
// a letter with a combining accent (e + U+0301: two runes, one column), an
// emoji (one rune, two UTF-16 units, one column), a tab and CRLF line ends.
const columnsSrc = "offer \"o\" {\r\n  company = \"Ame\u0301zon \U0001F680\" # offer:ignore below-band Ame\u0301zon \U0001F680\r\n\tlevel = \"L6\"\r\n  base = 1\r\n}\r\n"

// TestColumnsAreHCLs holds PosAt to the positions hclsyntax gives every
// token: the same line, the same column (grapheme clusters), the same byte.
func TestColumnsAreHCLs(t *testing.T) {
	src := []byte(columnsSrc)
	toks, diags := hclsyntax.LexConfig(src, "a.offer.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, tok := range toks {
		for _, p := range []hcl.Pos{tok.Range.Start, tok.Range.End} {
			if got := PosAt(src, p.Byte); got != p {
				t.Errorf("PosAt(%d) = %+v, hclsyntax says %+v (token %q)", p.Byte, got, p, tok.Bytes)
			}
		}
	}
	if got := Columns([]byte("Ame\u0301zon \U0001F680")); got != 8 {
		t.Errorf("Columns = %d, want 8 (A m é z o n space rocket)", got)
	}
}

// TestDiagnosticColumns: every diagnostic on the line, the suppression
// comment's included, has the columns of its byte offsets.
func TestDiagnosticColumns(t *testing.T) {
	w := NewWorkspace()
	w.Set("a.offer.hcl", []byte(columnsSrc))
	r := w.Check("a.offer.hcl")
	found := false
	for _, d := range r.Diags {
		if d.Code == "unused-ignore" {
			found = true
		}
		for _, p := range []hcl.Pos{d.Subject.Start, d.Subject.End} {
			if got := PosAt(r.File.Src, p.Byte); got != p {
				t.Errorf("%s: position %+v, its byte is at %+v", d.Code, p, got)
			}
		}
	}
	if !found {
		t.Fatalf("no unused-ignore on the comment: %v", r.Diags)
	}
}

// advanceSlow is Advance without its ASCII fast path: one grapheme cluster
// at a time, as hclsyntax counts (TestColumnsAreHCLs holds the cluster
// step to hclsyntax's own positions).
func advanceSlow(p hcl.Pos, text []byte) hcl.Pos {
	for len(text) > 0 {
		p, text = advanceCluster(p, text)
	}
	return p
}

// The ASCII fast path counts as grapheme segmentation does where ASCII
// meets what joins it: a combining accent or a keycap after a letter or
// digit, "\r\n" before them, a prepended mark before a letter, emoji.
func TestAdvanceFastPath(t *testing.T) {
	for _, s := range []string{"", "a", "abc", "e\u0301", "ab\u0301c", "1\u20e3x", "ab\r\n\u0301", "\r\n", "a\r", "\r",
		"x\r\ny", "\u0600a", "ab\u0600cd", "\U0001F468\u200D\U0001F469 ab", "a\n\u0301", "a\r\u0301", "\xff a", "a\xcc"} {
		start := hcl.Pos{Line: 3, Column: 2, Byte: 10}
		if got, want := Advance(start, []byte(s)), advanceSlow(start, []byte(s)); got != want {
			t.Errorf("Advance(%q) = %+v, grapheme by grapheme %+v", s, got, want)
		}
	}
}

func FuzzAdvance(f *testing.F) {
	for _, s := range []string{"ab\u0301c", "x\r\n\u0301y", "1\u20e3", "\u0600a b"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := Advance(hcl.InitialPos, b), advanceSlow(hcl.InitialPos, b); got != want {
			t.Errorf("Advance(%q) = %+v, grapheme by grapheme %+v", b, got, want)
		}
	})
}

// A position on a line of 4 MiB (the language server converts one on
// every request).
func BenchmarkColumnsLongLine(b *testing.B) {
	line := bytes.Repeat([]byte("x"), 4<<20)
	for i := 0; i < b.N; i++ {
		Columns(line)
	}
}
