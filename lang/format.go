package lang

import (
	"bytes"
	"sort"
	"strings"

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
//
// hclsyntax's lexer costs about 100 ns a byte (it finds each character's
// grapheme cluster to count columns), so a 4 MiB file takes a few tenths of
// a second per lexing: Format lexes the text once for its own checks and
// reuses the parse's syntax tree, since hclwrite.Format only changes the
// spaces within lines and keeps every line where it was.
func Format(filename string, src []byte) ([]byte, Diagnostics) {
	f, diags := Parse(filename, src)
	if diags.HasErrors() {
		return nil, diags
	}
	return formatParsed(filename, src, f)
}

// FormatFile is Format for a decoded file: it reuses the file's syntax
// tree when the file parsed without diagnostics (the language server's
// documents) instead of parsing it again.
func FormatFile(file *File) ([]byte, Diagnostics) {
	if file.cleanParse && file.Syntax != nil {
		return formatParsed(file.Name, file.Src, file.Syntax)
	}
	return Format(file.Name, file.Src)
}

// formatParsed lays out src, whose parse f had no errors.
func formatParsed(filename string, src []byte, f *hcl.File) ([]byte, Diagnostics) {
	toks, _ := hclsyntax.LexConfig(src, filename, hcl.InitialPos)
	out := hclwrite.Format(src)
	laid := out // hclwrite's layout: what the token check reads (the steps below move only line breaks and trailing spaces)
	eol := "\n"
	if i := bytes.IndexByte(out, '\n'); i > 0 && out[i-1] == '\r' {
		eol = "\r\n"
	}
	lines := splitLines(out)
	sameLines := bytes.Count(out, newline) == bytes.Count(src, newline)
	kept := toks
	if !sameLines {
		// Never seen; should hclwrite ever move a line, read it anew.
		kept, _ = hclsyntax.LexConfig(out, filename, hcl.InitialPos)
	}
	values, comments := keptLines(kept)
	lines, at := tidyLines(lines, values, comments)
	var items []topItem
	if !sameLines {
		items = topItemsOf(filename, joinLines(lines, eol))
	} else {
		items = topItems(f)
		for i := range items {
			items[i].start, items[i].end = at[items[i].start], at[items[i].end]
		}
	}
	lines = separateBlocks(items, lines)
	out = joinLines(lines, eol)
	if bytes.Equal(out, src) {
		return out, nil // already laid out: the tokens are those of src
	}
	if at, changed := lineTokensDiffer(filename, src, toks, laid); changed {
		return nil, Diagnostics{errorf("unformattable", at, "Layout would change the meaning",
			"Laying out this line would join or split tokens and so change what it says (hclwrite removes the spaces in \"270. 0\", making it the number 270.0). Write the expression without the stray space; the file was left as it is.")}
	}
	return out, nil
}

// tokensDiffer reports where formatting changed the text's tokens (other
// than line breaks and comments' trailing spaces): the layout is meant to
// move whitespace only, and this makes sure it did.
// a holds the tokens of before.
func tokensDiffer(filename string, before []byte, a hclsyntax.Tokens, after []byte) (hcl.Range, bool) {
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
// continue a /* */ comment (comments), from a file's tokens.
func keptLines(toks hclsyntax.Tokens) (values, comments map[int]bool) {
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

// tidyLines applies conventions 1 and 2 outside heredocs. at maps the
// 1-based number of each line kept to its number in the result.
func tidyLines(in []line, values, comments map[int]bool) (out []line, at []int) {
	at = make([]int, len(in)+2)
	for i, l := range in {
		l.value, l.comment = values[i+1], comments[i+1]
		if !l.value {
			l.text = strings.TrimRight(l.text, " \t")
			blank := l.text == "" && !l.comment
			if blank && (len(out) == 0 || (out[len(out)-1].text == "" && !out[len(out)-1].value)) {
				continue
			}
		}
		out = append(out, l)
		at[i+1] = len(out)
	}
	for i := 1; i < len(at); i++ {
		if at[i] == 0 {
			at[i] = at[i-1] // a line dropped: the line kept before it
		}
	}
	for len(out) > 0 && out[len(out)-1].text == "" && !out[len(out)-1].value {
		out = out[:len(out)-1]
	}
	return out, at
}

// topItem is a top-level attribute or block: its first and last lines.
type topItem struct {
	start, end int
	block      bool
}

// topItems returns the top-level items of a parsed file, in order.
func topItems(f *hcl.File) []topItem {
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return nil
	}
	var items []topItem
	for _, a := range body.Attributes {
		items = append(items, topItem{a.SrcRange.Start.Line, a.SrcRange.End.Line, false})
	}
	for _, b := range body.Blocks {
		r := b.Range()
		items = append(items, topItem{r.Start.Line, r.End.Line, true})
	}
	sort.Slice(items, func(i, j int) bool { return items[i].start < items[j].start })
	return items
}

// topItemsOf parses src for its top-level items; none when it does not
// parse.
func topItemsOf(filename string, src []byte) []topItem {
	f, diags := hclsyntax.ParseConfig(src, filename, hcl.InitialPos)
	if diags.HasErrors() {
		return nil
	}
	return topItems(f)
}

// separateBlocks applies convention 3: it inserts a blank line before a
// top-level block (or before the comment lines directly above it) that
// follows another top-level item with no blank line in between. items are
// the top-level items, by their lines in lines.
func separateBlocks(items []topItem, lines []line) []line {
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
