package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
)

// This file renders a comparison of offers as text and Markdown tables.

// Options say what a comparison includes.
type Options struct {
	Counters  bool         // add each offer's latest counter
	Scenarios []engine.Dec // stock-price changes in percent, for every company
	// Moves, when set, replaces Scenarios: each company's stock moves on
	// its own (engine.Moves).
	Moves    []engine.Move
	Calendar bool // place pay on calendar years (needs start dates)
	// FX moves the exchange rate of each currency by each percentage; it
	// applies to documents converted with Convert.
	FX map[string][]engine.Dec
	// AfterTax, when set, estimates each document's pay after tax.
	AfterTax func(*lang.Doc) lang.AfterTax
}

// Comparison is a set of documents compared by engine.CompareOffers; Offers[i]
// of the embedded engine.Comparison is Documents[i].
type Comparison struct {
	Selection
	engine.Comparison
	Calendars []Calendar // with Options.Calendar, by document
	FX        []FXScenario
	AfterTax  []lang.AfterTax // with Options.AfterTax, by document
	NetRank   []int           // ranks of the 4-year net; nil when not comparable
}

// Calendar is a document's pay by calendar year, or why it has none.
type Calendar struct {
	engine.Calendar
	Err error // the offer has no start date
}

// Compare selects the offers of checked results (see Select) and compares
// them.
func Compare(results []*lang.Result, opts Options) *Comparison {
	return CompareSelection(Select(results, opts.Counters), opts)
}

// CompareSelection compares documents already selected.
func CompareSelection(sel Selection, opts Options) *Comparison {
	var as []engine.Analysis
	for _, d := range sel.Documents {
		as = append(as, d.Analysis)
	}
	moves := opts.Moves
	if moves == nil {
		moves = engine.Moves(opts.Scenarios, nil)
	}
	c := &Comparison{Selection: sel, Comparison: engine.CompareUnder(as, moves)}
	c.convertScenarios()
	if len(as) == 1 {
		// Alone, an offer is trivially first; showing "#1" would suggest a
		// comparison that did not happen.
		c.Offers[0].YearRank, c.Offers[0].TotalRank = [engine.Years]int{}, 0
		for i := range c.Scenarios {
			c.Scenarios[i].Rank = nil
		}
	}
	if len(opts.FX) > 0 {
		c.fxScenarios(opts.FX)
	}
	if opts.AfterTax != nil {
		c.afterTax(opts.AfterTax)
	}
	if opts.Calendar {
		for _, d := range sel.Documents {
			cal, err := engine.PlaceOnCalendar(d.Analysis.Offer, d.Analysis.Worth)
			c.Calendars = append(c.Calendars, Calendar{cal, err})
		}
	}
	return c
}

func (c *Comparison) money(m engine.Money) string { return m.Format(c.currencyOf()) }

func (c *Comparison) currencyOf() string {
	if c.Currency == "" {
		return "USD"
	}
	return c.Currency
}

func (c *Comparison) labels() []string {
	var out []string
	for _, d := range c.Documents {
		out = append(out, d.Label)
	}
	return out
}

// ranked appends a rank to an amount: "$350,000 #2". A rank of 0 (no
// ranking: one document, or mixed currencies) adds nothing.
func ranked(m string, rank int) string {
	if rank == 0 {
		return m
	}
	return fmt.Sprintf("%s #%d", m, rank)
}

// mainGrid is the side-by-side table: each year's total and components,
// the 4-year total, average, hourly figure, band, percentile and cliffs.
func (c *Comparison) mainGrid() *grid {
	g := &grid{head: append([]string{""}, c.labels()...)}
	row := func(name string, cell func(i int, d *Document) string) {
		cells := []string{name}
		for i, d := range c.Documents {
			cells = append(cells, cell(i, d))
		}
		g.add(cells...)
	}
	dash := func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	}
	row("Company", func(_ int, d *Document) string { return dash(d.Analysis.Offer.Company) })
	row("Role", func(_ int, d *Document) string {
		o := d.Analysis.Offer
		return dash(strings.TrimSpace(strings.Join([]string{o.Level, o.Track, o.Location}, " ")))
	})
	row("Kind", func(_ int, d *Document) string {
		if d.Kind == "counter" {
			return fmt.Sprintf("counter, round %d", d.Round)
		}
		if d.Version != "" {
			return "offer, " + d.Version
		}
		return d.Kind
	})
	for y := 1; y <= engine.Years; y++ {
		row(fmt.Sprintf("Year %d", y), func(i int, d *Document) string {
			return ranked(d.money(d.Analysis.Worth.Years[y-1].Total), c.Offers[i].YearRank[y-1])
		})
		for _, comp := range components {
			row("  "+comp.label, func(_ int, d *Document) string { return d.money(comp.get(d.Analysis.Worth.Years[y-1])) })
		}
	}
	row("4 years", func(i int, d *Document) string { return ranked(d.money(d.Analysis.Worth.Total), c.Offers[i].TotalRank) })
	row("Average a year", func(_ int, d *Document) string { return d.money(d.Analysis.Worth.Avg) })
	row("Hourly", func(_ int, d *Document) string { return d.money(d.Analysis.Worth.Hourly) })
	row("Band", func(_ int, d *Document) string {
		if d.Analysis.Band == nil {
			return "none"
		}
		if eq := d.Analysis.Band.Equivalent; eq != "" {
			return d.Analysis.Band.Label() + " ~ " + eq
		}
		return d.Analysis.Band.Label()
	})
	row("Year-1 percentile", func(_ int, d *Document) string {
		if !d.Analysis.HasPercentile {
			return "-"
		}
		return fmt.Sprintf("p%d", d.Analysis.Percentile)
	})
	most := 1
	for _, o := range c.Offers {
		most = max(most, len(o.Cliffs))
	}
	for k := 0; k < most; k++ {
		name := ""
		if k == 0 {
			name = "Cliffs"
		}
		row(name, func(i int, d *Document) string {
			cl := c.Offers[i].Cliffs
			switch {
			case len(cl) > k:
				return fmt.Sprintf("year %d: %s", cl[k].Year, underYear(d.money(cl[k].Gap), cl[k].Below))
			case k == 0:
				return "none"
			}
			return ""
		})
	}
	return g
}

// summaryGrid is the compact table: one row per document, its yearly and
// 4-year totals with their ranks.
func (c *Comparison) summaryGrid() *grid {
	g := &grid{head: yearHead()}
	for i, d := range c.Documents {
		cells := []string{d.Label}
		for y, yr := range d.Analysis.Worth.Years {
			cells = append(cells, ranked(d.money(yr.Total), c.Offers[i].YearRank[y]))
		}
		g.add(append(cells, ranked(d.money(d.Analysis.Worth.Total), c.Offers[i].TotalRank))...)
	}
	return g
}

// component is one part of a year's pay, in the order charts stack them.
type component struct {
	key, label string
	get        func(engine.Year) engine.Money
}

var components = []component{
	{"base", "Base", func(y engine.Year) engine.Money { return y.Base }},
	{"sign_on", "Sign-on", func(y engine.Year) engine.Money { return y.SignOn }},
	{"equity", "Equity", func(y engine.Year) engine.Money { return y.Equity }},
	{"other", "Other", func(y engine.Year) engine.Money { return y.Other }},
}

func (d *Document) money(m engine.Money) string { return m.Format(d.Currency()) }

// winnersLine says which document pays most in each year and over four
// years: "Pays most: year 1 a; year 2 a, b (tie); ...".
func (c *Comparison) winnersLine() string {
	if c.Mixed || len(c.Documents) < 2 {
		return ""
	}
	var parts []string
	for y := 1; y <= engine.Years; y++ {
		parts = append(parts, fmt.Sprintf("year %d %s", y, c.names(c.YearWinners(y))))
	}
	parts = append(parts, "over 4 years "+c.names(c.TotalWinners()))
	return "Pays most: " + strings.Join(parts, "; ") + "."
}

func (c *Comparison) names(idx []int) string {
	var out []string
	for _, i := range idx {
		out = append(out, c.Documents[i].Label)
	}
	s := strings.Join(out, ", ")
	if len(out) > 1 {
		s += " (tie)"
	}
	return s
}

// scenarioGrid shows each document's 4-year total under each price change.
func (c *Comparison) scenarioGrid() *grid {
	g := &grid{head: append(append([]string{"Stock price"}, c.labels()...), "Pays most")}
	for _, s := range c.Scenarios {
		cells := []string{s.Move.Label()}
		for i, w := range s.Worth {
			rank := 0
			if s.Rank != nil {
				rank = s.Rank[i]
			}
			cells = append(cells, ranked(c.Documents[i].money(w.Total), rank))
		}
		win := "-"
		if s.Rank != nil {
			win = c.names(engine.Winners(s.Rank))
		}
		g.add(append(cells, win)...)
	}
	return g
}

const scenarioNote = "4-year totals with the stock price changed by each percentage: applied to the equity of every year, on top of each offer's own growth assumption."

// notes are the sentences printed under the tables.
func (c *Comparison) notes() []string {
	var out []string
	if c.Mixed {
		var curs []string
		seen := map[string]bool{}
		for _, d := range c.Documents {
			if !seen[d.Currency()] {
				seen[d.Currency()] = true
				curs = append(curs, d.Currency())
			}
		}
		out = append(out, fmt.Sprintf("The offers are in different currencies (%s); offerkit does not convert between them, so they are not ranked; state rates in a *.rates.hcl file and add --currency to convert them.", strings.Join(curs, ", ")))
	}
	for _, d := range c.LeftOut {
		out = append(out, fmt.Sprintf("Left out: %s %s (%s): %s; run 'offer lint' to see them.", d.Kind, d.Name, d.File, d.LeftOut.Reason))
	}
	return out
}

func (c *Comparison) heading() string {
	n := len(c.Documents)
	noun := "offers"
	if n == 1 {
		noun = "offer"
	}
	s := fmt.Sprintf("Comparing %d %s", n, noun)
	if !c.Mixed && n > 0 {
		s += " (" + c.currencyOf() + ")"
	}
	if n > 1 && !c.Mixed {
		s += "; #1 pays most"
	}
	return s + "."
}

// WriteText writes the comparison as aligned text tables.
func (c *Comparison) WriteText(w io.Writer) {
	fmt.Fprintln(w, c.heading())
	if len(c.Documents) == 0 {
		fmt.Fprintln(w, noOffers)
		for _, n := range c.notes() {
			fmt.Fprintln(w, n)
		}
		return
	}
	fmt.Fprintln(w)
	c.mainGrid().writeText(w)
	if s := c.winnersLine(); s != "" {
		fmt.Fprintln(w, s)
	}
	for _, s := range c.sections() {
		s.writeText(w)
	}
	writeTextNotes(w, c.conversionNotes())
	writeTextNotes(w, c.notes())
}

// WriteMarkdown writes the comparison as Markdown: the table an editor's
// "Compare" command shows.
func (c *Comparison) WriteMarkdown(w io.Writer) {
	fmt.Fprintf(w, "### %s\n\n", MarkdownEscape(c.heading()))
	if len(c.Documents) == 0 {
		fmt.Fprintln(w, noOffers)
		writeMarkdownNotes(w, c.notes())
		return
	}
	c.mainGrid().writeMarkdown(w)
	if s := c.winnersLine(); s != "" {
		fmt.Fprintf(w, "\n%s\n", MarkdownEscape(s))
	}
	for _, s := range c.sections() {
		s.writeMarkdown(w)
	}
	writeMarkdownNotes(w, c.conversionNotes())
	writeMarkdownNotes(w, c.notes())
}

// Markdown returns WriteMarkdown's text.
func (c *Comparison) Markdown() string {
	var b strings.Builder
	c.WriteMarkdown(&b)
	return b.String()
}
