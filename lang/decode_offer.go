package lang

import (
	"fmt"
	"time"

	"github.com/offerkit/offerkit/engine"
)

// leverValues are the attributes and blocks offers and counters share; nil
// where absent or invalid.
type leverValues struct {
	base, relocation *engine.Money
	bonus            *engine.Dec
	start            *time.Time
	level            *string
	signOn           *engine.SignOn
	equity           *engine.GrantChange
	schedule         ScheduleRef
	refresh          *engine.Refresh // the equity block's refresh block
	refreshSchedule  ScheduleRef
	terms            termValues // bonus, flexibility, promotion (decode_counter.go)
}

func (d *decoder) levers(n *Node) leverValues {
	var lv leverValues
	if a := n.Attr("base"); a != nil {
		if m, ok := d.money(a); ok {
			lv.base = &m
		}
	}
	if a := n.Attr("relocation"); a != nil {
		if m, ok := d.money(a); ok {
			lv.relocation = &m
		}
	}
	if a := n.Attr("bonus_target"); a != nil {
		if x, ok := d.dec(a, false, KindPercent); ok {
			lv.bonus = &x
		}
	}
	if a := n.Attr("start"); a != nil {
		if t, ok := d.date(a); ok {
			lv.start = &t
		}
	}
	if a := n.Attr("level"); a != nil {
		if s, ok := d.str(a); ok {
			lv.level = &s
		}
	}
	if b := n.Block("sign_on"); b != nil {
		var s engine.SignOn
		for i := range s {
			if a := b.Attr(signOnYears[i]); a != nil {
				s[i], _ = d.money(a)
			}
		}
		lv.signOn = &s
	}
	if b := n.Block("equity"); b != nil {
		lv.equity, lv.schedule = d.equity(b)
		lv.refresh, lv.refreshSchedule = d.refresh(b)
	}
	lv.terms = d.terms(n)
	return lv
}

// signOnYears are the attributes of a sign_on block, year 1 first.
var signOnYears = [engine.Years]string{"year1", "year2", "year3", "year4"}

// minGrowth and maxGrowth bound a grant's growth, in percent a year.
var minGrowth, maxGrowth = engine.DecInt(-100), engine.DecInt(1000)

func (d *decoder) equity(b *Node) (*engine.GrantChange, ScheduleRef) {
	g := &engine.GrantChange{}
	var sched ScheduleRef
	if a := b.Attr("value"); a != nil {
		if m, ok := d.money(a); ok {
			g.Value = &m
		}
	}
	if a := b.Attr("shares"); a != nil {
		if x, ok := d.dec(a, false, KindDecimal); ok {
			g.Shares = &x
		}
	}
	if a := b.Attr("price"); a != nil {
		if x, ok := d.dec(a, false, KindDecimal); ok {
			g.Price = &x
		}
	}
	if a := b.Attr("growth"); a != nil {
		if x, ok := d.dec(a, true, KindPercent); ok {
			if x.Cmp(minGrowth) < 0 || x.Cmp(maxGrowth) > 0 {
				d.add(errorf("invalid-value", a.ValueRange, "Growth out of range",
					fmt.Sprintf("growth is %s%% a year; it must be between -100 and 1000.", x)))
			} else {
				g.Growth = &x
			}
		}
	}
	if a := b.Attr("schedule"); a != nil {
		sched, _ = d.schedule(a)
	}
	if b.Attr("value") != nil && b.Attr("shares") != nil {
		d.add(errorf("conflicting-attributes", b.Attr("shares").Range, "Both value and shares",
			"State the grant either as value (preferred) or as shares with a price, not both. Remove one of them."))
	}
	if b.Attr("shares") != nil && b.Attr("price") == nil {
		d.add(errorf("missing-attribute", b.Attr("shares").Range, "Missing price",
			"A grant stated in shares needs price, the share price that values it. Add price = <per share>, or state value instead."))
	}
	return g, sched
}

func (d *decoder) offer(f *File, n *Node) *OfferDoc {
	doc := &OfferDoc{Node: *n, File: f, Name: n.Labels[0]}
	o := &doc.Offer
	o.Name = doc.Name
	for _, s := range [...]struct {
		name string
		dst  *string
	}{{"company", &o.Company}, {"track", &o.Track}, {"location", &o.Location}} {
		if a := n.Attr(s.name); a != nil {
			*s.dst, _ = d.str(a)
		}
	}
	if a := n.Attr("currency"); a != nil {
		o.Currency, _ = d.currency(a)
	}
	if o.Currency == "" {
		o.Currency = "USD"
	}
	if a := n.Attr("source"); a != nil {
		o.Source, _ = d.str(a)
	}
	if a := n.Attr("tax_region"); a != nil {
		doc.TaxRegion = d.region(a)
	}
	for _, t := range [...]struct {
		name string
		dst  *time.Time
	}{{"received", &o.Received}, {"expires", &o.Expires}} {
		if a := n.Attr(t.name); a != nil {
			*t.dst, _ = d.date(a)
		}
	}
	lv := d.levers(n)
	if lv.base != nil {
		o.Base = *lv.base
	}
	if lv.relocation != nil {
		o.Relocation = *lv.relocation
	}
	if lv.bonus != nil {
		o.BonusTarget = *lv.bonus
	}
	if lv.start != nil {
		o.Start = *lv.start
	}
	if lv.level != nil {
		o.Level = *lv.level
	}
	if lv.signOn != nil {
		o.SignOn = *lv.signOn
	}
	if lv.equity != nil {
		o.Equity = engine.Counter{Equity: lv.equity}.Apply(engine.Offer{}).Equity
		if o.Equity.Value == 0 && !o.Equity.InShares() && !inherits(n) && n.Block("equity").Attr("value") == nil && n.Block("equity").Attr("shares") == nil {
			d.add(errorf("missing-attribute", n.Block("equity").TypeRange, "Grant without a value",
				"An equity block needs value (the grant's worth) or shares with price."))
		}
	}
	doc.Schedule = lv.schedule
	if lv.refresh != nil && o.Equity != nil {
		o.Equity.Refresh, doc.RefreshSchedule = lv.refresh, lv.refreshSchedule
	}
	d.pay(n, o)
	lv.terms.applyTo(o)
	d.version(doc, lv) // decode_version.go
	d.texts(f, fmt.Sprintf("Offer %q", doc.Name), n, &doc.Texts)
	return doc
}

func (d *decoder) counter(f *File, n *Node) *CounterDoc {
	doc := &CounterDoc{Node: *n, File: f, Name: n.Labels[0]}
	c := &doc.Counter
	c.Name = doc.Name
	c.Round = 1
	if a := n.Attr("offer"); a != nil {
		doc.OfferRange = a.ValueRange
		if name, ok := d.reference(a); ok {
			doc.OfferRef = name
			c.Offer = name
		}
	}
	if a := n.Attr("round"); a != nil {
		if r, ok := d.integer(a, 1, 10); ok {
			c.Round = r
		}
	}
	if a := n.Attr("sent"); a != nil {
		if t, ok := d.date(a); ok {
			c.Sent = t
		}
	}
	lv := d.levers(n)
	c.Base, c.Relocation, c.BonusTarget, c.Level, c.SignOn, c.Equity, c.Start = lv.base, lv.relocation, lv.bonus, lv.level, lv.signOn, lv.equity, lv.start
	c.Bonus, c.Flexibility, c.Promotion = lv.terms.bonus, lv.terms.flex, lv.terms.promotion
	doc.Schedule = lv.schedule
	if lv.refresh != nil && c.Equity != nil {
		c.Equity.Refresh, doc.RefreshSchedule = lv.refresh, lv.refreshSchedule
	}
	if a := n.Attr("reasons"); a != nil {
		c.Reasons = d.reasons(a)
	}
	d.texts(f, fmt.Sprintf("Counter %q", doc.Name), n, &doc.Texts)
	return doc
}

func (d *decoder) candidate(f *File, n *Node) *CandidateDoc {
	doc := &CandidateDoc{Node: *n, File: f}
	c := &doc.Candidate
	c.TargetPercentile = engine.DefaultTargetPercentile
	if a := n.Attr("currency"); a != nil {
		c.Currency, _ = d.currency(a)
	}
	if a := n.Attr("walk_away"); a != nil {
		c.WalkAway, _ = d.money(a)
	}
	if a := n.Attr("unvested_equity"); a != nil {
		c.UnvestedEquity, _ = d.money(a)
	}
	if a := n.Attr("target_percentile"); a != nil {
		if p, ok := d.integer(a, 0, 100); ok {
			c.TargetPercentile = p
		}
	}
	c.CliffTolerance = d.cliffTolerance(n)
	d.household(doc, n)
	d.prep(doc, n)
	return doc
}

// cliffTolerance decodes the candidate's cliff threshold: cliff_tolerance
// (a percent from 0 to 100) or cliff_tolerance_amount (money), not both.
func (d *decoder) cliffTolerance(n *Node) engine.CliffTolerance {
	var t engine.CliffTolerance
	pct, amt := n.Attr("cliff_tolerance"), n.Attr("cliff_tolerance_amount")
	if pct != nil && amt != nil {
		second := amt
		if second.Range.Start.Byte < pct.Range.Start.Byte {
			second = pct
		}
		d.add(errorf("invalid-value", second.Range, "Two cliff thresholds",
			"cliff_tolerance (a percent) and cliff_tolerance_amount (an amount) are both set. Keep one of them."))
		return t
	}
	if pct != nil {
		if x, ok := d.dec(pct, false, KindPercent); ok {
			if x.Cmp(decInt(100)) > 0 {
				d.add(errorf("invalid-value", pct.ValueRange, "Invalid cliff_tolerance",
					fmt.Sprintf("cliff_tolerance is %s; it is a percent of the best earlier year from 0 to 100 (1 is the default).", x)))
			} else {
				t.Percent, t.PercentSet = x, true
			}
		}
	}
	if amt != nil {
		if m, ok := d.money(amt); ok {
			t.Amount, t.AmountSet = m, true
		}
	}
	return t
}
