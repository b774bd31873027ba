package lang

import (
	"testing"

	"github.com/offerkit/offerkit/engine"
)

func TestRatesFile(t *testing.T) {
	f := Decode("fx.rates.hcl", []byte(`rates {
  base   = "USD"
  as_of  = "2026-11-02"
  source = "ECB reference rates"
  EUR    = 1.16
  GBP    = 1.32
}
`))
	if len(f.Diags) != 0 {
		t.Fatalf("diags: %v", f.Diags)
	}
	r, ok := MergeRates([]*File{f})
	if !ok || r.AsOf != "2026-11-02" || r.Source != "ECB reference rates" {
		t.Fatalf("rates = %+v", r)
	}
	if m, ok := r.Convert(engine.Dollars(360000), "EUR", "USD"); !ok || m != engine.Dollars(417600) {
		t.Fatalf("360,000 EUR = %v", m)
	}
	bad := Decode("bad.rates.hcl", []byte("rates {\n  as_of = \"2026-11-02\"\n  source = \"x\"\n  euro = 1.1\n  CHF = 0\n}\n"))
	codes := map[string]int{}
	for _, d := range bad.Diags {
		codes[d.Code]++
	}
	if codes["unknown-attribute"] != 1 || codes["invalid-value"] != 1 {
		t.Fatalf("diags: %v", bad.Diags)
	}
}
