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
	lv.base = decodePtr(n, "base", d.money)
	lv.relocation = decodePtr(n, "relocation", d.money)
	lv.bonus = decodePtr(n, "bonus_target", d.percent)
	lv.start = decodePtr(n, "start", d.date)
	lv.level = decodePtr(n, "level", d.str)
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

// counter returns the levers as a counter named name that restates them.
func (lv leverValues) counter(name string) engine.Counter {
	return engine.Counter{Name: name, Base: lv.base, Relocation: lv.relocation, BonusTarget: lv.bonus, Level: lv.level,
		SignOn: lv.signOn, Equity: lv.equity, Start: lv.start,
		Bonus: lv.terms.bonus, Flexibility: lv.terms.flex, Promotion: lv.terms.promotion}
}

// signOnYears are the attributes of a sign_on block, year 1 first.
var signOnYears = [engine.Years]string{"year1", "year2", "year3", "year4"}

// minGrowth and maxGrowth bound a grant's growth, in percent a year.
var minGrowth, maxGrowth = engine.DecInt(-100), engine.DecInt(1000)

func (d *decoder) equity(b *Node) (*engine.GrantChange, ScheduleRef) {
	g := &engine.GrantChange{}
	var sched ScheduleRef
	g.Value = decodePtr(b, "value", d.money)
	g.Shares = decodePtr(b, "shares", d.decimal)
	g.Price = decodePtr(b, "price", d.decimal)
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
	decodeInto(b, "schedule", &sched, d.schedule)
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
	decodeInto(n, "company", &o.Company, d.str)
	decodeInto(n, "track", &o.Track, d.str)
	decodeInto(n, "location", &o.Location, d.str)
	decodeInto(n, "currency", &o.Currency, d.currency)
	if o.Currency == "" {
		o.Currency = "USD"
	}
	decodeInto(n, "source", &o.Source, d.str)
	if a := n.Attr("tax_region"); a != nil {
		doc.TaxRegion = d.region(a)
	}
	decodeInto(n, "received", &o.Received, d.date)
	decodeInto(n, "expires", &o.Expires, d.date)
	lv := d.levers(n)
	// The levers an offer states are what a counter would restate.
	*o = lv.counter(o.Name).Apply(*o)
	if lv.equity != nil {
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
	d.version(doc, lv) // decode_version.go
	d.texts(f, fmt.Sprintf("Offer %q", doc.Name), n, &doc.Texts)
	return doc
}

func (d *decoder) counter(f *File, n *Node) *CounterDoc {
	doc := &CounterDoc{Node: *n, File: f, Name: n.Labels[0]}
	if a := n.Attr("offer"); a != nil {
		doc.OfferRange = a.ValueRange
		if name, ok := d.reference(a); ok {
			doc.OfferRef = name
		}
	}
	round := 1
	if a := n.Attr("round"); a != nil {
		if r, ok := d.integer(a, 1, 10); ok {
			round = r
		}
	}
	var sent time.Time
	decodeInto(n, "sent", &sent, d.date)
	lv := d.levers(n)
	doc.Counter = lv.counter(doc.Name)
	c := &doc.Counter
	c.Offer, c.Round, c.Sent = doc.OfferRef, round, sent
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
	decodeInto(n, "currency", &c.Currency, d.currency)
	decodeInto(n, "walk_away", &c.WalkAway, d.money)
	decodeInto(n, "unvested_equity", &c.UnvestedEquity, d.money)
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
