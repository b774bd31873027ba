package tax

import (
	"fmt"
	"time"

	"github.com/offerkit/offerkit/engine"
)

// OfferWages lays the worth w of offer o on calendar years the way
// engine.PlaceOnCalendar does (vests and sign-on are wages when paid),
// keeping each employment year apart. Base is regular pay; sign-on,
// equity and other pay are supplemental. An offer without a start date
// is placed from January 1 of the year it was received, else of
// fallbackYear, and note says so.
func OfferWages(o engine.Offer, w engine.Worth, fallbackYear int) (wages Wages, note string, err error) {
	if o.Start.IsZero() {
		year := fallbackYear
		if !o.Received.IsZero() {
			year = o.Received.Year()
		}
		o.Start = time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)
		note = fmt.Sprintf("no start date: assumed January 1, %d", year)
	}
	cals, err := engine.PlaceYears(o, w)
	if err != nil {
		return Wages{}, "", err
	}
	first, last := o.Start.Year(), o.Start.Year()
	for _, cal := range cals {
		for _, cy := range cal.Years {
			first, last = min(first, cy.Year), max(last, cy.Year)
		}
	}
	wages.First = first
	for i, cal := range cals {
		wages.Parts[i] = make([]engine.Money, last-first+1)
		wages.Supplemental[i] = make([]engine.Money, last-first+1)
		for _, cy := range cal.Years {
			k := cy.Year - first
			wages.Parts[i][k] = cy.Total
			wages.Supplemental[i][k] = cy.Total - cy.Base
		}
	}
	return wages, note, nil
}
