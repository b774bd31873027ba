package report

import "fmt"

// This file renders a comparison's pay by calendar year (--calendar).

// calendarGrid shows each document's pay by calendar year.
func (c *Comparison) calendarGrid() *grid {
	g := &grid{head: append([]string{"Calendar year"}, c.labels()...)}
	first, last := 0, 0
	for _, cal := range c.Calendars {
		if cal.Err != nil || len(cal.Years) == 0 {
			continue
		}
		f, l := cal.Years[0].Year, cal.Years[len(cal.Years)-1].Year
		if first == 0 || f < first {
			first = f
		}
		last = max(last, l)
	}
	cells := []string{"Start"}
	for _, cal := range c.Calendars {
		if cal.Err != nil {
			cells = append(cells, "no start date")
		} else {
			cells = append(cells, cal.Start.Format("2006-01-02"))
		}
	}
	g.add(cells...)
	for y := first; first != 0 && y <= last; y++ {
		cells := []string{fmt.Sprint(y)}
		for i, cal := range c.Calendars {
			cell := "-"
			for _, cy := range cal.Years {
				if cy.Year == y {
					cell = c.Documents[i].money(cy.Total)
				}
			}
			cells = append(cells, cell)
		}
		g.add(cells...)
	}
	return g
}

func (c *Comparison) calendarNotes() []string {
	var out []string
	for i, cal := range c.Calendars {
		if cal.Err != nil {
			out = append(out, fmt.Sprintf("%s has no start date; %s.", c.Documents[i].Label, addStart("its")))
		}
	}
	return out
}
