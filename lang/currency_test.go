package lang

import (
	"strings"
	"testing"
)

// What people write for a currency is a located invalid-value error with
// the code they mean; a three-letter code outside ISO 4217 is refused.
func TestCurrencyCodes(t *testing.T) {
	cases := []struct{ value, mean string }{
		{"euro", "EUR"}, {"EURO", "EUR"}, {"Euros", "EUR"}, {"€", "EUR"},
		{"usd", "USD"}, {"Usd", "USD"}, {"US$", "USD"}, {"$", "USD"}, {"dollar", "USD"}, {"dollars", "USD"},
		{"pound", "GBP"}, {"£", "GBP"}, {"sterling", "GBP"}, {"yen", "JPY"}, {"chf", "CHF"},
		{"HRK", "EUR"}, {"ANG", "XCG"}, {"SLL", "SLE"}, {"EUR 400", "EUR"}, {" GBP ", "GBP"},
		{"XYZ", ""}, {"ABC", ""}, {"peso", ""}, {"", ""}, {"EU", ""},
	}
	head := "offer \"o\" {\n  base = 1\n  currency = "
	for _, c := range cases {
		src := head + quote(c.value) + "\n}\n"
		f := Decode("a.offer.hcl", []byte(src))
		if len(f.Diags) != 1 {
			t.Errorf("%q: %d diagnostics: %s", c.value, len(f.Diags), diagText(f.Diags))
			continue
		}
		d := f.Diags[0]
		if d.Code != "invalid-value" || d.Subject.Start.Byte != len(head) || d.Subject.End.Byte != len(head)+len(quote(c.value)) {
			t.Errorf("%q: %s at %d-%d, want invalid-value at %d", c.value, d.Code, d.Subject.Start.Byte, d.Subject.End.Byte, len(head))
		}
		dym := strings.Contains(d.Detail, "Did you mean")
		if c.mean != "" && !strings.Contains(d.Detail, "Did you mean \""+c.mean+"\"?") || c.mean == "" && dym {
			t.Errorf("%q: %s", c.value, d.Detail)
		}
		if cur := f.Offers[0].Offer.Currency; cur == c.value {
			t.Errorf("%q: the bad code kept", c.value)
		}
	}
	for _, ok := range []string{"USD", "EUR", "GBP", "JPY", "CHF", "INR", "CAD", "XCG", "ZWG", "SLE", "VED", "BGN"} {
		f := Decode("a.offer.hcl", []byte(head+quote(ok)+"\n}\n"))
		if len(f.Diags) != 0 || f.Offers[0].Offer.Currency != ok {
			t.Errorf("%s: %s", ok, diagText(f.Diags))
		}
	}
}

// A rates file's codes go through the same check, at the code's name.
func TestRatesCurrencyCodes(t *testing.T) {
	src := "rates {\n  as_of  = \"2026-11-02\"\n  source = \"test\"\n  EUR    = 1.16\n  XYZ    = 2\n  HRK    = 0.15\n}\n"
	f := Decode("fx.rates.hcl", []byte(src))
	var got []string
	for _, d := range f.Diags {
		got = append(got, d.Code+"@"+src[d.Subject.Start.Byte:d.Subject.End.Byte])
	}
	if strings.Join(got, " ") != "invalid-value@XYZ invalid-value@HRK" || !strings.Contains(f.Diags[1].Detail, "Did you mean \"EUR\"?") {
		t.Fatalf("diagnostics: %v %s", got, diagText(f.Diags))
	}
	if r := f.Rates[0].Rates.PerUnit; len(r) != 1 || r["EUR"].String() != "1.16" {
		t.Fatalf("rates: %v", r)
	}
}

func quote(s string) string { return `"` + s + `"` }

// Every code of the table is three capital letters, and every name maps
// to a code of the table.
func TestCurrencyTable(t *testing.T) {
	if len(isoCodes) < 170 {
		t.Fatalf("%d codes", len(isoCodes))
	}
	for c := range isoCodes {
		if !isCurrencyCode(c) {
			t.Errorf("%q", c)
		}
	}
	for name, c := range currencyNames {
		if !isoCodes[c] || isoCodes[strings.ToUpper(name)] {
			t.Errorf("%q -> %q", name, c)
		}
	}
}

// The table is list one of 2024-06-25 (179 codes) with ANG replaced by
// XCG: a code added or dropped by mistake changes the count.
func TestCurrencyTableMatchesListOne(t *testing.T) {
	if len(isoCodes) != 179 {
		t.Errorf("%d codes, want 179 (list one of 2024-06-25, ANG replaced by XCG)", len(isoCodes))
	}
	for _, c := range []string{"CUC", "XCG", "VED", "SLE", "ZWG", "BGN", "UYW", "XSU", "XUA"} {
		if !isoCodes[c] {
			t.Errorf("%s is on list one but refused", c)
		}
	}
	for old, want := range map[string]string{"ANG": "XCG", "HRK": "EUR", "SLL": "SLE", "ZWL": "ZWG", "VEF": "VES"} {
		if isoCodes[old] || meantCurrency(old) != want {
			t.Errorf("%s: active %v, meant %q; want withdrawn, meaning %s", old, isoCodes[old], meantCurrency(old), want)
		}
	}
}
