package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The largest amount (2^52 cents, $45,035,996,273,704.96) is shown
// exactly by report and compare; a conversion or a stock-price move that
// takes a figure past it is refused (exit 1, naming the offer), never
// shown capped. The offer: 4 x 100,000 + 45,035,995,873.70496 shares x
// 1,000, all vesting in year 1 = the largest amount.
func TestAmountRangeInCommands(t *testing.T) {
	const offer = "offer \"big\" {\n  company  = \"Globex\"\n  currency = \"%s\"\n  base     = 100000\n  equity {\n    schedule = [100, 0, 0, 0]\n    shares   = 45035995873.70496\n    price    = 1000\n  }\n}\n"
	for _, c := range []struct {
		name, currency, rates string
		args                  []string
		code                  int
		want                  string
	}{
		{"report at the largest amount", "USD", "", []string{"report", "."}, 0, "$45,035,996,273,704.96"},
		{"after tax at the largest amount", "USD", "", []string{"report", "--after-tax", "."}, 0, "$45,035,996,273,704.96"},
		{"compare at the largest amount", "USD", "", []string{"compare", "--format", "json", "."}, 0, "\"four_year_total\": 45035996273704.96"},
		{"a move of 0% keeps it", "USD", "", []string{"compare", "--scenarios", "0", "."}, 0, "$45,035,996,273,704.96"},
		{"a move up passes it", "USD", "", []string{"compare", "--scenarios", "1", "."}, 1, "big: with the stock price moved 1%, a figure passes $45,035,996,273,704.96"},
		{"converted at 1 keeps it", "EUR", "rates {\n  base  = \"USD\"\n  as_of = \"2026-11-02\"\n  source = \"test\"\n  EUR   = 1\n}\n", []string{"compare", "--currency", "USD", "."}, 0, "$45,035,996,273,704.96"},
		{"a rate moved up passes it", "EUR", "rates {\n  base  = \"USD\"\n  as_of = \"2026-11-02\"\n  source = \"test\"\n  EUR   = 1\n}\n", []string{"compare", "--currency", "USD", "--fx", "EUR=0,10", "."}, 1, "big: with the EUR rate moved 10%, a figure passes"},
		{"converted at 1.16 passes it", "EUR", "rates {\n  base  = \"USD\"\n  as_of = \"2026-11-02\"\n  source = \"test\"\n  EUR   = 1.16\n}\n", []string{"compare", "--currency", "USD", "."}, 1, "big: converted from EUR into USD, a figure passes $45,035,996,273,704.96"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "big.offer.hcl"), []byte(strings.Replace(offer, "%s", c.currency, 1)), 0o644)
			if c.rates != "" {
				os.WriteFile(filepath.Join(dir, "fx.rates.hcl"), []byte(c.rates), 0o644)
			}
			code, out := runIn(t, dir, c.args...)
			if code != c.code || !strings.Contains(out, c.want) {
				t.Fatalf("exit %d (want %d), want %q in:\n%s", code, c.code, c.want, out)
			}
			for _, capped := range []string{"45,035,996,273,704.97", "45035996273704.97"} {
				if strings.Contains(out, capped) {
					t.Errorf("shows a figure past the range:\n%s", out)
				}
			}
		})
	}
}
