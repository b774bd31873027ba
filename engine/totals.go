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
	Other  Money // relocation and a guaranteed bonus (year 1), and the target bonus
	Total  Money

	// Beyond Total (pay.go): refresher grants vesting this year, the
	// employer's retirement match, the ESPP discount and named benefits;
	// and the year's pay split into what the offer guarantees and what it
	// assumes. Guaranteed + Assumed = Total + Refresh + Retirement + ESPP + Benefits.
	Refresh, Retirement, ESPP, Benefits Money
	Guaranteed, Assumed                 Money
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
	eq := newVesting(o.Equity, priceChange)
	for i := range w.Years {
		y := i + 1
		yr := Year{Year: y, Base: o.Base, SignOn: o.SignOn[i], Equity: eq.next()}
		switch {
		case o.BonusTarget.Sign() == 0 && y == 1:
			yr.Other = o.Relocation
		case o.BonusTarget.Sign() == 0:
			yr.Other = 0
		case y == 1:
			yr.Other = RoundCents(new(big.Rat).Add(o.Relocation.Rat(), bonusExact(o)))
		default:
			yr.Other = RoundCents(bonusExact(o))
		}
		if y == 1 {
			yr.Other += o.GuaranteedBonus
		}
		yr.Total = yr.Base + yr.SignOn + yr.Equity + yr.Other
		addPay(&yr, o, y)
		w.Years[i] = yr
		w.Total += yr.Total
	}
	w.Avg = w.Total.Div(Years)
	w.Hourly = w.Avg.Div(HoursPerYear)
	return w
}

// bonusExact returns the yearly target bonus, unrounded.
func bonusExact(o Offer) *big.Rat {
	r := new(big.Rat).Mul(o.Base.Rat(), o.BonusTarget.Rat())
	return r.Quo(r, big.NewRat(100, 1))
}

// vesting walks a grant's yearly vests, carrying the price factor from year
// to year instead of recomputing the power.
type vesting struct {
	g      *Grant
	change Dec
	y      int
	value  *big.Rat // grant value
	step   *big.Rat // 1 + growth/100
	factor *big.Rat // price factor of the current year, scenario included
	sum    Money    // the years' vests so far
}

func newVesting(g *Grant, priceChange Dec) *vesting {
	return &vesting{g: g, change: priceChange}
}

func (v *vesting) next() Money {
	v.y++
	if v.g == nil {
		return 0
	}
	m := v.rounded()
	if v.g.takesRemainder(v.y) {
		m = v.g.remainder(v.change, v.sum, m)
	}
	v.sum += m
	return m
}

// rounded is the current year's vest rounded to the cent on its own.
func (v *vesting) rounded() Money {
	if m, ok := v.g.vestedFast(v.y, v.change); ok {
		return m
	}
	if v.change.Sign() == 0 {
		if m, ok := v.g.vestedGrowth(v.y); ok {
			return m
		}
	}
	if v.factor == nil {
		v.value = v.g.GrantValue()
		v.step = growthFactor(v.g.Growth, 1)
		v.factor = growthFactor(v.change, 1)
		for y := 1; y < v.y; y++ { // years the fast paths computed
			v.factor.Mul(v.factor, v.step)
		}
	}
	v.factor.Mul(v.factor, v.step)
	r := new(big.Rat).Mul(v.value, v.g.Schedule.PercentInYear(v.y).Rat())
	r.Mul(r, v.factor)
	return RoundCents(r.Quo(r, big.NewRat(100, 1)))
}
