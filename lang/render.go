package lang

import (
	"bytes"
	"fmt"
	"github.com/mitchellh/go-wordwrap"
	"io"
	"strings"
)

// WriteText renders diagnostics for a terminal in HCL's manner: location,
// severity and code, the message, then the source line with the range
// marked. src returns a file's text (nil when unknown).
func WriteText(w io.Writer, diags Diagnostics, src func(filename string) []byte) error {
	var b bytes.Buffer
	for _, d := range diags {
		s := d.Subject
		fmt.Fprintf(&b, "%s:%d:%d: %s[%s]: %s\n", s.Filename, s.Start.Line, s.Start.Column, d.Severity, d.Code, d.Summary)
		if d.Detail != "" {
			for _, line := range wrap(d.Detail, 76) {
				fmt.Fprintf(&b, "  %s\n", line)
			}
		}
		if text := src(s.Filename); text != nil {
			writeSnippet(&b, text, d)
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, Printable(b.String()))
	return err
}

func writeSnippet(b *bytes.Buffer, src []byte, d *Diagnostic) {
	s := d.Subject
	line := sourceLine(src, s.Start.Line)
	if line == nil {
		return
	}
	startCol := s.Start.Column
	endCol := s.End.Column
	if s.End.Line != s.Start.Line {
		endCol = Columns(line) + 1
	}
	line, startCol, endCol = snippetWindow(line, startCol, endCol)
	text := strings.ReplaceAll(string(line), "\t", " ")
	gutter := fmt.Sprintf("%5d", s.Start.Line)
	fmt.Fprintf(b, "%s | %s\n", gutter, text)
	width := endCol - startCol
	if width < 1 {
		width = 1
	}
	fmt.Fprintf(b, "%s | %s%s\n", strings.Repeat(" ", len(gutter)), strings.Repeat(" ", max(startCol-1, 0)), strings.Repeat("^", width))
}

// snippetWindow cuts a line longer than snippetWidth bytes to a window
// around the columns marked (a hostile file can be one line of megabytes),
// with "…" where text was cut, and returns the columns within the window.
func snippetWindow(line []byte, startCol, endCol int) ([]byte, int, int) {
	const snippetWidth, before = 160, 40
	if len(line) <= snippetWidth {
		return line, startCol, endCol
	}
	from := max(1, startCol-before)
	a, z := columnOffset(line, from), columnOffset(line, from+snippetWidth)
	out := append([]byte(nil), line[a:z]...)
	shift := from - 1
	if a > 0 {
		out = append([]byte("…"), out...)
		shift--
	}
	if z < len(line) {
		out = append(out, "…"...)
	}
	return out, startCol - shift, min(endCol, from+snippetWidth) - shift
}

// columnOffset returns the byte offset of column col (1-based) of line.
func columnOffset(line []byte, col int) int {
	off := 0
	for c := 1; c < col && off < len(line); c++ {
		n, _, _ := scanGraphemeCluster(line[off:], true)
		off += max(n, 1)
	}
	return off
}

// sourceLine returns line n (1-based) of src without its line ending.
func sourceLine(src []byte, n int) []byte {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return nil
		}
		src = src[j+1:]
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return bytes.TrimRight(src, "\r")
}

// wrap breaks text into lines of at most width characters at spaces
// (go-wordwrap; a word longer than width stands on its own line).
func wrap(text string, width int) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		para = strings.Join(strings.Fields(para), " ")
		out = append(out, strings.Split(wordwrap.WrapString(para, uint(width)), "\n")...)
	}
	return out
}
