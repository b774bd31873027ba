package lang

import (
	"bytes"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// This file is the one place that counts columns. A column of an hcl.Pos
// is what hclsyntax counts: grapheme clusters (a letter with a combining
// accent is one column, so is an emoji), from 1, with "\n" and "\r\n"
// ending a line. Everything that makes a position from a byte offset (lsp,
// lang/analysis, suppression comments, snippets, placeholders) goes
// through Advance, PosAt or Columns, so that its columns agree with the
// ranges the parser reports.

// Advance moves a position over text, counting lines and columns as
// hclsyntax does. Grapheme segmentation costs about 50 ns a byte, and the
// language server converts a position on every request: on a line of
// megabytes that took a tenth of a second each. So runs of ASCII are
// counted directly, each byte a column of its own (a "\r\n" one line
// break), except the last byte before a non-ASCII one, which may join the
// marks after it into one cluster; TestAdvanceFastPath and FuzzAdvance hold
// the two ways equal.
func Advance(p hcl.Pos, text []byte) hcl.Pos {
	for len(text) > 0 {
		if n := asciiRun(text); n > 0 {
			p = advanceASCII(p, text[:n])
			text = text[n:]
			continue
		}
		p, text = advanceCluster(p, text)
	}
	return p
}

// advanceCluster moves p over the grapheme cluster text begins with (a
// byte, when the text is not valid UTF-8 there) and returns the rest.
func advanceCluster(p hcl.Pos, text []byte) (hcl.Pos, []byte) {
	n, seq, _ := scanGraphemeCluster(text, true)
	if n <= 0 {
		n, seq = 1, text[:1]
	}
	if (len(seq) == 1 && seq[0] == '\n') || (len(seq) == 2 && seq[0] == '\r' && seq[1] == '\n') {
		p.Line, p.Column = p.Line+1, 1
	} else {
		p.Column++
	}
	p.Byte += n
	return p, text[n:]
}

// asciiRun returns how many bytes at the start of text are ASCII and each
// a grapheme cluster of its own, or ends a "\r\n" that is.
func asciiRun(text []byte) int {
	i := 0
	for i < len(text) && text[i] < utf8.RuneSelf {
		i++
	}
	if i < len(text) && i > 0 {
		i-- // the last ASCII byte may begin a cluster with what follows
		if i > 0 && text[i-1] == '\r' {
			i-- // keep "\r\n" together
		}
	}
	return i
}

// advanceASCII moves p over ASCII text.
func advanceASCII(p hcl.Pos, text []byte) hcl.Pos {
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == '\n':
			p.Line, p.Column = p.Line+1, 1
		case text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n':
			p.Line, p.Column = p.Line+1, 1
			i++
		default:
			p.Column++
		}
	}
	p.Byte += len(text)
	return p
}

// PosAt returns the position of a byte offset of src (clamped to src).
func PosAt(src []byte, off int) hcl.Pos {
	off = max(0, min(off, len(src)))
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	line := bytes.Count(src[:start], []byte{'\n'}) + 1
	return Advance(hcl.Pos{Line: line, Column: 1, Byte: start}, src[start:off])
}

// Columns returns how many columns text (part of one line) spans.
func Columns(text []byte) int {
	return Advance(hcl.Pos{Line: 1, Column: 1}, text).Column - 1
}

// byteRange is the range of the one byte at off, for a diagnostic found by
// a byte scan.
func byteRange(filename string, src []byte, off int) hcl.Range {
	return hcl.Range{Filename: filename, Start: PosAt(src, off), End: PosAt(src, off+1)}
}
