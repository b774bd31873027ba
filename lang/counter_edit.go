package lang

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// This file writes generated text into a counter as a script or email
// block, as a minimal edit: one insertion before the counter's closing
// brace, or the replacement of the block it supersedes. The rest of the
// file stays byte for byte as it was. An editor applies the edit as a code
// action; protocol types stay in lsp/.

// BlockEdit replaces Range (zero-width for an insertion) with NewText.
type BlockEdit struct {
	Range   hcl.Range
	NewText string
}

// Apply returns src with the edit applied.
func (e BlockEdit) Apply(src []byte) []byte {
	out := append([]byte{}, src[:e.Range.Start.Byte]...)
	out = append(out, e.NewText...)
	return append(out, src[e.Range.End.Byte:]...)
}

// ScriptEdit returns the edit that puts `script "<lever>" { text = ... }`
// into a counter: it replaces the counter's script block for that lever, or
// is inserted before the closing brace.
func ScriptEdit(f *File, ct *CounterDoc, lever, text string) (BlockEdit, error) {
	var existing *TextDoc
	for _, s := range ct.Scripts {
		if s.Label == lever {
			existing = s
		}
	}
	return blockEdit(f, ct, existing, "script", lever, []heredocAttr{{name: "text", text: text}})
}

// EmailEdit returns the edit that puts `email "<kind>" { subject, body }`
// into a counter, replacing its email block of that kind if there is one.
func EmailEdit(f *File, ct *CounterDoc, kind, subject, body string) (BlockEdit, error) {
	var existing *TextDoc
	for _, e := range ct.Emails {
		if e.Label == kind {
			existing = e
		}
	}
	return blockEdit(f, ct, existing, "email", kind, []heredocAttr{{name: "subject", text: subject, quoted: true}, {name: "body", text: body}})
}

type heredocAttr struct {
	name, text string
	quoted     bool // a one-line quoted string instead of a heredoc
}

func blockEdit(f *File, ct *CounterDoc, existing *TextDoc, typ, label string, attrs []heredocAttr) (BlockEdit, error) {
	src := f.Src
	end := ct.Range.End.Byte
	if end < 1 || end > len(src) || src[end-1] != '}' {
		return BlockEdit{}, fmt.Errorf("counter %q has no closing brace to insert before; fix its syntax first", ct.Name)
	}
	outer := lineIndent(src, ct.Range.Start.Byte)
	inner := outer + "  "
	if a := ct.Attr("offer"); a != nil && a.Range.Start.Line != ct.Range.Start.Line {
		inner = lineIndent(src, a.Range.Start.Byte)
	}
	block := renderBlock(inner, typ, label, attrs)
	if existing != nil {
		r := existing.Range
		return BlockEdit{Range: r, NewText: strings.TrimSuffix(strings.TrimPrefix(block, inner), "\n")}, nil
	}
	closeAt := end - 1
	lineStart := bytes.LastIndexByte(src[:closeAt], '\n') + 1
	if len(bytes.TrimSpace(src[lineStart:closeAt])) == 0 {
		// The brace is alone on its line: insert whole lines before it,
		// after a blank line unless one is there already.
		prev := src[:lineStart]
		if len(bytes.TrimRight(prev, " \t\r\n")) > 0 && !bytes.HasSuffix(bytes.TrimRight(prev, " \t\r"), []byte("\n\n")) &&
			!bytes.HasSuffix(bytes.TrimRight(prev, " \t\r\n"), []byte("{")) {
			block = "\n" + block
		}
		p := posAt(f, lineStart)
		return BlockEdit{Range: hcl.Range{Filename: f.Name, Start: p, End: p}, NewText: block}, nil
	}
	// A one-line block (counter "c" { offer = offer.o }): HCL cannot add a
	// line to it, so the edit spans its inside and writes it out over
	// lines, the attribute text unchanged.
	open := ct.Syntax.OpenBraceRange.End.Byte
	if open <= 0 || open > closeAt {
		return BlockEdit{}, fmt.Errorf("counter %q has no opening brace; fix its syntax first", ct.Name)
	}
	text := "\n"
	if inside := strings.TrimSpace(string(src[open:closeAt])); inside != "" {
		text += inner + inside + "\n\n"
	}
	text += block + outer
	return BlockEdit{Range: hcl.Range{Filename: f.Name, Start: posAt(f, open), End: posAt(f, closeAt)}, NewText: text}, nil
}

// lineIndent returns the spaces and tabs that start the line holding byte
// off.
func lineIndent(src []byte, off int) string {
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	i := start
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return string(src[start:i])
}

// posAt returns the position of a byte offset of the file.
func posAt(f *File, off int) hcl.Pos {
	return PosAt(f.Src, off)
}

// renderBlock writes a block with heredoc attributes, every line indented.
func renderBlock(indent, typ, label string, attrs []heredocAttr) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s%s %q {\n", indent, typ, label)
	width := 0
	for _, a := range attrs {
		if len(a.name) > width {
			width = len(a.name)
		}
	}
	for _, a := range attrs {
		name := a.name + strings.Repeat(" ", width-len(a.name))
		if a.quoted {
			fmt.Fprintf(&b, "%s  %s = %s\n", indent, name, quoteHCL(a.text))
			continue
		}
		delim := heredocDelimiter(a.text)
		fmt.Fprintf(&b, "%s  %s = <<-%s\n", indent, name, delim)
		for _, line := range strings.Split(strings.TrimRight(a.text, "\n"), "\n") {
			if strings.TrimSpace(line) == "" {
				b.WriteString("\n")
				continue
			}
			fmt.Fprintf(&b, "%s    %s\n", indent, escapeTemplate(line))
		}
		fmt.Fprintf(&b, "%s  %s\n", indent, delim)
	}
	fmt.Fprintf(&b, "%s}\n", indent)
	return b.String()
}

// heredocDelimiter returns EOT, or EOT2, EOT3... when a line of the text
// would end the heredoc early.
func heredocDelimiter(text string) string {
	lines := map[string]bool{}
	for _, l := range strings.Split(text, "\n") {
		lines[strings.TrimSpace(l)] = true
	}
	d := "EOT"
	for i := 2; lines[d]; i++ {
		d = fmt.Sprintf("EOT%d", i)
	}
	return d
}

// escapeTemplate keeps "${" and "%{" literal in HCL template text.
func escapeTemplate(s string) string {
	s = strings.ReplaceAll(s, "${", "$${")
	return strings.ReplaceAll(s, "%{", "%%{")
}

// quoteHCL writes a one-line HCL string literal.
func quoteHCL(s string) string {
	s = strings.NewReplacer("\\", "\\\\", "\"", "\\\"", "\n", "\\n", "\r", "\\r", "\t", "\\t").Replace(s)
	return "\"" + escapeTemplate(s) + "\""
}
