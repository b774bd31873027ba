package engine

import "testing"

func TestSignedAndChangeText(t *testing.T) {
	for _, c := range []struct {
		m    Money
		want string
	}{{Dollars(5000), "+$5,000"}, {-Dollars(5000), "-$5,000"}, {0, "$0"}} {
		if got := c.m.Signed("USD"); got != c.want {
			t.Errorf("Signed(%v) = %q, want %q", c.m, got, c.want)
		}
	}
	// 230,000 of 1,405,000 is 16.3701...% -> +16.4%; no change is 0%.
	if got := ChangeText(Dollars(230000), Dollars(1405000), "USD"); got != "+$230,000 (+16.4%)" {
		t.Errorf("ChangeText = %q", got)
	}
	if got := ChangeText(0, Dollars(100), "USD"); got != "$0 (0%)" {
		t.Errorf("zero change = %q", got)
	}
	if got := ChangeText(Dollars(100), 0, "USD"); got != "+$100" {
		t.Errorf("from zero = %q", got)
	}
}

func TestAmountsAcrossCurrencies(t *testing.T) {
	a := Amounts{Before: Dollars(400000), After: Dollars(360000), BeforeCurrency: "USD", AfterCurrency: "EUR"}
	if _, ok := a.Delta(); ok {
		t.Fatal("subtracted amounts in different currencies")
	}
	if got := a.Text(); got != "$400,000 -> €360,000 (different currencies: not subtracted)" {
		t.Errorf("Text = %q", got)
	}
	a.AfterCurrency = ""
	if d, ok := a.Delta(); !ok || d != -Dollars(40000) || a.Text() != "-$40,000 (-10%)" {
		t.Errorf("same currency: %v %v %q", d, ok, a.Text())
	}
}

func TestMoneyFormatAndDecimal(t *testing.T) {
	for _, c := range []struct {
		m        Money
		cur, fmt string
		dec      string
	}{
		{Dollars(1405000), "USD", "$1,405,000", "1405000"},
		{Money(18605), "", "$186.05", "186.05"},
		{-Dollars(5000), "USD", "-$5,000", "-5000"},
		{Money(-1250), "EUR", "-€12.50", "-12.50"},
		{Dollars(250000), "CHF", "CHF 250,000", "250000"},
		{Money(5), "USD", "$0.05", "0.05"},
		{Money(-9223372036854775808), "USD", "-$92,233,720,368,547,758.08", "-92233720368547758.08"},
	} {
		if got := c.m.Format(c.cur); got != c.fmt {
			t.Errorf("Format(%d) = %q, want %q", int64(c.m), got, c.fmt)
		}
		if got := c.m.Decimal(); got != c.dec {
			t.Errorf("Decimal(%d) = %q, want %q", int64(c.m), got, c.dec)
		}
	}
}
