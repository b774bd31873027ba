package lang

import (
	"fmt"

	"github.com/offerkit/offerkit/engine"
)

// This file decodes the pay lines beyond the total: refresher grants,
// the retirement match, an ESPP, benefits and the sign-on's repayment.

// refresh decodes an equity block's refresh block; its schedule is
// resolved by the checker (RefreshRef), defaulting to the grant's.
func (d *decoder) refresh(eq *Node) (*engine.Refresh, ScheduleRef) {
	b := eq.Block("refresh")
	if b == nil {
		return nil, ScheduleRef{}
	}
	r := &engine.Refresh{FirstYear: 2, Every: 1}
	decodeInto(b, "value", &r.Value, d.money)
	if a := b.Attr("first_year"); a != nil {
		if y, ok := d.integer(a, 1, engine.Years); ok {
			r.FirstYear = y
		}
	}
	if a := b.Attr("every"); a != nil {
		if y, ok := d.integer(a, 0, 10); ok {
			r.Every = y
		}
	}
	var ref ScheduleRef
	decodeInto(b, "schedule", &ref, d.schedule)
	return r, ref
}

// deprecatedRefresher warns that bonus.refresher is a term, not a figure,
// and offers to move it into the equity block's refresh block, where it
// counts (when the block has an equity block to hold it).
func (d *decoder) deprecatedRefresher(n *Node, a *AttrNode, m engine.Money) {
	diag := &Diagnostic{Code: "deprecated-refresher", Severity: engine.Warning, Subject: a.Range,
		Summary: "Refresher stated as a bonus term",
		Detail: fmt.Sprintf("bonus.refresher (%s a year) is listed in texts but never counted. Write it as equity { refresh { value = %s } } to count the grants as they vest (first at the start of year 2, then every year).",
			m.Decimal(), m.Decimal())}
	if eq := n.Block("equity"); eq != nil && eq.Block("refresh") == nil {
		diag.Fix = &engine.Fix{Title: "Move the refresher into equity.refresh", Set: map[string]engine.Money{"equity.refresh.value": m}, Remove: []string{"bonus.refresher"}}
	}
	d.add(diag)
}

// pay decodes an offer's retirement, espp and benefit blocks and its
// sign-on repayment into o.
func (d *decoder) pay(n *Node, o *engine.Offer) {
	if b := n.Block("retirement"); b != nil {
		r := &engine.Retirement{}
		ok1, ok2 := false, false
		if a := b.Attr("match"); a != nil {
			r.Match, ok1 = d.dec(a, false, KindPercent)
		}
		if a := b.Attr("up_to"); a != nil {
			r.UpTo, ok2 = d.percentUpTo100(a, false, "Match limit over 100%",
				"up_to is %s%% of base; contributions cannot be more than all of it. Write the share of base the employer matches, such as 6.")
		}
		if ok1 && ok2 {
			o.Retirement = r
		}
	}
	if b := n.Block("espp"); b != nil {
		e := &engine.ESPP{}
		ok1, ok2 := false, false
		if a := b.Attr("discount"); a != nil {
			e.Discount, ok1 = d.percentUpTo100(a, true, "Discount of 100% or more",
				"discount is %s%%; an ESPP sells below the market price, typically 15%% below.")
		}
		if a := b.Attr("contribution"); a != nil {
			e.Contribution, ok2 = d.percentUpTo100(a, false, "Contribution over 100%",
				"contribution is %s%% of base; write the share of base you put in, such as 10.")
		}
		if ok1 && ok2 {
			o.ESPP = e
		}
	}
	for _, kid := range n.Children {
		if kid.Type != "benefit" {
			continue
		}
		if a := kid.Attr("yearly"); a != nil {
			if m, ok := d.money(a); ok {
				o.Benefits = append(o.Benefits, engine.Benefit{Name: kid.Labels[0], Yearly: m})
			}
		}
	}
	if b := n.Block("sign_on"); b != nil {
		if a := b.Attr("repay_months"); a != nil {
			if m, ok := d.integer(a, 0, 120); ok {
				o.SignOnRepayMonths = m
			}
		}
	}
}

// percentUpTo100 decodes a percent that cannot be over 100 (nor 100 itself
// when below is set); beyond it, an invalid-value error with title and
// the message msg (%s: the value). ok is false then.
func (d *decoder) percentUpTo100(a *AttrNode, below bool, title, msg string) (engine.Dec, bool) {
	v, ok := d.dec(a, false, KindPercent)
	if !ok {
		return v, false
	}
	if c := v.Cmp(engine.DecInt(100)); c > 0 || below && c == 0 {
		d.add(errorf("invalid-value", a.ValueRange, title, fmt.Sprintf(msg, v)))
		return v, false
	}
	return v, true
}
