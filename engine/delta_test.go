package engine

import (
	"testing"
	"time"
)

func amazonOffer() Offer {
	return Offer{Name: "amazon_l6", Level: "L6", Base: Dollars(195000),
		SignOn:     SignOn{Dollars(110000), Dollars(90000)},
		Equity:     &Grant{Value: Dollars(400000), Schedule: amazon()},
		Relocation: Dollars(25000)}
}

func TestCompareCounter(t *testing.T) {
	o := amazonOffer()
	base, v := Dollars(210000), Dollars(500000)
	c := Counter{Name: "round1", Base: &base, SignOn: &SignOn{Dollars(150000), Dollars(120000)},
		Equity: &GrantChange{Value: &v}}
	ch := Compare(o, c.Apply(o))

	// Offer:   year 1 = 195,000 + 110,000 + 5% of 400,000 (20,000) + 25,000 relocation = 350,000
	//          year 2 = 195,000 +  90,000 + 15% (60,000) = 345,000; years 3, 4 = 195,000 + 40% (160,000) = 355,000
	//          4 years = 1,405,000
	// Counter: year 1 = 210,000 + 150,000 + 5% of 500,000 (25,000) + 25,000 = 410,000
	//          year 2 = 210,000 + 120,000 + 75,000 = 405,000; years 3, 4 = 210,000 + 200,000 = 410,000
	//          4 years = 1,635,000, +230,000 = +16.37%
	wantBefore := [Years]Money{Dollars(350000), Dollars(345000), Dollars(355000), Dollars(355000)}
	wantAfter := [Years]Money{Dollars(410000), Dollars(405000), Dollars(410000), Dollars(410000)}
	for y := 1; y <= Years; y++ {
		if got := ch.Before.Years[y-1].Total; got != wantBefore[y-1] {
			t.Errorf("year %d before = %s, want %s", y, got, wantBefore[y-1])
		}
		if got := ch.After.Years[y-1].Total; got != wantAfter[y-1] {
			t.Errorf("year %d after = %s, want %s", y, got, wantAfter[y-1])
		}
		if got, want := mustDelta(t, ch.Year(y)), wantAfter[y-1]-wantBefore[y-1]; got != want {
			t.Errorf("year %d delta = %s, want %s", y, got, want)
		}
	}
	if ch.Before.Total != Dollars(1405000) || ch.After.Total != Dollars(1635000) || mustDelta(t, ch.Totals()) != Dollars(230000) {
		t.Errorf("totals %s -> %s (%s), want $1,405,000 -> $1,635,000 (+$230,000)", ch.Before.Total, ch.After.Total, mustDelta(t, ch.Totals()))
	}
	// 230,000 / 1,405,000 = 16.3701...%: one decimal, rounded once.
	if p, ok := ChangePercent(mustDelta(t, ch.Totals()), ch.Before.Total); !ok || p.String() != "16.4" {
		t.Errorf("total percent = %s, %v; want 16.4", p, ok)
	}
	var got []string
	for _, l := range ch.Levers {
		got = append(got, l.Lever+" "+mustDelta(t, l.Amounts()).Decimal())
	}
	want := []string{"base 15000", "sign_on.year1 40000", "sign_on.year2 30000", "equity 100000"}
	if len(got) != len(want) {
		t.Fatalf("levers = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("lever %d = %q, want %q", i, got[i], want[i])
		}
	}
	// base +15,000 on 195,000 = +7.6923%
	if p, ok := ChangePercent(mustDelta(t, ch.Levers[0].Amounts()), ch.Levers[0].Before); !ok || p.String() != "7.7" {
		t.Errorf("base percent = %s, want 7.7", RoundDec(p, 1))
	}
}

func TestCompareNonMoneyLevers(t *testing.T) {
	o := amazonOffer()
	n := amazonOffer()
	n.Level = "L7"
	n.Start = time.Date(2025, 6, 2, 0, 0, 0, 0, time.UTC)
	n.BonusTarget = DecInt(10)
	n.Equity = &Grant{Shares: DecInt(2000), Price: MustDec("200"), Schedule: Schedule{Percent: []Dec{DecInt(25), DecInt(25), DecInt(25), DecInt(25)}}}
	ch := Compare(o, n)
	byName := map[string]LeverChange{}
	for _, l := range ch.Levers {
		byName[l.Lever] = l
	}
	if l := byName["level"]; l.BeforeText != "L6" || l.AfterText != "L7" {
		t.Errorf("level = %+v", l)
	}
	if l := byName["start"]; l.BeforeText != "" || l.AfterText != "2025-06-02" {
		t.Errorf("start = %+v", l)
	}
	if l := byName["bonus_target"]; l.NumDelta().String() != "10" {
		t.Errorf("bonus_target delta = %s, want 10", l.NumDelta())
	}
	// 2,000 shares at $200 = $400,000: the grant value is unchanged, only its form and schedule.
	if _, ok := byName["equity"]; ok {
		t.Errorf("equity value reported as changed: %+v", byName["equity"])
	}
	if l := byName["equity.schedule"]; l.BeforeText != "amazon (5/15/40/40)" || l.AfterText != "25/25/25/25" {
		t.Errorf("equity.schedule = %+v", l)
	}
	if _, ok := byName["equity.shares"]; !ok {
		t.Errorf("equity.shares not reported")
	}
	if Compare(o, o).Changed() {
		t.Errorf("an offer compared with itself changed")
	}
}

func mustDelta(t *testing.T, a Amounts) Money {
	t.Helper()
	d, ok := a.Delta()
	if !ok {
		t.Fatalf("amounts %+v not comparable", a)
	}
	return d
}
