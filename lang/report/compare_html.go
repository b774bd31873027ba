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
		s := pageSection{Parts: []pagePart{{Text: noOffers}}}
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
	for _, s := range c.sections() {
		p.Sections = append(p.Sections, s.page(c.winnerClass))
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
