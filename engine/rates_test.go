package engine

import "testing"

func TestRatesConvert(t *testing.T) {
	r := &Rates{Base: "USD", PerUnit: map[string]Dec{"EUR": MustDec("1.16"), "GBP": MustDec("1.32")}}
	// 400,000 EUR at 1.16 = 464,000 USD.
	if m, ok := r.Convert(Dollars(400000), "EUR", "USD"); !ok || m != Dollars(464000) {
		t.Fatalf("EUR->USD = %v, %v", m, ok)
	}
	// 1,000 USD in EUR: 1000 / 1.16 = 862.0689... -> 862.07 (half away from zero).
	if m, ok := r.Convert(Dollars(1000), "USD", "EUR"); !ok || m != Money(86207) {
		t.Fatalf("USD->EUR = %v", m)
	}
	// Cross rate: 100 GBP in EUR = 100 * 1.32 / 1.16 = 113.7931 -> 113.79.
	if m, ok := r.Convert(Dollars(100), "GBP", "EUR"); !ok || m != Money(11379) {
		t.Fatalf("GBP->EUR = %v", m)
	}
	if _, ok := r.Convert(Dollars(1), "CHF", "USD"); ok {
		t.Fatal("a missing rate converted")
	}
	if m, _ := r.Convert(Money(12345), "", "usd"); m != Money(12345) {
		t.Fatalf("same currency changed: %v", m)
	}
}

func TestConvertWorthAddsUp(t *testing.T) {
	r := &Rates{PerUnit: map[string]Dec{"EUR": MustDec("1.1627")}}
	o := Offer{Base: Money(10000001), Relocation: Money(333)}
	o.SignOn[0] = Money(777)
	w, ok := r.ConvertWorth(Evaluate(o), "EUR", "USD")
	if !ok {
		t.Fatal("no rate")
	}
	var sum Money
	for _, y := range w.Years {
		if y.Total != y.Base+y.SignOn+y.Equity+y.Other {
			t.Errorf("year %d does not add up: %+v", y.Year, y)
		}
		sum += y.Total
	}
	// 100,000.01 EUR * 1.1627 = 116,270.011627 -> 116,270.01 a year.
	if w.Years[1].Base != Money(11627001) || sum != w.Total {
		t.Errorf("base %v, total %v, sum %v", w.Years[1].Base, w.Total, sum)
	}
}
