package lang

import "testing"

// The audit's three cases reached the engine's cap silently; each is now
// a located amount-too-large error, and figures just under it are fine.
func TestAmountTooLarge(t *testing.T) {
	for name, body := range map[string]string{
		"shares": "  base = 100000\n  equity {\n    shares = 1000000000000\n    price  = 1000000000000\n  }\n",
		"bonus":  "  base         = 1000000000000\n  bonus_target = 1000000000000\n",
		"growth": "  base = 100000\n  equity {\n    value  = 1000000000000\n    growth = 1000\n  }\n",
	} {
		_, res := check(t, map[string]string{"o.offer.hcl": "offer \"o\" {\n" + body + "}\n"})
		found := false
		for _, d := range res["o.offer.hcl"].Diags {
			if d.Code == "amount-too-large" && d.Subject.Start.Line == 1 {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no amount-too-large: %v", name, res["o.offer.hcl"].Diags)
		}
	}
	_, res := check(t, map[string]string{"o.offer.hcl": "offer \"o\" {\n  base = 1000000000000\n}\n"})
	for _, d := range res["o.offer.hcl"].Diags {
		if d.Code == "amount-too-large" {
			t.Errorf("a base of 10^12 (the largest number accepted) is within range: %v", d)
		}
	}
}

func TestDatesOutOfRange(t *testing.T) {
	for _, date := range []string{"0001-01-01", "1899-12-31", "2201-01-01"} {
		f := Decode("o.offer.hcl", []byte("offer \"o\" {\n  base  = 100000\n  start = \""+date+"\"\n}\n"))
		if len(f.Diags) != 1 || f.Diags[0].Code != "invalid-value" || f.Diags[0].Subject.Start.Line != 3 {
			t.Errorf("%s: %v", date, f.Diags)
		}
	}
	if f := Decode("o.offer.hcl", []byte("offer \"o\" {\n  base  = 100000\n  start = \"2200-12-31\"\n}\n")); len(f.Diags) != 0 {
		t.Errorf("2200-12-31: %v", f.Diags)
	}
}
