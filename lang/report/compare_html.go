package report

import (
	"fmt"
	"io"
)

// This file renders offer compare --format html: the comparison's grids,
// the same as its text and Markdown, on one self-contained page; the
// two-company grid marks each cell with the winner's color from the
// comparison chart.

// WriteHTML writes the comparison as one self-contained HTML page.
func (c *Comparison) WriteHTML(w io.Writer) error {
	p := page{Title: "Offer comparison", Subtitle: c.heading()}
	if len(c.Documents) == 0 {
		s := pageSection{Parts: []pagePart{{Text: "No offers found."}}}
		for _, n := range c.notes() {
			s.Parts = append(s.Parts, pagePart{Text: n})
		}
		p.Sections = append(p.Sections, s)
		return p.writeHTML(w)
	}
	side := pageSection{Title: "Side by side", Parts: []pagePart{{Table: c.mainGrid()}}}
	if len(c.Documents) > 1 && !c.Mixed {
		ch := compareChart("compare-chart", c.Documents, sharedTop(c.Documents), c.currencyOf())
		side.Chart = &ch
	}
	if s := c.winnersLine(); s != "" {
		side.Parts = append(side.Parts, pagePart{Text: s})
	}
	p.Sections = append(p.Sections, side)
	section := func(title, note string, g *grid, notes []string) pageSection {
		s := pageSection{Title: title}
		if note != "" {
			s.Parts = append(s.Parts, pagePart{Text: note})
		}
		s.Parts = append(s.Parts, pagePart{Table: g})
		for _, n := range notes {
			s.Parts = append(s.Parts, pagePart{Text: n})
		}
		return s
	}
	if len(c.Scenarios) > 0 {
		p.Sections = append(p.Sections, section("Stock-price scenarios", scenarioNote, c.scenarioGrid(), nil))
	}
	if g := c.winGrid(); g != nil {
		s := section("Who pays most over four years", "Who pays most over four years under each combination of the two companies' stock moves (the marks are the colors of the comparison chart):", g, nil)
		s.Parts[1].CellClass = c.winnerClass
		p.Sections = append(p.Sections, s)
	}
	if c.Calendars != nil {
		p.Sections = append(p.Sections, section("Pay by calendar year", "docs/compare.md says how each component is placed.", c.calendarGrid(), c.calendarNotes()))
	}
	if len(c.FX) > 0 {
		p.Sections = append(p.Sections, section("Exchange-rate scenarios", "4-year totals with each exchange rate moved by each percentage:", c.fxGrid(), nil))
	}
	if c.AfterTax != nil {
		p.Sections = append(p.Sections, section("After tax", "", c.afterTaxGrid(), c.afterTaxNotes()))
	}
	var notes []string
	notes = append(notes, c.conversionNotes()...)
	notes = append(notes, c.notes()...)
	if len(notes) > 0 {
		s := pageSection{Title: "Notes"}
		for _, n := range notes {
			s.Parts = append(s.Parts, pagePart{Text: n})
		}
		p.Sections = append(p.Sections, s)
	}
	return p.writeHTML(w)
}

// winnerClass is the class of a cell that names one document, win-N for
// the document's color in the comparison chart (documentColors); a tie or
// "-" gets none.
func (c *Comparison) winnerClass(cell string) string {
	for i, d := range c.Documents {
		if d.Label == cell {
			return fmt.Sprintf("win-%d", i%len(documentColors)+1)
		}
	}
	return ""
}
