package report

import (
	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
)

// This file is the JSON form of offer report. Money is a JSON number in
// the currency's major unit, exact to the cent (Money).

// JSONReportYear is one employment year of a document.
type JSONReportYear struct {
	YearFigures
	PayLines
	NetYear
}

// JSONFlag is a diagnostic on a document.
type JSONFlag struct {
	Code     string `json:"code"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

// JSONPosition is a figure's place in its band.
type JSONPosition struct {
	Component  string `json:"component"`
	Value      Money  `json:"value"`
	Low        Money  `json:"low"`
	High       Money  `json:"high"`
	Percentile int    `json:"percentile"`
	Placement  string `json:"placement"`
}

// JSONDocument is one offer or counter of the report.
type JSONDocument struct {
	File          string           `json:"file"`
	Kind          string           `json:"kind"`
	Name          string           `json:"name"`
	Company       string           `json:"company,omitempty"`
	Currency      string           `json:"currency"`
	Years         []JSONReportYear `json:"years"`
	FourYearTotal Money            `json:"four_year_total"`
	Average       Money            `json:"average"`
	Hourly        Money            `json:"hourly"`
	Band          string           `json:"band,omitempty"`
	Percentile    *int             `json:"percentile"`
	Positions     []JSONPosition   `json:"positions"`
	Flags         []JSONFlag       `json:"flags"`
	// Pay beyond the total, over four years (engine/pay.go).
	FourYearGuaranteed Money `json:"four_year_guaranteed"`
	FourYearAssumed    Money `json:"four_year_assumed"`
	SignOnRepayMonths  int   `json:"sign_on_repay_months,omitempty"`
	// With --after-tax.
	FourYearNet *Money        `json:"four_year_net,omitempty"`
	AfterTax    *JSONAfterTax `json:"after_tax,omitempty"`
	// Counters only.
	Offer    string        `json:"offer,omitempty"`
	Delta    *JSONDelta    `json:"delta,omitempty"`
	Approval *JSONApproval `json:"approval,omitempty"`
	// Calendar is the pay by calendar year (with --calendar).
	Calendar      *JSONCalendar `json:"calendar,omitempty"`
	CalendarError string        `json:"calendar_error,omitempty"`
}

// JSONReport is the whole of offer report --format json.
type JSONReport struct {
	Documents []JSONDocument `json:"documents"`
	// LeftOut is what has no figures above, and why (leftout_json.go).
	LeftOut []JSONLeftOut `json:"left_out"`
}

// JSONCounterYear is a year's change of a counter against its offer.
type JSONCounterYear struct {
	Year   int   `json:"year"`
	Change Money `json:"change"`
}

// JSONCounterLever is one figure a counter restates.
type JSONCounterLever struct {
	Lever   string   `json:"lever"`
	Field   string   `json:"field"`
	From    Money    `json:"from"`
	To      Money    `json:"to"`
	Change  Money    `json:"change"`
	Percent *Rounded `json:"percent"` // null when the offer had nothing on the figure
}

// JSONDelta is a counter's change against its offer.
type JSONDelta struct {
	Years         []JSONCounterYear  `json:"years"`
	FourYearTotal Money              `json:"four_year_total"`
	Average       Money              `json:"average"`
	Percent       *Rounded           `json:"percent"`
	Levers        []JSONCounterLever `json:"levers"`
	StartWeeks    *int               `json:"start_weeks_later,omitempty"`
}

// JSONApproval is who approves a counter's increase.
type JSONApproval struct {
	Who  string `json:"who"`
	Tier string `json:"tier"`
}

var placements = map[engine.Placement]string{engine.InBand: "in", engine.BelowBand: "below", engine.AboveBand: "above"}

// ReportJSON returns the report's JSON form; a block with errors has no
// figures and is left out.
func ReportJSON(results []*lang.Result, opts ReportOptions) JSONReport {
	out := JSONReport{Documents: []JSONDocument{}, LeftOut: []JSONLeftOut{}}
	for _, r := range results {
		for _, d := range r.Docs {
			if d.LeftOut == nil {
				out.Documents = append(out.Documents, documentJSON(r, d, opts))
			}
		}
		out.LeftOut = append(out.LeftOut, leftOutJSON(r)...)
	}
	return out
}

func documentJSON(r *lang.Result, d *lang.Doc, opts ReportOptions) JSONDocument {
	a := d.Analysis
	doc := JSONDocument{File: r.File.Name, Kind: d.Kind, Name: d.Name, Company: a.Offer.Company, Currency: offerCurrency(a.Offer),
		FourYearTotal: Money(a.Worth.Total), Average: Money(a.Worth.Avg), Hourly: Money(a.Worth.Hourly),
		Positions: []JSONPosition{}, Flags: []JSONFlag{}, SignOnRepayMonths: a.Offer.SignOnRepayMonths}
	for _, y := range a.Worth.Years {
		doc.Years = append(doc.Years, JSONReportYear{FiguresOf(y), PayLinesOf(y), NetYear{}})
		doc.FourYearGuaranteed += Money(y.Guaranteed)
		doc.FourYearAssumed += Money(y.Assumed)
	}
	if opts.Tax != nil {
		doc.AfterTax, doc.FourYearNet = afterTaxJSON(opts.Tax(d), func(k int) *NetYear { return &doc.Years[k].NetYear })
	}
	if a.Band != nil {
		doc.Band = a.Band.Label()
	}
	if a.HasPercentile {
		p := a.Percentile
		doc.Percentile = &p
	}
	for _, p := range a.Positions {
		doc.Positions = append(doc.Positions, JSONPosition{p.Component, Money(p.Value), Money(p.Range.Lo), Money(p.Range.Hi), p.Percentile, placements[p.Placement]})
	}
	for _, f := range BlockFlags(r, d) {
		doc.Flags = append(doc.Flags, JSONFlag{f.Code, f.Severity.String(), f.Detail})
	}
	if opts.Calendar {
		if cal := DocumentCalendar(DocumentOf(r, d)); cal.Err != nil {
			doc.CalendarError = "no start date"
		} else {
			doc.Calendar = CalendarJSON(cal.Calendar)
		}
	}
	addCounterJSON(&doc, d)
	return doc
}

func addCounterJSON(doc *JSONDocument, d *lang.Doc) {
	ca := d.CounterAnalysis
	if d.Kind != "counter" || ca == nil {
		return
	}
	doc.Offer = d.Offer.Name
	delta := ca.Delta
	jd := &JSONDelta{FourYearTotal: Money(delta.Total()), Average: Money(delta.Average()), Percent: roundedPtr(delta.Percent()), Levers: []JSONCounterLever{}}
	for i, c := range delta.Years() {
		jd.Years = append(jd.Years, JSONCounterYear{i + 1, Money(c)})
	}
	for _, l := range delta.Levers {
		change, _ := l.Delta() // a counter's levers are in the offer's currency
		jd.Levers = append(jd.Levers, JSONCounterLever{l.Group, l.Lever, Money(l.Before), Money(l.After), Money(change), roundedPtr(l.Percent())})
	}
	if delta.HasStart {
		weeks := delta.StartWeeks
		jd.StartWeeks = &weeks
	}
	doc.Delta = jd
	if ca.ApprovalIndex >= 0 {
		doc.Approval = &JSONApproval{Who: ca.Approval.Who, Tier: ca.Policy.TierSpan(ca.ApprovalIndex)}
	}
}
