package engine

import "math/big"

// HoursPerYear is the full-time year used for the hourly equivalent.
const HoursPerYear = 2080

// Year is what one employment year pays, by component. Every component is
// rounded to the cent; Total is the sum of the rounded components.
type Year struct {
	Year   int
	Base   Money
	SignOn Money
	Equity Money
	Other  Money // relocation (year 1) and the target bonus
	Total  Money
}

// Worth is what an offer pays over the four-year horizon.
type Worth struct {
	Years  [Years]Year
	Total  Money // sum of the four yearly totals
	Avg    Money // Total / 4, rounded to the cent
	Hourly Money // Avg / HoursPerYear, rounded to the cent
}

// Evaluate computes the year-by-year worth of an offer.
func Evaluate(o Offer) Worth { return EvaluateScenario(o, Dec{}) }

// EvaluateScenario computes the worth of an offer with the stock price
// changed by the given percentage on top of the offer's own growth, applied
// to the equity of every year.
func EvaluateScenario(o Offer, priceChange Dec) Worth {
	var w Worth
	for i := range w.Years {
		y := i + 1
		yr := Year{Year: y, Base: o.Base, SignOn: o.SignOn[i]}
		yr.Equity = o.Equity.Vested(y, priceChange)
		other := new(big.Rat).Mul(o.Base.Rat(), o.BonusTarget.Rat())
		other.Quo(other, big.NewRat(100, 1))
		if y == 1 {
			other.Add(other, o.Relocation.Rat())
		}
		yr.Other = RoundCents(other)
		yr.Total = yr.Base + yr.SignOn + yr.Equity + yr.Other
		w.Years[i] = yr
		w.Total += yr.Total
	}
	w.Avg = w.Total.Div(Years)
	w.Hourly = w.Avg.Div(HoursPerYear)
	return w
}
