package lang

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
)

// This file defines the schema of the offer language as data. Decoding,
// validation, completion, hover and docs/format.md all read it.

// Kind is the type of an attribute's value.
type Kind int

const (
	KindString      Kind = iota + 1
	KindText             // a string, usually a heredoc
	KindMoney            // an amount in the currency's major unit, at most two decimals, not negative
	KindPercent          // a percentage; may be negative where the doc says so
	KindDecimal          // a positive decimal (share count, price)
	KindInt              // a whole number
	KindDate             // "YYYY-MM-DD"
	KindReference        // offer.<name>
	KindSchedule         // a preset name, or a list of yearly percentages
	KindPercentList      // a list of yearly percentages
	KindMoneyRange       // [low, high]
	KindPercentiles      // [low, high] whole percentiles
	KindIntList          // a list of whole numbers
	KindBool             // true or false
	KindStringList       // a list of strings
	KindStringMap        // an object of strings: { base = "..." }
)

// String names the kind the way docs and messages do.
func (k Kind) String() string {
	return map[Kind]string{
		KindString: "string", KindText: "string", KindMoney: "money", KindPercent: "percent",
		KindDecimal: "number", KindInt: "whole number", KindDate: "date (\"YYYY-MM-DD\")",
		KindReference: "reference (offer.<name>)", KindSchedule: "schedule name or list of percentages",
		KindPercentList: "list of percentages", KindMoneyRange: "[low, high] money range",
		KindPercentiles: "[low, high] percentiles", KindIntList: "list of whole numbers", KindBool: "bool",
		KindStringList: "list of strings", KindStringMap: "map of strings",
	}[k]
}

// Attr describes one attribute.
type Attr struct {
	Name     string
	Kind     Kind
	Required bool
	Unit     string // "USD a year", "percent", ...
	Default  string // as written in docs; "" when none
	Doc      string
	Values   string // completion source: "level", "track", "location", "schedule", "currency", "lever"
	Example  string
}

// Block describes one block type.
type Block struct {
	Type   string
	Labels []string // label names, e.g. ["name"]
	Doc    string
	Attrs  []*Attr
	Blocks []*Block
	// Unique blocks appear at most once in their parent (or, at the top
	// level, once per workspace).
	Unique  bool
	Example string
	// Extra, when set, describes the attributes the block takes beyond
	// Attrs: any name ExtraName accepts (a rates block's currency codes).
	Extra     *Attr
	ExtraName func(name string) bool
}

// Attr returns the attribute schema by name.
func (b *Block) Attr(name string) *Attr {
	for _, a := range b.Attrs {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// Block returns the nested block schema by type.
func (b *Block) Block(typ string) *Block {
	return blockOfType(b.Blocks, typ)
}

// HCL returns the hcl.BodySchema for the block's body.
func (b *Block) HCL() *hcl.BodySchema {
	s := &hcl.BodySchema{}
	for _, a := range b.Attrs {
		s.Attributes = append(s.Attributes, hcl.AttributeSchema{Name: a.Name, Required: a.Required})
	}
	s.Blocks = blockHeaders(b.Blocks)
	return s
}

// FileSchema is the top level of one kind of file.
type FileSchema struct {
	Kind   FileKind
	Blocks []*Block
}

// Block returns the top-level block schema by type.
func (f *FileSchema) Block(typ string) *Block {
	return blockOfType(f.Blocks, typ)
}

// HCL returns the hcl.BodySchema of the file's top level.
func (f *FileSchema) HCL() *hcl.BodySchema {
	return &hcl.BodySchema{Blocks: blockHeaders(f.Blocks)}
}

func blockOfType(bs []*Block, typ string) *Block {
	for _, b := range bs {
		if b.Type == typ {
			return b
		}
	}
	return nil
}

func blockHeaders(bs []*Block) []hcl.BlockHeaderSchema {
	var out []hcl.BlockHeaderSchema
	for _, b := range bs {
		out = append(out, hcl.BlockHeaderSchema{Type: b.Type, LabelNames: b.Labels})
	}
	return out
}

// FileKind says whether a file holds offers, bands or tax tables.
type FileKind int

const (
	OfferFile FileKind = iota + 1
	BandsFile
	TaxFile
	RatesFile
)

// SchemaFor returns the schema of a kind of file.
func SchemaFor(k FileKind) *FileSchema {
	switch k {
	case BandsFile:
		return BandsSchema
	case TaxFile:
		return TaxSchema
	case RatesFile:
		return RatesSchema
	}
	return OfferSchema
}

// AttrNames returns the attribute names of a block, sorted.
func (b *Block) AttrNames() []string {
	var out []string
	for _, a := range b.Attrs {
		out = append(out, a.Name)
	}
	sort.Strings(out)
	return out
}
