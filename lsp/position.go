package lsp

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/lang"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file is the only place that converts between LSP positions and
// byte offsets. LSP counts a position's character in UTF-16 code units by
// default, or in UTF-8 bytes when both sides agree on "utf-8"; hcl.Pos
// carries a byte offset, which is what lang and lang/analysis compare.

// Encoding is a negotiated position encoding.
type Encoding string

const (
	UTF16 Encoding = "utf-16"
	UTF8  Encoding = "utf-8"
)

// mapper converts positions within one text.
type mapper struct {
	text  []byte
	lines []int // byte offset of the start of each line
	enc   Encoding
}

func newMapper(text []byte, enc Encoding) *mapper {
	lines := make([]int, 1, bytes.Count(text, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(text[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		lines = append(lines, i)
	}
	return &mapper{text: text, lines: lines, enc: enc}
}

// lineBounds returns the byte range of a line's content, its line ending
// (LF or CRLF) excluded.
func (m *mapper) lineBounds(line int) (start, end int) {
	start = m.lines[line]
	end = len(m.text)
	if line+1 < len(m.lines) {
		end = m.lines[line+1] - 1
		if end > start && m.text[end-1] == '\r' {
			end--
		}
	}
	return start, end
}

// units returns the width of a rune in the negotiated encoding.
func (m *mapper) units(r rune, size int) int {
	if m.enc == UTF8 {
		return size
	}
	if r == utf8.RuneError && size <= 1 {
		return 1 // an invalid byte counts as one unit, as editors show it
	}
	if r >= 0x10000 {
		return 2 // a surrogate pair
	}
	return 1
}

// offset returns the byte offset of an LSP position. A line past the end
// maps to the end of the text and a character past the end of its line to
// the line's end, as LSP asks; a character inside a multi-unit rune maps to
// the rune's start.
func (m *mapper) offset(p protocol.Position) int {
	if int(p.Line) >= len(m.lines) {
		return len(m.text)
	}
	start, end := m.lineBounds(int(p.Line))
	want, n := int(p.Character), 0
	i := start
	for i < end {
		r, size := utf8.DecodeRune(m.text[i:end])
		u := m.units(r, size)
		if n+u > want {
			break
		}
		n += u
		i += size
	}
	return i
}

// position returns the LSP position of a byte offset.
func (m *mapper) position(off int) protocol.Position {
	off = max(0, min(off, len(m.text)))
	line := sort.Search(len(m.lines), func(i int) bool { return m.lines[i] > off }) - 1
	start, end := m.lineBounds(line)
	off = min(off, end) // between a CR and its LF: the end of the line
	n := 0
	for i := start; i < off; {
		r, size := utf8.DecodeRune(m.text[i:off])
		n += m.units(r, size)
		i += size
	}
	return protocol.Position{Line: protocol.UInteger(line), Character: protocol.UInteger(n)}
}

// cursor converts byte offsets to LSP positions in increasing order, in
// one pass over the text: m.position counts a line from its start on every
// call, so converting each of a long line's tokens that way is quadratic
// (a million tokens on one line kept a server busy for 40 minutes).
type cursor struct {
	m    *mapper
	line int // the line of off
	off  int // a byte offset at a rune boundary, not past the text
	n    int // off's character on its line
}

func (m *mapper) cursor() *cursor { return &cursor{m: m} }

// position returns the LSP position of off; an offset before the last one
// asked for is converted from its line's start, as m.position does.
func (c *cursor) position(off int) protocol.Position {
	m := c.m
	off = max(0, min(off, len(m.text)))
	if off < c.off {
		return m.position(off)
	}
	if c.line+1 < len(m.lines) && off >= m.lines[c.line+1] {
		c.line = sort.Search(len(m.lines), func(i int) bool { return m.lines[i] > off }) - 1
		c.off, c.n = m.lines[c.line], 0
	}
	_, end := m.lineBounds(c.line)
	stop := min(off, end) // between a CR and its LF: the end of the line
	for c.off < stop {
		r, size := utf8.DecodeRune(m.text[c.off:end])
		if c.off+size > stop {
			break // stop is inside this rune: counted below, as m.position counts it
		}
		c.n += m.units(r, size)
		c.off += size
	}
	n := c.n
	for i := c.off; i < stop; {
		r, size := utf8.DecodeRune(m.text[i:stop])
		n += m.units(r, size)
		i += size
	}
	return protocol.Position{Line: protocol.UInteger(c.line), Character: protocol.UInteger(n)}
}

// hclPos returns the hcl.Pos of an LSP position: line and column from 1
// (the column counted as lang.Columns counts it, as HCL does), and the
// byte offset.
func (m *mapper) hclPos(p protocol.Position) hcl.Pos {
	off := m.offset(p)
	line := sort.Search(len(m.lines), func(i int) bool { return m.lines[i] > off }) - 1
	return hcl.Pos{Line: line + 1, Column: lang.Columns(m.text[m.lines[line]:off]) + 1, Byte: off}
}

// hclRange converts an LSP range.
func (m *mapper) hclRange(name string, r protocol.Range) hcl.Range {
	return hcl.Range{Filename: name, Start: m.hclPos(r.Start), End: m.hclPos(r.End)}
}

// protoRange converts an hcl.Range by its byte offsets.
func (m *mapper) protoRange(r hcl.Range) protocol.Range {
	return protocol.Range{Start: m.position(r.Start.Byte), End: m.position(r.End.Byte)}
}

// protoPos converts an hcl.Pos by its byte offset.
func (m *mapper) protoPos(p hcl.Pos) protocol.Position { return m.position(p.Byte) }
