package report

import (
	"github.com/offerkit/offerkit/engine"
)

// This file defines the JSON form of a comparison (offer compare --format
// json). Money is a JSON number in the currency's major unit, exact to the
// cent, as in offer report --format json.

// Money marshals as a JSON number in major units, exact to the cent.
type Money engine.Money

// MarshalJSON implements json.Marshaler.
func (m Money) MarshalJSON() ([]byte, error) { return []byte(engine.Money(m).Decimal()), nil }

// Percent marshals an exact percentage as a JSON number.
type Percent engine.Dec

// MarshalJSON implements json.Marshaler.
func (p Percent) MarshalJSON() ([]byte, error) { return []byte(engine.Dec(p).String()), nil }

// JSONYear is one employment year of a compared document.
type JSONYear struct {
	Year   int   `json:"year"`
	Base   Money `json:"base"`
	SignOn Money `json:"sign_on"`
	Equity Money `json:"equity"`
	Other  Money `json:"other"`
	Total  Money `json:"total"`
	Rank   *int  `json:"rank"` // null when the currencies differ
}

// JSONCliff is a year that pays less than an earlier one.
type JSONCliff struct {
	Year      int   `json:"year"`
	BelowYear int   `json:"below_year"`
	Gap       Money `json:"gap"`
}

// JSONCalendarYear is one calendar year's pay.
type JSONCalendarYear struct {
	Year   int   `json:"year"`
	Base   Money `json:"base"`
	SignOn Money `json:"sign_on"`
	Equity Money `json:"equity"`
	Other  Money `json:"other"`
	Total  Money `json:"total"`
}

// JSONVest is one vest event.
type JSONVest struct {
	Date   string `json:"date"`
	Year   int    `json:"year"`
	Amount Money  `json:"amount"`
}

// JSONCalendar is a document's pay by calendar year.
type JSONCalendar struct {
	Start string             `json:"start"`
	Years []JSONCalendarYear `json:"years"`
	Vests []JSONVest         `json:"vests"`
}

// JSONCompared is one document in a comparison.
type JSONCompared struct {
	Label         string        `json:"label"`
	Kind          string        `json:"kind"`
	Name          string        `json:"name"`
	File          string        `json:"file"`
	Round         int           `json:"round,omitempty"`
	Answers       string        `json:"offer,omitempty"`
	Company       string        `json:"company,omitempty"`
	Level         string        `json:"level,omitempty"`
	Track         string        `json:"track,omitempty"`
	Location      string        `json:"location,omitempty"`
	Currency      string        `json:"currency"`
	Years         []JSONYear    `json:"years"`
	FourYearTotal Money         `json:"four_year_total"`
	FourYearRank  *int          `json:"four_year_rank"`
	Average       Money         `json:"average"`
	Hourly        Money         `json:"hourly"`
	Band          string        `json:"band,omitempty"`
	Percentile    *int          `json:"percentile"`
	Cliffs        []JSONCliff   `json:"cliffs"`
	Calendar      *JSONCalendar `json:"calendar,omitempty"`
	// CalendarError says why a calendar was asked for and not made.
	CalendarError string `json:"calendar_error,omitempty"`
}

// JSONScenario is the comparison under one stock-price change.
type JSONScenario struct {
	Change  Percent             `json:"change"`
	Offers  []JSONScenarioOffer `json:"offers"`
	Winners []string            `json:"winners"`
}

// JSONScenarioOffer is one document's figures under a scenario.
type JSONScenarioOffer struct {
	Label         string  `json:"label"`
	Equity        []Money `json:"equity"` // by year
	FourYearTotal Money   `json:"four_year_total"`
	Rank          *int    `json:"rank"`
}

// JSONWinners names the documents paying most.
type JSONWinners struct {
	Years     [][]string `json:"years"` // by year
	FourYears []string   `json:"four_years"`
}

// JSONLeftOut is a document left out of the comparison.
type JSONLeftOut struct {
	Kind   string `json:"kind"`
	Name   string `json:"name"`
	File   string `json:"file"`
	Reason string `json:"reason"`
}

// JSONComparison is the whole comparison.
type JSONComparison struct {
	Currency  string         `json:"currency,omitempty"` // empty when currencies differ
	Mixed     bool           `json:"mixed_currencies"`
	Offers    []JSONCompared `json:"offers"`
	Winners   JSONWinners    `json:"winners"`
	Scenarios []JSONScenario `json:"scenarios"`
	LeftOut   []JSONLeftOut  `json:"left_out"`
}

func rankPtr(r int) *int {
	if r == 0 {
		return nil
	}
	return &r
}

// JSON returns the comparison's JSON form.
func (c *Comparison) JSON() JSONComparison {
	out := JSONComparison{Currency: c.Currency, Mixed: c.Mixed, Offers: []JSONCompared{}, Scenarios: []JSONScenario{}, LeftOut: []JSONLeftOut{},
		Winners: JSONWinners{Years: [][]string{}, FourYears: c.labelsOf(c.TotalWinners())}}
	for i, d := range c.Documents {
		a, o := d.Analysis, d.Analysis.Offer
		j := JSONCompared{Label: d.Label, Kind: d.Kind, Name: d.Name, File: d.File, Round: d.Round, Answers: d.Answers,
			Company: o.Company, Level: o.Level, Track: o.Track, Location: o.Location, Currency: d.Currency(),
			FourYearTotal: Money(a.Worth.Total), FourYearRank: rankPtr(c.Offers[i].TotalRank),
			Average: Money(a.Worth.Avg), Hourly: Money(a.Worth.Hourly), Cliffs: []JSONCliff{}}
		for k, y := range a.Worth.Years {
			j.Years = append(j.Years, JSONYear{y.Year, Money(y.Base), Money(y.SignOn), Money(y.Equity), Money(y.Other), Money(y.Total), rankPtr(c.Offers[i].YearRank[k])})
		}
		if a.Band != nil {
			j.Band = a.Band.Label()
		}
		if a.HasPercentile {
			p := a.Percentile
			j.Percentile = &p
		}
		for _, cl := range c.Offers[i].Cliffs {
			j.Cliffs = append(j.Cliffs, JSONCliff{cl.Year, cl.Below, Money(cl.Gap)})
		}
		if c.Calendars != nil {
			if cal := c.Calendars[i]; cal.Err != nil {
				j.CalendarError = "no start date"
			} else {
				j.Calendar = calendarJSON(cal.Calendar)
			}
		}
		out.Offers = append(out.Offers, j)
	}
	for y := 1; y <= engine.Years && !c.Mixed; y++ {
		out.Winners.Years = append(out.Winners.Years, c.labelsOf(c.YearWinners(y)))
	}
	for _, s := range c.Scenarios {
		js := JSONScenario{Change: Percent(s.Change), Winners: []string{}}
		for i, w := range s.Worth {
			so := JSONScenarioOffer{Label: c.Documents[i].Label, FourYearTotal: Money(w.Total)}
			for _, y := range w.Years {
				so.Equity = append(so.Equity, Money(y.Equity))
			}
			if s.Rank != nil {
				so.Rank = rankPtr(s.Rank[i])
			}
			js.Offers = append(js.Offers, so)
		}
		if s.Rank != nil {
			js.Winners = c.labelsOf(engine.Winners(s.Rank))
		}
		out.Scenarios = append(out.Scenarios, js)
	}
	for _, d := range c.LeftOut {
		out.LeftOut = append(out.LeftOut, JSONLeftOut{d.Kind, d.Name, d.File, "the block has errors"})
	}
	return out
}

func (c *Comparison) labelsOf(idx []int) []string {
	out := []string{}
	for _, i := range idx {
		out = append(out, c.Documents[i].Label)
	}
	return out
}

func calendarJSON(cal engine.Calendar) *JSONCalendar {
	j := &JSONCalendar{Start: cal.Start.Format("2006-01-02"), Years: []JSONCalendarYear{}, Vests: []JSONVest{}}
	for _, y := range cal.Years {
		j.Years = append(j.Years, JSONCalendarYear{y.Year, Money(y.Base), Money(y.SignOn), Money(y.Equity), Money(y.Other), Money(y.Total)})
	}
	for _, v := range cal.Vests {
		j.Vests = append(j.Vests, JSONVest{v.Date.Format("2006-01-02"), v.Year, Money(v.Amount)})
	}
	return j
}

// CalendarJSON returns the JSON form of a calendar, for offer report.
func CalendarJSON(cal engine.Calendar) *JSONCalendar { return calendarJSON(cal) }
