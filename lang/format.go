package lang

import (
	"bytes"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
)

// This file defines the canonical layout of offer and band files: HCL's own
// formatting (hclwrite.Format: indentation, aligned "=" signs, spacing
// around operators) followed by a few conventions of the project, all of
// which only move whitespace (docs/fmt.md lists them):
//
//  1. no whitespace at the end of a line;
//  2. at most one blank line in a row, and none at the start or end of the
//     file;
//  3. one blank line between top-level blocks (a comment directly above a
//     block stays attached to it);
//  4. the file ends with exactly one line break.
//
// The text inside heredocs (<<EOT ... EOT) is a value and is left exactly as
// written. Files written with CRLF line endings keep them.

// Format returns the canonical layout of a file's text. It refuses (returns
// the syntax diagnostics and nil) when the text does not parse, so that a
// broken file is never rewritten. Format is idempotent: formatting its
// output returns the same bytes.
func Format(filename string, src []byte) ([]byte, Diagnostics) {
	if _, diags := Parse(filename, src); diags.HasErrors() {
		return nil, diags
	}
	out := hclwrite.Format(src)
	eol := "\n"
	if i := bytes.IndexByte(out, '\n'); i > 0 && out[i-1] == '\r' {
		eol = "\r\n"
	}
	lines := splitLines(out)
	values, comments := keptLines(filename, out)
	lines = tidyLines(lines, values, comments)
	lines = separateBlocks(filename, lines, eol)
	out = joinLines(lines, eol)
	if at, changed := tokensDiffer(filename, src, out); changed {
		return nil, Diagnostics{errorf("unformattable", at, "Layout would change the meaning",
			"Laying out this line would join or split tokens and so change what it says (hclwrite removes the spaces in \"270. 0\", making it the number 270.0). Write the expression without the stray space; the file was left as it is.")}
	}
	return out, nil
}

// tokensDiffer reports where formatting changed the text's tokens (other
// than line breaks and comments' trailing spaces): the layout is meant to
// move whitespace only, and this makes sure it did.
func tokensDiffer(filename string, before, after []byte) (hcl.Range, bool) {
	a, _ := hclsyntax.LexConfig(before, filename, hcl.InitialPos)
	b, _ := hclsyntax.LexConfig(after, filename, hcl.InitialPos)
	significant := func(ts hclsyntax.Tokens) hclsyntax.Tokens {
		out := ts[:0:0]
		for _, t := range ts {
			if t.Type != hclsyntax.TokenNewline {
				out = append(out, t)
			}
		}
		return out
	}
	a, b = significant(a), significant(b)
	for i := range a {
		if i >= len(b) || a[i].Type != b[i].Type || !sameTokenText(a[i], b[i]) {
			return a[i].Range, true
		}
	}
	if len(b) > len(a) {
		return b[len(a)].Range, true
	}
	return hcl.Range{}, false
}

func sameTokenText(a, b hclsyntax.Token) bool {
	if a.Type == hclsyntax.TokenComment && b.Type == a.Type {
		// A block comment's lines lose their trailing spaces.
		return bytes.Equal(trimLineEnds(a.Bytes), trimLineEnds(b.Bytes))
	}
	if a.Type == hclsyntax.TokenStringLit || a.Type == hclsyntax.TokenQuotedLit {
		return bytes.Equal(bytes.TrimRight(a.Bytes, " \t\r\n"), bytes.TrimRight(b.Bytes, " \t\r\n"))
	}
	return bytes.Equal(a.Bytes, b.Bytes)
}

// trimLineEnds removes the spaces, tabs and carriage returns at the end of
// each line of b and at its end.
func trimLineEnds(b []byte) []byte {
	ls := bytes.Split(b, []byte("\n"))
	for i, l := range ls {
		ls[i] = bytes.TrimRight(l, " \t\r")
	}
	return bytes.TrimRight(bytes.Join(ls, []byte("\n")), "\n")
}

// line is one line of text without its line ending; value lines are inside
// a heredoc and are never changed; comment lines continue a /* */ comment,
// whose blank lines are the comment's own and are kept.
type line struct {
	text    string
	value   bool
	comment bool
}

func splitLines(src []byte) []line {
	parts := bytes.Split(src, []byte("\n"))
	if len(parts) > 0 && len(parts[len(parts)-1]) == 0 {
		parts = parts[:len(parts)-1] // the text after the last line break
	}
	out := make([]line, len(parts))
	for i, p := range parts {
		out[i] = line{text: string(bytes.TrimSuffix(p, []byte("\r")))}
	}
	return out
}

func joinLines(lines []line, eol string) []byte {
	var b bytes.Buffer
	for _, l := range lines {
		b.WriteString(l.text)
		b.WriteString(eol)
	}
	return b.Bytes()
}

// keptLines returns the 1-based numbers of the lines that hold heredoc
// content or a heredoc's closing marker (values), and of the lines that
// continue a /* */ comment (comments).
func keptLines(filename string, src []byte) (values, comments map[int]bool) {
	toks, _ := hclsyntax.LexConfig(src, filename, hcl.InitialPos)
	out, comments := map[int]bool{}, map[int]bool{}
	open := 0
	for _, t := range toks {
		switch t.Type {
		case hclsyntax.TokenComment:
			for l := t.Range.Start.Line + 1; l <= t.Range.End.Line; l++ {
				if l < t.Range.End.Line || t.Range.End.Column > 1 { // a # or // comment ends at the next line's start
					comments[l] = true
				}
			}
		case hclsyntax.TokenOHeredoc:
			open = t.Range.Start.Line
		case hclsyntax.TokenCHeredoc:
			for l := open + 1; l <= t.Range.Start.Line; l++ {
				out[l] = true
			}
			open = 0
		}
	}
	return out, comments
}

// tidyLines applies conventions 1 and 2 outside heredocs.
func tidyLines(in []line, values, comments map[int]bool) []line {
	var out []line
	for i, l := range in {
		l.value, l.comment = values[i+1], comments[i+1]
		if !l.value {
			l.text = string(bytes.TrimRight([]byte(l.text), " \t"))
			blank := l.text == "" && !l.comment
			if blank && (len(out) == 0 || (out[len(out)-1].text == "" && !out[len(out)-1].value)) {
				continue
			}
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1].text == "" && !out[len(out)-1].value {
		out = out[:len(out)-1]
	}
	return out
}

// separateBlocks applies convention 3: it inserts a blank line before a
// top-level block (or before the comment lines directly above it) that
// follows another top-level item with no blank line in between.
func separateBlocks(filename string, lines []line, eol string) []line {
	src := joinLines(lines, eol)
	f, diags := hclsyntax.ParseConfig(src, filename, hcl.InitialPos)
	if diags.HasErrors() {
		return lines
	}
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return lines
	}
	type item struct {
		start, end int
		block      bool
	}
	var items []item
	for _, a := range body.Attributes {
		items = append(items, item{a.SrcRange.Start.Line, a.SrcRange.End.Line, false})
	}
	for _, b := range body.Blocks {
		r := b.Range()
		items = append(items, item{r.Start.Line, r.End.Line, true})
	}
	sort.Slice(items, func(i, j int) bool { return items[i].start < items[j].start })
	blankBefore := map[int]bool{} // 1-based line numbers
	for i := 1; i < len(items); i++ {
		prev, it := items[i-1], items[i]
		if !it.block && !prev.block {
			continue
		}
		first := it.start
		for first-1 > prev.end && isCommentLine(lines[first-2].text) {
			first--
		}
		if first-1 == prev.end {
			blankBefore[first] = true
		}
	}
	if len(blankBefore) == 0 {
		return lines
	}
	out := make([]line, 0, len(lines)+len(blankBefore))
	for i, l := range lines {
		if blankBefore[i+1] {
			out = append(out, line{})
		}
		out = append(out, l)
	}
	return out
}

func isCommentLine(s string) bool {
	t := bytes.TrimLeft([]byte(s), " \t")
	return bytes.HasPrefix(t, []byte("#")) || bytes.HasPrefix(t, []byte("//"))
}
