package analysis

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/lang"
)

// This file defines go-to-definition and references for offer.<name>
// (in a counter's offer and a revision's revises) across the files of a
// workspace.

// offerNameAt returns the offer name under pos: a counter's offer = offer.x
// or a revision's revises = offer.x reference, or an offer block's label.
func offerNameAt(f *lang.File, pos hcl.Pos) string {
	if f == nil {
		return ""
	}
	for _, c := range f.Counters {
		if c.OfferRef != "" && within(c.OfferRange, pos) {
			return c.OfferRef
		}
	}
	for _, o := range f.Offers {
		if within(o.LabelRange(), pos) {
			return o.Name
		}
		if o.Version.Revises != "" && within(o.Version.RevisesRange, pos) {
			return o.Version.Revises
		}
	}
	return ""
}

// Definition returns the label of the offer referenced at pos, which may be
// in another file of the workspace.
func Definition(ws *lang.Workspace, f *lang.File, pos hcl.Pos) []hcl.Range {
	name := offerNameAt(f, pos)
	if name == "" {
		return nil
	}
	if o := ws.Offer(name); o != nil {
		return []hcl.Range{o.LabelRange()}
	}
	return nil
}

// References returns every offer.<name> reference to the offer at pos in
// the workspace, in file order, with the offer's label first when
// withDecl is set.
func References(ws *lang.Workspace, f *lang.File, pos hcl.Pos, withDecl bool) []hcl.Range {
	name := offerNameAt(f, pos)
	if name == "" {
		return nil
	}
	var out []hcl.Range
	if o := ws.Offer(name); o != nil && withDecl {
		out = append(out, o.LabelRange())
	}
	for _, file := range ws.Files() {
		for _, o := range file.Offers {
			if o.Version.Revises == name {
				out = append(out, o.Version.RevisesRange)
			}
		}
		for _, c := range file.Counters {
			if c.OfferRef == name {
				out = append(out, c.OfferRange)
			}
		}
	}
	return out
}
