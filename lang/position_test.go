package lang

import (
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
