package engine

import (
	"math/big"
	"math/bits"
	"strconv"
)

// ruleCliff flags a year whose total falls below an earlier year's: the
// sign-on runs out before the back-loaded equity makes up for it. A year
// that stays at the level of the dip is the same cliff, not a new one. The
// flag says by how much, and what extra grant value would bring the year
// level. The message is built in one buffer rather than with fmt: with
// Money.Format and the hot flag messages written with fmt,
// BenchmarkLintCorpus1000Load measured 662,000 allocations per 1,000 files
// against 442,000, and the lint goal lost (docs/performance.md, "Which
// hand-tuned paths stay").
func ruleCliff(a *Analysis, _ *Bands) []Flag {
	cliffs := a.Cliffs
	if len(cliffs) == 0 {
		return nil
	}
	out := make([]Flag, 0, len(cliffs))
	cur := a.Offer.Currency
	ys := a.Worth.Years
	var buf [384]byte
	for _, c := range cliffs {
		low, peak := ys[c.Year-1], ys[c.Below-1]
		// "Year %d pays %s, %s less than year %d (%s)."
		b := append(buf[:0], "Year "...)
		b = strconv.AppendInt(b, int64(c.Year), 10)
		b = append(b, " pays "...)
		b = low.Total.appendFormat(b, cur)
		b = append(b, ", "...)
		b = c.Gap.appendFormat(b, cur)
		b = append(b, " less than year "...)
		b = strconv.AppendInt(b, int64(c.Below), 10)
		b = append(b, " ("...)
		b = peak.Total.appendFormat(b, cur)
		b = append(b, ")."...)
		f := Flag{Code: CliffRule.Code, Severity: CliffRule.Severity, Field: ""}
		if extra, ok := LevellingGrant(a.Offer, c.Below, c.Year, c.Gap); ok {
			newValue := GrantValueOf(a.Offer.Equity) + extra
			// " Raising the grant by %s (to %s) would level year %d with year %d."
			b = append(b, " Raising the grant by "...)
			b = extra.appendFormat(b, cur)
			b = append(b, " (to "...)
			b = newValue.appendFormat(b, cur)
			b = append(b, ") would level year "...)
			b = strconv.AppendInt(b, int64(c.Year), 10)
			b = append(b, " with year "...)
			b = strconv.AppendInt(b, int64(c.Below), 10)
			b = append(b, '.')
			msgLen := len(b)
			// "Ask for a %s grant to level year %d (+%s)"
			b = append(b, "Ask for a "...)
			b = newValue.appendFormat(b, cur)
			b = append(b, " grant to level year "...)
			b = strconv.AppendInt(b, int64(c.Year), 10)
			b = append(b, " (+"...)
			b = extra.appendFormat(b, cur)
			b = append(b, ')')
			text := string(b) // message and title share one allocation
			f.Message = text[:msgLen]
			f.Fix = &Fix{Title: text[msgLen:], Set: map[string]Money{"equity.value": newValue}}
		} else {
			// " More equity cannot level it on this schedule; a year-%d sign-on of %s would."
			b = append(b, " More equity cannot level it on this schedule; a year-"...)
			b = strconv.AppendInt(b, int64(c.Year), 10)
			b = append(b, " sign-on of "...)
			b = c.Gap.appendFormat(b, cur)
			b = append(b, " would."...)
			f.Message = string(b)
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
// year's by at least the tolerance's threshold (CliffTolerance: by default
// 1% of that earlier year's total; a dip of exactly the threshold counts).
// A year that stays at the level of the dip before it is the same cliff,
// not a new one. It is the one definition of a cliff: Analyze keeps its
// result in Analysis.Cliffs, from which the cliff rule, its quick fix, the
// scripts, emails, reports, charts and comparisons take their cliffs.
func Cliffs(w Worth, t CliffTolerance) []Cliff {
	var out []Cliff
	ys := w.Years
	for y := 1; y < Years; y++ {
		peak := 0
		for x := 1; x < y; x++ {
			if ys[x].Total > ys[peak].Total {
				peak = x
			}
		}
		gap := ys[peak].Total - ys[y].Total
		if !t.Material(gap, ys[peak].Total) || (y-1 != peak && ys[y].Total >= ys[y-1].Total) {
			continue
		}
		out = append(out, Cliff{Year: y + 1, Below: peak + 1, Gap: gap})
	}
	return out
}

// CliffsIn returns the same cliffs with their gaps measured in w, the
// same offer's worth in another currency: which years are cliffs is
// decided once, in the offer's own currency, and a converted table states
// the gaps its own totals show.
func CliffsIn(cliffs []Cliff, w Worth) []Cliff {
	if len(cliffs) == 0 {
		return nil
	}
	out := make([]Cliff, len(cliffs))
	for i, c := range cliffs {
		c.Gap = w.Years[c.Below-1].Total - w.Years[c.Year-1].Total
		out[i] = c
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
	if m, ok, done := levellingGrowth(g, high, low, gap); done {
		return m, ok
	}
	return levellingExact(g, high, low, gap)
}

// levellingExact is LevellingGrant in exact rational arithmetic.
func levellingExact(g *Grant, high, low int, gap Money) (Money, bool) {
	d := new(big.Rat).Sub(g.vestFactor(low, Dec{}), g.vestFactor(high, Dec{}))
	if d.Sign() <= 0 {
		return 0, false
	}
	return RoundCents(new(big.Rat).Quo(gap.Rat(), d)), true
}

// levellingGrowth is LevellingGrant for whole percentages under a
// whole-percent growth, in integer arithmetic: over the common denominator
// 100^(Years+1), year y's vest factor is pct_y*(100+growth)^y*100^(Years-y),
// and the grant is gap*100^(Years+1)/(n_low - n_high) cents, rounded as
// RoundCents rounds. done is false when it cannot say (the caller takes
// the exact path). Tests hold it to levellingExact.
func levellingGrowth(g *Grant, high, low int, gap Money) (m Money, ok, done bool) {
	if low < 1 || low > Years || high < 1 || high > Years || gap < 0 {
		return 0, false, false
	}
	step, okStep := growthStep(g.Growth)
	lowPct, okLow := g.Schedule.PercentInYear(low).percentInt()
	highPct, okHigh := g.Schedule.PercentInYear(high).percentInt()
	if !okStep || !okLow || !okHigh {
		return 0, false, false
	}
	nLow := uint64(lowPct) * pow(step, low) * pow(100, Years-low)
	nHigh := uint64(highPct) * pow(step, high) * pow(100, Years-high)
	if nLow <= nHigh {
		return 0, false, true
	}
	hi, lo := bits.Mul64(uint64(gap), pow(100, Years+1))
	m, ok = roundDiv128(hi, lo, nLow-nHigh)
	return m, true, ok
}
