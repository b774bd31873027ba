package lang

import (
	"bytes"

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
// hclsyntax does.
func Advance(p hcl.Pos, text []byte) hcl.Pos {
	for len(text) > 0 {
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
		text = text[n:]
	}
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
