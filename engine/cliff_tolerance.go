package engine

import (
	"math/big"
	"math/bits"
)

// This file defines the materiality threshold of a cliff: how far a year
// must fall below the best earlier year before the dip counts as a cliff.

// DefaultCliffPercent is the threshold when the candidate block sets none:
// a dip of 1% of the best earlier year's total or more is a cliff.
const DefaultCliffPercent = 1

// CliffTolerance is the candidate's materiality threshold for a cliff. A
// year is a cliff when it pays at least the threshold less than the best
// year before it; a dip of exactly the threshold counts, a smaller one does
// not. The zero value is the default: 1% of the best earlier year's total.
type CliffTolerance struct {
	// Percent is the threshold as a percent of the best earlier year's
	// total; used when PercentSet (cliff_tolerance = 2.5).
	Percent    Dec
	PercentSet bool
	// Amount is the threshold as a fixed amount; used when AmountSet
	// (cliff_tolerance_amount = 1000). It wins over Percent.
	Amount    Money
	AmountSet bool
}

// Threshold returns the smallest dip below a best earlier year of peak that
// counts as a cliff, exact (a percent of a total need not be whole cents).
func (t CliffTolerance) Threshold(peak Money) *big.Rat {
	if t.AmountSet {
		return t.Amount.Rat()
	}
	r := new(big.Rat).Mul(peak.Rat(), t.percent().Rat())
	return r.Quo(r, big.NewRat(100, 1))
}

func (t CliffTolerance) percent() Dec {
	if t.PercentSet {
		return t.Percent
	}
	return DecInt(DefaultCliffPercent)
}

// Material reports whether a dip of gap below a best earlier year of peak
// is a cliff: gap > 0 and gap >= the threshold, compared exactly.
func (t CliffTolerance) Material(gap, peak Money) bool {
	if gap <= 0 {
		return false
	}
	if t.AmountSet {
		return gap >= t.Amount
	}
	if !t.PercentSet && peak >= 0 {
		// The default 1%: gap >= peak/100 exactly when gap*100 >= peak.
		hi, lo := bits.Mul64(uint64(gap), 100)
		return hi > 0 || lo >= uint64(peak)
	}
	return gap.Rat().Cmp(t.Threshold(peak)) >= 0
}

// Describe states the threshold for a sentence: "1% of the best earlier
// year", "2.5% of the best earlier year", "$1,000".
func (t CliffTolerance) Describe(currency string) string {
	if t.AmountSet {
		return t.Amount.Format(currency)
	}
	return t.percent().String() + "% of the best earlier year"
}
