package engine

import (
	"math/big"
	"math/bits"
	"time"
)

// Offer is one offer of employment, or a counter-proposal made effective
// (its offer with the levers the counter restates replaced).
type Offer struct {
	Name     string
	Company  string
	Level    string
	Track    string
	Location string
	Currency string // ISO code; "" means USD

	// Source says how the offer came ("email from the recruiter"): an
	// offer in writing.
	Source string

	Received time.Time // zero when not stated
	Expires  time.Time
	Start    time.Time

	Base        Money  // yearly base salary
	SignOn      SignOn // sign-on bonus by employment year
	Equity      *Grant // nil when the offer has no equity
	Relocation  Money  // paid in year 1
	BonusTarget Dec    // percent of base paid as a bonus every year

	// Terms beyond the yearly figures (see terms.go). GuaranteedBonus is
	// counted in year 1; the others are terms, not figures.
	GuaranteedBonus Money       // a guaranteed first-year cash bonus, paid in year 1
	Refresher       Money       // a yearly refresher grant value; not counted in the four-year figures
	Flexibility     Flexibility // remote work, office days, relocation package items
	Promotion       *Promotion  // a written promotion timeline; nil when none

	// Pay beyond Total (pay.go); nil or empty when the offer states none.
	Retirement *Retirement
	ESPP       *ESPP
	Benefits   []Benefit
	// SignOnRepayMonths is how many months after the start leaving means
	// repaying the year-1 sign-on; 0 when the offer says nothing.
	SignOnRepayMonths int
}

// SignOn is a sign-on bonus paid over the first years of employment.
type SignOn [Years]Money

// Total returns the sign-on bonus over all years.
func (s SignOn) Total() Money {
	var t Money
	for _, m := range s {
		t += m
	}
	return t
}

// Grant is an equity grant. It is stated either as a value over the whole
// schedule, or as a number of shares at a price.
type Grant struct {
	Value    Money // grant value; used when Shares is zero
	Shares   Dec
	Price    Dec      // per share, in major units
	Schedule Schedule // how the grant vests
	Growth   Dec      // assumed yearly change of the stock price, in percent
	Refresh  *Refresh // refresher grants; nil when none
}

// InShares reports whether the grant is stated as a share count.
func (g *Grant) InShares() bool { return g != nil && g.Shares.Sign() != 0 }

// GrantValue returns the grant's value at grant time, exact (not rounded).
func (g *Grant) GrantValue() *big.Rat {
	if g == nil {
		return new(big.Rat)
	}
	if g.InShares() {
		return new(big.Rat).Mul(g.Shares.Rat(), g.Price.Rat())
	}
	return g.Value.Rat()
}

// growthFactor returns (1 + growth/100)^year exactly.
func growthFactor(growth Dec, year int) *big.Rat {
	step := new(big.Rat).Add(big.NewRat(1, 1), new(big.Rat).Quo(growth.Rat(), big.NewRat(100, 1)))
	f := big.NewRat(1, 1)
	for i := 0; i < year; i++ {
		f.Mul(f, step)
	}
	return f
}

// vestFactor returns the share of the grant's value that reaches the holder
// in year y: the year's percentage times the price growth to that year,
// with an extra price change (a scenario) applied on top.
func (g *Grant) vestFactor(y int, scenario Dec) *big.Rat {
	f := new(big.Rat).Quo(g.Schedule.PercentInYear(y).Rat(), big.NewRat(100, 1))
	f.Mul(f, growthFactor(g.Growth, y))
	if scenario.Sign() != 0 {
		f.Mul(f, new(big.Rat).Add(big.NewRat(1, 1), new(big.Rat).Quo(scenario.Rat(), big.NewRat(100, 1))))
	}
	return f
}

// Vested returns the value vesting in year y (1-based) with the stock price
// changed by priceChange percent on top of the grant's own growth, rounded
// to the cent; without growth, the last vesting year takes the remainder
// of the rounding (vest_remainder.go).
func (g *Grant) Vested(y int, priceChange Dec) Money {
	if g == nil {
		return 0
	}
	own := g.vestedRounded(y, priceChange)
	if !g.takesRemainder(y) {
		return own
	}
	earlier := Money(0)
	for x := 1; x < y; x++ {
		earlier += g.vestedRounded(x, priceChange)
	}
	return g.remainder(priceChange, earlier, own)
}

// vestedRounded is year y's vest rounded to the cent on its own.
func (g *Grant) vestedRounded(y int, priceChange Dec) Money {
	if m, ok := g.vestedFast(y, priceChange); ok {
		return m
	}
	if priceChange.Sign() == 0 {
		if m, ok := g.vestedGrowth(y); ok {
			return m
		}
	}
	return RoundCents(new(big.Rat).Mul(g.GrantValue(), g.vestFactor(y, priceChange)))
}

// vestedFast computes the common case, a grant stated as a value vesting a
// whole percentage with no price change, in integer arithmetic with the
// same rounding as RoundCents. ok is false for every other case.
func (g *Grant) vestedFast(y int, priceChange Dec) (Money, bool) {
	if g.InShares() || g.Growth.Sign() != 0 || priceChange.Sign() != 0 {
		return 0, false
	}
	pct, ok := g.Schedule.PercentInYear(y).percentInt()
	if !ok || g.Value > maxMoney {
		return 0, false
	}
	q, ok := roundQuo64(int64(g.Value)*pct, 100)
	return Money(q), ok
}

// growthStep returns 100 + growth for a whole-number growth from -100 to
// 1000 percent (the range lang accepts): the yearly price factor in
// hundredths.
func growthStep(growth Dec) (uint64, bool) {
	r := growth.rat()
	if !r.IsInt() || !r.Num().IsInt64() {
		return 0, false
	}
	n := r.Num().Int64()
	if n < -100 || n > 1000 {
		return 0, false
	}
	return uint64(100 + n), true
}

// pow returns b^e for the small bases and exponents the growth fast paths
// use (b <= 1100, e <= Years + 1, so no overflow).
func pow(b uint64, e int) uint64 {
	p := uint64(1)
	for ; e > 0; e-- {
		p *= b
	}
	return p
}

// vestedGrowth computes Vested for a grant stated as a value vesting a
// whole percentage under a whole-percent growth, with no price change, in
// 128-bit integer arithmetic with RoundCents' rounding: the cents vesting
// in year y are Value*pct*(100+growth)^y / 100^(y+1). ok is false for
// every other case. Tests hold it to the exact path.
func (g *Grant) vestedGrowth(y int) (Money, bool) {
	if g.InShares() || y < 1 || y > Years || g.Value < 0 || g.Value > maxMoney {
		return 0, false
	}
	pct, ok := g.Schedule.PercentInYear(y).percentInt()
	if !ok {
		return 0, false
	}
	step, ok := growthStep(g.Growth)
	if !ok {
		return 0, false
	}
	hi, lo := bits.Mul64(uint64(g.Value)*uint64(pct), pow(step, y))
	q, ok := roundDiv128(hi, lo, pow(100, y+1))
	return q, ok
}

// roundDiv128 returns (hi:lo)/den rounded half up (the numbers are not
// negative, so that is half away from zero), OverRange past the range as
// RoundCents gives it;
// ok is false when the quotient does not fit in 64 bits.
func roundDiv128(hi, lo, den uint64) (Money, bool) {
	if den == 0 || hi >= den {
		return 0, false
	}
	q, r := bits.Div64(hi, lo, den)
	if r >= den-r {
		q++
	}
	if q > maxMoney {
		return OverRange, true
	}
	return Money(q), true
}
