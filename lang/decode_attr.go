package lang

import "github.com/offerkit/offerkit/engine"

// This file holds the two ways a block's optional attribute is decoded
// into the model. decode is one of the decoder's value methods (money,
// str, date, ...): it reports a value that does not fit.

// decodeInto sets *dst to the value of n's attribute name when n states it.
// A value that does not decode leaves in *dst what decode returned for it
// (its zero value), so that no default stands in for a wrong value.
func decodeInto[T any](n *Node, name string, dst *T, decode func(*AttrNode) (T, bool)) {
	if a := n.Attr(name); a != nil {
		*dst, _ = decode(a)
	}
}

// decodePtr returns the value of n's attribute name when n states it and
// the value decodes, nil otherwise: a lever a counter or a revision
// restates, or an attribute without which a block is left out.
func decodePtr[T any](n *Node, name string, decode func(*AttrNode) (T, bool)) *T {
	if a := n.Attr(name); a != nil {
		if v, ok := decode(a); ok {
			return &v
		}
	}
	return nil
}

// percent decodes a percent that may not be negative.
func (d *decoder) percent(a *AttrNode) (engine.Dec, bool) { return d.dec(a, false, KindPercent) }

// decimal decodes a positive decimal (a share count, a price).
func (d *decoder) decimal(a *AttrNode) (engine.Dec, bool) { return d.dec(a, false, KindDecimal) }
