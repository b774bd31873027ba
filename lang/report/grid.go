package report

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// grid is a table of text cells: a header row, then rows whose first cell
// names the row. Text, Markdown and HTML renderings share it, so the three
// formats always show the same figures.
type grid struct {
	head  []string
	rows  [][]string
	align align
}

// align says how writeText lines up a grid's columns.
type align int

const (
	// alignTable: the first column left-aligned, the others right-aligned,
	// two spaces apart, trailing spaces trimmed.
	alignTable align = iota
	// alignRight: every column right-aligned, each after two spaces (the
	// yearly table of offer report).
	alignRight
	// alignLeft: every column left-aligned and padded two spaces past its
	// widest cell, except the last (lists such as diff's levers and
	// history's rows).
	alignLeft
)

func (g *grid) add(cells ...string) { g.rows = append(g.rows, cells) }

// writeText renders the grid for a terminal: the first column left-aligned,
// the others right-aligned, two spaces apart.
func (g *grid) writeText(w io.Writer) {
	all := g.rows
	if g.head != nil {
		all = append([][]string{g.head}, g.rows...)
	}
	width := ColumnWidths(all)
	for _, row := range all {
		var b strings.Builder
		for i := range width {
			cell := ""
			if i < len(row) {
				cell = row[i]
			}
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(cell))
			switch {
			case g.align == alignLeft && i == len(width)-1:
				b.WriteString(cell)
			case g.align == alignLeft:
				b.WriteString(cell + pad + "  ")
			case g.align == alignRight || i > 0:
				b.WriteString("  " + pad + cell)
			default:
				b.WriteString(cell + pad)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " ")) // an empty last cell leaves no trailing blanks
	}
}

// ColumnWidths returns the width of each column of rows in runes: its
// widest cell. A row may have fewer cells than another.
func ColumnWidths(rows [][]string) []int {
	var width []int
	for _, row := range rows {
		for i, cell := range row {
			if i >= len(width) {
				width = append(width, 0)
			}
			width[i] = max(width[i], utf8.RuneCountInString(cell))
		}
	}
	return width
}

// writeMarkdown renders the grid as a GitHub-flavoured Markdown table.
func (g *grid) writeMarkdown(w io.Writer) {
	line := func(cells []string) {
		var b strings.Builder
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + markdownCell(strings.TrimSpace(c)) + " |")
		}
		fmt.Fprintln(w, b.String())
	}
	line(g.head)
	sep := "|---|"
	for range g.head[1:] {
		if g.align == alignLeft {
			sep += "---|" // lists of text (diff's levers, history's rows)
		} else {
			sep += "--:|"
		}
	}
	fmt.Fprintln(w, sep)
	for _, row := range g.rows {
		cells := append([]string(nil), row...)
		if strings.HasPrefix(cells[0], "  ") {
			// Sub-rows (a year's components) are indented in text; in
			// Markdown leading spaces vanish, so mark them instead.
			cells[0] = "· " + strings.TrimSpace(cells[0])
		}
		line(cells)
	}
}

// MarkdownEscape escapes text from files (names, companies, git
// revisions) so that it shows literally in Markdown and cannot break a
// table or inject markup, and escapes no more than that, since Markdown is
// also read as it is written ("$210,000 -> $215,000", "HEAD~2",
// "amazon_l6", "[1]"). Always escaped: the backslash, '|' (a table's cell
// boundary), '*' and '`', '<' (HTML and autolinks; a '>' alone starts
// neither). Brackets are escaped when the text could make a link of them
// ("](", "][", "]:"), a '_' unless it stands between two
// letters or digits (there it cannot open or close emphasis), a '~' only
// when the text holds two (a pair strikes through). Line breaks become
// spaces. At the start (text put at the start of a line: a heading's or
// paragraph's), where more is markup: leading spaces are dropped (four
// would begin a code block, fewer show nothing), a '>' or '#' is escaped
// (a quote, a heading), and so is a list marker ("- ", "+ ", "1. ", "1) ",
// or the marker alone) or a rule of dashes ("---").
func MarkdownEscape(s string) string {
	out := strings.TrimLeft(markdownCell(s), " \t")
	if out == "" {
		return out
	}
	digits := len(out) - len(strings.TrimLeft(out, "0123456789"))
	marker := func(at int) bool { // a list marker ends at at: the end, or a space or tab after it
		return at == len(out) || out[at] == ' ' || out[at] == '\t'
	}
	switch c := out[0]; {
	case c == '>' || c == '#':
		return "\\" + out
	case (c == '-' || c == '+') && marker(1), c == '-' && strings.Trim(out, "- \t") == "":
		return "\\" + out
	case digits > 0 && digits <= 9 && digits < len(out) && (out[digits] == '.' || out[digits] == ')') && marker(digits+1):
		return out[:digits] + "\\" + out[digits:]
	}
	return out
}

// markdownCell is MarkdownEscape for a table cell, which begins after a
// '|' and so never at the start of a line.
func markdownCell(s string) string {
	rs := []rune(s)
	tildes := strings.Count(s, "~")
	// A bracket makes a link only with "](" (inline link or image), "]["
	// (reference) or "]:" (the definition a shortcut "[1]" needs), so a
	// note marker "[1]" stays as written.
	links := strings.Contains(s, "](") || strings.Contains(s, "][") || strings.Contains(s, "]:")
	var b strings.Builder
	for i, r := range rs {
		escape := false
		switch r {
		case '\\', '|', '*', '`', '<':
			escape = true
		case '[', ']':
			escape = links
		case '_':
			escape = i == 0 || i == len(rs)-1 || !isAlnum(rs[i-1]) || !isAlnum(rs[i+1])
		case '~':
			escape = tildes > 1
		case '\n', '\r':
			b.WriteByte(' ')
			continue
		}
		if escape {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// yearHead is the heading of a table of the four years and their sum.
func yearHead() []string { return []string{"", "Year 1", "Year 2", "Year 3", "Year 4", "4 years"} }
