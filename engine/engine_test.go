package engine

import (
	"math/big"
	"strings"
	"testing"
)

func amazon() Schedule {
	return Schedule{Name: "amazon", Percent: []Dec{DecInt(5), DecInt(15), DecInt(40), DecInt(40)}}
}

func seattleL6() *Bands {
	bs := NewBands()
	bs.Put(&Band{Level: "L6", Track: "SDE", Location: "Seattle",
		Base: Range{Dollars(180000), Dollars(220000)}, Equity: Range{Dollars(300000), Dollars(500000)},
		SignOn: Range{Dollars(100000), Dollars(200000)}, Year1Total: Range{Dollars(230000), Dollars(320000)},
		Percentiles: [2]int{0, 100}})
	bs.Caps[CapKey("", "L6")] = Cap{Level: "L6", Base: Dollars(220000)}
	return bs
}

func TestRoundCents(t *testing.T) {
	for _, c := range []struct {
		num, den int64
		want     Money
	}{
		{1, 200, 1},   // 0.005 rounds away from zero to 0.01
		{-1, 200, -1}, // -0.005 to -0.01
		{1, 300, 0},   // 0.00333 to 0.00
		{2, 300, 1},   // 0.00666 to 0.01
		{12345, 1, 1234500},
	} {
		if got := RoundCents(big.NewRat(c.num, c.den)); got != c.want {
			t.Errorf("RoundCents(%d/%d) = %d, want %d", c.num, c.den, got, c.want)
		}
	}
}

func TestMoneyFormat(t *testing.T) {
	for _, c := range []struct {
		m    Money
		cur  string
		want string
	}{
		{Dollars(1405000), "USD", "$1,405,000"},
		{18605, "", "$186.05"},
		{-Dollars(5000), "USD", "-$5,000"},
		{Dollars(12000), "EUR", "€12,000"},
		{Dollars(250000), "CHF", "CHF 250,000"},
		{50, "USD", "$0.50"},
	} {
		if got := c.m.Format(c.cur); got != c.want {
			t.Errorf("Format(%d, %s) = %q, want %q", c.m, c.cur, got, c.want)
		}
	}
}

func TestEvaluate(t *testing.T) {
	for _, c := range []struct {
		name   string
		offer  Offer
		years  [4]Money
		total  Money
		avg    Money
		hourly Money
	}{
		{
			// Y1 = 195,000 + 110,000 + 400,000*5% (20,000) + relocation 25,000 = 350,000
			// Y2 = 195,000 +  90,000 + 400,000*15% (60,000)                  = 345,000
			// Y3 = 195,000 +       0 + 400,000*40% (160,000)                 = 355,000
			// Y4 = 355,000; total 1,405,000; avg 351,250; hourly 351,250/2080 = 168.870192.. = 168.87
			name: "amazon L6 with relocation",
			offer: Offer{Base: Dollars(195000), SignOn: SignOn{Dollars(110000), Dollars(90000)},
				Equity: &Grant{Value: Dollars(400000), Schedule: amazon()}, Relocation: Dollars(25000)},
			years: [4]Money{Dollars(350000), Dollars(345000), Dollars(355000), Dollars(355000)},
			total: Dollars(1405000), avg: Dollars(351250), hourly: 16887,
		},
		{
			// 2,150 shares at 186.05 = 400,007.50; 10% growth a year.
			// Y1 equity = 400,007.50 * 5% * 1.1     = 22,000.4125   -> 22,000.41
			// Y2 equity = 400,007.50 * 15% * 1.21   = 72,601.36125  -> 72,601.36
			// Y3 equity = 400,007.50 * 40% * 1.331  = 212,963.993   -> 212,963.99
			// Y4 equity = 400,007.50 * 40% * 1.4641 = 234,260.3923  -> 234,260.39
			// Bonus 10% of 200,000 = 20,000 every year.
			// Y1 = 200,000 + 22,000.41 + 20,000 = 242,000.41
			// Y2 = 200,000 + 72,601.36 + 20,000 = 292,601.36
			// Y3 = 200,000 + 212,963.99 + 20,000 = 432,963.99
			// Y4 = 200,000 + 234,260.39 + 20,000 = 454,260.39
			// total = 1,421,826.15; avg = 355,456.5375 -> 355,456.54; hourly 170.892567.. -> 170.89
			name: "shares with growth and bonus",
			offer: Offer{Base: Dollars(200000), BonusTarget: DecInt(10),
				Equity: &Grant{Shares: DecInt(2150), Price: MustDec("186.05"), Schedule: amazon(), Growth: DecInt(10)}},
			years: [4]Money{24200041, 29260136, 43296399, 45426039},
			total: 142182615, avg: 35545654, hourly: 17089,
		},
		{
			// Even 25% a year of 100,000 with -30% growth: 25,000*0.7 = 17,500; *0.49 = 12,250;
			// *0.343 = 8,575; *0.2401 = 6,002.50. Base 150,000.
			// total = 167,500 + 162,250 + 158,575 + 156,002.50 = 644,327.50
			// avg = 161,081.875 -> 161,081.88; hourly = 161,081.88/2080 = 77.443 -> 77.44
			name:  "falling stock",
			offer: Offer{Base: Dollars(150000), Equity: &Grant{Value: Dollars(100000), Growth: DecInt(-30), Schedule: Schedule{Percent: []Dec{DecInt(25), DecInt(25), DecInt(25), DecInt(25)}}}},
			years: [4]Money{Dollars(167500), Dollars(162250), Dollars(158575), 15600250},
			total: 64432750, avg: 16108188, hourly: 7744,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := Evaluate(c.offer)
			for i, want := range c.years {
				if w.Years[i].Total != want {
					t.Errorf("year %d total = %s, want %s", i+1, w.Years[i].Total, want)
				}
			}
			if w.Total != c.total || w.Avg != c.avg || w.Hourly != c.hourly {
				t.Errorf("total/avg/hourly = %s/%s/%s, want %s/%s/%s", w.Total, w.Avg, w.Hourly, c.total, c.avg, c.hourly)
			}
		})
	}
}

func TestScheduleValidate(t *testing.T) {
	if err := amazon().Validate(); err != nil {
		t.Fatal(err)
	}
	bad := Schedule{Percent: []Dec{DecInt(5), DecInt(15), DecInt(40), DecInt(30)}}
	err := bad.Validate()
	if err == nil || !strings.Contains(err.Error(), "add up to 90") {
		t.Fatalf("err = %v, want sum 90", err)
	}
	third := MustDec("33.333333")
	if err := (Schedule{Percent: []Dec{third, third, MustDec("33.333334")}}).Validate(); err != nil {
		t.Fatalf("exact thirds rejected: %v", err)
	}
}

func TestPositionIn(t *testing.T) {
	r := Range{Dollars(230000), Dollars(320000)}
	for _, c := range []struct {
		v     Money
		pct   [2]int
		want  int
		where Placement
	}{
		{Dollars(275000), [2]int{0, 100}, 50, InBand},   // 45,000/90,000 = 0.5
		{Dollars(284900), [2]int{0, 100}, 61, InBand},   // 54,900/90,000 = 61.0
		{Dollars(250000), [2]int{25, 75}, 36, InBand},   // 25 + 20,000/90,000*50 = 36.1
		{Dollars(200000), [2]int{0, 100}, 0, BelowBand}, // clamped
		{Dollars(400000), [2]int{25, 75}, 75, AboveBand},
	} {
		p, where := PositionIn(c.v, r, c.pct)
		if p != c.want || where != c.where {
			t.Errorf("PositionIn(%s, %v) = %d,%d want %d,%d", c.v, c.pct, p, where, c.want, c.where)
		}
	}
	if got := ValueAt(50, r, [2]int{0, 100}); got != Dollars(275000) {
		t.Errorf("ValueAt(50) = %s", got)
	}
}

func codes(fs []Flag) string {
	var s []string
	for _, f := range fs {
		s = append(s, f.Code)
	}
	return strings.Join(s, ",")
}

func TestAnalyzeFlags(t *testing.T) {
	bs := seattleL6()
	t.Run("cliff in year 3", func(t *testing.T) {
		// Y1 = 180,000 + 150,000 + 15,000 = 345,000; Y2 = 180,000 + 120,000 + 45,000 = 345,000
		// Y3 = 180,000 + 120,000 = 300,000: 45,000 below year 1.
		// Levelling grant: 45,000 / (0.40 - 0.05) = 128,571.43; new grant 428,571.43.
		o := Offer{Level: "L6", Track: "SDE", Location: "Seattle", Base: Dollars(180000),
			SignOn: SignOn{Dollars(150000), Dollars(120000)}, Equity: &Grant{Value: Dollars(300000), Schedule: amazon()}}
		a := Analyze(o, bs)
		var cliff *Flag
		for i := range a.Flags {
			if a.Flags[i].Code == "cliff" {
				if cliff != nil {
					t.Fatalf("two cliff flags for one drop (year 4 equals year 3): %v", a.Flags)
				}
				cliff = &a.Flags[i]
			}
		}
		if cliff == nil || len(a.Flags) == 0 {
			t.Fatalf("no cliff flag: %s", codes(a.Flags))
		}
		for _, want := range []string{"Year 3 pays $300,000", "$45,000 less than year 1", "by $128,571.43", "to $428,571.43"} {
			if !strings.Contains(cliff.Message, want) {
				t.Errorf("cliff message %q lacks %q", cliff.Message, want)
			}
		}
		if cliff.Fix.Set["equity.value"] != 42857143 {
			t.Errorf("fix = %v", cliff.Fix.Set)
		}
		// Year-1 total 345,000 is above the 320,000 band top.
		if !a.HasPercentile || a.Percentile != 100 {
			t.Errorf("percentile = %d", a.Percentile)
		}
	})
	t.Run("base over cap", func(t *testing.T) {
		o := Offer{Level: "L6", Track: "SDE", Location: "Seattle", Base: Dollars(230000), SignOn: SignOn{Dollars(100000)}}
		a := Analyze(o, bs)
		if !strings.Contains(codes(a.Flags), "base-over-cap") {
			t.Fatalf("flags %s", codes(a.Flags))
		}
		for _, f := range a.Flags {
			if f.Code == "base-over-cap" {
				// A warning, never an error; as an ask it carries the fix.
				if f.Severity != Warning || !strings.Contains(f.Message, "$10,000 over") {
					t.Errorf("flag %+v", f)
				}
				if f.Fix.Set["base"] != Dollars(220000) || f.Fix.Set["sign_on.year1"] != Dollars(110000) {
					t.Errorf("fix %v", f.Fix.Set)
				}
			}
		}
		// As the employer's own figure: the consequence, no fix.
		for _, f := range AsReceived(&a, bs) {
			if f.Code == "base-over-cap" && (f.Fix != nil || f.Message != "Base $230,000 is above the $220,000 cap people report for L6: expect the rest of any increase to come as sign-on or equity.") {
				t.Errorf("as received: %+v", f)
			}
		}
	})
	t.Run("below median and below band", func(t *testing.T) {
		// Y1 = 170,000 + 20,000 + 5% of 200,000 (10,000) = 200,000: below the 230,000 band floor.
		o := Offer{Level: "l6", Track: "sde", Location: "seattle", Base: Dollars(170000),
			SignOn: SignOn{Dollars(20000)}, Equity: &Grant{Value: Dollars(200000), Schedule: amazon()}}
		a := Analyze(o, bs)
		got := codes(a.Flags)
		for _, want := range []string{"below-band", "below-median"} {
			if !strings.Contains(got, want) {
				t.Errorf("flags %s lack %s", got, want)
			}
		}
	})
	t.Run("unknown band names the nearest", func(t *testing.T) {
		a := Analyze(Offer{Level: "L6", Track: "SDE", Location: "Denver", Base: Dollars(190000)}, bs)
		if len(a.Flags) == 0 || a.Flags[0].Code != "no-band" || !strings.Contains(a.Flags[0].Message, "L6 SDE Seattle") {
			t.Fatalf("flags %+v", a.Flags)
		}
	})
	t.Run("equity in shares", func(t *testing.T) {
		a := Analyze(Offer{Base: Dollars(190000), Equity: &Grant{Shares: DecInt(2150), Price: MustDec("186.05"), Schedule: amazon()}}, bs)
		if codes(a.Flags) != "equity-in-shares" || !strings.Contains(a.Flags[0].Message, "$400,007.50") {
			t.Fatalf("flags %+v", a.Flags)
		}
	})
}

func TestCounterApply(t *testing.T) {
	o := Offer{Base: Dollars(195000), SignOn: SignOn{Dollars(110000), Dollars(90000)},
		Equity: &Grant{Shares: DecInt(2150), Price: MustDec("186.05"), Schedule: amazon(), Growth: DecInt(5)}}
	base, value := Dollars(210000), Dollars(500000)
	c := Counter{Name: "round1", Base: &base, Equity: &GrantChange{Value: &value}}
	got := c.Apply(o)
	if got.Base != base || got.SignOn != o.SignOn || got.Equity.InShares() || got.Equity.Value != value || got.Equity.Growth.Cmp(DecInt(5)) != 0 {
		t.Fatalf("applied %+v %+v", got, got.Equity)
	}
	if o.Equity.Value != 0 || !o.Equity.InShares() {
		t.Fatal("Apply changed the offer")
	}
	if strings.Join(c.Levers(), ",") != "base,equity" {
		t.Fatalf("levers %v", c.Levers())
	}
}

// The integer fast path for vesting must agree with the exact rational
// path to the cent, halves included.
func TestVestedFastMatchesExact(t *testing.T) {
	for _, cents := range []Money{0, 1, 5, 50, 99, 12345, 40000050, 123456789} {
		for _, pct := range []int64{0, 1, 5, 15, 33, 40, 100} {
			g := &Grant{Value: cents, Schedule: Schedule{Percent: []Dec{DecInt(pct)}}}
			fast, ok := g.vestedFast(1, Dec{})
			if !ok {
				t.Fatalf("fast path refused %d at %d%%", cents, pct)
			}
			exact := RoundCents(new(big.Rat).Mul(g.GrantValue(), g.vestFactor(1, Dec{})))
			if fast != exact {
				t.Errorf("%d cents at %d%%: fast %d, exact %d", cents, pct, fast, exact)
			}
		}
	}
}

// LevellingGrant's integer path agrees with the exact path, and refuses a
// schedule that vests no more in the low year.
func TestLevellingGrant(t *testing.T) {
	o := Offer{Equity: &Grant{Value: Dollars(300000), Schedule: amazon()}}
	// 45,000 / (40% - 5%) = 128,571.428.. -> 128,571.43
	if got, ok := LevellingGrant(o, 1, 3, Dollars(45000)); !ok || got != 12857143 {
		t.Errorf("levelling grant %s %v", got, ok)
	}
	// Fractional percentages take the exact path: 45,000 / (40% - 4.5%)
	// = 126,760.5633.. -> 126,760.56.
	frac := Offer{Equity: &Grant{Value: Dollars(300000), Schedule: Schedule{Percent: []Dec{MustDec("4.5"), MustDec("15.5"), DecInt(40), DecInt(40)}}}}
	if got, _ := LevellingGrant(frac, 1, 3, Dollars(45000)); got != 12676056 {
		t.Errorf("exact path %s", got)
	}
	front := Offer{Equity: &Grant{Value: Dollars(300000), Schedule: Schedule{Percent: []Dec{DecInt(40), DecInt(30), DecInt(20), DecInt(10)}}}}
	if _, ok := LevellingGrant(front, 1, 2, Dollars(1000)); ok {
		t.Error("a front-loaded schedule cannot be levelled with more equity")
	}
	zero := Offer{Equity: &Grant{Value: Dollars(300000), Schedule: Schedule{Percent: []Dec{DecInt(100)}}}}
	if _, ok := LevellingGrant(zero, 1, 3, Dollars(1000)); ok {
		t.Error("a year past the schedule vests nothing")
	}
}

// Div's integer path rounds as RoundCents does, halves away from zero.
func TestMoneyDiv(t *testing.T) {
	for _, c := range []struct {
		m    Money
		n    int64
		want Money
	}{{140500000, 4, 35125000}, {35125000, 2080, 16887}, {5, 2, 3}, {-5, 2, -3}, {7, 3, 2}, {-7, 3, -2}} {
		if got := c.m.Div(c.n); got != c.want {
			t.Errorf("%d / %d = %d, want %d", c.m, c.n, got, c.want)
		}
		if exact := RoundCents(new(big.Rat).Quo(c.m.Rat(), big.NewRat(c.n, 1))); exact != c.want {
			t.Errorf("exact %d / %d = %d, want %d", c.m, c.n, exact, c.want)
		}
	}
}

func TestMoneyWhole(t *testing.T) {
	for _, c := range []struct{ m, want Money }{
		{14655172, 14655200}, {14655149, 14655100}, {14655150, 14655200}, {-14655150, -14655200},
		{-14655149, -14655100}, {17400000, 17400000}, {49, 0}, {-50, -100},
	} {
		if got := c.m.Whole(); got != c.want {
			t.Errorf("%d.Whole() = %d, want %d", c.m, got, c.want)
		}
	}
}
