package engine

import "math/big"

// This file makes a grant's yearly vests add up to the grant: each year's
// vest is rounded to the cent on its own, and without price growth the
// last year that vests within the four counted takes the remainder, so the
// four yearly amounts add up exactly to the part of the grant vesting in
// four years (FourYearGrant: the whole grant on a four-year schedule).
// An even schedule over $123,457.89 vests $30,864.47 three times and
// $30,864.48 in year 4.

// lastVestYear returns the last of the four years counted in which the
// grant vests anything; 0 when none does.
func (g *Grant) lastVestYear() int {
	for y := Years; y >= 1; y-- {
		if g.Schedule.PercentInYear(y).Sign() != 0 {
			return y
		}
	}
	return 0
}

// takesRemainder reports whether year y's vest is the remainder of the
// four-year vest: the grant has no growth and y is its last vesting year.
func (g *Grant) takesRemainder(y int) bool {
	return g.Growth.Sign() == 0 && y == g.lastVestYear()
}

// fourYearVested returns what the grant vests over the four years counted
// with the stock price changed by priceChange percent, rounded to the cent
// once. Without a change it is FourYearGrant.
func (g *Grant) fourYearVested(priceChange Dec) Money {
	if priceChange.Sign() == 0 {
		return FourYearGrant(g)
	}
	pct := new(big.Rat)
	for y := 1; y <= Years; y++ {
		pct.Add(pct, g.Schedule.PercentInYear(y).Rat())
	}
	v := new(big.Rat).Mul(g.GrantValue(), pct)
	v.Mul(v, growthFactor(priceChange, 1))
	return RoundCents(v.Quo(v, big.NewRat(100, 1)))
}

// remainder returns the last vesting year's vest: the four-year vest less
// the earlier years' rounded vests (earlier). rounded is the year's own
// rounded vest, kept when the amounts are so large that they saturate (the
// remainder then differs from it by more than the rounding can).
func (g *Grant) remainder(priceChange Dec, earlier, rounded Money) Money {
	r := g.fourYearVested(priceChange) - earlier
	if d := r - rounded; d > Years || d < -Years {
		return rounded
	}
	return r
}
