package analysis

import (
	"bytes"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/lang"
)

// This file turns "set this attribute to this value" into minimal text
// edits: replace an existing attribute's value expression, or insert a
// missing attribute or block at the block's indentation. Everything else
// in the file stays byte for byte as it was.

// indentUnit is the indentation of one nesting level in new text, as the
// canonical format writes it.
const indentUnit = "  "

type editor struct {
	src  []byte
	name string
}

func (e *editor) rng(start, end int) hcl.Range {
	return hcl.Range{Filename: e.name, Start: lang.PosAt(e.src, start), End: lang.PosAt(e.src, end)}
}

func (e *editor) insert(at int, text string) Edit { return Edit{Range: e.rng(at, at), NewText: text} }

// lineStart returns the offset of the start of the line holding off.
func (e *editor) lineStart(off int) int { return bytes.LastIndexByte(e.src[:off], '\n') + 1 }

// nextLine returns the offset just after the newline that ends the line
// holding off, or len(src).
func (e *editor) nextLine(off int) int {
	if i := bytes.IndexByte(e.src[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(e.src)
}

// indentOf returns the blanks that start the line holding off.
func (e *editor) indentOf(off int) string {
	s := e.lineStart(off)
	i := s
	for i < len(e.src) && (e.src[i] == ' ' || e.src[i] == '\t') {
		i++
	}
	return string(e.src[s:i])
}

// onlyBlanksBefore reports whether off is the first non-blank of its line.
func (e *editor) onlyBlanksBefore(off int) bool {
	return strings.TrimSpace(string(e.src[e.lineStart(off):off])) == ""
}

// innerIndent is the indentation of a block's body.
func (e *editor) innerIndent(n *lang.Node) string {
	first := -1
	for _, a := range n.Attrs {
		if first < 0 || a.Range.Start.Byte < first {
			first = a.Range.Start.Byte
		}
	}
	for _, b := range n.Children {
		if first < 0 || b.Range.Start.Byte < first {
			first = b.Range.Start.Byte
		}
	}
	if first >= 0 && e.onlyBlanksBefore(first) {
		return e.indentOf(first)
	}
	return e.indentOf(n.Range.Start.Byte) + indentUnit
}

// field is one attribute to write.
type field struct{ name, value string }

// alignWidth returns the width names are padded to so that the equals
// signs of a block line up, taken from the block's last attribute.
func (e *editor) alignWidth(n *lang.Node) int {
	if len(n.Attrs) == 0 {
		return 0
	}
	last := n.Attrs[len(n.Attrs)-1] // in source order
	eq := bytes.IndexByte(e.src[last.NameRange.End.Byte:last.ValueRange.Start.Byte], '=')
	if eq < 0 {
		return 0
	}
	return len(last.Name) + eq - 1
}

func pad(name string, width int) string {
	if len(name) < width {
		return name + strings.Repeat(" ", width-len(name))
	}
	return name
}

// setAttr returns the edits that give the attribute at path (relative to
// n) the value, creating the attribute or its block when missing. sibling
// supplies the other attributes to write when a block has to be created.
func (e *editor) setAttr(n *lang.Node, path, value string, sibling func(block string) []field) []Edit {
	head, rest, nested := strings.Cut(path, ".")
	if !nested {
		if a := n.Attr(head); a != nil {
			return []Edit{{Range: a.ValueRange, NewText: value}}
		}
		return []Edit{e.insertAttr(n, field{head, value})}
	}
	if b := n.Block(head); b != nil {
		return e.setAttr(b, rest, value, nil)
	}
	fields := []field{{rest, value}}
	if sibling != nil {
		fields = append(fields, sibling(head)...)
	}
	sort.Slice(fields, func(i, j int) bool { return fields[i].name < fields[j].name })
	return []Edit{e.insertBlock(n, head, fields)}
}

// insertAttr adds an attribute after the block's last attribute, or first
// in its body.
func (e *editor) insertAttr(n *lang.Node, f field) Edit {
	if n.Syntax == nil {
		return Edit{}
	}
	indent := e.innerIndent(n)
	open, close := n.Syntax.OpenBraceRange.End.Byte, n.Syntax.CloseBraceRange.Start.Byte
	if !e.onlyBlanksBefore(close) {
		return e.openUp(n, indent, indent+f.name+" = "+f.value+"\n", false)
	}
	line := pad(f.name, e.alignWidth(n)) + " = " + f.value
	if len(n.Attrs) > 0 { // in source order
		last := n.Attrs[len(n.Attrs)-1]
		return e.insert(e.nextLine(last.Range.End.Byte), indent+line+"\n")
	}
	return e.insert(e.nextLine(open), indent+line+"\n")
}

// insertBlock adds a nested block (built with hclwrite, blocks.go) at the
// end of the block's body, after a blank line.
func (e *editor) insertBlock(n *lang.Node, typ string, fields []field) Edit {
	if n.Syntax == nil {
		return Edit{}
	}
	indent := e.innerIndent(n)
	text := "\n" + blockText(nestedBlock(typ, fields), indent)
	close := n.Syntax.CloseBraceRange.Start.Byte
	if !e.onlyBlanksBefore(close) {
		return e.openUp(n, indent, text, false)
	}
	return e.insert(e.lineStart(close), text)
}

// openUp rewrites a one-line block (`equity { schedule = "amazon" }`),
// which HCL cannot add a line to, over lines: its body as written, at
// indent, then text, then the closing brace on its own line. apart puts a
// blank line between a body and text.
func (e *editor) openUp(n *lang.Node, indent, text string, apart bool) Edit {
	open, close := n.Syntax.OpenBraceRange.End.Byte, n.Syntax.CloseBraceRange.Start.Byte
	out := "\n"
	if body := strings.TrimSpace(string(e.src[open:close])); body != "" {
		out += indent + body + "\n"
		if apart {
			out += "\n"
		}
	}
	return Edit{Range: e.rng(open, close), NewText: out + text + e.indentOf(n.Range.Start.Byte)}
}

// deleteLine removes the line holding an attribute when nothing else is
// on it, or the attribute alone.
func (e *editor) deleteAttr(a *lang.AttrNode) Edit {
	start, end := a.Range.Start.Byte, a.Range.End.Byte
	next := e.nextLine(end)
	if e.onlyBlanksBefore(start) && strings.TrimSpace(string(e.src[end:next])) == "" {
		return Edit{Range: e.rng(e.lineStart(start), next)}
	}
	return Edit{Range: e.rng(start, end)}
}

// Apply applies edits to src, which they must not overlap within. It is
// what an editor does with them; tests and the CLI use it.
func Apply(src []byte, edits []Edit) []byte {
	sorted := append([]Edit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Range.Start.Byte > sorted[j].Range.Start.Byte })
	out := append([]byte(nil), src...)
	for _, ed := range sorted {
		s, t := ed.Range.Start.Byte, ed.Range.End.Byte
		out = append(out[:s], append([]byte(ed.NewText), out[t:]...)...)
	}
	return out
}
