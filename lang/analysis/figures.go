package analysis

import (
	"fmt"
	"strings"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
)

// This file renders an analysis as the short lines lenses, hints and
// hovers show. Every figure comes from engine; nothing is computed here
// except the change of a counter against its offer.

// sep joins the parts of a one-line summary.
const sep = " · "

func currency(d *lang.Doc) string { return d.Analysis.Offer.Currency }

// YearsLine renders the four yearly totals: "Y1 $350,000 · Y2 $345,000 · …".
func YearsLine(w engine.Worth, cur string) string {
	parts := make([]string, len(w.Years))
	for i, y := range w.Years {
		parts[i] = fmt.Sprintf("Y%d %s", y.Year, y.Total.Format(cur))
	}
	return strings.Join(parts, sep)
}

// VestLine renders what the grant vests each year: "vests Y1 $20,000 · …".
func VestLine(w engine.Worth, cur string) string {
	parts := make([]string, len(w.Years))
	for i, y := range w.Years {
		parts[i] = fmt.Sprintf("Y%d %s", y.Year, y.Equity.Format(cur))
	}
	return "vests " + strings.Join(parts, sep)
}

// Change is a counter's 4-year total against its offer's.
type Change struct {
	Delta   engine.Money
	Percent engine.Dec // rounded to one decimal; valid when HasPct
	HasPct  bool
}

// CounterChange returns the change a counter asks for over four years.
func CounterChange(d *lang.Doc) (Change, bool) {
	if d.Kind != "counter" || d.OfferAnalysis == nil {
		return Change{}, false
	}
	a, _ := d.CounterChange()
	delta, ok := a.Delta()
	if !ok {
		return Change{}, false // a counter takes its offer's currency; never subtract across currencies
	}
	c := Change{Delta: delta}
	c.Percent, c.HasPct = engine.ChangePercent(delta, a.Before)
	return c, true
}

// changeText renders a change with its percent: "+$230,000 (+16.4%)".
func (c Change) text(cur string) string {
	s := c.Delta.Signed(cur)
	if c.HasPct {
		s += " (" + engine.SignedPercent(c.Percent) + ")"
	}
	return s
}

// LensTitle renders the line shown above an offer or counter:
// "4-yr $1,405,000 · avg $351,250 · p61", and for a counter
// "… · +$230,000 (+16.4%) vs amazon_l6".
func LensTitle(d *lang.Doc) string {
	cur := currency(d)
	w := d.Analysis.Worth
	s := "4-yr " + w.Total.Format(cur) + sep + "avg " + w.Avg.Format(cur)
	if d.Analysis.HasPercentile {
		s += fmt.Sprintf("%sp%d", sep, d.Analysis.Percentile)
	}
	if c, ok := CounterChange(d); ok {
		s += sep + c.text(cur)
		s += " vs " + d.Offer.Name
		if v := d.Version.Label(); v != "" {
			s += " (" + v + ")"
		}
	} else if v := d.Version.Label(); v != "" && d.Kind == "offer" {
		s += sep + v
	}
	if d.Kind == "offer" && !d.Offer.Version.Accepted.IsZero() {
		s += sep + "accepted"
	}
	return s
}

// YearTable renders the four years by component as a markdown table.
func YearTable(w engine.Worth, cur string) string {
	var b strings.Builder
	b.WriteString("| | Year 1 | Year 2 | Year 3 | Year 4 | 4 years |\n|---|--:|--:|--:|--:|--:|\n")
	row := func(name string, get func(engine.Year) engine.Money, bold bool) {
		var sum engine.Money
		cells := []string{name}
		for _, y := range w.Years {
			cells = append(cells, get(y).Format(cur))
			sum += get(y)
		}
		cells = append(cells, sum.Format(cur))
		if bold {
			for i := range cells {
				cells[i] = "**" + cells[i] + "**"
			}
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	row("Base", func(y engine.Year) engine.Money { return y.Base }, false)
	row("Sign-on", func(y engine.Year) engine.Money { return y.SignOn }, false)
	row("Equity", func(y engine.Year) engine.Money { return y.Equity }, false)
	row("Other", func(y engine.Year) engine.Money { return y.Other }, false)
	row("Total", func(y engine.Year) engine.Money { return y.Total }, true)
	return b.String()
}

// placementText renders a band position: "p38", "p100 (above band)".
func placementText(p engine.Position) string {
	s := fmt.Sprintf("p%d", p.Percentile)
	switch p.Placement {
	case engine.BelowBand:
		s += " (below band)"
	case engine.AboveBand:
		s += " (above band)"
	}
	return s
}
