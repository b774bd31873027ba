package analysis

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
	"github.com/zclconf/go-cty/cty"
)

// This file builds the blocks the tool writes (a counter-proposal, a
// script or email in a counter, a block a quick fix adds) with hclwrite,
// and places them as minimal edits: the rest of the file stays byte for
// byte as it was.

// blockText renders what f holds, formatted, every non-blank line indented
// by indent (heredoc text too: a <<- heredoc drops the common indentation).
func blockText(f *hclwrite.File, indent string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(string(hclwrite.Format(f.Bytes())), "\n") {
		if strings.TrimSpace(line) != "" {
			b.WriteString(indent)
		}
		b.WriteString(line)
	}
	return b.String()
}

// number is a number literal as written (Money.Decimal, Dec.String), so
// that amounts are written exactly.
func number(text string) hclwrite.Tokens {
	return hclwrite.Tokens{{Type: hclsyntax.TokenNumberLit, Bytes: []byte(text)}}
}

// heredoc is a <<- heredoc holding text, its lines indented one level
// inside an attribute of a block at the left margin (blockText indents
// the whole).
func heredoc(text string) hclwrite.Tokens {
	delim := heredocDelimiter(text)
	toks := hclwrite.Tokens{{Type: hclsyntax.TokenOHeredoc, Bytes: []byte("<<-" + delim + "\n")}}
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		lit := "\n"
		if strings.TrimSpace(line) != "" {
			lit = indentUnit + indentUnit + escapeTemplate(line) + "\n"
		}
		toks = append(toks, &hclwrite.Token{Type: hclsyntax.TokenStringLit, Bytes: []byte(lit)})
	}
	return append(toks, &hclwrite.Token{Type: hclsyntax.TokenCHeredoc, Bytes: []byte(indentUnit + delim)})
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

// textBlock is a script or email block: `<typ> "<label>" { ... }`, its
// attributes set by set.
func textBlock(typ, label string, set func(*hclwrite.Body)) *hclwrite.File {
	f := hclwrite.NewEmptyFile()
	set(f.Body().AppendNewBlock(typ, []string{label}).Body())
	return f
}

// scriptEdit returns the edit that puts `script "<label>" { text = ... }`
// into a block (a counter, an offer or the candidate block; owner names it
// in errors): it replaces the block's script with that label, or is
// inserted before the closing brace.
func scriptEdit(f *lang.File, n *lang.Node, t *lang.Texts, owner, label, text string) (Edit, error) {
	block := textBlock("script", label, func(b *hclwrite.Body) { b.SetAttributeRaw("text", heredoc(text)) })
	return blockIn(f, n, owner, labelled(t.Scripts, label), block)
}

// emailEdit returns the edit that puts `email "<kind>" { subject, body }`
// into a block, replacing its email block of that kind if there is one.
func emailEdit(f *lang.File, n *lang.Node, t *lang.Texts, owner, kind, subject, body string) (Edit, error) {
	block := textBlock("email", kind, func(b *hclwrite.Body) {
		b.SetAttributeValue("subject", cty.StringVal(subject))
		b.SetAttributeRaw("body", heredoc(body))
	})
	return blockIn(f, n, owner, labelled(t.Emails, kind), block)
}

// labelled returns the last block with the label, or nil.
func labelled(blocks []*lang.TextDoc, label string) *lang.TextDoc {
	var out *lang.TextDoc
	for _, b := range blocks {
		if b.Label == label {
			out = b
		}
	}
	return out
}

// blockIn places a nested block in n: over the block it replaces
// (existing), or before n's closing brace.
func blockIn(f *lang.File, n *lang.Node, owner string, existing *lang.TextDoc, block *hclwrite.File) (Edit, error) {
	src := f.Src
	e := &editor{src: src, name: f.Name}
	end := n.Range.End.Byte
	if end < 1 || end > len(src) || src[end-1] != '}' {
		return Edit{}, fmt.Errorf("%s has no closing brace to insert before; fix its syntax first", owner)
	}
	inner := e.indentOf(n.Range.Start.Byte) + indentUnit
	if first := firstLine(n); first > 0 && e.onlyBlanksBefore(first) {
		inner = e.indentOf(first)
	}
	text := blockText(block, inner)
	if existing != nil {
		return Edit{Range: existing.Range, NewText: strings.TrimSuffix(strings.TrimPrefix(text, inner), "\n")}, nil
	}
	closeAt := end - 1
	lineStart := e.lineStart(closeAt)
	if len(bytes.TrimSpace(src[lineStart:closeAt])) == 0 {
		// The brace is alone on its line: insert whole lines before it,
		// after a blank line unless one is there already.
		prev := src[:lineStart]
		if len(bytes.TrimRight(prev, " \t\r\n")) > 0 && !bytes.HasSuffix(bytes.TrimRight(prev, " \t\r"), []byte("\n\n")) &&
			!bytes.HasSuffix(bytes.TrimRight(prev, " \t\r\n"), []byte("{")) {
			text = "\n" + text
		}
		return e.insert(lineStart, text), nil
	}
	// A one-line block (counter "c" { offer = offer.o }).
	if n.Syntax == nil || n.Syntax.OpenBraceRange.End.Byte <= 0 || n.Syntax.OpenBraceRange.End.Byte > closeAt {
		return Edit{}, fmt.Errorf("%s has no opening brace; fix its syntax first", owner)
	}
	return e.openUp(n, inner, text, true), nil
}

// firstLine returns the offset of the first attribute or nested block of
// n on a line after n's header, or -1: its indentation is the body's.
func firstLine(n *lang.Node) int {
	first := -1
	consider := func(r hcl.Range) {
		if r.Start.Line != n.Range.Start.Line && (first < 0 || r.Start.Byte < first) {
			first = r.Start.Byte
		}
	}
	for _, a := range n.Attrs {
		consider(a.Range)
	}
	for _, c := range n.Children {
		consider(c.Range)
	}
	return first
}

// counterBlock is the counter-proposal block c, answering offer in round
// round, under the comment lines.
func counterBlock(name, offer string, round int, c engine.Counter, comment []string) *hclwrite.File {
	f := hclwrite.NewEmptyFile()
	body := f.Body()
	for _, line := range comment {
		body.AppendUnstructuredTokens(hclwrite.Tokens{{Type: hclsyntax.TokenComment, Bytes: []byte("# " + line + "\n")}})
	}
	cb := body.AppendNewBlock("counter", []string{name}).Body()
	cb.SetAttributeTraversal("offer", hcl.Traversal{hcl.TraverseRoot{Name: "offer"}, hcl.TraverseAttr{Name: offer}})
	cb.SetAttributeRaw("round", number(fmt.Sprint(round)))
	if c.Base != nil {
		cb.SetAttributeRaw("base", number(c.Base.Decimal()))
	}
	if c.SignOn != nil {
		cb.AppendNewline()
		sb := cb.AppendNewBlock("sign_on", nil).Body()
		for i, m := range c.SignOn {
			if m != 0 {
				sb.SetAttributeRaw(fmt.Sprintf("year%d", i+1), number(m.Decimal()))
			}
		}
	}
	if c.Equity != nil && c.Equity.Value != nil {
		cb.AppendNewline()
		cb.AppendNewBlock("equity", nil).Body().SetAttributeRaw("value", number(c.Equity.Value.Decimal()))
	}
	return f
}

// nestedBlock is `<typ> { ... }` with the fields, in their order.
func nestedBlock(typ string, fields []field) *hclwrite.File {
	f := hclwrite.NewEmptyFile()
	b := f.Body().AppendNewBlock(typ, nil).Body()
	for _, fl := range fields {
		b.SetAttributeRaw(fl.name, number(fl.value))
	}
	return f
}
