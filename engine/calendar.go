package engine

import (
	"math/big"
	"time"
)

// This file places an offer's pay on calendar years. Employment years
// start on the offer's start date and its anniversaries; the calendar view
// answers "what do I receive in 2026", which is what taxes, a house
// purchase or the unvested equity at a current employer are measured in.
//
// How each component is placed (docs/compare.md says the same):
//   - Base accrues day by day: an employment year's base is split between
//     the calendar years it spans in proportion to the days in each.
//   - The target bonus (the part of "other" that is bonus_target percent of
//     base) accrues with base, by days.
//   - Relocation is paid on the start date.
//   - Each year's sign-on is paid when that employment year starts: year 1
//     on the start date, year 2 on the first anniversary.
//   - Equity vests on dates set by the schedule's cadence: a year with n
//     vest events vests 1/n of that year's equity 12k/n months into the
//     year (k = 1..n), rounded down to a whole month. Amazon's schedule
//     vests at the first and second anniversaries, then every six months.
//     A date past the end of a month falls on its last day (a start on
//     January 31 vests on February 28).
//
// Splitting never creates or loses a cent: the parts of an amount are
// differences of running totals rounded with RoundCents, so they add up
// to the employment-year figure exactly, and the calendar years add up to
// the four-year total.

// Vest is one equity vest event.
type Vest struct {
	Date   time.Time
	Year   int   // the employment year it belongs to (1-based)
	Amount Money // value at vest, under the offer's growth (and scenario)
}

// CalendarYear is what one calendar year pays, by component.
type CalendarYear struct {
	Year   int // e.g. 2026
	Base   Money
	SignOn Money
	Equity Money
	Other  Money
	Total  Money
}

// Calendar is an offer's four employment years laid over calendar years.
type Calendar struct {
	Start time.Time
	Years []CalendarYear // each calendar year the four employment years pay in, in order
	Vests []Vest         // in date order
}

// PlaceOnCalendar spreads the worth w of offer o (from Evaluate or
// EvaluateScenario) over calendar years. It needs the offer's start date.
func PlaceOnCalendar(o Offer, w Worth) (Calendar, error) {
	if o.Start.IsZero() {
		return Calendar{}, errNoStart()
	}
	var p placer
	p.init(o, true)
	for i, yr := range w.Years {
		p.place(o, i+1, yr)
	}
	return p.calendar(nil), nil
}

// YearsOnCalendar places each employment year on the calendar on its own
// (without its vest events): Pay[i][k] is what employment year i+1 pays
// in calendar year First+k, for k < Spans[i]
// (from the start's calendar year to the last one year i+1 pays in).
type YearsOnCalendar struct {
	Start time.Time
	First int
	Spans [Years]int
	Pay   [Years][Years + 1]CalendarYear
}

// Span returns the number of calendar years from First that any
// employment year pays in.
func (c *YearsOnCalendar) Span() int {
	n := 0
	for _, s := range c.Spans {
		n = max(n, s)
	}
	return n
}

// PlaceEachYear places each employment year of w on the calendar alone,
// as PlaceOnCalendar of that year by itself would, without allocating: the
// tax estimate splits a calendar year's tax back to employment years by these shares,
// for every offer and counter of a report.
func PlaceEachYear(o Offer, w Worth) (YearsOnCalendar, error) {
	var out YearsOnCalendar
	if o.Start.IsZero() {
		return out, errNoStart()
	}
	var blank placer
	blank.init(o, false)
	out.Start, out.First = blank.cal.Start, blank.first
	for i, yr := range w.Years {
		p := blank
		p.place(o, i+1, yr)
		out.Spans[i] = p.last - p.first + 1
		for k := range out.Spans[i] {
			out.Pay[i][k] = p.total(k)
		}
	}
	return out, nil
}

func errNoStart() error {
	return &FieldError{Field: "start", Code: "missing-attribute",
		Msg: "the offer has no start date; add start = \"YYYY-MM-DD\" to see its pay by calendar year"}
}

// placer adds pay up by calendar year. Four employment years from any
// start date end on the fourth anniversary, in the start's calendar year
// plus four at the latest, and nothing is paid before the start, so
// years holds every calendar year pay can fall in, from the start's.
type placer struct {
	cal   Calendar
	first int // the start's calendar year: years[0]
	last  int // the latest calendar year paid in
	years [Years + 1]CalendarYear
	vests bool // list the vest events in cal.Vests
	// anniversaries holds the start and its anniversaries: employment
	// year y runs from anniversaries[y-1] to anniversaries[y].
	anniversaries [Years + 1]time.Time
}

func (p *placer) init(o Offer, vests bool) {
	p.cal.Start = civil(o.Start)
	p.first, p.last, p.vests = p.cal.Start.Year(), p.cal.Start.Year(), vests
	for y := range p.anniversaries {
		p.anniversaries[y] = AddMonths(p.cal.Start, 12*y)
	}
}

func (p *placer) at(t time.Time) *CalendarYear {
	y := t.Year()
	p.last = max(p.last, y)
	return &p.years[y-p.first]
}

// place adds employment year y (1-based), which pays yr.
func (p *placer) place(o Offer, y int, yr Year) {
	start := p.cal.Start
	from, to := p.anniversaries[y-1], p.anniversaries[y]
	bonus := yr.Other
	if y == 1 {
		relocation := min(o.Relocation, yr.Other)
		p.at(start).Other += relocation
		bonus -= relocation
	}
	splitByDays(yr.Base, from, to, func(date time.Time, amount Money) { p.at(date).Base += amount })
	if bonus != 0 { // else it pays nothing, on the days the base split already reached
		splitByDays(bonus, from, to, func(date time.Time, amount Money) { p.at(date).Other += amount })
	}
	p.at(from).SignOn += yr.SignOn
	n := 1
	if o.Equity != nil {
		n = o.Equity.Schedule.Cadence.EventsInYear(y)
	}
	if yr.Equity != 0 {
		for k := 1; k <= n; k++ {
			date := to
			if k < n {
				date = AddMonths(start, 12*(y-1)+12*k/n)
			}
			amount := share(yr.Equity, k, n) - share(yr.Equity, k-1, n)
			if p.vests {
				p.cal.Vests = append(p.cal.Vests, Vest{Date: date, Year: y, Amount: amount})
			}
			p.at(date).Equity += amount
		}
	}
}

// calendar returns the calendar years from the start's to the last one
// paid in, in order, each with its total, appended to years.
func (p *placer) calendar(years []CalendarYear) Calendar {
	for k := range p.last - p.first + 1 {
		years = append(years, p.total(k))
	}
	p.cal.Years = years
	return p.cal
}

// total returns calendar year first+k with its year and total.
func (p *placer) total(k int) CalendarYear {
	cy := p.years[k]
	cy.Year = p.first + k
	cy.Total = cy.Base + cy.SignOn + cy.Equity + cy.Other
	return cy
}

// share returns k/n of m, rounded to the cent.
func share(m Money, k, n int) Money {
	// In integers while m*k fits, as splitByDays does (k <= n, at most 12
	// vests a year): the rational path was half of the calendar placement
	// in BenchmarkLintCorpus1000AfterTax (docs/performance.md), and
	// TestShareMatchesRational holds the two to each other.
	if m >= 0 && m <= 1<<52 && k >= 0 && k <= 1<<10 {
		if q, ok := roundQuo64(int64(m)*int64(k), int64(n)); ok {
			return Money(q)
		}
	}
	return shareExact(m, k, n)
}

func shareExact(m Money, k, n int) Money {
	return RoundCents(new(big.Rat).Mul(m.Rat(), big.NewRat(int64(k), int64(n))))
}

// splitByDays splits an amount accruing evenly over [from, to) between the
// calendar years the span touches, by days, and calls part with each
// calendar year's first day in the span and its amount.
func splitByDays(m Money, from, to time.Time, part func(date time.Time, amount Money)) {
	total := days(from, to)
	done := 0
	var paid Money
	for cur := from; cur.Before(to); {
		next := time.Date(cur.Year()+1, time.January, 1, 0, 0, 0, 0, time.UTC)
		if next.After(to) {
			next = to
		}
		done += days(cur, next)
		// In integers while m*done fits (amounts are at most 1e14 cents,
		// done at most 366 days): BenchmarkLintCorpus1000AfterTax places
		// every offer on the calendar, and the rational path tripled it.
		upTo, ok := Money(0), false
		if m >= 0 && m <= 1<<52 {
			var q int64
			q, ok = roundQuo64(int64(m)*int64(done), int64(total))
			upTo = Money(q)
		}
		if !ok {
			upTo = RoundCents(new(big.Rat).Mul(m.Rat(), big.NewRat(int64(done), int64(total))))
		}
		part(cur, upTo-paid)
		paid = upTo
		cur = next
	}
}

// days returns the number of days from a to b, both civil dates.
func days(a, b time.Time) int { return int(b.Sub(a) / (24 * time.Hour)) }

// civil returns t's calendar date at midnight UTC.
func civil(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// AddMonths returns the date m months after t; a day past the end of the
// target month falls on its last day (January 31 + 1 month = February 28
// or 29).
func AddMonths(t time.Time, m int) time.Time {
	y, mo, d := t.Date()
	if d <= 28 { // every month has the day
		return time.Date(y, mo+time.Month(m), d, 0, 0, 0, 0, time.UTC)
	}
	last := time.Date(y, mo+time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return time.Date(y, mo+time.Month(m), min(d, last), 0, 0, 0, 0, time.UTC)
}

// CalendarTotal returns the sum of the calendar years' totals: the
// four-year total, placed on dates.
func (c Calendar) CalendarTotal() Money {
	var t Money
	for _, y := range c.Years {
		t += y.Total
	}
	return t
}
