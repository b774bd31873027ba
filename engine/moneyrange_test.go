package engine

import (
	"math/big"
	"testing"
)

// Each operation on amounts gives the exact figure up to MaxAmount and
// OverRange one cent past it, never a capped figure.
func TestOperationsCheckTheirRange(t *testing.T) {
	max := big.NewRat(maxMoney, 100) // $45,035,996,273,704.96
	cent := big.NewRat(1, 100)
	over := new(big.Rat).Add(max, cent)
	for _, c := range []struct {
		name      string
		got, want Money
	}{
		{"RoundCents at the largest amount", RoundCents(max), MaxAmount},
		{"RoundCents a cent over", RoundCents(over), OverRange},
		{"RoundCents a cent under the smallest", RoundCents(new(big.Rat).Neg(over)), -OverRange},
		{"RoundCents far over", RoundCents(big.NewRat(1<<62, 1)), OverRange},
		{"Times at the largest amount", Money(maxMoney / 2).Times(DecInt(2)), MaxAmount},
		{"Times just over", Money(maxMoney/2 + 1).Times(DecInt(2)), OverRange},
		{"Percent at the largest amount", Money(maxMoney / 4).Percent(DecInt(400)), MaxAmount},
		{"Percent just over", Money(maxMoney/4 + 1).Percent(DecInt(400)), OverRange},
		// The 128-bit growth path: 2^52/256 cents growing 300% for four
		// years (x256) vests exactly the largest amount in year 4.
		{"growth at the largest amount", (&Grant{Value: maxMoney / 256, Growth: DecInt(300), Schedule: Schedule{Percent: []Dec{{}, {}, {}, DecInt(100)}}}).Vested(4, Dec{}), MaxAmount},
		{"growth just over", (&Grant{Value: maxMoney/256 + 1, Growth: DecInt(300), Schedule: Schedule{Percent: []Dec{{}, {}, {}, DecInt(100)}}}).Vested(4, Dec{}), OverRange},
	} {
		if c.got != c.want {
			t.Errorf("%s: %d, want %d", c.name, c.got, c.want)
		}
	}
	if !MaxAmount.InRange() || !(-MaxAmount).InRange() || OverRange.InRange() || (-OverRange).InRange() {
		t.Error("InRange: the range is -MaxAmount..MaxAmount")
	}
}

// A worth whose four-year total passes the range while each year is in it
// is out of range too, and the field behind it is the largest part.
func TestRangeField(t *testing.T) {
	o := Offer{Base: Dollars(100000), Equity: &Grant{Value: MaxAmount - Dollars(400000), Schedule: Schedule{Percent: []Dec{DecInt(25), DecInt(25), DecInt(25), DecInt(25)}}}}
	if w := Evaluate(o); w.OutOfRange() || w.Total != MaxAmount {
		t.Fatalf("at the largest amount: total %d, out of range %v", w.Total, w.OutOfRange())
	}
	o.Equity.Value += 4 // four cents: a cent more each year
	if f, over := Evaluate(o).RangeField(o); !over || f != "equity.value" {
		t.Errorf("a total four cents over: %q %v", f, over)
	}
	o.Equity = &Grant{Shares: DecInt(1e12), Price: DecInt(1e12), Schedule: o.Equity.Schedule}
	if f, over := Evaluate(o).RangeField(o); !over || f != "equity.price" {
		t.Errorf("shares x price: %q %v", f, over)
	}
	o.Equity = nil
	o.BonusTarget = DecInt(1e12)
	if f, over := Evaluate(o).RangeField(o); !over || f != "bonus_target" {
		t.Errorf("bonus: %q %v", f, over)
	}
}
