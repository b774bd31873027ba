package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/report"
)

// This file adds a counter's change against its offer and its approval
// tier to `offer report`.

type jsonCounterYear struct {
	Year   int       `json:"year"`
	Change jsonMoney `json:"change"`
}

type jsonCounterLever struct {
	Lever   string          `json:"lever"`
	Field   string          `json:"field"`
	From    jsonMoney       `json:"from"`
	To      jsonMoney       `json:"to"`
	Change  jsonMoney       `json:"change"`
	Percent *report.Rounded `json:"percent"` // null when the offer had nothing on the figure
}

type jsonDelta struct {
	Years         []jsonCounterYear  `json:"years"`
	FourYearTotal jsonMoney          `json:"four_year_total"`
	Average       jsonMoney          `json:"average"`
	Percent       *report.Rounded    `json:"percent"`
	Levers        []jsonCounterLever `json:"levers"`
	StartWeeks    *int               `json:"start_weeks_later,omitempty"`
}

type jsonApproval struct {
	Who  string `json:"who"`
	Tier string `json:"tier"`
}

func pctPtr(d engine.Dec, ok bool) *report.Rounded {
	if !ok {
		return nil
	}
	j := report.Rounded(d)
	return &j
}

func addCounterJSON(doc *jsonDocument, d *lang.Doc) {
	ca := d.CounterAnalysis
	if d.Kind != "counter" || ca == nil {
		return
	}
	doc.Offer = d.Offer.Name
	delta := ca.Delta
	jd := &jsonDelta{FourYearTotal: jsonMoney(delta.Total()), Average: jsonMoney(delta.Average()), Percent: pctPtr(delta.Percent()), Levers: []jsonCounterLever{}}
	for i, c := range delta.Years() {
		jd.Years = append(jd.Years, jsonCounterYear{i + 1, jsonMoney(c)})
	}
	for _, l := range delta.Levers {
		change, _ := l.Delta() // a counter's levers are in the offer's currency
		jd.Levers = append(jd.Levers, jsonCounterLever{l.Group, l.Lever, jsonMoney(l.Before), jsonMoney(l.After), jsonMoney(change), pctPtr(l.Percent())})
	}
	if delta.HasStart {
		weeks := delta.StartWeeks
		jd.StartWeeks = &weeks
	}
	doc.Delta = jd
	if ca.ApprovalIndex >= 0 {
		doc.Approval = &jsonApproval{Who: ca.Approval.Who, Tier: ca.Policy.TierSpan(ca.ApprovalIndex)}
	}
}

// writeCounterChange prints the change of each year, each ask and the
// approval tier under a counter's "Against offer" line.
func writeCounterChange(w io.Writer, d *lang.Doc, cur string) {
	ca := d.CounterAnalysis
	if ca == nil {
		return
	}
	var years []string
	for i, c := range ca.Delta.Years() {
		years = append(years, fmt.Sprintf("year %d %s", i+1, c.Signed(cur)))
	}
	fmt.Fprintf(w, "Change by year: %s\n", strings.Join(years, ", "))
	for _, l := range ca.Delta.Levers {
		change, _ := l.Delta()
		line := fmt.Sprintf("  %s: %s -> %s (%s", l.Label, l.Before.Format(cur), l.After.Format(cur), change.Signed(cur))
		if p, ok := engine.ChangePercent(change, l.Before); ok {
			line += ", " + engine.SignedPercent(p)
		}
		fmt.Fprintln(w, line+")")
	}
	if ca.Delta.HasStart {
		fmt.Fprintf(w, "  start: %s\n", engine.DelayText(ca.Delta.StartWeeks, ca.Delta.StartDays))
	}
	if t := ca.ApprovalText(); t != "" {
		fmt.Fprintf(w, "Approval: %s\n", t)
	}
}

// writePolicy lists the approval tiers and lever room for `offer bands`.
func writePolicy(e *env, bs *engine.Bands) {
	p := bs.Policy
	fmt.Fprintf(e.stdout, "\nApproval of a counter's 4-year increase\n")
	for i, t := range p.Approval {
		fmt.Fprintf(e.stdout, "  %-20s %s\n", p.TierSpan(i), t.Who)
	}
	var room []string
	for _, l := range []string{"base", "sign_on", "equity"} {
		if r, ok := p.Room[l]; ok {
			room = append(room, l+" "+r.RoomText())
		}
	}
	fmt.Fprintf(e.stdout, "\nUsual room of an ask: %s\n", strings.Join(room, ", "))
}

// addAfterTaxJSON adds a document's after-tax estimate to its JSON.
func addAfterTaxJSON(doc *jsonDocument, at lang.AfterTax) {
	doc.AfterTax = report.AfterTaxJSON(at)
	if !at.OK {
		return
	}
	for k := range doc.Years {
		y := at.Estimate.Years[k]
		net := report.Money(y.Net)
		doc.Years[k].Tax, doc.Years[k].Net = report.TaxJSON(y.Tax), &net
	}
	net := report.Money(at.Estimate.Net)
	doc.FourYearNet = &net
}
