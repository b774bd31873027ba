package tax

import (
	"math/big"
	"math/bits"
	"sync"
	"sync/atomic"

	"github.com/offerkit/offerkit/engine"
)

// This file holds the integer arithmetic the estimate runs on: rates are
// kept in thousandths of a percent (every rate in the tables has at most
// three decimals), so a tax is a sum of integer products divided once by
// 100,000 and rounded half away from zero, the same rounding as
// engine.RoundCents. Amounts or rates outside that range fall back to
// exact rational arithmetic. BenchmarkLintCorpus1000AfterTax measured the
// rational path at about 150 µs an offer (docs/performance.md).

// rateScale is the rate unit: thousandths of a percent.
const rateScale = 1000

// milli returns d percent in thousandths of a percent; ok is false when d
// has more decimals or is out of range. A Dec never changes, so the
// answer for each rate of the tables is kept (at most maxMilli of them).
func milli(d engine.Dec) (int64, bool) {
	if v, ok := milliCache.Load(d); ok {
		u := v.(int64)
		return u, u >= 0
	}
	r := new(big.Rat).Mul(d.Rat(), big.NewRat(rateScale, 1))
	u := int64(-1)
	if r.IsInt() && r.Num().IsInt64() && r.Num().Int64() >= 0 && r.Num().Int64() <= 100*rateScale {
		u = r.Num().Int64()
	}
	if milliCount.Add(1) <= maxMilli {
		milliCache.Store(d, u)
	}
	return u, u >= 0
}

var (
	milliCache sync.Map // engine.Dec -> int64, -1 when not representable
	milliCount atomic.Int64
)

const maxMilli = 10000

// maxFast bounds the amounts (in cents) the integer path takes: with a
// rate of at most 100% and 32 brackets, no sum can overflow.
const maxFast = 1_000_000_000_000

// percentOf returns rate percent of m, rounded to the cent.
func percentOf(m engine.Money, rate engine.Dec) engine.Money {
	if u, ok := milli(rate); ok && m >= 0 && m <= maxFast {
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
