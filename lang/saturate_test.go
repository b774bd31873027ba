package lang

import (
	"strings"
	"testing"

	"github.com/offerkit/offerkit/engine"
)

// Every operation on amounts checks its range (engine.MaxAmount, 2^52
// cents = $45,035,996,273,704.96): a figure at the largest amount is shown
// exactly, and one a cent past it, or a product just over it, is a located
// amount-too-large error at the attribute whose value caused it, never a
// capped figure. The figures are computed by hand in each case.
func TestAmountRangeBoundary(t *testing.T) {
	const even = "  base = 100000\n  equity {\n    schedule = [100, 0, 0, 0]\n"
	for _, c := range []struct {
		name, body string
		attr       string // the attribute the error is at; "" when in range
		total      engine.Money
	}{
		// 4 x 100,000 + shares x price: 400,000 + 45,035,995,873.70496 x 1,000
		// = 45,035,996,273,704.96 exactly, the largest amount.
		{"shares x price at the largest amount", even + "    shares = 45035995873.70496\n    price  = 1000\n  }\n", "", engine.MaxAmount},
		// One share more by 0.00001: the grant is a cent more, the total a
		// cent past the range.
		{"shares x price a cent over", even + "    shares = 45035995873.70497\n    price  = 1000\n  }\n", "price", 0},
		// The product alone past the range: 1e12 x 1e12.
		{"shares x price far over", even + "    shares = 1000000000000\n    price  = 1000000000000\n  }\n", "price", 0},
		// base + bonus: 4 x (1e12 + 1e12 x 1025.899906842624%) =
		// 4 x 11,258,999,068,426.24 = the largest amount.
		{"base + bonus at the largest amount", "  base         = 1000000000000\n  bonus_target = 1025.899906842624\n", "", engine.MaxAmount},
		{"base + bonus a cent over", "  base         = 1000000000000\n  bonus_target = 1025.899906842625\n", "bonus_target", 0},
		{"bonus alone over", "  base         = 1000000000000\n  bonus_target = 1000000000000\n", "bonus_target", 0},
		// value with growth: 400,000 + 175,921,858,881.66 x 4^4 (300% a
		// year, all vesting in year 4) = the largest amount.
		{"value with growth at the largest amount", "  base = 100000\n  equity {\n    schedule = [0, 0, 0, 100]\n    value    = 175921858881.66\n    growth   = 300\n  }\n", "", engine.MaxAmount},
		{"value with growth over", "  base = 100000\n  equity {\n    schedule = [0, 0, 0, 100]\n    value    = 175921858881.67\n    growth   = 300\n  }\n", "growth", 0},
		{"value with growth far over", "  base = 100000\n  equity {\n    value  = 1000000000000\n    growth = 1000\n  }\n", "growth", 0},
		// The largest value without growth: 400,000 + 1e12.
		{"value at the largest number", "  base = 100000\n  equity {\n    value = 1000000000000\n  }\n", "", engine.Dollars(1_000_000_400_000)},
		// Refresher grants of the largest value every year are exact: they
		// are not in the total, and each year's refresh is 1e12.
		{"refresh at the largest number", "  base = 100000\n  equity {\n    value = 100000\n    refresh {\n      value      = 1000000000000\n      first_year = 1\n      schedule   = [100, 0, 0, 0]\n    }\n  }\n", "", engine.Dollars(500_000)},
		// Refresher grants push the four-year assumed line: 4 x (bonus
		// 10,258,999,068,426.25 + refresh 999,999,999,999.99) is the largest
		// amount, and the total 4 x (base 999,999,999,999.99 + bonus) is too.
		{"refresh at the largest amount", "  base         = 999999999999.99\n  bonus_target = 1025.899906842635\n  equity {\n    value = 0\n    refresh {\n      value      = 999999999999.99\n      first_year = 1\n      schedule   = [100, 0, 0, 0]\n    }\n  }\n", "", engine.MaxAmount},
		// A refresh a cent more takes the assumed line four cents past the
		// range; a total has no single cause, so the error is at its largest
		// part, the bonus.
		{"refresh a cent over", "  base         = 999999999999.99\n  bonus_target = 1025.899906842635\n  equity {\n    value = 0\n    refresh {\n      value      = 1000000000000\n      first_year = 1\n      schedule   = [100, 0, 0, 0]\n    }\n  }\n", "bonus_target", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := "offer \"o\" {\n" + c.body + "}\n"
			_, res := check(t, map[string]string{"o.offer.hcl": src})
			var found []*Diagnostic
			for _, d := range res["o.offer.hcl"].Diags {
				if d.Code == "amount-too-large" {
					found = append(found, d)
				}
			}
			if c.attr == "" {
				for _, d := range res["o.offer.hcl"].Diags {
					if d.Severity == engine.Error {
						t.Errorf("in range, but %s at line %d: %s", d.Code, d.Subject.Start.Line, d.Message())
					}
				}
				doc := res["o.offer.hcl"].Docs[0]
				if doc == nil || doc.Incomplete() || doc.Analysis.Worth.Total != c.total {
					t.Fatalf("total: %+v, want %v", doc, c.total)
				}
				for _, y := range doc.Analysis.Worth.Years {
					if y.Refresh != 0 && y.Refresh != engine.Dollars(1_000_000_000_000) && y.Refresh != engine.Dollars(1_000_000_000_000)-1 {
						t.Errorf("refresh %v", y.Refresh)
					}
				}
				return
			}
			if len(found) != 1 {
				t.Fatalf("want one amount-too-large, got %v", res["o.offer.hcl"].Diags)
			}
			lines := strings.Split(src, "\n")
			line := lines[found[0].Subject.Start.Line-1]
			if !strings.HasPrefix(strings.TrimSpace(line), c.attr+" ") {
				t.Errorf("located at line %d %q, want the %s attribute", found[0].Subject.Start.Line, line, c.attr)
			}
			if doc := res["o.offer.hcl"].Docs[0]; !doc.Incomplete() {
				t.Error("the document's figures are shown")
			}
		})
	}
}

// The ends of the date range are dates; the years past them are
// TestDecodeErrors' cases (year 1, 1899, 2201).
func TestDatesAtTheRangeEnds(t *testing.T) {
	for _, date := range []string{"1900-01-01", "2200-12-31"} {
		if f := Decode("o.offer.hcl", []byte("offer \"o\" {\n  base  = 100000\n  start = \""+date+"\"\n}\n")); len(f.Diags) != 0 {
			t.Errorf("%s: %v", date, f.Diags)
		}
	}
}
