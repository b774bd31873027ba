package engine

import (
	"math"
	"math/big"
	"math/rand"
	"reflect"
	"testing"
	"time"
)

// The fast paths of money formatting, rounding and the cliff rule must
// agree with the slow, obviously right paths they replace.

func moneySamples() []Money {
	out := []Money{0, 1, -1, 5, 9, 10, 50, 99, 100, 101, -99, -100, -101, 999, 1000, 99999, 100000, 100001,
		18605, 1234567, 99999999, 100000000, 140500000, -500000, maxMoney, -maxMoney,
		math.MaxInt64, math.MinInt64, math.MinInt64 + 1, math.MaxInt64 - 1}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 5000; i++ {
		v := r.Int63n(1 << uint(1+r.Intn(62)))
		if r.Intn(3) == 0 {
			v = -v
		}
		out = append(out, Money(v))
	}
	return out
}

func TestRoundCentsFastMatchesExact(t *testing.T) {
	rats := []*big.Rat{new(big.Rat), big.NewRat(1, 200), big.NewRat(-1, 200), big.NewRat(1, 300), big.NewRat(2, 300),
		big.NewRat(12345, 1), big.NewRat(-12345, 7), big.NewRat(1<<56, 3), big.NewRat(-(1 << 56), 3),
		big.NewRat(1<<56+1, 3), big.NewRat(5, 1<<61), big.NewRat(5, 1<<62), big.NewRat(maxMoney, 100), big.NewRat(maxMoney+1, 100),
		big.NewRat(-maxMoney-1, 100), big.NewRat(math.MaxInt64, 1), big.NewRat(math.MinInt64, 1), big.NewRat(1, math.MaxInt64)}
	huge, _ := new(big.Rat).SetString("123456789012345678901234567890/7")
	rats = append(rats, huge, new(big.Rat).Neg(huge))
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 20000; i++ {
		num := r.Int63n(1 << uint(1+r.Intn(62)))
		if r.Intn(2) == 0 {
			num = -num
		}
		den := 1 + r.Int63n(1<<uint(1+r.Intn(62)))
		rats = append(rats, big.NewRat(num, den))
		// Halves: k/200 for small k.
		rats = append(rats, big.NewRat(int64(r.Intn(100000)-50000), 200))
	}
	fast := 0
	for _, x := range rats {
		want := roundCentsExact(x)
		if got, ok := roundCents64(x); ok {
			fast++
			if got != want {
				t.Fatalf("roundCents64(%s) = %d, exact %d", x, got, want)
			}
		}
		if got := RoundCents(x); got != want {
			t.Fatalf("RoundCents(%s) = %d, exact %d", x, got, want)
		}
	}
	if fast < len(rats)/2 {
		t.Errorf("fast path taken %d times of %d", fast, len(rats))
	}
}

func TestGrantValueOfMatchesExact(t *testing.T) {
	for _, m := range moneySamples() {
		g := &Grant{Value: m}
		if got, want := GrantValueOf(g), RoundCents(g.GrantValue()); got != want {
			t.Fatalf("GrantValueOf(%d) = %d, exact %d", m, got, want)
		}
	}
	g := &Grant{Shares: MustDec("2150"), Price: MustDec("186.055")}
	if got, want := GrantValueOf(g), RoundCents(g.GrantValue()); got != want {
		t.Fatalf("in shares: %d, exact %d", got, want)
	}
}

func randomGrant(r *rand.Rand) *Grant {
	pcts := [][]Dec{
		{DecInt(5), DecInt(15), DecInt(40), DecInt(40)}, {DecInt(25), DecInt(25), DecInt(25), DecInt(25)},
		{DecInt(40), DecInt(30), DecInt(20), DecInt(10)}, {DecInt(100)}, {DecInt(0), DecInt(0), DecInt(50), DecInt(50)},
		{MustDec("4.5"), MustDec("15.5"), DecInt(40), DecInt(40)}, {DecInt(33), DecInt(33), DecInt(34)},
	}
	g := &Grant{Value: Money(r.Int63n(1 << uint(1+r.Intn(50)))), Schedule: Schedule{Percent: pcts[r.Intn(len(pcts))]}}
	switch r.Intn(6) {
	case 0:
		g.Growth = DecInt(int64(r.Intn(1101) - 100))
	case 1:
		g.Growth = DecInt(int64(r.Intn(3000) - 1500)) // outside the fast range too
	case 2:
		g.Growth = MustDec("2.5")
	case 3:
		g.Value = maxMoney - Money(r.Intn(3))
		g.Growth = DecInt(int64(r.Intn(1101) - 100))
	default:
		g.Growth = DecInt(int64(r.Intn(40) - 10))
	}
	return g
}

func TestVestedGrowthMatchesExact(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	fast := 0
	for i := 0; i < 6000; i++ {
		g := randomGrant(r)
		for y := 0; y <= Years+1; y++ {
			exact := RoundCents(new(big.Rat).Mul(g.GrantValue(), g.vestFactor(y, Dec{})))
			if m, ok := g.vestedGrowth(y); ok {
				fast++
				if m != exact {
					t.Fatalf("%+v year %d: fast %d, exact %d", g, y, m, exact)
				}
			}
			if m, want := g.Vested(y, Dec{}), exactVest(g, y); m != want {
				t.Fatalf("%+v year %d: Vested %d, exact %d", g, y, m, want)
			}
		}
		// EvaluateScenario walks the years with the fast paths and the
		// exact one mixed; each year must match the exact vest.
		w := EvaluateScenario(Offer{Equity: g}, Dec{})
		for y := 1; y <= Years; y++ {
			if exact := exactVest(g, y); w.Years[y-1].Equity != exact {
				t.Fatalf("%+v: evaluated year %d %d, exact %d", g, y, w.Years[y-1].Equity, exact)
			}
		}
	}
	if fast < 6000 {
		t.Errorf("fast path taken %d times", fast)
	}
}

// exactVest is year y's vest in exact arithmetic: rounded on its own, and
// without growth the last vesting year takes the remainder of the exact
// four-year vest (vest_remainder.go).
func exactVest(g *Grant, y int) Money {
	own := RoundCents(new(big.Rat).Mul(g.GrantValue(), g.vestFactor(y, Dec{})))
	if g.Growth.Sign() != 0 || y != g.lastVestYear() {
		return own
	}
	pct := new(big.Rat)
	earlier := Money(0)
	for x := 1; x <= Years; x++ {
		pct.Add(pct, g.Schedule.PercentInYear(x).Rat())
		if x < y {
			earlier += RoundCents(new(big.Rat).Mul(g.GrantValue(), g.vestFactor(x, Dec{})))
		}
	}
	total := RoundCents(new(big.Rat).Quo(new(big.Rat).Mul(g.GrantValue(), pct), big.NewRat(100, 1)))
	if r := total - earlier; r-own <= Years && own-r <= Years {
		return r
	}
	return own
}

func TestLevellingGrowthMatchesExact(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	fast := 0
	for i := 0; i < 20000; i++ {
		g := randomGrant(r)
		gap := Money(r.Int63n(1 << uint(1+r.Intn(55))))
		high, low := 1+r.Intn(Years), 1+r.Intn(Years)
		want, wantOK := levellingExact(g, high, low, gap)
		if m, ok, done := levellingGrowth(g, high, low, gap); done {
			fast++
			if m != want || ok != wantOK {
				t.Fatalf("%+v %d->%d gap %d: fast %d %v, exact %d %v", g, high, low, gap, m, ok, want, wantOK)
			}
		}
		if m, ok := LevellingGrant(Offer{Equity: g}, high, low, gap); m != want || ok != wantOK {
			t.Fatalf("%+v %d->%d gap %d: LevellingGrant %d %v, exact %d %v", g, high, low, gap, m, ok, want, wantOK)
		}
	}
	if fast < 5000 {
		t.Errorf("fast path taken %d times", fast)
	}
}

func TestAppendKeyMatchesKey(t *testing.T) {
	samples := []string{"", " ", "L6", "l6", " L6 ", "Bay Area", "bay_area", "BAY-AREA", "\tSeattle\n", "a\tb", "a\x00b",
		"Zürich", "ZÜRICH", "\u00a0L6", "L6\u0085", "İstanbul", "ǅ", "K", "x\vy\f", "__--  ", "SDE"}
	r := rand.New(rand.NewSource(8))
	alphabet := []rune("aZ _-\t\n\v\f\r09\u00a0\u0085ÄßİK\x00~")
	for i := 0; i < 5000; i++ {
		n := r.Intn(8)
		var s []rune
		for j := 0; j < n; j++ {
			s = append(s, alphabet[r.Intn(len(alphabet))])
		}
		samples = append(samples, string(s))
	}
	for _, s := range samples {
		if k, ok := appendKey(nil, s); ok && string(k) != Key(s) {
			t.Fatalf("appendKey(%q) = %q, Key %q", s, k, Key(s))
		}
	}
	bs := NewBands()
	for i, s := range samples[:200] {
		bs.Put(&Band{Level: s, Track: samples[(i+1)%200], Location: samples[(i+2)%200]})
		bs.Caps[CapKey("", s)] = Cap{Level: s, Base: Money(i)}
	}
	for i, s := range samples[:400] {
		lv, tr, lo := s, samples[(i+1)%400], samples[(i+2)%400]
		if got, want := bs.Lookup("", lv, tr, lo), bs.byKey[bandKey("", lv, tr, lo)]; got != want {
			t.Fatalf("Lookup(%q, %q, %q) = %v, want %v", lv, tr, lo, got, want)
		}
		c, ok := bs.Cap("", s)
		wc, wok := bs.Caps[CapKey("", s)]
		if c != wc || ok != wok {
			t.Fatalf("Cap(%q) = %v %v, want %v %v", s, c, ok, wc, wok)
		}
	}
}

func TestLeversMatchesMap(t *testing.T) {
	m, d, s := Money(1), Dec{}, "x"
	for mask := 0; mask < 1<<11; mask++ {
		c := Counter{Base: ifBit(mask, 0, &m), SignOn: ifBit(mask, 1, &SignOn{}), Equity: ifBit(mask, 2, &GrantChange{}),
			Start: ifBit(mask, 3, new(time.Time)), Level: ifBit(mask, 4, &s), Promotion: ifBit(mask, 5, &Promotion{}),
			Flexibility: ifBit(mask, 6, &Flexibility{}), Relocation: ifBit(mask, 7, &m), BonusTarget: ifBit(mask, 8, &d),
			Bonus: ifBit(mask, 9, &BonusChange{})}
		want := map[string]bool{
			"base": c.Base != nil, "sign_on": c.SignOn != nil, "equity": c.Equity != nil, "start": c.Start != nil,
			"level": c.Level != nil || c.Promotion != nil, "flexibility": c.Flexibility != nil || c.Relocation != nil,
			"bonus": c.BonusTarget != nil || c.Bonus != nil,
		}
		var wantList []string
		for _, l := range LeverNames {
			if want[l] {
				wantList = append(wantList, l)
			}
		}
		if got := c.Levers(); !reflect.DeepEqual(got, wantList) {
			t.Fatalf("mask %b: %v, want %v", mask, got, wantList)
		}
	}
}

// ifBit returns v when bit of mask is set, nil otherwise.
func ifBit[T any](mask, bit int, v *T) *T {
	if mask&(1<<bit) == 0 {
		return nil
	}
	return v
}

func TestPercentAboveMatchesDec(t *testing.T) {
	samples := moneySamples()
	his := []Dec{DecInt(0), DecInt(15), DecInt(50), DecInt(200), DecInt(-5), DecInt(1 << 19), DecInt(1 << 21), MustDec("12.5"), MustDec("-0.5")}
	r := rand.New(rand.NewSource(9))
	known := 0
	for i := 0; i < 50000; i++ {
		part, whole := samples[r.Intn(len(samples))], samples[r.Intn(len(samples))]
		if r.Intn(2) == 0 {
			part, whole = Money(r.Intn(4001)-2000), Money(r.Intn(4001)-2000)
		}
		if part == math.MinInt64 || whole == math.MinInt64 || part > 1<<55 || part < -(1<<55) {
			continue // PercentOf's own part*100 would overflow
		}
		hi := his[r.Intn(len(his))]
		p, ok := PercentOf(part, whole)
		want := ok && p.Cmp(hi) > 0
		if got, k := percentAbove(part, whole, hi); k {
			known++
			if got != want {
				t.Fatalf("%d of %d above %s: fast %v, Dec %v", part, whole, hi, got, want)
			}
		}
	}
	if known < 20000 {
		t.Errorf("decided %d times", known)
	}
}

// TestRoundQuo64 holds the integer division with rounding to the exact
// path, up to denominators where doubling the remainder would overflow.
func TestRoundQuo64(t *testing.T) {
	cases := [][2]int64{{5, 2}, {-5, 2}, {7, 3}, {-7, 3}, {1, 3}, {0, 7}, {1 << 62, 1<<62 + 1}, {-(1 << 62), 1<<62 + 1},
		{1<<62 - 1, 1 << 62}, {math.MaxInt64, math.MaxInt64}, {math.MaxInt64 / 2, math.MaxInt64}, {math.MaxInt64/2 + 1, math.MaxInt64}}
	for _, c := range cases {
		got, ok := roundQuo64(c[0], c[1])
		want := roundHalfAway(new(big.Rat).SetFrac(big.NewInt(c[0]), big.NewInt(c[1])))
		if !ok || !want.IsInt64() || got != want.Int64() {
			t.Errorf("roundQuo64(%d, %d) = %d, %v; want %s", c[0], c[1], got, ok, want)
		}
	}
	if _, ok := roundQuo64(1, 0); ok {
		t.Error("roundQuo64 accepted a zero denominator")
	}
}
func TestPercent1MatchesDec(t *testing.T) {
	samples := moneySamples()
	r := rand.New(rand.NewSource(6))
	for i := 0; i < 20000; i++ {
		part, whole := samples[r.Intn(len(samples))], samples[r.Intn(len(samples))]
		if r.Intn(2) == 0 {
			part, whole = Money(r.Intn(2001)-1000), Money(r.Intn(2001)-1000) // halves and small ratios
		}
		if whole == 0 || part == math.MinInt64 || whole == math.MinInt64 {
			continue
		}
		p, _ := PercentOf(part, whole)
		if got, want := string(appendPercent1(nil, part, whole)), RoundDec(p, 1).String(); got != want {
			t.Fatalf("%d of %d: fast %q, Dec %q", part, whole, got, want)
		}
	}
}
