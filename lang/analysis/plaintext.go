package analysis

import (
	"strings"
	"unicode/utf8"

	"github.com/offerkit/offerkit/lang/report"
)

// This file turns the Markdown of hovers and the compare table into plain
// text, for clients that ask for it (LSP hover contentFormat
// ["plaintext"], such as Emacs without markdown-mode) and for
// window/showMessage: tables become aligned columns, and emphasis, code
// marks and escapes are dropped. It reads only the Markdown this package
// and lang/report write.

// PlainText renders the Markdown the features write as plain text.
func PlainText(md string) string {
	lines := strings.Split(strings.TrimRight(md, "\n"), "\n")
	var out []string
	for i := 0; i < len(lines); {
		if isTableRow(lines[i]) {
			j := i
			for j < len(lines) && isTableRow(lines[j]) {
				j++
			}
			out = append(out, plainTable(lines[i:j])...)
			i = j
			continue
		}
		line := lines[i]
		if t := strings.TrimSpace(line); t == "---" || t == "***" {
			line = strings.Repeat("-", 20)
		}
		out = append(out, plainInline(strings.TrimPrefix(strings.TrimPrefix(line, "### "), "## ")))
		i++
	}
	return strings.Join(out, "\n")
}

func isTableRow(line string) bool {
	t := strings.TrimSpace(line)
	return len(t) > 1 && t[0] == '|' && t[len(t)-1] == '|'
}

// cells splits a table row on its unescaped bars.
func cells(row string) []string {
	row = strings.TrimSpace(row)
	row = row[1 : len(row)-1]
	var out []string
	var b strings.Builder
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\' && i+1 < len(row):
			b.WriteByte(row[i])
			b.WriteByte(row[i+1])
			i++
		case row[i] == '|':
			out = append(out, strings.TrimSpace(b.String()))
			b.Reset()
		default:
			b.WriteByte(row[i])
		}
	}
	return append(out, strings.TrimSpace(b.String()))
}

func isRule(cs []string) bool {
	for _, c := range cs {
		if strings.Trim(c, ":-") != "" || !strings.Contains(c, "-") {
			return false
		}
	}
	return true
}

// plainTable aligns a Markdown table's columns: numbers (columns whose
// rule ends with ":") to the right, text to the left.
func plainTable(rows []string) []string {
	var grid [][]string
	var right []bool
	for _, r := range rows {
		cs := cells(r)
		if isRule(cs) {
			right = make([]bool, len(cs))
			for i, c := range cs {
				right[i] = strings.HasSuffix(c, ":")
			}
			continue
		}
		for i := range cs {
			cs[i] = plainInline(cs[i])
		}
		grid = append(grid, cs)
	}
	width := report.ColumnWidths(grid)
	out := make([]string, 0, len(grid))
	for _, r := range grid {
		parts := make([]string, len(r))
		for i, c := range r {
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			if i < len(right) && right[i] {
				parts[i] = pad + c
			} else {
				parts[i] = c + pad
			}
		}
		out = append(out, strings.TrimRight(strings.Join(parts, "  "), " "))
	}
	return out
}

// plainInline drops emphasis and code marks and undoes escapes.
func plainInline(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && strings.IndexByte("\\|*_`[]<>~#-.!(){}+", s[i+1]) >= 0:
			b.WriteByte(s[i+1])
			i++
		case c == '*' || c == '`':
		case c == '_' && (i == 0 || i+1 == len(s) || s[i-1] == ' ' || s[i+1] == ' '):
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
