package tax

import (
	"fmt"
	"sync"
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
		note = assumedStart(year)
	}
	each, err := engine.PlaceEachYear(o, w)
	if err != nil {
		return Wages{}, "", err
	}
	wages.First = each.First
	n := each.Span()
	all := make([]engine.Money, 2*engine.Years*n) // every part in one allocation
	for i := range each.Pay {
		wages.Parts[i], all = all[:n:n], all[n:]
		wages.Supplemental[i], all = all[:n:n], all[n:]
		for k, cy := range each.Pay[i][:each.Spans[i]] {
			wages.Parts[i][k] = cy.Total
			wages.Supplemental[i][k] = cy.Total - cy.Base
		}
	}
	return wages, note, nil
}

// assumedStart is the note of an offer placed from January 1 of year,
// written once per year: written per offer instead, the estimate of
// BenchmarkAfterTaxCorpus1000 (no offer in it has a start date) allocates
// about 14,000 times per pass instead of 10,000 (-benchtime 50x;
// docs/performance.md).
func assumedStart(year int) string {
	if s, ok := startNotes.Load(year); ok {
		return s.(string)
	}
	s := fmt.Sprintf("no start date: assumed January 1, %d", year)
	startNotes.Store(year, s)
	return s
}

var startNotes sync.Map // year -> note
