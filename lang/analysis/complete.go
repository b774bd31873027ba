package analysis

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
)

// This file defines completion: block types, the attributes valid in the
// block at the cursor with their documentation from the schema, and values
// from the active bands.

// Currencies are the currency codes completion proposes.
var Currencies = []string{"USD", "EUR", "GBP", "CAD", "CHF", "INR", "JPY", "AUD", "SGD"}

// Complete returns the completions at pos in a checked file.
func Complete(ws *lang.Workspace, r *lang.Result, pos hcl.Pos) []Completion {
	if r == nil || r.File == nil || pos.Byte > len(r.File.Src) {
		return nil
	}
	ctx := scanContext(r.File.Src, pos.Byte)
	if strings.Contains(ctx.stmt, "\x00") {
		return nil
	}
	fs := lang.SchemaFor(r.File.Kind)
	var block *lang.Block // nil at the top level
	for i, typ := range ctx.blocks {
		if typ == "=" {
			return nil // inside an object value
		}
		if i == 0 {
			block = fs.Block(typ)
		} else if block != nil {
			block = block.Block(typ)
		}
		if block == nil {
			return nil
		}
	}
	eq := strings.IndexByte(ctx.stmt, '=')
	if eq < 0 {
		if !isIdent(ctx.stmt) {
			return nil // a block header with labels, or something else
		}
		rng := replaceRange(pos, ctx.stmt)
		if block == nil {
			return blockItems(fs.Blocks, rng, nil)
		}
		present := presentNames(r, pos, block)
		return append(attrItems(block, rng, present), blockItems(block.Blocks, rng, present)...)
	}
	if block == nil {
		return nil
	}
	attr := block.Attr(strings.TrimSpace(ctx.stmt[:eq]))
	if attr == nil {
		return nil
	}
	return valueItems(ws, r.Bands, attr, strings.TrimLeft(ctx.stmt[eq+1:], " \t"), pos)
}

// replaceRange is the range of the typed prefix that ends at pos.
func replaceRange(pos hcl.Pos, prefix string) hcl.Range {
	start := hcl.Pos{Line: pos.Line, Column: pos.Column - lang.Columns([]byte(prefix)), Byte: pos.Byte - len(prefix)}
	return hcl.Range{Start: start, End: pos}
}

// presentNames returns the attributes and unique blocks already written in
// the block at pos, which completion leaves out.
func presentNames(r *lang.Result, pos hcl.Pos, b *lang.Block) map[string]bool {
	out := map[string]bool{}
	p := placeAt(r, pos)
	if p == nil || p.node.Type != b.Type {
		return out
	}
	for _, a := range p.node.Attrs {
		if !within(a.Range, pos) {
			out[a.Name] = true
		}
	}
	for _, b := range p.node.Children {
		out[b.Type] = true
	}
	return out
}

// AttrDoc renders an attribute's schema as markdown: kind, unit, default
// and documentation.
func AttrDoc(a *lang.Attr) string {
	s := fmt.Sprintf("**%s** · %s", a.Name, a.Kind)
	if a.Unit != "" {
		s += ", " + a.Unit
	}
	if a.Required {
		s += " · required"
	}
	s += "\n\n" + a.Doc + "\n"
	if a.Default != "" {
		s += fmt.Sprintf("\nDefault: `%s`.\n", a.Default)
	}
	return s
}

func attrItems(b *lang.Block, rng hcl.Range, present map[string]bool) []Completion {
	var out []Completion
	for _, a := range b.Attrs {
		if present[a.Name] {
			continue
		}
		snippet := a.Name + " = $0"
		if a.Kind == lang.KindString || a.Kind == lang.KindDate || a.Kind == lang.KindSchedule && a.Values != "" {
			snippet = a.Name + ` = "$0"`
		}
		out = append(out, Completion{Label: a.Name, Kind: CompleteAttribute, Detail: detail(a), Doc: AttrDoc(a),
			Insert: a.Name + " = ", Snippet: snippet, Replace: rng})
	}
	return out
}

func detail(a *lang.Attr) string {
	if a.Unit != "" {
		return a.Kind.String() + ", " + a.Unit
	}
	return a.Kind.String()
}

func blockItems(bs []*lang.Block, rng hcl.Range, present map[string]bool) []Completion {
	var out []Completion
	for _, b := range bs {
		if present[b.Type] && b.Unique {
			continue
		}
		header := b.Type
		for i, l := range b.Labels {
			header += fmt.Sprintf(` "${%d:%s}"`, i+1, l)
		}
		doc := b.Doc
		if b.Example != "" {
			doc += "\n\n```hcl\n" + b.Example + "\n```"
		}
		out = append(out, Completion{Label: b.Type, Kind: CompleteBlock, Detail: "block", Doc: doc,
			Insert: b.Type, Snippet: header + " {\n\t$0\n}", Replace: rng})
	}
	return out
}

func valueItems(ws *lang.Workspace, bs *engine.Bands, a *lang.Attr, typed string, pos hcl.Pos) []Completion {
	quoted := strings.HasPrefix(typed, `"`)
	prefix := typed
	if quoted {
		prefix = typed[1:]
		if strings.Contains(prefix, `"`) {
			return nil // the string is closed
		}
	} else if strings.ContainsAny(typed, " \t[]\"") {
		return nil
	}
	rng := replaceRange(pos, prefix)
	var out []Completion
	add := func(value, detail, doc string, kind CompletionKind) {
		insert := value
		if kind == CompleteValue && !quoted {
			insert = `"` + value + `"`
		}
		out = append(out, Completion{Label: value, Kind: kind, Detail: detail, Doc: doc, Insert: insert, Replace: rng})
	}
	switch {
	case a.Kind == lang.KindReference:
		if quoted || ws == nil {
			return nil
		}
		for _, f := range ws.Files() {
			for _, o := range f.Offers {
				add("offer."+o.Name, strings.TrimSpace(o.Offer.Company+" "+o.Offer.Level), "Offer in "+f.Name, CompleteReference)
			}
		}
	case a.Kind == lang.KindBool:
		if !quoted {
			add("true", "bool", "", CompleteReference)
			add("false", "bool", "", CompleteReference)
		}
	case a.Values == "schedule":
		if bs == nil {
			return nil
		}
		for _, name := range lang.ScheduleNames(bs) {
			s := bs.Schedules[name]
			add(name, s.PercentText(), s.Source, CompleteValue)
		}
	case a.Values == "currency":
		for _, c := range Currencies {
			add(c, "currency", "", CompleteValue)
		}
	case a.Values == "level" || a.Values == "track" || a.Values == "location":
		if bs == nil {
			return nil
		}
		for _, v := range bandValues(bs, a.Values) {
			add(v, a.Values, "A "+a.Values+" with a band in the active band files.", CompleteValue)
		}
	}
	return out
}

// bandValues returns the distinct levels, tracks or locations of the active
// bands (levels include those with only a cap).
func bandValues(bs *engine.Bands, what string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(v string) {
		if v != "" && !seen[engine.Key(v)] {
			seen[engine.Key(v)] = true
			out = append(out, v)
		}
	}
	for _, b := range bs.Bands {
		switch what {
		case "level":
			add(b.Level)
		case "track":
			add(b.Track)
		case "location":
			add(b.Location)
		}
	}
	if what == "level" {
		for _, c := range bs.Caps {
			add(c.Level)
		}
	}
	sort.Strings(out)
	return out
}
