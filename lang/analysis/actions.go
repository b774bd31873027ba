package analysis

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/lang"
)

// This file defines code actions: a quick fix for every diagnostic that
// carries an engine.Fix, and the "Insert counter-proposal" source action.

// Actions returns the code actions for a range of a checked file.
func Actions(ws *lang.Workspace, r *lang.Result, rng hcl.Range) []Action {
	out := FixActions(r, rng)
	if p := placeAt(r, rng.Start); p != nil && p.doc != nil && p.doc.Kind == "offer" {
		out = append(out, CounterAction(ws, r, p.doc))
	}
	return out
}

// FixActions returns the quick fixes of the diagnostics that carry a fix
// and meet rng.
func FixActions(r *lang.Result, rng hcl.Range) []Action {
	if r == nil || r.File == nil {
		return nil
	}
	var out []Action
	for _, d := range r.Diags {
		if d.Fix == nil || !overlaps(d.Subject, rng) {
			continue
		}
		if a := FixAction(r, d); a != nil {
			out = append(out, *a)
		}
	}
	return out
}

// docOf returns the offer or counter a diagnostic is about.
func docOf(r *lang.Result, d *lang.Diagnostic) *lang.Doc {
	for _, doc := range r.Docs {
		if doc.Node != nil && within(doc.Node.Range, d.Subject.Start) {
			return doc
		}
	}
	return nil
}

// FixAction turns a diagnostic's engine.Fix into edits of the block it is
// about.
func FixAction(r *lang.Result, diag *lang.Diagnostic) *Action {
	doc := docOf(r, diag)
	if doc == nil || diag.Fix == nil {
		return nil
	}
	e := &editor{src: r.File.Src, name: r.File.Name}
	var edits []Edit
	paths := sortedKeys(diag.Fix.Set)
	for _, path := range paths {
		value := diag.Fix.Set[path].Decimal()
		if path == "equity.value" {
			if eq := doc.Node.Block("equity"); eq != nil && eq.Attr("value") == nil && eq.Attr("shares") != nil {
				edits = append(edits, e.sharesToValue(eq, value)...)
				continue
			}
		}
		edits = append(edits, e.setAttr(doc.Node, path, value, keepSignOn(doc))...)
	}
	for _, path := range diag.Fix.Remove {
		if a := attrAt(doc.Node, path); a != nil {
			edits = append(edits, e.deleteAttr(a))
		}
	}
	return &Action{Title: diag.Fix.Title, Kind: QuickFix, Edits: edits, Diag: diag, Preferred: true}
}

// attrAt finds the attribute at a dotted path below n ("bonus.refresher").
func attrAt(n *lang.Node, path string) *lang.AttrNode {
	head, rest, nested := strings.Cut(path, ".")
	if !nested {
		return n.Attr(head)
	}
	if b := n.Block(head); b != nil {
		return attrAt(b, rest)
	}
	return nil
}

// keepSignOn supplies, when a counter gains a sign_on block, the sign-on
// years it would otherwise drop: a counter's sign_on replaces the offer's
// as a whole.
func keepSignOn(doc *lang.Doc) func(string) []field {
	return func(block string) []field {
		if block != "sign_on" || doc.Kind != "counter" {
			return nil
		}
		var out []field
		for i, m := range doc.Analysis.Offer.SignOn {
			if i > 0 && m != 0 {
				out = append(out, field{fmt.Sprintf("year%d", i+1), m.Decimal()})
			}
		}
		return out
	}
}

// sharesToValue restates a grant given in shares as its value: the shares
// attribute becomes value, and price goes.
func (e *editor) sharesToValue(eq *lang.Node, value string) []Edit {
	sh := eq.Attr("shares")
	between := e.src[sh.NameRange.End.Byte:sh.ValueRange.Start.Byte] // " = " as written, with its padding
	width := len(sh.Name) + bytes.IndexByte(between, '=') - 1
	edits := []Edit{{Range: hcl.Range{Filename: e.name, Start: sh.Range.Start, End: sh.Range.End},
		NewText: pad("value", width) + " = " + value}}
	if p := eq.Attr("price"); p != nil {
		edits = append(edits, e.deleteAttr(p))
	}
	return edits
}
