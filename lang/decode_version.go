package lang

import (
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/engine"
)

// This file decodes what makes an offer block one version of an employer's
// offer: the version it revises and the outcome recorded on it.

// VersionFields are an offer block's version attributes.
type VersionFields struct {
	Revises      string    // the name of the version this one revises; "" for a first version
	RevisesRange hcl.Range // the reference expression
	// Change holds the levers the block states, as a counter would; a
	// revision applies it to the version it revises.
	Change engine.Counter

	Accepted, Declined           time.Time // zero when not recorded
	AcceptedRange, DeclinedRange hcl.Range
}

// IsRevision reports whether the block revises an earlier version (even one
// whose reference did not decode).
func (v VersionFields) IsRevision() bool { return v.Revises != "" }

// inherits reports whether a block takes what it does not state from
// another block (an offer that revises one), so that its schema's required
// attributes may be left out.
func inherits(n *Node) bool { return n.Type == "offer" && n.Attr("revises") != nil }

func (d *decoder) version(doc *OfferDoc, lv leverValues) {
	n, v := &doc.Node, &doc.Version
	if a := n.Attr("revises"); a != nil {
		v.RevisesRange = a.ValueRange
		if name, ok := d.reference(a); ok {
			v.Revises = name
		}
	}
	for _, t := range [...]struct {
		name string
		dst  *time.Time
		rng  *hcl.Range
	}{{"accepted", &v.Accepted, &v.AcceptedRange}, {"declined", &v.Declined, &v.DeclinedRange}} {
		if a := n.Attr(t.name); a != nil {
			*t.rng = a.ValueRange
			*t.dst, _ = d.date(a)
		}
	}
	if a, b := n.Attr("accepted"), n.Attr("declined"); a != nil && b != nil {
		d.add(errorf("conflicting-attributes", b.Range, "Both accepted and declined",
			"A version is either accepted or declined. Remove one of the two dates."))
	}
	v.Change = lv.counter(doc.Name)
}
