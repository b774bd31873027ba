package engine

import (
	"fmt"
	"math/big"
)

// ruleCliff flags a year whose total falls below an earlier year's: the
// sign-on runs out before the back-loaded equity makes up for it. A year
// that stays at the level of the dip is the same cliff, not a new one. The
// flag says by how much, and what extra grant value would bring the year
// level.
func ruleCliff(a *Analysis, _ *Bands) []Flag {
	var out []Flag
	cur := a.Offer.Currency
	ys := a.Worth.Years
	for _, c := range Cliffs(a.Worth) {
		low, peak := ys[c.Year-1], ys[c.Below-1]
		msg := fmt.Sprintf("Year %d pays %s, %s less than year %d (%s).",
			c.Year, low.Total.Format(cur), c.Gap.Format(cur), c.Below, peak.Total.Format(cur))
		f := Flag{Code: "cliff", Severity: Warning, Field: "", Message: msg}
		if extra, ok := LevellingGrant(a.Offer, c.Below, c.Year, c.Gap); ok {
			newValue := RoundCents(a.Offer.Equity.GrantValue()) + extra
			f.Message += fmt.Sprintf(" Raising the grant by %s (to %s) would level year %d with year %d.",
				extra.Format(cur), newValue.Format(cur), c.Year, c.Below)
			f.Fix = &Fix{Title: fmt.Sprintf("Ask for a %s grant to level year %d (+%s)", newValue.Format(cur), c.Year, extra.Format(cur)),
				Set: map[string]Money{"equity.value": newValue}}
		} else {
			f.Message += fmt.Sprintf(" More equity cannot level it on this schedule; a year-%d sign-on of %s would.", c.Year, c.Gap.Format(cur))
		}
		out = append(out, f)
	}
	return out
}

// Cliff is a year whose total falls below an earlier year's.
type Cliff struct {
	Year  int   // the year that pays less (1-based)
	Below int   // the earlier year it falls below: the highest before it
	Gap   Money // how much less it pays
}

// Cliffs returns the years whose total falls below the highest earlier
// year's. A year that stays at the level of the dip before it is the same
// cliff, not a new one.
func Cliffs(w Worth) []Cliff {
	var out []Cliff
	ys := w.Years
	for y := 1; y < Years; y++ {
		peak := 0
		for x := 1; x < y; x++ {
			if ys[x].Total > ys[peak].Total {
				peak = x
			}
		}
		if ys[y].Total >= ys[peak].Total || (y-1 != peak && ys[y].Total >= ys[y-1].Total) {
			continue
		}
		out = append(out, Cliff{Year: y + 1, Below: peak + 1, Gap: ys[peak].Total - ys[y].Total})
	}
	return out
}

// LevellingGrant returns the extra grant value that lifts year low's total
// to year high's, given the gap between them: gap / (v_low - v_high), where
// v_y is the share of the grant's value reaching the holder in year y. It
// fails when the offer has no grant or the schedule vests no more in the low
// year than in the high one.
func LevellingGrant(o Offer, high, low int, gap Money) (Money, bool) {
	g := o.Equity
	if g == nil {
		return 0, false
	}
	lowPct, okLow := g.Schedule.PercentInYear(low).percentInt()
	highPct, okHigh := g.Schedule.PercentInYear(high).percentInt()
	if g.Growth.Sign() == 0 && okLow && okHigh {
		d := lowPct - highPct
		if d <= 0 {
			return 0, false
		}
		q, ok := roundQuo64(int64(gap)*100, d)
		return Money(q), ok
	}
	d := new(big.Rat).Sub(g.vestFactor(low, Dec{}), g.vestFactor(high, Dec{}))
	if d.Sign() <= 0 {
		return 0, false
	}
	return RoundCents(new(big.Rat).Quo(gap.Rat(), d)), true
}
