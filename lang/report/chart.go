package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/offerkit/offerkit/engine"
)

// This file draws bar charts with text characters, for a terminal. Each
// bar is one year's pay, stacked base, sign-on, equity, other; every bar
// of a chart shares one scale, so lengths compare across offers.

// ChartWidth is the length of the longest bar, in characters.
const ChartWidth = 48

// barRunes draw the components, in the order of components.
var barRunes = []rune{'█', '▓', '▒', '░'}

type chartBar struct {
	label string
	year  engine.Year
	cur   string
	note  string
}

type chartGroup struct {
	title string
	bars  []chartBar
}

func chartLegend() string {
	var parts []string
	for i, c := range components {
		parts = append(parts, string(barRunes[i])+" "+strings.ToLower(c.label))
	}
	return strings.Join(parts, "  ")
}

// writeChart draws the groups with one scale: the largest total spans
// width characters.
func writeChart(w io.Writer, groups []chartGroup, width int) {
	var top engine.Money
	labelWidth, amountWidth := 0, 0
	currencies := map[string]bool{}
	for _, g := range groups {
		for _, b := range g.bars {
			top = max(top, b.year.Total)
			labelWidth = max(labelWidth, utf8.RuneCountInString(b.label))
			amountWidth = max(amountWidth, utf8.RuneCountInString(b.year.Total.Format(b.cur)))
			currencies[b.cur] = true
		}
	}
	fmt.Fprintln(w, chartLegend())
	if len(currencies) > 1 {
		// Lengths in different currencies do not compare: each group
		// gets its own scale.
		fmt.Fprintln(w, "(the currencies differ: each chart has its own scale)")
	}
	for _, g := range groups {
		fmt.Fprintln(w, g.title)
		if len(currencies) > 1 {
			top = 0
			for _, b := range g.bars {
				top = max(top, b.year.Total)
			}
		}
		for _, b := range g.bars {
			bar := drawBar(b.year, top, width)
			amount := b.year.Total.Format(b.cur)
			line := fmt.Sprintf("  %s%s  %s%s  %s%s", b.label, strings.Repeat(" ", labelWidth-utf8.RuneCountInString(b.label)),
				bar, strings.Repeat(" ", width-utf8.RuneCountInString(bar)), strings.Repeat(" ", amountWidth-utf8.RuneCountInString(amount)), amount)
			if b.note != "" {
				line += "  " + b.note
			}
			fmt.Fprintln(w, line)
		}
	}
}

// drawBar stacks a year's components. Each component ends at the column
// its running total reaches, so the parts add up to the bar's length and
// the bar's length is the total's share of top.
func drawBar(y engine.Year, top engine.Money, width int) string {
	if top <= 0 {
		return ""
	}
	var b strings.Builder
	var sum engine.Money
	drawn := 0
	for i, c := range components {
		sum += max(c.get(y), 0)
		end := int(int64(sum) * int64(width) / int64(top))
		b.WriteString(strings.Repeat(string(barRunes[i]), end-drawn))
		drawn = end
	}
	return b.String()
}

// underYear states a cliff's gap: "$20,000 under year 2".
func underYear(gap string, below int) string { return fmt.Sprintf("%s under year %d", gap, below) }

// cliffLabel marks a cliff on the text and SVG charts: "▼ $20,000 under
// year 2".
func cliffLabel(gap string, below int) string { return "▼ " + underYear(gap, below) }

func cliffNote(cl []engine.Cliff, year int, cur string) string {
	for _, c := range cl {
		if c.Year == year {
			return cliffLabel(c.Gap.Format(cur), c.Below)
		}
	}
	return ""
}

// WriteDocumentChart draws each document's four years, one group per
// document.
func WriteDocumentChart(w io.Writer, docs []*Document, width int) {
	var groups []chartGroup
	for _, d := range complete(docs) { // a block with errors gets no figures: they would leave out what could not be read
		g := chartGroup{title: d.Kind + " " + d.Label}
		cliffs := d.Analysis.Cliffs
		for _, y := range d.Analysis.Worth.Years {
			g.bars = append(g.bars, chartBar{label: fmt.Sprintf("Year %d", y.Year), year: y, cur: d.Currency(),
				note: cliffNote(cliffs, y.Year, d.Currency())})
		}
		groups = append(groups, g)
	}
	if len(groups) > 0 {
		writeChart(w, groups, width)
	}
}

// WriteChart draws the comparison year by year: one group per year, one
// bar per document, marked with its rank.
func (c *Comparison) WriteChart(w io.Writer, width int) {
	if len(c.Documents) == 0 {
		return
	}
	if c.Mixed {
		fmt.Fprintln(w, "No chart: the offers are in different currencies, and bars in different currencies do not compare.")
		return
	}
	var groups []chartGroup
	for y := 1; y <= engine.Years; y++ {
		g := chartGroup{title: fmt.Sprintf("Year %d", y)}
		for i, d := range c.Documents {
			note := ""
			if r := c.Offers[i].YearRank[y-1]; r != 0 && len(c.Documents) > 1 {
				note = fmt.Sprintf("#%d", r)
			}
			if cn := cliffNote(c.Offers[i].Cliffs, y, d.Currency()); cn != "" {
				note = strings.TrimSpace(note + "  " + cn)
			}
			g.bars = append(g.bars, chartBar{label: d.Label, year: d.Analysis.Worth.Years[y-1], cur: d.Currency(), note: note})
		}
		groups = append(groups, g)
	}
	writeChart(w, groups, width)
}
