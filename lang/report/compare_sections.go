package report

import (
	"fmt"
	"io"
	"strings"
)

// This file lists, once, the tables of a comparison after the main one
// (stock-price scenarios, pay by calendar year, who pays most under the
// two companies' stock moves, exchange-rate scenarios, after tax), each
// with its title and words: offer compare's text, Markdown and HTML lay
// out this one list.

// noOffers is what a comparison of no offer says.
const noOffers = "No offers found."

// compareSection is one table of a comparison with its words.
type compareSection struct {
	title string
	note  string // the sentence before the table; "" for none
	// aside says where the table is explained: text puts it in brackets
	// after the title, Markdown and HTML under the title (lead).
	aside string
	grid  *grid
	notes []string // the sentences after the table
	marks bool     // the cells name who pays most: HTML gives each its chart color
}

// sections are the comparison's tables after the main one, in order.
func (c *Comparison) sections() []compareSection {
	var out []compareSection
	if len(c.Scenarios) > 0 {
		out = append(out, compareSection{title: "Stock-price scenarios", note: scenarioNote, grid: c.scenarioGrid()})
	}
	if c.Calendars != nil {
		out = append(out, compareSection{title: "Pay by calendar year", aside: "docs/compare.md says how each component is placed",
			grid: c.calendarGrid(), notes: c.calendarNotes()})
	}
	if g := c.winGrid(); g != nil {
		out = append(out, compareSection{title: "Who pays most over four years", grid: g, marks: true,
			note: "Who pays most over four years under each combination of the two companies' stock moves:"})
	}
	if len(c.FX) > 0 {
		out = append(out, compareSection{title: "Exchange-rate scenarios", note: "4-year totals with each exchange rate moved by each percentage:", grid: c.fxGrid()})
	}
	if c.AfterTax != nil {
		out = append(out, compareSection{title: "After tax", grid: c.afterTaxGrid(), notes: c.afterTaxNotes()})
	}
	return out
}

// writeText writes the section as text: a blank line, the note (or the
// title with the aside), the table and the notes.
func (s compareSection) writeText(w io.Writer) {
	fmt.Fprintln(w)
	switch {
	case s.aside != "":
		fmt.Fprintf(w, "%s (%s):\n", s.title, s.aside)
	case s.note != "":
		fmt.Fprintln(w, s.note)
	}
	s.grid.writeText(w)
	for _, n := range s.notes {
		fmt.Fprintln(w, n)
	}
}

// lead is the sentence under the title where the title is a heading of
// its own (Markdown and HTML): the aside, else the note.
func (s compareSection) lead() string {
	if s.aside != "" {
		return s.aside + "."
	}
	return s.note
}

// writeMarkdown writes the section under a level-4 heading.
func (s compareSection) writeMarkdown(w io.Writer) {
	fmt.Fprintf(w, "\n#### %s\n\n", s.title)
	if lead := s.lead(); lead != "" {
		fmt.Fprintf(w, "%s\n\n", MarkdownEscape(lead))
	}
	s.grid.writeMarkdown(w)
	writeMarkdownNotes(w, s.notes)
}

// page is the section on the HTML page; class marks a cell that names a
// document (winnerClass).
func (s compareSection) page(class func(string) string) pageSection {
	ps := pageSection{Title: s.title}
	note := s.lead()
	if s.marks {
		note = strings.TrimSuffix(note, ":") + " (the marks are the colors of the comparison chart):"
	}
	if note != "" {
		ps.Parts = append(ps.Parts, pagePart{Text: note})
	}
	table := pagePart{Table: s.grid}
	if s.marks {
		table.CellClass = class
	}
	ps.Parts = append(ps.Parts, table)
	for _, n := range s.notes {
		ps.Parts = append(ps.Parts, pagePart{Text: n})
	}
	return ps
}

// writeTextNotes writes sentences under the tables, after a blank line.
func writeTextNotes(w io.Writer, notes []string) {
	if len(notes) == 0 {
		return
	}
	fmt.Fprintln(w)
	for _, n := range notes {
		fmt.Fprintln(w, n)
	}
}

// writeMarkdownNotes writes each sentence as a paragraph.
func writeMarkdownNotes(w io.Writer, notes []string) {
	for _, n := range notes {
		fmt.Fprintf(w, "\n%s\n", MarkdownEscape(n))
	}
}
