package lang

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Decode parses and decodes one file. It never fails: what could not be
// decoded is reported in File.Diags and left out of the model.
// A file whose name is neither *.offer.hcl nor *.bands.hcl is read as an
// offer file.
func Decode(filename string, src []byte) *File {
	return DecodeAs(filename, src, kindOrOffer(filename))
}

// kindOrOffer is the kind a file is decoded as: its name's, or an offer
// file's.
func kindOrOffer(filename string) FileKind {
	if kind, ok := KindOf(filename); ok {
		return kind
	}
	return OfferFile
}

// DecodeAs decodes a file as the given kind, whatever its name.
func DecodeAs(filename string, src []byte, kind FileKind) *File {
	return decodeAfter(nil, filename, src, kind)
}

// decodeAfter decodes a new text of a file; prev is its previous decoded
// form, or nil. When prev parsed without diagnostics, the parse reuses the
// syntax of the blocks the edit did not touch.
func decodeAfter(prev *File, filename string, src []byte, kind FileKind) *File {
	var prevSyntax *hcl.File
	if prev != nil && prev.cleanParse {
		prevSyntax = prev.Syntax
	}
	syn, diags := parseAfter(prevSyntax, filename, src)
	return decodeParsed(filename, src, kind, syn, diags, false)
}

// decodeParsed decodes a parsed file. slow turns off the literal fast
// paths (literal.go), for the tests that hold them to evaluation.
func decodeParsed(filename string, src []byte, kind FileKind, syn *hcl.File, diags Diagnostics, slow bool) *File {
	f := &File{Name: filename, Kind: kind, Src: src, Syntax: syn, Diags: diags, cleanParse: len(diags) == 0}
	body := f.Body()
	if body == nil {
		return f
	}
	d := &decoder{src: src, slow: slow}
	d.reserve(body)
	schema := SchemaFor(kind)
	for _, n := range d.nodes(body, schema.Blocks, fileLevel) {
		switch n.Type {
		case "offer":
			f.Offers = append(f.Offers, d.offer(f, n))
		case "counter":
			f.Counters = append(f.Counters, d.counter(f, n))
		case "candidate":
			f.Candidates = append(f.Candidates, d.candidate(f, n))
		case "band":
			if b := d.band(n); b != nil {
				f.Bands = append(f.Bands, b)
			}
		case "cap":
			if c := d.cap(n); c != nil {
				f.Caps = append(f.Caps, c)
			}
		case "schedule":
			if s := d.scheduleBlock(n); s != nil {
				f.Schedules = append(f.Schedules, s)
			}
		case "source":
			f.Sources = append(f.Sources, d.source(n))
		case "policy":
			f.Policies = append(f.Policies, d.policy(n))
		case "jurisdiction":
			if j := d.jurisdiction(n); j != nil {
				f.Jurisdictions = append(f.Jurisdictions, j)
			}
		case "hub":
			if h := d.hub(n); h != nil {
				f.Hubs = append(f.Hubs, h)
			}
		case "rates":
			f.Rates = append(f.Rates, d.rates(n))
		}
	}
	f.Diags = append(f.Diags, d.diags...)
	return f
}

// fileLevel marks the top level, where unique blocks are counted per
// workspace rather than per parent.
const fileLevel = true

// nodes matches a body against block schemas: it reports unknown blocks and
// attributes, wrong label counts and repeated unique blocks, and returns the
// blocks that fit with their attributes.
func (d *decoder) nodes(body *hclsyntax.Body, schemas []*Block, top bool) []*Node {
	for _, attr := range body.Attributes {
		if top {
			d.add(errorf("unknown-attribute", attr.NameRange, "Unexpected attribute",
				fmt.Sprintf("%q cannot stand at the top level of the file; put it inside a block%s.", attr.Name, blockList(schemas))))
		}
	}
	if len(body.Blocks) == 0 {
		return nil
	}
	// The blocks of a body in one slice (from the file's arena below the
	// top level, whose nodes the docs copy); the slot of a block left out
	// is used by the next one.
	var store []Node
	if top {
		store = make([]Node, len(body.Blocks))
	} else {
		store = d.takeNodes(len(body.Blocks))
	}
	out := make([]*Node, 0, len(body.Blocks))
	seen := map[string]*Node{}
	for _, blk := range body.Blocks {
		var schema *Block
		for _, s := range schemas {
			if s.Type == blk.Type {
				schema = s
			}
		}
		if schema == nil {
			msg := fmt.Sprintf("A %q block is not expected here.", blk.Type)
			if s := suggest(blk.Type, blockTypes(schemas)); s != "" {
				msg += fmt.Sprintf(" Did you mean %q?", s)
			} else {
				msg += blockList(schemas)
			}
			d.add(errorf("unknown-block", blk.TypeRange, "Unknown block type", msg))
			continue
		}
		if len(blk.Labels) != len(schema.Labels) {
			rng := blk.TypeRange
			if len(blk.Labels) > len(schema.Labels) {
				rng = blk.LabelRanges[len(schema.Labels)]
			}
			d.add(errorf("block-labels", rng, "Wrong number of labels",
				fmt.Sprintf("%s %s block takes %s; write it as %s.", article(blk.Type), blk.Type, labelCount(schema), headerExample(schema))))
			continue
		}
		n := &store[len(out)]
		d.fill(n, blk, schema)
		if schema.Unique && !top {
			if prev, dup := seen[blk.Type]; dup {
				d.add(errorf("duplicate-block", blk.TypeRange, "Duplicate "+blk.Type+" block",
					fmt.Sprintf("%s %s block may appear once here; another is at line %d. Merge them.", article(blk.Type), blk.Type, prev.TypeRange.Start.Line)))
				continue
			}
			seen[blk.Type] = n
		}
		out = append(out, n)
	}
	return out
}

func labelCount(b *Block) string {
	switch len(b.Labels) {
	case 0:
		return "no labels"
	case 1:
		return "one label (" + b.Labels[0] + ")"
	}
	return fmt.Sprintf("%d labels (%v)", len(b.Labels), b.Labels)
}

func headerExample(b *Block) string {
	s := b.Type
	for _, l := range b.Labels {
		s += fmt.Sprintf(" %q", "<"+l+">")
	}
	return s + " { ... }"
}

func blockTypes(bs []*Block) []string {
	var out []string
	for _, b := range bs {
		out = append(out, b.Type)
	}
	return out
}

func blockList(bs []*Block) string {
	if len(bs) == 0 {
		return ""
	}
	return " Expected one of: " + strings.Join(blockTypes(bs), ", ") + "."
}

// fill builds a located block in n and checks its attributes and nested
// blocks against its schema.
func (d *decoder) fill(n *Node, blk *hclsyntax.Block, schema *Block) {
	*n = Node{
		Schema: schema, Type: blk.Type, Labels: blk.Labels,
		TypeRange: blk.TypeRange, LabelRanges: blk.LabelRanges,
		Range: ordered(blk.Range()), Syntax: blk,
	}
	attrs := d.takeAttrs(len(blk.Body.Attributes))
	for _, attr := range blk.Body.Attributes {
		if schema.Attr(attr.Name) == nil && (schema.ExtraName == nil || !schema.ExtraName(attr.Name)) {
			msg := fmt.Sprintf("%s %s block has no attribute %q.", article(blk.Type), blk.Type, attr.Name)
			if s := suggest(attr.Name, schema.AttrNames()); s != "" {
				msg += fmt.Sprintf(" Did you mean %q?", s)
			} else if len(schema.Attrs) > 0 {
				msg += " Its attributes are: " + joinNames(schema.AttrNames()) + "."
			}
			d.add(errorf("unknown-attribute", attr.NameRange, "Unknown attribute", msg))
			continue
		}
		attrs = append(attrs, AttrNode{Name: attr.Name, Range: ordered(attr.Range()), NameRange: attr.NameRange,
			ValueRange: ordered(attr.Expr.Range()), Expr: attr.Expr})
	}
	// hclsyntax keeps attributes in a map; the node keeps them in source
	// order. Blocks have a handful, so insertion sort.
	for i := 1; i < len(attrs); i++ {
		for j := i; j > 0 && attrs[j].NameRange.Start.Byte < attrs[j-1].NameRange.Start.Byte; j-- {
			attrs[j], attrs[j-1] = attrs[j-1], attrs[j]
		}
	}
	if len(attrs) > 0 {
		n.Attrs = attrs
	}
	for _, a := range schema.Attrs {
		if a.Required && n.Attr(a.Name) == nil && !inherits(n) {
			d.add(errorf("missing-attribute", n.DefRange(), "Missing "+a.Name,
				fmt.Sprintf("%s %s block needs %s (%s): %s", article(blk.Type), blk.Type, a.Name, a.Kind, a.Doc)))
		}
	}
	kids := d.nodes(blk.Body, schema.Blocks, false)
	if len(kids) > 0 {
		n.Children = kids
	}
}

// reserve allocates, for a file's body, one arena for the nodes of every
// block below the top level and one for the attribute nodes of every block,
// instead of one allocation per block.
func (d *decoder) reserve(body *hclsyntax.Body) {
	var nested, attrs int
	var count func(b *hclsyntax.Body, top bool)
	count = func(b *hclsyntax.Body, top bool) {
		for _, blk := range b.Blocks {
			if !top {
				nested++
			}
			attrs += len(blk.Body.Attributes)
			count(blk.Body, false)
		}
	}
	count(body, true)
	d.nodeArena = make([]Node, nested)
	d.attrArena = make([]AttrNode, attrs)
}

// takeNodes returns n zeroed nodes from the arena.
func (d *decoder) takeNodes(n int) []Node {
	if n > len(d.nodeArena) {
		return make([]Node, n)
	}
	out := d.nodeArena[:n:n]
	d.nodeArena = d.nodeArena[n:]
	return out
}

// takeAttrs returns an empty list with room for n attribute nodes from the
// arena.
func (d *decoder) takeAttrs(n int) []AttrNode {
	if n > len(d.attrArena) {
		return make([]AttrNode, 0, n)
	}
	out := d.attrArena[:0:n]
	d.attrArena = d.attrArena[n:]
	return out
}

// article returns "An" before a vowel and "A" otherwise.
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "An"
	}
	return "A"
}

func joinNames(names []string) string {
	s := ""
	for i, n := range names {
		if i > 0 {
			s += ", "
		}
		s += n
	}
	return s
}
