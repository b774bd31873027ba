package engine

import "testing"

func amazonSchedule() Schedule {
	return Schedule{Name: "amazon", Percent: []Dec{DecInt(5), DecInt(15), DecInt(40), DecInt(40)}}
}

// The refresher of the docs: 100,000 a year from year 2 on the 5/15/40/40
// schedule vests 5,000 in year 2 (the year-2 grant's first year), 15,000 +
// 5,000 in year 3 and 40,000 + 15,000 + 5,000 in year 4: 85,000 in all.
func TestRefreshVestsInsideTheWindow(t *testing.T) {
	o := Offer{Base: Dollars(200000), Equity: &Grant{Value: Dollars(400000), Schedule: amazonSchedule(),
		Refresh: &Refresh{Value: Dollars(100000), FirstYear: 2, Every: 1, Schedule: amazonSchedule()}}}
	w := Evaluate(o)
	want := [Years]Money{0, Dollars(5000), Dollars(20000), Dollars(60000)}
	for i, y := range w.Years {
		if y.Refresh != want[i] {
			t.Errorf("year %d refresh = %v, want %v", i+1, y.Refresh, want[i])
		}
	}
	if w.Total != Dollars(4*200000+400000) {
		t.Errorf("total moved: %v", w.Total)
	}
	// A single refresher (every = 0) at year 3 vests 5% then 15%.
	o.Equity.Refresh = &Refresh{Value: Dollars(100000), FirstYear: 3, Schedule: amazonSchedule()}
	w = Evaluate(o)
	if w.Years[2].Refresh != Dollars(5000) || w.Years[3].Refresh != Dollars(15000) {
		t.Errorf("one refresher: %v %v", w.Years[2].Refresh, w.Years[3].Refresh)
	}
}

func TestRetirementMatchLimits(t *testing.T) {
	limits := func(match, upTo int64) *Retirement {
		return &Retirement{Match: DecInt(match), UpTo: DecInt(upTo), DeferralLimit: Dollars(24500), CompensationLimit: Dollars(360000)}
	}
	for _, c := range []struct {
		r    *Retirement
		base int64
		want Money
	}{
		{limits(50, 6), 200000, Dollars(6000)},   // 6% of 200,000 = 12,000, half matched
		{limits(50, 6), 500000, Dollars(10800)},  // base counts up to 360,000: 21,600, half
		{limits(50, 10), 300000, Dollars(12250)}, // 30,000 is over the 24,500 deferral limit
		{&Retirement{Match: DecInt(100), UpTo: DecInt(4)}, 150000, Dollars(6000)},
	} {
		if got := c.r.MatchIn(Dollars(c.base)); got != c.want {
			t.Errorf("match %v up to %v on %d = %v, want %v", c.r.Match, c.r.UpTo, c.base, got, c.want)
		}
	}
}

func TestESPPGain(t *testing.T) {
	e := &ESPP{Discount: DecInt(15), Contribution: DecInt(10), PurchaseLimit: Dollars(25000)}
	// 20,000 buys 20,000 / 0.85 = 23,529.41 of stock: a gain of 3,529.41.
	if got := e.GainIn(Dollars(200000)); got != Money(352941) {
		t.Errorf("gain on 200,000 = %v", got)
	}
	// 30,000 would buy 35,294 of stock; the limit is 25,000, bought for 21,250.
	if got := e.GainIn(Dollars(300000)); got != Dollars(3750) {
		t.Errorf("gain on 300,000 = %v", got)
	}
}

func TestGuaranteedAndAssumed(t *testing.T) {
	o := Offer{Base: Dollars(200000), Relocation: Dollars(10000), BonusTarget: DecInt(10),
		Equity:     &Grant{Value: Dollars(400000), Growth: DecInt(10), Schedule: Schedule{Percent: []Dec{DecInt(25), DecInt(25), DecInt(25), DecInt(25)}}},
		Retirement: &Retirement{Match: DecInt(50), UpTo: DecInt(6)},
		Benefits:   []Benefit{{Name: "wellness", Yearly: Dollars(1200)}}}
	o.SignOn[0] = Dollars(50000)
	w := Evaluate(o)
	y1 := w.Years[0]
	// Guaranteed: 200,000 base + 50,000 sign-on + 100,000 grant at its
	// price + 10,000 relocation + 6,000 match + 1,200 wellness = 367,200.
	// Assumed: 20,000 bonus + 10,000 growth (110,000 vests) = 30,000.
	if y1.Guaranteed != Dollars(367200) || y1.Assumed != Dollars(30000) {
		t.Fatalf("year 1 guaranteed %v assumed %v", y1.Guaranteed, y1.Assumed)
	}
	for _, y := range w.Years {
		if y.Guaranteed+y.Assumed != y.Total+y.Refresh+y.Retirement+y.ESPP+y.Benefits {
			t.Errorf("year %d does not add up: %+v", y.Year, y)
		}
	}
}
