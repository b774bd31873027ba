package report

import "testing"

// Markdown output is also read as written: it escapes what would break a
// table or turn into markup, and nothing else ("->", "HEAD~2",
// "amazon_l6" and a note's "[1]" stay as they are).
func TestMarkdownEscapesOnlyWhatItNeeds(t *testing.T) {
	for _, c := range []struct{ in, cell, block string }{
		{"$210,000 -> $215,000", "$210,000 -> $215,000", "$210,000 -> $215,000"},
		{"HEAD~2:a.offer.hcl -> a.offer.hcl", "HEAD~2:a.offer.hcl -> a.offer.hcl", "HEAD~2:a.offer.hcl -> a.offer.hcl"},
		{"offer amazon_l6", "offer amazon_l6", "offer amazon_l6"},
		{"Round 1 | 2", `Round 1 \| 2`, `Round 1 \| 2`},
		{"<script>x</script>", `\<script>x\</script>`, `\<script>x\</script>`},
		{"[link](javascript:x) *b* `c` \\", `\[link\](javascript:x) \*b\* \` + "`c\\` " + `\\`, `\[link\](javascript:x) \*b\* \` + "`c\\` " + `\\`},
		{"_em_ a_b _c", `\_em\_ a_b \_c`, `\_em\_ a_b \_c`},
		{"~~gone~~ and ~x~", `\~\~gone\~\~ and \~x\~`, `\~\~gone\~\~ and \~x\~`},
		{"> quoted", "> quoted", `\> quoted`},
		{"# title", "# title", `\# title`},
		{"two\nlines", "two lines", "two lines"},
		{"offer x [1]", "offer x [1]", "offer x [1]"},
		{"[1]: http://e", `\[1\]: http://e`, `\[1\]: http://e`},
		{"![img](http://e/x.png)", `!\[img\](http://e/x.png)`, `!\[img\](http://e/x.png)`},
		{"[a][b]", `\[a\]\[b\]`, `\[a\]\[b\]`},
		// At the start of a line, a list marker, a rule and a code
		// block's indent are markup; in a cell or mid-line they are not.
		{"- item", "- item", `\- item`},
		{"+ item", "+ item", `\+ item`},
		{"-", "-", `\-`},
		{"1. first", "1. first", `1\. first`},
		{"2026) year", "2026) year", `2026\) year`},
		{"---", "---", `\---`},
		{"- - -", "- - -", `\- - -`},
		{"    code", "    code", "code"},
		{"-$5,000", "-$5,000", "-$5,000"},
		{"2026.5 and 1.5x", "2026.5 and 1.5x", "2026.5 and 1.5x"},
		{"1234567890. x", "1234567890. x", "1234567890. x"},
		{"+5.1%", "+5.1%", "+5.1%"},
	} {
		if got := markdownCell(c.in); got != c.cell {
			t.Errorf("cell %q: got %q, want %q", c.in, got, c.cell)
		}
		if got := MarkdownEscape(c.in); got != c.block {
			t.Errorf("block %q: got %q, want %q", c.in, got, c.block)
		}
	}
}
