package tax

import (
	"math/big"
	"math/bits"

	"github.com/offerkit/offerkit/engine"
)

// This file holds the integer arithmetic the estimate runs on: rates are
// kept in thousandths of a percent (every rate in the tables has at most
// three decimals), so a tax is a sum of integer products divided once by
// 100,000 and rounded half away from zero, the same rounding as
// engine.RoundCents. Amounts or rates outside that range fall back to
// exact rational arithmetic. BenchmarkLintCorpus1000AfterTax measured the
// rational path at about 150 µs an offer (docs/performance.md). The
// tables' rates are converted once (prepared.go); TestFastPathsMatchExact
// holds every integer path to the rational one.

// rateScale is the rate unit: thousandths of a percent.
const rateScale = 1000

// milli returns d percent in thousandths of a percent, or -1 when d has
// more decimals or is outside 0-100%.
func milli(d engine.Dec) int64 {
	r := new(big.Rat).Mul(d.Rat(), big.NewRat(rateScale, 1))
	if r.IsInt() && r.Num().IsInt64() && r.Num().Int64() >= 0 && r.Num().Int64() <= 100*rateScale {
		return r.Num().Int64()
	}
	return -1
}

// maxFast bounds the amounts (in cents) the integer path takes: with a
// rate of at most 100% and maxFastBrackets brackets, no sum can overflow.
const (
	maxFast         = 1_000_000_000_000
	maxFastBrackets = 32
)

// percentOf returns rate percent of m, rounded to the cent; u is rate in
// thousandths of a percent (milli), or -1 for the exact path.
func percentOf(m engine.Money, rate engine.Dec, u int64) engine.Money {
	if u >= 0 && m >= 0 && m <= maxFast {
		return engine.Money(roundDiv(int64(m)*u, 100*rateScale))
	}
	return m.Percent(rate)
}

// roundDiv returns n/d rounded half away from zero, for n >= 0, d > 0.
func roundDiv(n, d int64) int64 {
	q, r := n/d, n%d
	if 2*r >= d {
		q++
	}
	return q
}

// mulDiv returns a*b/c rounded half away from zero, for a, b >= 0 and
// c > 0, in 128-bit arithmetic; ok is false when the quotient overflows.
func mulDiv(a, b, c int64) (int64, bool) {
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	if hi >= uint64(c) {
		return 0, false
	}
	q, r := bits.Div64(hi, lo, uint64(c))
	if r >= uint64(c)-r {
		q++
	}
	if q > 1<<62 {
		return 0, false
	}
	return int64(q), true
}
