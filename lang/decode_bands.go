package lang

import (
	"fmt"
	"time"

	"github.com/offerkit/offerkit/engine"
)

func (d *decoder) band(n *Node) *BandDoc {
	b := &engine.Band{Level: n.Labels[0], Track: n.Labels[1], Location: n.Labels[2], Percentiles: [2]int{0, 100}}
	ranges := map[string]*engine.Range{"base": &b.Base, "equity": &b.Equity, "sign_on": &b.SignOn, "year1_total": &b.Year1Total}
	good := true
	for name, dst := range ranges {
		if a := n.Attr(name); a != nil {
			r, ok := d.moneyRange(a)
			*dst = r
			good = good && ok
		}
	}
	if a := n.Attr("percentiles"); a != nil {
		p, ok := d.intList(a, 0, 100)
		switch {
		case ok && (len(p) != 2 || p[0] >= p[1]):
			d.add(errorf("invalid-value", a.ValueRange, "Invalid percentiles",
				"percentiles takes two whole percentiles, low first, such as [25, 75]."))
		case ok:
			b.Percentiles = [2]int{p[0], p[1]}
		}
	}
	decodeInto(n, "source", &b.Source, d.str)
	decodeInto(n, "company", &b.Company, d.str)
	decodeInto(n, "equivalent", &b.Equivalent, d.str)
	if !good || n.Attr("base") == nil {
		return nil
	}
	return &BandDoc{Node: *n, Band: b}
}

func (d *decoder) cap(n *Node) *CapDoc {
	base := decodePtr(n, "base", d.money)
	if base == nil {
		return nil
	}
	c := engine.Cap{Level: n.Labels[0], Base: *base}
	decodeInto(n, "company", &c.Company, d.str)
	decodeInto(n, "source", &c.Source, d.str)
	return &CapDoc{Node: *n, Cap: c}
}

func (d *decoder) scheduleBlock(n *Node) *ScheduleDoc {
	pct := decodePtr(n, "percent", d.percentList)
	if pct == nil {
		return nil
	}
	s := engine.Schedule{Name: n.Labels[0], Percent: *pct}
	if c := n.Attr("cadence"); c != nil {
		s.Cadence, _ = d.intList(c, 1, 12)
	}
	decodeInto(n, "source", &s.Source, d.str)
	if err := s.Validate(); err != nil {
		rng := n.Attr("percent").ValueRange
		if fe, ok := err.(*engine.FieldError); ok && fe.Field == "cadence" && n.Attr("cadence") != nil {
			rng = n.Attr("cadence").ValueRange
		}
		d.engineError(err, rng)
		return nil
	}
	return &ScheduleDoc{Node: *n, Schedule: s}
}

func (d *decoder) source(n *Node) *SourceDoc {
	doc := &SourceDoc{Node: *n}
	decodeInto(n, "name", &doc.Source.Name, d.str)
	if a := n.Attr("as_of"); a != nil {
		if s, ok := d.str(a); ok {
			if _, err := time.Parse("2006-01", s); err != nil {
				d.add(errorf("invalid-value", a.ValueRange, "Invalid as_of",
					fmt.Sprintf("as_of is %q; write the month the figures were current as \"YYYY-MM\".", s)))
			}
			doc.Source.AsOf = s
		}
	}
	return doc
}
