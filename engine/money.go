package engine

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// Money is an exact amount of a currency's minor unit (cents for USD).
type Money int64

// Dollars returns the Money for a whole number of major units.
func Dollars(n int64) Money { return Money(n * 100) }

// Rat returns m in major units as an exact rational.
func (m Money) Rat() *big.Rat { return new(big.Rat).SetFrac64(int64(m), 100) }

// Cents returns m in minor units.
func (m Money) Cents() int64 { return int64(m) }

// Whole rounds m to the nearest whole unit (half away from zero), for a
// figure a text quotes as "about": the exact amount is what is compared.
func (m Money) Whole() Money { return m.Div(100) * 100 }

// IsWhole reports whether m has no cents.
func (m Money) IsWhole() bool { return m%100 == 0 }

// Decimal renders m in major units with exactly two decimals, or none when m
// is whole: "195000", "186.05", "-12.50".
func (m Money) Decimal() string {
	var buf [24]byte
	b := buf[:0]
	neg, v := m.magnitude()
	if neg {
		b = append(b, '-')
	}
	b = strconv.AppendUint(b, v/100, 10)
	return string(appendCents(b, v%100))
}

// magnitude returns m's sign and absolute value in cents, math.MinInt64
// included.
func (m Money) magnitude() (neg bool, v uint64) {
	if m < 0 {
		return true, -uint64(m)
	}
	return false, uint64(m)
}

// Format renders m for people in the given currency: "$1,405,000",
// "$186.05", "-$5,000", "€12,000", "CHF 250,000".
func (m Money) Format(currency string) string {
	var buf [40]byte
	return string(m.appendFormat(buf[:0], currency))
}

// appendFormat appends Format's text to b: the hot flag messages (the
// cliff, band placement and approval rules) build their text in one buffer
// instead of through fmt. BenchmarkLintCorpus1000Load measured 662,000
// allocations per 1,000 files with those messages and Format written with
// fmt, against 442,000 this way, and the lint goal lost (1.6-1.9x a raw
// parse instead of 1.25-1.5x in the same runs; docs/performance.md).
func (m Money) appendFormat(b []byte, currency string) []byte {
	neg, v := m.magnitude()
	if neg {
		b = append(b, '-')
	}
	sym, prefix := currencySymbol(currency)
	b = append(b, sym...)
	if !prefix {
		b = append(b, ' ')
	}
	b = appendGrouped(b, v/100)
	return appendCents(b, v%100)
}

// appendCents appends ".05" for 5 cents, nothing for none.
func appendCents(b []byte, cents uint64) []byte {
	if cents == 0 {
		return b
	}
	return append(b, '.', byte('0'+cents/10), byte('0'+cents%10))
}

// appendGrouped appends n with a comma between groups of three digits.
func appendGrouped(b []byte, n uint64) []byte {
	var tmp [32]byte
	i, group := len(tmp), 0
	for {
		if group == 3 {
			i--
			tmp[i] = ','
			group = 0
		}
		i--
		tmp[i] = byte('0' + n%10)
		n /= 10
		group++
		if n == 0 {
			break
		}
	}
	return append(b, tmp[i:]...)
}

// String renders m in US dollars; see Format.
func (m Money) String() string { return m.Format("USD") }

func currencySymbol(code string) (symbol string, prefix bool) {
	switch strings.ToUpper(code) {
	case "", "USD":
		return "$", true
	case "EUR":
		return "€", true
	case "GBP":
		return "£", true
	case "JPY":
		return "¥", true
	case "INR":
		return "₹", true
	default:
		return strings.ToUpper(code), false
	}
}

// RoundCents rounds an amount in major units to the nearest cent, halves away
// from zero. It is the only place in offerkit where money is rounded.
func RoundCents(r *big.Rat) Money {
	if m, ok := roundCents64(r); ok {
		return m
	}
	return roundCentsExact(r)
}

// roundCents64 is RoundCents in int64 arithmetic for a rational whose
// numerator and denominator are small enough that num*100 and the
// remainder test cannot overflow; ok is false for any other. Tests hold it
// to roundCentsExact.
func roundCents64(r *big.Rat) (Money, bool) {
	n := r.Num()
	if !n.IsInt64() {
		return 0, false
	}
	num := n.Int64()
	if num > 1<<56 || num < -(1<<56) {
		return 0, false
	}
	num *= 100
	if r.IsInt() {
		return saturate(num), true
	}
	d := r.Denom()
	if !d.IsInt64() {
		return 0, false
	}
	den := d.Int64()
	if den <= 0 || den > 1<<61 {
		return 0, false
	}
	q, _ := roundQuo64(num, den)
	return saturate(q), true
}

// saturate returns a cent amount, or OverRange (with its sign) when it
// lies past MaxAmount, as roundCentsExact does.
func saturate(q int64) Money {
	switch {
	case q > maxMoney:
		return OverRange
	case q < -maxMoney:
		return -OverRange
	}
	return Money(q)
}

// roundCentsExact is RoundCents in exact rational arithmetic.
func roundCentsExact(r *big.Rat) Money {
	q := roundHalfAway(new(big.Rat).Mul(r, big.NewRat(100, 1)))
	if !q.IsInt64() || q.CmpAbs(big.NewInt(maxMoney)) > 0 {
		// Past the range: marked, never capped nor wrapped.
		if q.Sign() < 0 {
			return -OverRange
		}
		return OverRange
	}
	return Money(q.Int64())
}

// maxMoney bounds every amount so that sums of a few hundred figures cannot
// overflow int64: about 45 trillion in major units.
const maxMoney = 1 << 52

// Dec is an exact decimal number: a percentage, a share count, a price.
// The zero Dec is 0. A Dec is immutable once made.
type Dec struct{ r *big.Rat }

// DecFromRat returns a Dec holding a copy of r.
func DecFromRat(r *big.Rat) Dec { return Dec{new(big.Rat).Set(r)} }

// DecInt returns the Dec for n.
func DecInt(n int64) Dec { return Dec{big.NewRat(n, 1)} }

// ParseDec parses a decimal literal such as "186.05" or "-30".
func ParseDec(s string) (Dec, error) {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return Dec{}, fmt.Errorf("%q is not a decimal number", s)
	}
	return Dec{r}, nil
}

// MustDec is ParseDec for literals known to be valid.
func MustDec(s string) Dec {
	d, err := ParseDec(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Rat returns a copy of d as a rational.
func (d Dec) Rat() *big.Rat {
	if d.r == nil {
		return new(big.Rat)
	}
	return new(big.Rat).Set(d.r)
}

// Sign returns -1, 0 or +1.
func (d Dec) Sign() int {
	if d.r == nil {
		return 0
	}
	return d.r.Sign()
}

// percentInt returns d as a whole number from 0 to 100, when it is one.
func (d Dec) percentInt() (int64, bool) {
	if d.r == nil {
		return 0, true
	}
	if !d.r.IsInt() || !d.r.Num().IsInt64() {
		return 0, false
	}
	n := d.r.Num().Int64()
	return n, n >= 0 && n <= 100
}

// Cmp compares d and e.
func (d Dec) Cmp(e Dec) int { return d.rat().Cmp(e.rat()) }

// rat returns d's rational for reading, without the copy Rat makes: a
// Dec is immutable, so nothing may change what this returns.
func (d Dec) rat() *big.Rat {
	if d.r == nil {
		return zeroRat
	}
	return d.r
}

// zeroRat is the value of the zero Dec; it is never changed.
var zeroRat = new(big.Rat)

// String renders d as a short decimal ("5", "33.3333", "186.05").
func (d Dec) String() string {
	r := d.rat()
	if r.IsInt() {
		return r.Num().String()
	}
	s := r.FloatString(6)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// Times returns m multiplied by d, rounded to the cent.
func (m Money) Times(d Dec) Money { return RoundCents(new(big.Rat).Mul(m.Rat(), d.Rat())) }

// Percent returns d percent of m, rounded to the cent.
func (m Money) Percent(d Dec) Money {
	r := new(big.Rat).Mul(m.Rat(), d.Rat())
	return RoundCents(r.Quo(r, big.NewRat(100, 1)))
}

// Div returns m divided by n, rounded to the cent.
func (m Money) Div(n int64) Money {
	if q, ok := roundQuo64(int64(m), n); ok {
		return Money(q) // the same rounding as RoundCents, in integers
	}
	return RoundCents(new(big.Rat).Quo(m.Rat(), big.NewRat(n, 1)))
}

// PercentOf returns what percentage part is of whole, as an exact Dec;
// ok is false when whole is zero.
func PercentOf(part, whole Money) (d Dec, ok bool) {
	if whole == 0 {
		return Dec{}, false
	}
	r := new(big.Rat).SetFrac64(int64(part)*100, int64(whole))
	return Dec{r}, true
}

// RoundDec rounds d to the given number of decimals, halves away from zero.
func RoundDec(d Dec, decimals int) Dec {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil)
	r := new(big.Rat).Mul(d.Rat(), new(big.Rat).SetInt(scale))
	q := roundHalfAway(r)
	return Dec{new(big.Rat).SetFrac(q, scale)}
}

// roundQuo64 is roundHalfAway for integers: num/den rounded, halves away
// from zero; ok is false for a denominator that is not positive. Callers
// make sure the numerator they compute fits (amounts are at most
// lang.MaxAmount, 1e14 cents).
func roundQuo64(num, den int64) (int64, bool) {
	if den <= 0 {
		return 0, false
	}
	q, rem := num/den, num%den
	if rem < 0 {
		rem = -rem
	}
	if rem >= den-rem { // rem*2 >= den, without overflowing
		if num < 0 {
			q--
		} else {
			q++
		}
	}
	return q, true
}

// roundHalfAway rounds r to an integer, halves away from zero.
func roundHalfAway(r *big.Rat) *big.Int {
	num, den := r.Num(), r.Denom()
	q, m := new(big.Int).QuoRem(num, den, new(big.Int))
	twice := new(big.Int).Abs(m)
	twice.Lsh(twice, 1)
	if twice.Cmp(den) >= 0 {
		if num.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return q
}

// MaxAmount is the largest amount the engine represents: about 45
// trillion in major units (2^52 cents). Every operation on amounts checks
// its range: a result past ±MaxAmount is never capped to a figure that
// looks computed; it is OverRange, which no figure in range equals, and
// lang reports it as amount-too-large at the attribute that caused it
// (Worth.RangeField). MaxAmount itself is in range.
const MaxAmount = Money(maxMoney)

// OverRange is what an operation gives when its exact result lies past
// MaxAmount (negated below -MaxAmount): one cent past the range, so that
// sums of such results stay past it and never wrap (a few thousand of them
// fit in int64).
const OverRange = Money(maxMoney + 1)

// InRange reports whether m is a figure the engine computed exactly:
// -MaxAmount <= m <= MaxAmount.
func (m Money) InRange() bool { return m >= -MaxAmount && m <= MaxAmount }
