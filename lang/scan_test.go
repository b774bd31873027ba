package lang

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// lexerView is what the scan must agree on with hclsyntax's lexer: every
// bracket, template sequence, string and heredoc boundary, comma and line
// break, with its byte offsets.
func lexerView(src []byte) []string {
	toks, _ := hclsyntax.LexConfig(src, "a.offer.hcl", hcl.InitialPos)
	var out []string
	for _, t := range toks {
		s, e := t.Range.Start.Byte, t.Range.End.Byte
		var k scanTok
		switch t.Type {
		case hclsyntax.TokenOBrace:
			k = tokOBrace
		case hclsyntax.TokenCBrace:
			k = tokCBrace
		case hclsyntax.TokenOBrack:
			k = tokOBrack
		case hclsyntax.TokenCBrack:
			k = tokCBrack
		case hclsyntax.TokenOParen:
			k = tokOParen
		case hclsyntax.TokenCParen:
			k = tokCParen
		case hclsyntax.TokenTemplateInterp:
			k = tokInterp
		case hclsyntax.TokenTemplateControl:
			k = tokControl
		case hclsyntax.TokenTemplateSeqEnd:
			k = tokSeqEnd
		case hclsyntax.TokenOQuote:
			k = tokOQuote
		case hclsyntax.TokenCQuote:
			k = tokCQuote
		case hclsyntax.TokenOHeredoc:
			k = tokOHeredoc
		case hclsyntax.TokenCHeredoc:
			k = tokCHeredoc
		case hclsyntax.TokenComma:
			k = tokComma
		case hclsyntax.TokenNewline:
			k = tokNewline
		case hclsyntax.TokenComment:
			if strings.HasSuffix(string(t.Bytes), "\n") {
				k, s = tokNewline, e-1
			}
		}
		if k != 0 {
			out = append(out, fmt.Sprintf("%d@%d-%d", k, s, e))
		}
	}
	return out
}

func scanView(src []byte) []string {
	var out []string
	scan(src, func(t scanTok, s, e int) bool {
		switch t {
		case tokEqual, tokOperator, tokValue, tokKeyword, tokPart:
		default:
			out = append(out, fmt.Sprintf("%d@%d-%d", t, s, e))
		}
		return true
	})
	return out
}

// scanSeeds are texts where a naive count goes wrong: brackets in strings,
// comments and heredocs, escapes, template sequences and their escapes,
// unclosed comments and strings, and the lexer's corner cases.
var scanSeeds = []string{
	"offer \"a\" {\n  base = [\"]\",[\"]\",[\"]\",\n}\n",
	"offer \"a\" {\n  base = [#]\n[#]\n[#]\n1]]]\n}\n",
	"a = \"${[\"}\"]}\" # }\nb = [ // ]\n]\n/* ] */ c = (1)\n",
	"a = <<EOT\n  ${ \"x\" } ] } ) $${ %%{\n  EOT\nb = <<-X\n%{ if true }y%{ endif }\nX\n",
	"a = \"\\\"]\\${[\" \n b = \"$$${x}\" c = \"%${1}\"",
	"a = /* unclosed [ \n b = [",
	"a = \"${ {a = 1} }\" b = \"${ \"${ \"${1}\" }\" }\"",
	"a = }}} \"${1}\" ~} {",
	"a = <<EOT\r\nx\r\nEOT\r\n",
	"a = <<EOT\nx\ry\nEOT\n[",
	"\xef\xbb\xbfa = [1]",
	"a = <<EOT\n${\n<<Y\nY\n}\nEOT\n",
	"a = <<EOT\n$\n%\nEOT\n",
	"a = \"\\\n\" [ ",
	"a = <<É\nx\nÉ\n",
	"a = <<EOT",
	"a = \"${",
	"a = \"%{ if x }%{ for y in z }%{ endfor }%{ endif }\"",
}

func TestScanMatchesLexer(t *testing.T) {
	for _, s := range scanSeeds {
		want, got := lexerView([]byte(s)), scanView([]byte(s))
		if strings.Join(want, " ") != strings.Join(got, " ") {
			t.Errorf("%q:\nlexer %v\nscan  %v", s, want, got)
		}
	}
}

// FuzzScanMatchesLexer holds the scan to hclsyntax's lexer on any UTF-8
// text (Parse rejects the rest before scanning).
func FuzzScanMatchesLexer(f *testing.F) {
	for _, s := range scanSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		want, got := lexerView([]byte(s)), scanView([]byte(s))
		if strings.Join(want, " ") != strings.Join(got, " ") {
			t.Fatalf("%q:\nlexer %v\nscan  %v", s, want, got)
		}
	})
}
