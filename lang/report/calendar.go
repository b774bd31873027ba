package report

import (
	"fmt"
	"io"

	"github.com/offerkit/offerkit/engine"
)

// This file renders one document's pay by calendar year and its vest
// events (offer report --calendar).

// calendarOf places a document's pay on calendar years.
func calendarOf(d *Document) Calendar {
	cal, err := engine.PlaceOnCalendar(d.Analysis.Offer, d.Analysis.Worth)
	return Calendar{cal, err}
}

// DocumentCalendar places a document's pay on calendar years; Err is set
// when the offer has no start date.
func DocumentCalendar(d *Document) Calendar { return calendarOf(d) }

func calendarTable(d *Document, cal engine.Calendar) *grid {
	g := &grid{head: []string{""}}
	for _, y := range cal.Years {
		g.head = append(g.head, fmt.Sprint(y.Year))
	}
	g.head = append(g.head, "Total")
	for _, c := range append(components, component{"total", "Total", func(y engine.Year) engine.Money { return y.Total }}) {
		cells := []string{c.label}
		var sum engine.Money
		for _, y := range cal.Years {
			m := c.get(engine.Year{Base: y.Base, SignOn: y.SignOn, Equity: y.Equity, Other: y.Other, Total: y.Total})
			cells = append(cells, d.money(m))
			sum += m
		}
		g.add(append(cells, d.money(sum))...)
	}
	return g
}

// vestLines summarises the vest events, one line per employment year.
func vestLines(d *Document, cal engine.Calendar) []string {
	var out []string
	for y := 1; y <= engine.Years; y++ {
		var vs []engine.Vest
		var sum engine.Money
		for _, v := range cal.Vests {
			if v.Year == y {
				vs = append(vs, v)
				sum += v.Amount
			}
		}
		switch len(vs) {
		case 0:
		case 1:
			out = append(out, fmt.Sprintf("year %d  %s on %s", y, d.money(sum), vs[0].Date.Format("2006-01-02")))
		default:
			out = append(out, fmt.Sprintf("year %d  %s in %d vests, %s to %s", y, d.money(sum), len(vs),
				vs[0].Date.Format("2006-01-02"), vs[len(vs)-1].Date.Format("2006-01-02")))
		}
	}
	return out
}

// addStart says what a document without a start date needs (whose: "the"
// or "its"): "add start = "YYYY-MM-DD" to place the pay on calendar years".
// The HTML report words it the same, with the attribute as code
// (templates/report.html.tmpl).
func addStart(whose string) string {
	return `add start = "YYYY-MM-DD" to place ` + whose + ` pay on calendar years`
}

// WriteDocumentCalendar writes a document's pay by calendar year and its
// vest events, or says that it needs a start date.
func WriteDocumentCalendar(w io.Writer, d *Document) {
	cal := calendarOf(d)
	if cal.Err != nil {
		fmt.Fprintf(w, "By calendar year: no start date; %s.\n", addStart("the"))
		return
	}
	fmt.Fprintf(w, "By calendar year, starting %s:\n", cal.Start.Format("2006-01-02"))
	calendarTable(d, cal.Calendar).writeText(w)
	if lines := vestLines(d, cal.Calendar); len(lines) > 0 {
		fmt.Fprintln(w, "Vests:")
		for _, l := range lines {
			fmt.Fprintln(w, "  "+l)
		}
	}
}
