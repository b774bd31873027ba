package lang

import (
	"fmt"
	"slices"
	"sort"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/offerkit/offerkit/engine"
	"github.com/zclconf/go-cty/cty"
)

// This file decodes what the preparation checklist reads beyond the
// figures: the candidate's strengths, alternative and prepared answers, a
// counter's reasons, and an offer's source.

// prep decodes the candidate's strengths, alternative, and script and
// email blocks.
func (d *decoder) prep(doc *CandidateDoc, n *Node) {
	c := &doc.Candidate
	decodeInto(n, "strengths", &c.Strengths, d.strList)
	decodeInto(n, "alternative", &c.Alternative, d.str)
	d.texts(doc.File, "The candidate block", &doc.Node, &doc.Texts)
}

// reasons decodes a counter's reasons map: a reason (a string) for each
// lever the keys name.
func (d *decoder) reasons(a *AttrNode) map[string]string {
	v, ok := d.value(a.Expr)
	if !ok {
		return nil
	}
	if v.IsNull() || !(v.Type().IsObjectType() || v.Type().IsMapType()) {
		d.wrongType(a, KindStringMap, typeName(v))
		return nil
	}
	ranges := map[string]*hclsyntax.ObjectConsItem{}
	if obj, ok := a.Expr.(*hclsyntax.ObjectConsExpr); ok {
		for i := range obj.Items {
			if k, diags := obj.Items[i].KeyExpr.Value(nil); !diags.HasErrors() && k.Type() == cty.String {
				ranges[k.AsString()] = &obj.Items[i]
			}
		}
	}
	out := map[string]string{}
	keys := make([]string, 0)
	for k := range v.AsValueMap() {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		val := v.AsValueMap()[k]
		rng := a.ValueRange
		if item := ranges[k]; item != nil {
			rng = item.KeyExpr.Range()
		}
		if !slices.Contains(engine.LeverNames, k) {
			msg := fmt.Sprintf("%q is not a lever; reasons are given by lever: %s.", k, joinNames(engine.LeverNames))
			if s := suggest(k, engine.LeverNames); s != "" {
				msg = fmt.Sprintf("%q is not a lever. Did you mean %q?", k, s)
			}
			d.add(errorf("invalid-value", rng, "Unknown lever", msg))
			continue
		}
		if val.IsNull() || val.Type() != cty.String {
			d.add(errorf("wrong-type", rng, "Reason is not text", fmt.Sprintf("The reason for %s is %s; write it as a string.", k, typeName(val))))
			continue
		}
		out[k] = val.AsString()
	}
	return out
}
