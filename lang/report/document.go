package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
)

// This file renders offer report as text: each offer and counter year by
// year, its totals, pay beyond the total, a counter's change against its
// offer, the band position and the flags.

// ReportOptions are offer report's switches.
type ReportOptions struct {
	Calendar bool                          // also pay by calendar year and the vest dates
	Tax      func(*lang.Doc) lang.AfterTax // with --after-tax: the estimate of a document
}

// noDocuments is what a report of no offer or counter says.
const noDocuments = "No offers or counters found."

// WriteReport writes the report of every offer and counter: figures for
// each one resolved and without errors, and for the others why there are
// none.
func WriteReport(w io.Writer, results []*lang.Result, opts ReportOptions) {
	first := true
	for _, r := range results {
		if r.LeftOut != nil { // a file with errors and no block
			if !first {
				fmt.Fprintln(w)
			}
			first = false
			fmt.Fprintf(w, "%s\n%s\n", r.File.Name, noFiguresLine(r.LeftOut, nil, onStderr))
		}
		for _, d := range r.Docs {
			if !first {
				fmt.Fprintln(w)
			}
			first = false
			if d.LeftOut != nil {
				fmt.Fprintf(w, "%s\n%s\n%s\n", DocumentOf(r, d).Title, r.File.Name, noFiguresLine(d.LeftOut, d, onStderr))
				continue
			}
			writeDoc(w, r, d)
			if opts.Tax != nil {
				WriteAfterTax(w, opts.Tax(d), offerCurrency(d.Analysis.Offer))
			}
			if opts.Calendar {
				WriteDocumentCalendar(w, DocumentOf(r, d))
			}
		}
	}
	if first {
		fmt.Fprintln(w, noDocuments)
	}
}

// onStderr says where the text report's errors are: offer report prints
// them on standard error.
const onStderr = " (on standard error)"

// yearGrid is a document's year-by-year table: base, sign-on, equity,
// other and total, each with its 4-year sum.
func yearGrid(a engine.Analysis, cur string) *grid {
	g := &grid{head: yearHead()}
	for _, c := range append(components, component{"total", "Total", func(y engine.Year) engine.Money { return y.Total }}) {
		cells := []string{c.label}
		var sum engine.Money
		for _, y := range a.Worth.Years {
			cells = append(cells, c.get(y).Format(cur))
			sum += c.get(y)
		}
		g.add(append(cells, sum.Format(cur))...)
	}
	return g
}

func writeDoc(w io.Writer, r *lang.Result, d *lang.Doc) {
	a := d.Analysis
	o := a.Offer
	cur := offerCurrency(o)
	fmt.Fprintf(w, "%s\n%s\n", DocumentOf(r, d).Title, r.File.Name)
	g := yearGrid(a, cur)
	g.align = alignRight
	g.writeText(w)
	fmt.Fprintln(w, totalsLine(a, cur))
	WritePayLines(w, a, cur)
	if line, ok := againstLine(d, cur); ok {
		fmt.Fprintln(w, line)
		writeCounterChange(w, d, cur)
	}
	if a.Band != nil {
		fmt.Fprintln(w, bandLine(a))
	}
	if flags := BlockFlags(r, d); len(flags) > 0 {
		fmt.Fprintln(w, "Flags:")
		for _, f := range flags {
			fmt.Fprintf(w, "  %s[%s] line %d: %s\n", f.Severity, f.Code, f.Subject.Start.Line, f.Detail)
		}
	}
}

// totalsLine is "4-year total $1,405,000, average $351,250 a year, $168.87
// an hour", in the text and HTML reports.
func totalsLine(a engine.Analysis, cur string) string {
	return fmt.Sprintf("4-year total %s, average %s a year, %s an hour", a.Worth.Total.Format(cur), a.Worth.Avg.Format(cur), a.Worth.Hourly.Format(cur))
}

// againstLine states a resolved counter's change against its offer:
// "Against offer amazon_l6: +$130,000 over 4 years (+9.3%)".
func againstLine(d *lang.Doc, cur string) (string, bool) {
	ch, ok := d.CounterChange()
	if !ok || d.Offer == nil {
		return "", false
	}
	return fmt.Sprintf("Against offer %s: %s", d.Offer.Name, againstText(ch, cur, " over 4 years")), true
}

// bandLine is "Band L6 SDE Seattle (Amazon): base p56, equity p61"; a.Band
// is set.
func bandLine(a engine.Analysis) string {
	return fmt.Sprintf("Band %s (%s): %s", a.Band.Label(), a.Band.Owner(), positionsText(a))
}

// againstText states a counter's change against its offer:
// "+$75,000<what> (+4.6%)"; across currencies, both totals unsubtracted.
func againstText(ch engine.Amounts, cur, what string) string {
	d, ok := ch.Delta()
	if !ok {
		return ch.Text()
	}
	p, _ := engine.ChangePercent(d, ch.Before)
	return d.Signed(cur) + what + " (" + engine.SignedPercent(p) + ")"
}

// positionsText is "base p56, equity p61 (above band)".
func positionsText(a engine.Analysis) string {
	var parts []string
	for _, p := range a.Positions {
		parts = append(parts, fmt.Sprintf("%s p%d%s", positionLabels[p.Component], p.Percentile, placementNotes[p.Placement]))
	}
	return strings.Join(parts, ", ")
}

// placementNotes follow a percentile outside its band.
var placementNotes = map[engine.Placement]string{engine.BelowBand: " (below band)", engine.AboveBand: " (above band)"}

// writeCounterChange writes the change of each year, each ask and the
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
		change, _ := l.Delta() // a counter's levers are in the offer's currency
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

// WritePolicy writes the approval tiers and the usual room of each lever
// (offer bands).
func WritePolicy(w io.Writer, bs *engine.Bands) {
	p := bs.Policy
	fmt.Fprintf(w, "\nApproval of a counter's 4-year increase\n")
	for i, t := range p.Approval {
		fmt.Fprintf(w, "  %-20s %s\n", p.TierSpan(i), t.Who)
	}
	var room []string
	for _, l := range []string{"base", "sign_on", "equity"} {
		if r, ok := p.Room[l]; ok {
			room = append(room, l+" "+r.RoomText())
		}
	}
	fmt.Fprintf(w, "\nUsual room of an ask: %s\n", strings.Join(room, ", "))
}
