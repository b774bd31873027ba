package report

import (
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
)

// This file adds to a comparison what money looks like to the person
// weighing the offers: every offer in one currency at stated rates, the
// rates moving, each company's stock moving on its own, and pay after tax.

// Conversion records how a document's figures were converted.
type Conversion struct {
	From, To string
	Rate     engine.Dec // To per unit of From
	AsOf     string
	Source   string
}

// Note says how the figures were converted, for the lines under a table.
func (cv Conversion) Note(label string) string {
	return fmt.Sprintf("%s: converted from %s at %s %s per %s (rates as of %s, %s).", label, cv.From, cv.Rate, cv.To, cv.From, cv.AsOf, cv.Source)
}

// MissingRateError names the rate a conversion needed and did not find.
type MissingRateError struct{ From, To, Missing, Base string }

func (e *MissingRateError) Error() string {
	return fmt.Sprintf("no exchange rate from %s to %s: add %s = <what one %s is worth in %s> to a *.rates.hcl file", e.From, e.To, e.Missing, e.Missing, e.Base)
}

// Convert puts every document of the selection in currency to, at the
// stated rates: each yearly component is converted and rounded to the
// cent once, and the totals are their sums. It returns the first missing
// rate as a *MissingRateError, or a figure the conversion takes past the
// engine's range as a *RangeError, and changes nothing then.
func Convert(sel *Selection, to string, rates engine.Rates) error {
	to = strings.ToUpper(to)
	for _, d := range sel.Documents {
		if _, ok := rates.Rate(d.Currency(), to); !ok {
			base := strings.ToUpper(rates.Base)
			if base == "" {
				base = "USD"
			}
			missing := to
			if _, ok := rates.Rate(d.Currency(), base); !ok {
				missing = d.Currency()
			}
			return &MissingRateError{From: d.Currency(), To: to, Missing: missing, Base: base}
		}
		if w, _ := rates.ConvertWorth(d.Analysis.Worth, d.Currency(), to); w.OutOfRange() {
			return &RangeError{Doc: d.Label, Where: fmt.Sprintf("converted from %s into %s", d.Currency(), to)}
		}
	}
	for _, d := range sel.Documents {
		from := d.Currency()
		if from == to {
			continue
		}
		rate, _ := rates.Rate(from, to)
		w, _ := rates.ConvertWorth(d.Analysis.Worth, from, to)
		d.original, d.Analysis.Worth = d.Analysis.Worth, w
		d.Analysis.Cliffs = engine.CliffsIn(d.Analysis.Cliffs, w)
		d.Analysis.Offer.Currency = to
		d.Conversion = &Conversion{From: from, To: to, Rate: engine.RoundDec(rate, 6), AsOf: rates.AsOf, Source: rates.Source}
		d.rate = rate
	}
	return nil
}

// convertScenarios puts the scenario figures of converted documents in the
// comparison's currency (engine recomputes them from the offer's own
// amounts) and ranks them again.
func (c *Comparison) convertScenarios() {
	for si := range c.Scenarios {
		s := &c.Scenarios[si]
		changed := false
		for i, d := range c.Documents {
			if d.Conversion == nil {
				continue
			}
			s.Worth[i] = convertWorth(s.Worth[i], d.rate)
			changed = true
		}
		if changed && s.Rank != nil {
			s.Rank = engine.Ranks(totalsOf(s.Worth))
		}
	}
}

func convertWorth(w engine.Worth, rate engine.Dec) engine.Worth {
	r := engine.Rates{PerUnit: map[string]engine.Dec{"XXX": rate}}
	out, _ := r.ConvertWorth(w, "XXX", "USD")
	return out
}

func totalsOf(ws []engine.Worth) []engine.Money {
	out := make([]engine.Money, len(ws))
	for i, w := range ws {
		out[i] = w.Total
	}
	return out
}

// FXScenario is the comparison with one currency's rate moved.
type FXScenario struct {
	Currency string
	Change   engine.Dec // percent
	Totals   []engine.Money
	Rank     []int
}

// fxScenarios recomputes the converted 4-year totals with each currency's
// rate moved by each change.
func (c *Comparison) fxScenarios(moves map[string][]engine.Dec) {
	codes := make([]string, 0, len(moves))
	for code := range moves {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	for _, code := range codes {
		for _, ch := range moves[code] {
			s := FXScenario{Currency: code, Change: ch}
			for _, d := range c.Documents {
				total := d.Analysis.Worth.Total
				if d.Conversion != nil && d.Conversion.From == code {
					total = convertWorth(d.original, movedRate(d.rate, ch)).Total
				}
				s.Totals = append(s.Totals, total)
			}
			if !c.Mixed && len(c.Documents) > 1 {
				s.Rank = engine.Ranks(s.Totals)
			}
			c.FX = append(c.FX, s)
		}
	}
}

// movedRate returns rate changed by change percent.
func movedRate(rate, change engine.Dec) engine.Dec {
	f := new(big.Rat).Quo(change.Rat(), big.NewRat(100, 1))
	f.Add(f, big.NewRat(1, 1))
	return engine.DecFromRat(f.Mul(f, rate.Rat()))
}

// fxGrid shows each document's 4-year total under each rate move.
func (c *Comparison) fxGrid() *grid {
	g := &grid{head: append(append([]string{"Exchange rate"}, c.labels()...), "Pays most")}
	for _, s := range c.FX {
		cells := []string{s.Currency + " " + engine.SignedPercent(s.Change)}
		for i, t := range s.Totals {
			rank := 0
			if s.Rank != nil {
				rank = s.Rank[i]
			}
			cells = append(cells, ranked(c.money(t), rank))
		}
		win := "-"
		if s.Rank != nil {
			win = c.names(engine.Winners(s.Rank))
		}
		g.add(append(cells, win)...)
	}
	return g
}

// winGrid is, when the scenarios move exactly two companies' stock, who
// pays most over four years under each combination: the first company's
// changes down the side, the second's across the top.
func (c *Comparison) winGrid() *grid {
	if len(c.Scenarios) == 0 || len(c.Scenarios[0].Move.Names) != 2 || c.Mixed {
		return nil
	}
	a, b := c.Scenarios[0].Move.Names[0], c.Scenarios[0].Move.Names[1]
	var cols []engine.Dec
	for _, s := range c.Scenarios {
		d := s.Move.For(b)
		if !slices.ContainsFunc(cols, func(x engine.Dec) bool { return x.Cmp(d) == 0 }) {
			cols = append(cols, d)
		}
	}
	g := &grid{head: []string{a + " \\ " + b}}
	for _, d := range cols {
		g.head = append(g.head, engine.SignedPercent(d))
	}
	for k := 0; k < len(c.Scenarios); k += len(cols) {
		cells := []string{engine.SignedPercent(c.Scenarios[k].Move.For(a))}
		for j := 0; j < len(cols) && k+j < len(c.Scenarios); j++ {
			s := c.Scenarios[k+j]
			win := "-"
			if s.Rank != nil {
				win = c.names(engine.Winners(s.Rank))
			}
			cells = append(cells, win)
		}
		g.add(cells...)
	}
	return g
}

// afterTax estimates every document's pay after tax.
func (c *Comparison) afterTax(estimate func(*lang.Doc) lang.AfterTax) {
	for _, d := range c.Documents {
		at := estimate(d.doc)
		c.AfterTax = append(c.AfterTax, at)
	}
	var nets []engine.Money
	ok := !c.Mixed && len(c.Documents) > 1
	for _, at := range c.AfterTax {
		ok = ok && at.OK
		nets = append(nets, at.Estimate.Net)
	}
	if ok {
		c.NetRank = engine.Ranks(nets)
	}
}

// afterTaxGrid shows each document's net pay per year and over four years.
func (c *Comparison) afterTaxGrid() *grid {
	g := &grid{head: append([]string{"After tax"}, c.labels()...)}
	row := func(name string, cell func(i int, at lang.AfterTax) string) {
		cells := []string{name}
		for i, at := range c.AfterTax {
			if !at.OK {
				cells = append(cells, "-")
				continue
			}
			cells = append(cells, cell(i, at))
		}
		g.add(cells...)
	}
	for y := 0; y < engine.Years; y++ {
		row(fmt.Sprintf("Net year %d", y+1), func(i int, at lang.AfterTax) string {
			return c.Documents[i].money(at.Estimate.Years[y].Net)
		})
	}
	row("Net 4 years", func(i int, at lang.AfterTax) string {
		rank := 0
		if c.NetRank != nil {
			rank = c.NetRank[i]
		}
		return ranked(c.Documents[i].money(at.Estimate.Net), rank)
	})
	row("Tax 4 years", func(i int, at lang.AfterTax) string {
		var t engine.Money
		for _, y := range at.Estimate.Years {
			t += y.Tax.Total()
		}
		return c.Documents[i].money(t)
	})
	row("Taxed in", func(_ int, at lang.AfterTax) string { return regionLabel(at) })
	return g
}

// afterTaxNotes are the lines under the after-tax table.
func (c *Comparison) afterTaxNotes() []string {
	out := []string{"After tax is " + AfterTaxDisclaimer + "."}
	for i, at := range c.AfterTax {
		if !at.OK {
			out = append(out, fmt.Sprintf("%s: %s.", c.Documents[i].Label, at.Why))
		}
		for _, n := range at.Notes {
			out = append(out, fmt.Sprintf("%s: %s.", c.Documents[i].Label, n))
		}
	}
	return out
}

// conversionNotes say how converted figures were converted.
func (c *Comparison) conversionNotes() []string {
	var out []string
	for _, d := range c.Documents {
		if d.Conversion != nil {
			out = append(out, d.Conversion.Note(d.Label))
		}
	}
	return out
}

// JSONConversion says how a document's figures were converted.
type JSONConversion struct {
	From   string  `json:"from"`
	Rate   Percent `json:"rate"`
	AsOf   string  `json:"as_of"`
	Source string  `json:"source"`
}

// JSONFXScenario is the comparison with one exchange rate moved.
type JSONFXScenario struct {
	Currency string              `json:"currency"`
	Change   Percent             `json:"change"`
	Offers   []JSONScenarioOffer `json:"offers"`
	Winners  []string            `json:"winners"`
}

func (c *Comparison) fxJSON(s FXScenario) JSONFXScenario {
	out := JSONFXScenario{Currency: s.Currency, Change: Percent(s.Change), Winners: []string{}}
	for i, t := range s.Totals {
		so := JSONScenarioOffer{Label: c.Documents[i].Label, FourYearTotal: Money(t), Equity: []Money{}}
		if s.Rank != nil {
			so.Rank = rankPtr(s.Rank[i])
		}
		out.Offers = append(out.Offers, so)
	}
	if s.Rank != nil {
		out.Winners = c.labelsOf(engine.Winners(s.Rank))
	}
	return out
}

// docMoneyJSON adds a document's conversion and after-tax figures.
func (c *Comparison) docMoneyJSON(i int, j *JSONCompared) {
	d := c.Documents[i]
	if cv := d.Conversion; cv != nil {
		j.Converted = &JSONConversion{From: cv.From, Rate: Percent(cv.Rate), AsOf: cv.AsOf, Source: cv.Source}
	}
	if c.AfterTax == nil {
		return
	}
	j.AfterTax, j.FourYearNet = afterTaxJSON(c.AfterTax[i], func(k int) *NetYear { return &j.Years[k].NetYear })
	if c.AfterTax[i].OK && c.NetRank != nil {
		j.NetRank = rankPtr(c.NetRank[i])
	}
}
