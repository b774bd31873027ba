package engine

import (
	"math/rand"
	"testing"
)

// The grant: an even schedule over $123,457.89 vests a quarter,
// $30,864.4725, rounded to $30,864.47 in years 1 to 3; year 4 takes the
// remainder, $123,457.89 - 3 x $30,864.47 = $30,864.48, so the four years
// add up to the grant (before, year 4 was $30,864.47 too: a cent short).
func TestEvenScheduleAddsUpToTheGrant(t *testing.T) {
	g := &Grant{Value: Money(123457_89), Schedule: Schedule{Percent: []Dec{DecInt(25), DecInt(25), DecInt(25), DecInt(25)}}}
	w := Evaluate(Offer{Equity: g})
	want := [Years]Money{30864_47, 30864_47, 30864_47, 30864_48}
	sum := Money(0)
	for i, y := range w.Years {
		if y.Equity != want[i] {
			t.Errorf("year %d vests %s, want %s", i+1, y.Equity, want[i])
		}
		if v := g.Vested(i+1, Dec{}); v != want[i] {
			t.Errorf("Vested(%d) = %s, want %s", i+1, v, want[i])
		}
		if y.Guaranteed != y.Equity {
			t.Errorf("year %d: guaranteed %s, the vest %s: the remainder is part of the grant", i+1, y.Guaranteed, y.Equity)
		}
		sum += y.Equity
	}
	if sum != g.Value || FourYearGrant(g) != g.Value {
		t.Fatalf("four years vest %s, FourYearGrant %s; the grant is %s", sum, FourYearGrant(g), g.Value)
	}
}

// The remainder goes to the last year that vests within the four: on
// 50/50/0/0 that is year 2; on a five-year schedule, year 4 takes the
// remainder of the part vesting in four years (80% of $1,000.03 =
// $800.024, so $800.02). With growth, no year takes a remainder: the
// years are not parts of one figure.
func TestRemainderYear(t *testing.T) {
	pcts := func(ps ...int64) Schedule {
		s := Schedule{}
		for _, p := range ps {
			s.Percent = append(s.Percent, DecInt(p))
		}
		return s
	}
	cases := []struct {
		g    Grant
		want [Years]Money
	}{
		// 1/3 of $100.00 each year on 33/33/34: $33.00, $33.00, $34.00 (exact already).
		{Grant{Value: 100_00, Schedule: pcts(33, 33, 34)}, [Years]Money{33_00, 33_00, 34_00, 0}},
		// 50% of $0.03 = 1.5 cents, rounded to 2 in year 1; year 2 takes the 1 cent left.
		{Grant{Value: 3, Schedule: pcts(50, 50)}, [Years]Money{2, 1, 0, 0}},
		// 20% of $1,000.03 = $200.006 -> $200.01 four times would be $800.04; the four-year part is $800.02.
		{Grant{Value: 1000_03, Schedule: pcts(20, 20, 20, 20, 20)}, [Years]Money{200_01, 200_01, 200_01, 199_99}},
		// Growth 10%: each year rounded on its own: 25% of $123,457.89 x 1.1^y.
		{Grant{Value: Money(123457_89), Schedule: pcts(25, 25, 25, 25), Growth: DecInt(10)}, [Years]Money{33950_92, 37346_01, 41080_61, 45188_67}},
	}
	for _, c := range cases {
		w := Evaluate(Offer{Equity: &c.g})
		for i, y := range w.Years {
			if y.Equity != c.want[i] {
				t.Errorf("%v growth %s: year %d vests %d, want %d", c.g.Schedule.Percent, c.g.Growth, i+1, y.Equity, c.want[i])
			}
		}
	}
}

// Without growth the four yearly vests add up to FourYearGrant, for any
// value and schedule, in shares too; under a price change, to the grant
// moved by the change, rounded once.
func TestYearsAddUpToTheFourYearGrant(t *testing.T) {
	r := rand.New(rand.NewSource(14))
	scheds := [][]Dec{
		{DecInt(25), DecInt(25), DecInt(25), DecInt(25)},
		{DecInt(5), DecInt(15), DecInt(40), DecInt(40)},
		{MustDec("33.3"), MustDec("33.3"), MustDec("33.4")},
		{DecInt(10), DecInt(20), DecInt(30), DecInt(20), DecInt(20)},
	}
	for i := 0; i < 2000; i++ {
		g := &Grant{Value: Money(r.Int63n(1 << uint(1+r.Intn(45)))), Schedule: Schedule{Percent: scheds[r.Intn(len(scheds))]}}
		if i%3 == 0 {
			g.Value, g.Shares, g.Price = 0, DecInt(int64(1+r.Intn(5000))), MustDec("186.07")
		}
		change := Dec{}
		if i%4 == 1 {
			change = MustDec("-12.5")
		}
		w := EvaluateScenario(Offer{Equity: g}, change)
		sum := Money(0)
		for _, y := range w.Years {
			sum += y.Equity
		}
		if want := g.fourYearVested(change); sum != want {
			t.Fatalf("%+v change %s: years add up to %d, want %d", g, change, sum, want)
		}
	}
}
