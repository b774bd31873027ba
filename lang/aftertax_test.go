package lang

import (
	"testing"
	"time"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/engine/tax"
)

func TestDefaultTaxFileDecodes(t *testing.T) {
	f := DefaultTaxFile()
	if len(f.Diags) != 0 {
		t.Fatalf("built-in tax file: %v", f.Diags)
	}
	tables := MergeTax([]*File{f})
	for _, code := range []string{"US", "US-CA", "US-NY", "US-NY-NYC", "US-WA", "US-TX"} {
		j, _ := tables.Lookup(code, 2026)
		if j == nil || j.Source == "" {
			t.Errorf("%s: no table with a source", code)
		}
	}
	for loc, region := range map[string]string{"Seattle": "US-WA", "bay area": "US-CA", "NYC": "US-NY-NYC", "Austin": "US-TX"} {
		if got := TaxRegion(tables, loc, ""); got != region {
			t.Errorf("%s -> %q, want %q", loc, got, region)
		}
	}
	if got := TaxRegion(tables, "Denver", "US-CO"); got != "US-CO" {
		t.Errorf("tax_region ignored: %q", got)
	}
}

// The built-in tables on a $200,000 NYC salary for 2026, worked by hand:
// federal 36,734 (2026 brackets); New York 10,951.75 and the city 7,317.09
// on New York taxable income of 192,000 (2024 schedules); Social Security
// 6.2% of the 184,500 wage base = 11,439; Medicare 2,900; NY PFL capped at
// 354.53 and NY SDI at 31.20.
func TestAfterTaxNYCWithBuiltInTables(t *testing.T) {
	tables := MergeTax([]*File{DefaultTaxFile()})
	o := engine.Offer{Location: "NYC", Base: engine.Dollars(200000), Start: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	at := EstimateAfterTax(tables, o, engine.Evaluate(o), "", tax.Household{})
	if !at.OK {
		t.Fatal(at.Why)
	}
	ct := at.Estimate.Calendar[0]
	want := tax.Breakdown{Federal: engine.Dollars(36734), State: engine.Money(1095175), Local: engine.Money(731709),
		SocialSecurity: engine.Dollars(11439), Medicare: engine.Dollars(2900), StatePayroll: engine.Money(35453 + 3120)}
	if ct.Year != 2026 || ct.Tax != want {
		t.Fatalf("2026: %+v, want %+v", ct.Tax, want)
	}
	if at.Estimate.Years[0].Tax != want {
		t.Errorf("year 1 = %+v", at.Estimate.Years[0].Tax)
	}
}

func TestAfterTaxOutsideTheUS(t *testing.T) {
	tables := MergeTax([]*File{DefaultTaxFile()})
	o := engine.Offer{Location: "Berlin", Currency: "EUR", Base: engine.Dollars(100000)}
	if at := EstimateAfterTax(tables, o, engine.Evaluate(o), "", tax.Household{}); at.OK || at.Why == "" {
		t.Fatalf("a EUR offer was estimated: %+v", at)
	}
	o = engine.Offer{Location: "Denver", Base: engine.Dollars(100000)}
	at := EstimateAfterTax(tables, o, engine.Evaluate(o), "", tax.Household{})
	if !at.OK || at.Estimate.Years[0].Tax.State != 0 || len(at.Notes) < 2 ||
		at.Notes[0] != `federal tax only: "Denver" is not a known location; set tax_region (such as "US-CO") and add its tables in a *.tax.hcl file` {
		t.Fatalf("Denver: %+v", at)
	}
}
