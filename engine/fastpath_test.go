package engine

import (
	"fmt"
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

func TestMoneyFormatMatchesSlow(t *testing.T) {
	for _, m := range moneySamples() {
		for _, cur := range []string{"", "USD", "usd", "EUR", "GBP", "JPY", "INR", "CHF", "sek"} {
			if got, want := m.Format(cur), m.formatSlow(cur); got != want {
				t.Fatalf("Format(%d, %q) = %q, slow path %q", m, cur, got, want)
			}
		}
		if got, want := m.Decimal(), m.decimalSlow(); got != want {
			t.Fatalf("Decimal(%d) = %q, slow path %q", m, got, want)
		}
	}
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

// ruleCliffSlow is ruleCliff as it was written with fmt.
func ruleCliffSlow(a *Analysis) []Flag {
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

func TestRuleCliffMatchesSlow(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	schedules := []Schedule{amazon(), {Percent: []Dec{DecInt(25), DecInt(25), DecInt(25), DecInt(25)}},
		{Percent: []Dec{DecInt(40), DecInt(30), DecInt(20), DecInt(10)}}, {Percent: []Dec{MustDec("4.5"), MustDec("15.5"), DecInt(40), DecInt(40)}}}
	cliffs := 0
	for i := 0; i < 3000; i++ {
		o := Offer{Base: Money(r.Int63n(30000000)), Currency: []string{"", "USD", "EUR", "CHF"}[r.Intn(4)],
			SignOn: SignOn{Money(r.Int63n(20000000)), Money(r.Int63n(15000000))}, Relocation: Money(r.Int63n(5000000))}
		switch r.Intn(4) {
		case 0:
		case 1:
			o.Equity = &Grant{Shares: DecInt(r.Int63n(5000)), Price: MustDec("186.05"), Schedule: schedules[r.Intn(len(schedules))]}
		default:
			o.Equity = &Grant{Value: Money(r.Int63n(80000000)), Schedule: schedules[r.Intn(len(schedules))]}
			if r.Intn(3) == 0 {
				o.Equity.Growth = DecInt(r.Int63n(30) - 10)
			}
		}
		a := Analyze(o, nil)
		got, want := ruleCliff(&a, nil), ruleCliffSlow(&a)
		cliffs += len(want)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("offer %+v:\nfast %+v\nslow %+v", o, got, want)
		}
	}
	if cliffs < 500 {
		t.Errorf("only %d cliffs exercised", cliffs)
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
			if m := g.Vested(y, Dec{}); m != exact {
				t.Fatalf("%+v year %d: Vested %d, exact %d", g, y, m, exact)
			}
		}
		// EvaluateScenario walks the years with the fast paths and the
		// exact one mixed; each year must match the exact vest.
		w := EvaluateScenario(Offer{Equity: g}, Dec{})
		for y := 1; y <= Years; y++ {
			if exact := RoundCents(new(big.Rat).Mul(g.GrantValue(), g.vestFactor(y, Dec{}))); w.Years[y-1].Equity != exact {
				t.Fatalf("%+v: evaluated year %d %d, exact %d", g, y, w.Years[y-1].Equity, exact)
			}
		}
	}
	if fast < 6000 {
		t.Errorf("fast path taken %d times", fast)
	}
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

// ruleBandPlacementSlow and ruleApprovalSlow are the rules as they were
// written with fmt.
func ruleBandPlacementSlow(a *Analysis) []Flag {
	var out []Flag
	cur := a.Offer.Currency
	for _, p := range a.Positions {
		field := p.Component
		if field == "year1_total" {
			field = ""
		}
		name := componentNames[p.Component]
		switch p.Placement {
		case BelowBand:
			out = append(out, Flag{Code: "below-band", Severity: Warning, Field: field,
				Message: fmt.Sprintf("%s of %s is %s below the %s band (%s to %s): there is room to ask for more.",
					name, p.Value.Format(cur), (p.Range.Lo - p.Value).Format(cur), a.Band.Label(), p.Range.Lo.Format(cur), p.Range.Hi.Format(cur))})
		case AboveBand:
			out = append(out, Flag{Code: "above-band", Severity: Info, Field: field,
				Message: fmt.Sprintf("%s of %s is %s above the %s band (%s to %s): expect little room to move it further.",
					name, p.Value.Format(cur), (p.Value - p.Range.Hi).Format(cur), a.Band.Label(), p.Range.Lo.Format(cur), p.Range.Hi.Format(cur))})
		}
	}
	return out
}

func ruleApprovalSlow(ca *CounterAnalysis) []Flag {
	d := ca.Delta
	pct, ok := d.Percent()
	if !ok || d.Total <= 0 || ca.ApprovalIndex < 0 {
		return nil
	}
	cur := ca.Offer.Currency
	msg := fmt.Sprintf("The counter adds %s over four years (+%s%% on %s). An increase %s is usually signed off by the %s.",
		d.Total.Format(cur), RoundDec(pct, 1), d.Offer.Total.Format(cur), ca.Policy.TierSpan(ca.ApprovalIndex), ca.Approval.Who)
	if ca.ApprovalIndex > 0 {
		msg += " Give the recruiter the market figures and reasons they need to carry the ask upward."
	}
	return []Flag{{Code: "approval", Severity: Info, Field: "", Message: msg}}
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

func TestRulesMatchSlow(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	bs := seattleL6()
	flags := 0
	for i := 0; i < 3000; i++ {
		o := Offer{Level: "L6", Track: "SDE", Location: "Seattle", Currency: []string{"", "USD", "EUR", "CHF"}[r.Intn(4)],
			Base: Money(r.Int63n(30000000)), SignOn: SignOn{Money(r.Int63n(20000000)), Money(r.Int63n(15000000))},
			Equity: randomGrant(r)}
		o.Equity.Value %= Dollars(900000)
		if r.Intn(5) == 0 {
			o.Location = "Mars"
		}
		a := Analyze(o, bs)
		if got, want := ruleBandPlacement(&a, bs), ruleBandPlacementSlow(&a); !reflect.DeepEqual(got, want) {
			t.Fatalf("band placement of %+v:\nfast %+v\nslow %+v", o, got, want)
		}
		base := Money(r.Int63n(30000000))
		c := Counter{Base: &base}
		if r.Intn(2) == 0 {
			c.SignOn = &SignOn{Money(r.Int63n(30000000))}
		}
		ca := AnalyzeCounter(o, c, Candidate{}, bs)
		got, want := ruleApproval(&ca), ruleApprovalSlow(&ca)
		flags += len(want)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("approval of %+v:\nfast %+v\nslow %+v", o, got, want)
		}
	}
	if flags < 500 {
		t.Errorf("only %d approval flags", flags)
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
		bs.Caps[Key(s)] = Cap{Level: s, Base: Money(i)}
	}
	for i, s := range samples[:400] {
		lv, tr, lo := s, samples[(i+1)%400], samples[(i+2)%400]
		if got, want := bs.Lookup(lv, tr, lo), bs.byKey[bandKey(lv, tr, lo)]; got != want {
			t.Fatalf("Lookup(%q, %q, %q) = %v, want %v", lv, tr, lo, got, want)
		}
		c, ok := bs.Cap(s)
		wc, wok := bs.Caps[Key(s)]
		if c != wc || ok != wok {
			t.Fatalf("Cap(%q) = %v %v, want %v %v", s, c, ok, wc, wok)
		}
	}
}

func TestLeversMatchesMap(t *testing.T) {
	m, d, s := Money(1), Dec{}, "x"
	for mask := 0; mask < 1<<11; mask++ {
		c := Counter{}
		set := func(bit int) bool { return mask&(1<<bit) != 0 }
		if set(0) {
			c.Base = &m
		}
		if set(1) {
			c.SignOn = &SignOn{}
		}
		if set(2) {
			c.Equity = &GrantChange{}
		}
		if set(3) {
			c.Start = new(time.Time)
		}
		if set(4) {
			c.Level = &s
		}
		if set(5) {
			c.Promotion = &Promotion{}
		}
		if set(6) {
			c.Flexibility = &Flexibility{}
		}
		if set(7) {
			c.Relocation = &m
		}
		if set(8) {
			c.BonusTarget = &d
		}
		if set(9) {
			c.Bonus = &BonusChange{}
		}
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
