package lang

import (
	"slices"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/engine/tax"
)

// This file defines the decoded form of a file: every block keeps its
// ranges so that diagnostics, hovers and edits can point into the source.

// File is one parsed and decoded file. Its diagnostics are those that the
// file alone determines; cross-file findings come from Workspace.Check.
type File struct {
	Name   string
	Kind   FileKind
	Src    []byte
	Syntax *hcl.File
	Diags  Diagnostics

	Offers     []*OfferDoc
	Counters   []*CounterDoc
	Candidates []*CandidateDoc

	Bands     []*BandDoc
	Caps      []*CapDoc
	Schedules []*ScheduleDoc
	Sources   []*SourceDoc
	Policies  []*PolicyDoc

	Jurisdictions []*JurisdictionDoc
	Hubs          []*HubDoc
	Rates         []*RatesDoc

	cleanParse bool // parsed without diagnostics, so a later text may reuse Syntax
}

// Body returns the file's syntax body, or nil when it did not parse as
// native HCL syntax.
func (f *File) Body() *hclsyntax.Body {
	if f.Syntax == nil {
		return nil
	}
	b, _ := f.Syntax.Body.(*hclsyntax.Body)
	return b
}

// TopNodes returns the nodes of the file's top-level offer, counter,
// candidate, band, cap, schedule, source and policy blocks, kind by kind in
// that order; the blocks of tax and rates files are not among them.
func (f *File) TopNodes() []*Node {
	return slices.Concat(nodes(f.Offers), nodes(f.Counters), nodes(f.Candidates),
		nodes(f.Bands), nodes(f.Caps), nodes(f.Schedules), nodes(f.Sources), nodes(f.Policies))
}

// nodes returns the nodes of decoded blocks.
func nodes[D interface{ node() *Node }](docs []D) []*Node {
	out := make([]*Node, len(docs))
	for i, d := range docs {
		out[i] = d.node()
	}
	return out
}

func (n *Node) node() *Node { return n }

// texts returns the script and email blocks kept in the file's offers,
// counters and candidate blocks.
func (f *File) texts() []*Texts {
	var out []*Texts
	for _, o := range f.Offers {
		out = append(out, &o.Texts)
	}
	for _, c := range f.Counters {
		out = append(out, &c.Texts)
	}
	for _, c := range f.Candidates {
		out = append(out, &c.Texts)
	}
	return out
}

// Node is a located block: its header and attribute ranges, and its nested
// blocks by type.
type Node struct {
	Schema      *Block
	Type        string
	Labels      []string
	TypeRange   hcl.Range
	LabelRanges []hcl.Range
	Range       hcl.Range  // the whole block, braces included
	Attrs       []AttrNode // in source order
	Children    []*Node    // every nested block in source order, repeated ones included
	Syntax      *hclsyntax.Block
}

// DefRange returns the range of the block's header: its type and labels.
func (n *Node) DefRange() hcl.Range {
	last := n.TypeRange
	if len(n.LabelRanges) > 0 {
		last = n.LabelRanges[len(n.LabelRanges)-1]
	}
	return hcl.RangeBetween(n.TypeRange, last)
}

// Attr returns the attribute of that name, or nil. A block has a handful
// of attributes; looking through them costs less than building a map.
func (n *Node) Attr(name string) *AttrNode {
	for i := range n.Attrs {
		if n.Attrs[i].Name == name {
			return &n.Attrs[i]
		}
	}
	return nil
}

// Block returns the nested block of that type (the last, for a type that
// may repeat), or nil.
func (n *Node) Block(typ string) *Node {
	for i := len(n.Children) - 1; i >= 0; i-- {
		if n.Children[i].Type == typ {
			return n.Children[i]
		}
	}
	return nil
}

// AttrNode is a located attribute.
type AttrNode struct {
	Name       string
	Range      hcl.Range // name = value
	NameRange  hcl.Range
	ValueRange hcl.Range
	Expr       hcl.Expression // nil once the file is released (release.go)
}

// LabelRange returns the range of the first label, or the type's range for
// a block with no labels: where a finding about the block as a whole goes.
func (n *Node) LabelRange() hcl.Range {
	if len(n.LabelRanges) > 0 {
		return n.LabelRanges[0]
	}
	return n.TypeRange
}

// FieldRange returns the range of a dotted attribute path ("base",
// "equity.shares", "sign_on.year1"), or of the nearest enclosing block that
// exists, or of the block's label.
func (n *Node) FieldRange(path string) (hcl.Range, bool) {
	if path == "" {
		return n.LabelRange(), true
	}
	head, rest := path, ""
	for i := 0; i < len(path); i++ {
		if path[i] == '.' {
			head, rest = path[:i], path[i+1:]
			break
		}
	}
	if a := n.Attr(head); a != nil && rest == "" {
		return a.Range, true
	}
	if b := n.Block(head); b != nil {
		if rest == "" {
			return b.TypeRange, true
		}
		if r, ok := b.FieldRange(rest); ok {
			return r, true
		}
		return b.TypeRange, true
	}
	return n.LabelRange(), false
}

// ScheduleRef is a grant's schedule as written: a preset name to resolve
// against the active bands, or an inline list.
type ScheduleRef struct {
	Name   string
	Inline *engine.Schedule
	Range  hcl.Range
	Set    bool // stated in the file
}

// OfferDoc is a decoded offer block.
type OfferDoc struct {
	Node
	File     *File
	Name     string
	Offer    engine.Offer // Equity.Schedule is resolved by the workspace
	Schedule ScheduleRef
	Version  VersionFields // revises, accepted, declined (decode_version.go)
	// RefreshSchedule is the schedule of the equity block's refresh block;
	// unset means the grant's schedule.
	RefreshSchedule ScheduleRef
	// TaxRegion is the offer's tax_region; "" when not set.
	TaxRegion string
	// Texts are the scripts and emails kept in the offer block (the
	// acceptance email of this version, say); a revision does not inherit
	// them.
	Texts
}

// CounterDoc is a decoded counter block.
type CounterDoc struct {
	Node
	File       *File
	Name       string
	Counter    engine.Counter
	OfferRef   string    // name of the referenced offer; "" when missing or malformed
	OfferRange hcl.Range // the reference expression
	Schedule   ScheduleRef
	// RefreshSchedule: as in OfferDoc.
	RefreshSchedule ScheduleRef
	Texts
}

// Texts are the script and email blocks kept in a counter, an offer (the
// acceptance email, say) or the candidate block (the answers to the
// recruiter's questions, written before any counter exists).
type Texts struct {
	Scripts []*TextDoc // script blocks, in source order
	Emails  []*TextDoc // email blocks, in source order
}

// CandidateDoc is a decoded candidate block.
type CandidateDoc struct {
	Node
	File      *File
	Candidate engine.Candidate
	// Household is what the after-tax estimates know of the candidate;
	// HomeLocation is the home attribute, resolved through the hubs.
	Household    tax.Household
	HomeLocation string
	// Texts are the script and email blocks kept in the candidate block
	// (the answers to the recruiter's questions: script "questions").
	Texts
}

// BandDoc is a decoded band block.
type BandDoc struct {
	Node
	Band *engine.Band
}

// CapDoc is a decoded cap block.
type CapDoc struct {
	Node
	Cap engine.Cap
}

// ScheduleDoc is a decoded schedule block.
type ScheduleDoc struct {
	Node
	Schedule engine.Schedule
}

// SourceDoc is a decoded source block.
type SourceDoc struct {
	Node
	Source engine.Source
}
