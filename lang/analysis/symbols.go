package analysis

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/lang"
)

// This file defines the document outline: offers, counters and the other
// top-level blocks, with their nested blocks and attributes.

// Symbols returns the outline of a checked file.
func Symbols(r *lang.Result) []Symbol {
	if r == nil || r.File == nil {
		return nil
	}
	figures := make(map[hcl.Range]*lang.Doc, len(r.Docs)) // the figures of each block, by its range
	for _, d := range r.Docs {
		if d.Node != nil && d.Resolved {
			figures[d.Node.Range] = d
		}
	}
	var out []Symbol
	for _, n := range topNodes(r.File) {
		s := nodeSymbol(n)
		s.Kind = topKind(n.Type)
		if d := figures[n.Range]; d != nil {
			s.Detail = n.Type + sep + LensTitle(d)
		}
		out = append(out, s)
	}
	return out
}

func topKind(typ string) SymbolKind {
	switch typ {
	case "offer":
		return SymbolOffer
	case "counter":
		return SymbolCounter
	case "candidate":
		return SymbolCandidate
	}
	return SymbolBandData
}

func nodeSymbol(n *lang.Node) Symbol {
	name := n.Type
	if len(n.Labels) > 0 {
		name = strings.Join(n.Labels, " ")
	}
	s := Symbol{Name: name, Detail: n.Type, Kind: SymbolBlock, Range: n.Range, Selection: n.LabelRange()}
	type child struct {
		at int
		s  Symbol
	}
	var kids []child
	for _, a := range n.Attrs {
		kids = append(kids, child{a.Range.Start.Byte, Symbol{Name: a.Name, Kind: SymbolAttribute, Range: a.Range, Selection: a.NameRange}})
	}
	for _, b := range n.Children {
		kids = append(kids, child{b.Range.Start.Byte, nodeSymbol(b)})
	}
	for i := 1; i < len(kids); i++ { // insertion sort by position
		for j := i; j > 0 && kids[j].at < kids[j-1].at; j-- {
			kids[j], kids[j-1] = kids[j-1], kids[j]
		}
	}
	for _, k := range kids {
		s.Children = append(s.Children, k.s)
	}
	return s
}
