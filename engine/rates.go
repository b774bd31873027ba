package engine

import (
	"math/big"
	"strings"
)

// ISOCode returns a currency code in capitals, USD for "".
func ISOCode(c string) string {
	if c == "" {
		return "USD"
	}
	return strings.ToUpper(c)
}

// This file converts amounts between currencies with exchange rates that
// the user's files state, with their date and source; offerkit assumes no
// rate of its own.

// Rates are exchange rates into one base currency: PerUnit["EUR"] is what
// one euro is worth in Base.
type Rates struct {
	Base    string // ISO code; "" means USD
	AsOf    string // "YYYY-MM-DD", as the file says
	Source  string
	PerUnit map[string]Dec
}

// Rate returns the rate that turns an amount in from into an amount in to:
// 1 when the currencies are the same, the stated rate from the base or
// into it, or the cross rate through the base. ok is false when a rate is
// missing.
func (r *Rates) Rate(from, to string) (Dec, bool) {
	from, to, base := ISOCode(from), ISOCode(to), ISOCode(r.Base)
	if from == to {
		return DecInt(1), true
	}
	unit := func(code string) (*big.Rat, bool) {
		if code == base {
			return big.NewRat(1, 1), true
		}
		d, ok := r.PerUnit[code]
		if !ok || d.Sign() <= 0 {
			return nil, false
		}
		return d.Rat(), true
	}
	f, ok1 := unit(from)
	t, ok2 := unit(to)
	if !ok1 || !ok2 {
		return Dec{}, false
	}
	return DecFromRat(new(big.Rat).Quo(f, t)), true
}

// Convert returns m, an amount in from, in currency to: m times the rate,
// rounded to the cent.
func (r *Rates) Convert(m Money, from, to string) (Money, bool) {
	rate, ok := r.Rate(from, to)
	if !ok {
		return 0, false
	}
	return m.Times(rate), true
}

// ConvertWorth converts each yearly component of w, rounding each to the
// cent once, and adds the converted components up again, so a converted
// table adds up exactly (the totals may differ by a few cents from the
// converted totals).
func (r *Rates) ConvertWorth(w Worth, from, to string) (Worth, bool) {
	rate, ok := r.Rate(from, to)
	if !ok {
		return Worth{}, false
	}
	var out Worth
	for i, y := range w.Years {
		c := Year{Year: y.Year, Base: y.Base.Times(rate), SignOn: y.SignOn.Times(rate),
			Equity: y.Equity.Times(rate), Other: y.Other.Times(rate)}
		c.Total = c.Base + c.SignOn + c.Equity + c.Other
		c.Refresh, c.Retirement = y.Refresh.Times(rate), y.Retirement.Times(rate)
		c.ESPP, c.Benefits = y.ESPP.Times(rate), y.Benefits.Times(rate)
		c.Guaranteed, c.Assumed = y.Guaranteed.Times(rate), y.Assumed.Times(rate)
		out.Years[i] = c
		out.Total += c.Total
	}
	out.Avg = out.Total.Div(Years)
	out.Hourly = out.Avg.Div(HoursPerYear)
	return out, true
}
