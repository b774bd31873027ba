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

// Number marshals a decimal (a share count, a price, a percentage) as a
// JSON number, at most six decimals.
type Number engine.Dec

// MarshalJSON implements json.Marshaler.
func (d Number) MarshalJSON() ([]byte, error) { return []byte(engine.Dec(d).String()), nil }

// Rounded marshals a percentage of change as a JSON number rounded to two
// decimals (diff, history, a counter against its offer).
type Rounded engine.Dec

// MarshalJSON implements json.Marshaler.
func (d Rounded) MarshalJSON() ([]byte, error) {
	return []byte(engine.RoundDec(engine.Dec(d), 2).String()), nil
}

// moneyPtr returns m as a JSON amount that may be null.
func moneyPtr(m engine.Money) *Money {
	j := Money(m)
	return &j
}

// percentPtr returns delta as a percentage of of, or nil (JSON null) when
// of is zero.
func percentPtr(delta, of engine.Money) *Rounded {
	p, ok := engine.PercentOf(delta, of)
	return roundedPtr(engine.Dec(p), ok)
}

func roundedPtr(d engine.Dec, ok bool) *Rounded {
	if !ok {
		return nil
	}
	j := Rounded(d)
	return &j
}

// YearFigures are a year's pay, the first fields of every JSON year.
type YearFigures struct {
	Year   int   `json:"year"`
	Base   Money `json:"base"`
	SignOn Money `json:"sign_on"`
	Equity Money `json:"equity"`
	Other  Money `json:"other"`
	Total  Money `json:"total"`
}

// FiguresOf returns the JSON figures of a year.
func FiguresOf(y engine.Year) YearFigures {
	return YearFigures{y.Year, Money(y.Base), Money(y.SignOn), Money(y.Equity), Money(y.Other), Money(y.Total)}
}

// NetYear is a year's taxes and net pay, with --after-tax (an estimate).
type NetYear struct {
	Tax *JSONTax `json:"tax,omitempty"`
	Net *Money   `json:"net,omitempty"`
}

// JSONYear is one employment year of a compared document.
type JSONYear struct {
	YearFigures
	Rank *int `json:"rank"` // null when the currencies differ
	PayLines
	NetYear
}

// PayLines are a year's pay beyond the total, and its split into
// guaranteed and assumed pay (engine/pay.go).
type PayLines struct {
	Refresh    Money `json:"refresh"`
	Retirement Money `json:"retirement"`
	ESPP       Money `json:"espp"`
	Benefits   Money `json:"benefits"`
	Guaranteed Money `json:"guaranteed"`
	Assumed    Money `json:"assumed"`
}

// PayLinesOf returns the JSON pay lines of a year.
func PayLinesOf(y engine.Year) PayLines {
	return PayLines{Money(y.Refresh), Money(y.Retirement), Money(y.ESPP), Money(y.Benefits), Money(y.Guaranteed), Money(y.Assumed)}
}

// JSONCliff is a year that pays less than an earlier one.
type JSONCliff struct {
	Year      int   `json:"year"`
	BelowYear int   `json:"below_year"`
	Gap       Money `json:"gap"`
}

// JSONCalendarYear is one calendar year's pay.
type JSONCalendarYear = YearFigures

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
	Label         string      `json:"label"`
	Kind          string      `json:"kind"`
	Name          string      `json:"name"`
	File          string      `json:"file"`
	Round         int         `json:"round,omitempty"`
	Answers       string      `json:"offer,omitempty"`
	Company       string      `json:"company,omitempty"`
	Level         string      `json:"level,omitempty"`
	Track         string      `json:"track,omitempty"`
	Location      string      `json:"location,omitempty"`
	Currency      string      `json:"currency"`
	Years         []JSONYear  `json:"years"`
	FourYearTotal Money       `json:"four_year_total"`
	FourYearRank  *int        `json:"four_year_rank"`
	Average       Money       `json:"average"`
	Hourly        Money       `json:"hourly"`
	Band          string      `json:"band,omitempty"`
	Percentile    *int        `json:"percentile"`
	Cliffs        []JSONCliff `json:"cliffs"`
	// Guaranteed pay (written in the offer) and assumed pay (refreshers,
	// stock growth, bonus at target, ESPP) over four years.
	FourYearGuaranteed Money `json:"four_year_guaranteed"`
	FourYearAssumed    Money `json:"four_year_assumed"`
	// Converted says how the figures were converted (--currency).
	Converted *JSONConversion `json:"converted,omitempty"`
	// With --after-tax.
	FourYearNet *Money        `json:"four_year_net,omitempty"`
	NetRank     *int          `json:"four_year_net_rank,omitempty"`
	AfterTax    *JSONAfterTax `json:"after_tax,omitempty"`
	Calendar    *JSONCalendar `json:"calendar,omitempty"`
	// CalendarError says why a calendar was asked for and not made.
	CalendarError string `json:"calendar_error,omitempty"`
}

// JSONScenario is the comparison under one stock-price change.
type JSONScenario struct {
	Change Percent `json:"change"`
	// Changes gives each named company's change; companies not named
	// moved by Change.
	Changes map[string]Percent  `json:"changes"`
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

// JSONComparison is the whole comparison.
type JSONComparison struct {
	Currency  string         `json:"currency,omitempty"` // empty when currencies differ
	Mixed     bool           `json:"mixed_currencies"`
	Offers    []JSONCompared `json:"offers"`
	Winners   JSONWinners    `json:"winners"`
	Scenarios []JSONScenario `json:"scenarios"`
	// FX are the exchange-rate scenarios (--fx).
	FX      []JSONFXScenario `json:"fx_scenarios,omitempty"`
	LeftOut []JSONLeftOut    `json:"left_out"`
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
			j.Years = append(j.Years, JSONYear{YearFigures: FiguresOf(y), Rank: rankPtr(c.Offers[i].YearRank[k]), PayLines: PayLinesOf(y)})
			j.FourYearGuaranteed += Money(y.Guaranteed)
			j.FourYearAssumed += Money(y.Assumed)
		}
		c.docMoneyJSON(i, &j)
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
		js := JSONScenario{Change: Percent(s.Change), Changes: map[string]Percent{}, Winners: []string{}}
		for _, n := range s.Move.Names {
			js.Changes[n] = Percent(s.Move.For(n))
		}
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
	for _, s := range c.FX {
		out.FX = append(out.FX, c.fxJSON(s))
	}
	for _, d := range c.LeftOut {
		out.LeftOut = append(out.LeftOut, leftOutEntry(d.File, d.Kind, d.Name, d.doc.Node.Range.Start.Line, d.LeftOut))
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
		j.Years = append(j.Years, FiguresOf(engine.Year{Year: y.Year, Base: y.Base, SignOn: y.SignOn, Equity: y.Equity, Other: y.Other, Total: y.Total}))
	}
	for _, v := range cal.Vests {
		j.Vests = append(j.Vests, JSONVest{v.Date.Format("2006-01-02"), v.Year, Money(v.Amount)})
	}
	return j
}

// CalendarJSON returns the JSON form of a calendar, for offer report.
func CalendarJSON(cal engine.Calendar) *JSONCalendar { return calendarJSON(cal) }
