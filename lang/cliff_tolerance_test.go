package lang

import (
	"strings"
	"testing"
)

// cliffOffer is an offer whose year 2 pays signOn less than year 1:
// base plus a year-1 sign-on, nothing else.
func cliffOffer(base, signOn string) string {
	return `offer "o" {
  company  = "Globex"
  level    = "Staff"
  location = "Denver"
  base     = ` + base + `

  sign_on {
    year1 = ` + signOn + `
  }
}
`
}

// The cliff threshold through lint, at the threshold (flagged) and one
// cent past it (not flagged), for the default, the percent and the amount
// forms. Worked by hand:
//   - default 1%: base 198,000 + sign-on 2,000 = 200,000 in year 1; year 2
//     is 2,000 (1%) less. With a sign-on of 1,999.99 the threshold is
//     1,999.9999 and the dip 1,999.99.
//   - cliff_tolerance = 2.5: base 195,000 + 5,000 = 200,000; 2.5% = 5,000.
//     With 4,999.99 the threshold is 4,999.99975.
//   - cliff_tolerance_amount = 1000: a dip of 1,000 against 999.99.
func TestCliffToleranceThroughLint(t *testing.T) {
	cases := []struct {
		name, candidate, base, signOn string
		flagged                       bool
	}{
		{"default at 1%", "", "198000", "2000", true},
		{"default one cent short", "", "198000", "1999.99", false},
		{"2.5% at the threshold", "cliff_tolerance = 2.5", "195000", "5000", true},
		{"2.5% one cent short", "cliff_tolerance = 2.5", "195000", "4999.99", false},
		{"amount at the threshold", "cliff_tolerance_amount = 1000", "195000", "1000", true},
		{"amount one cent short", "cliff_tolerance_amount = 1000", "195000", "999.99", false},
		{"0% flags a cent", "cliff_tolerance = 0", "195000", "0.01", true},
	}
	for _, c := range cases {
		files := map[string]string{"o.offer.hcl": cliffOffer(c.base, c.signOn)}
		if c.candidate != "" {
			files["me.offer.hcl"] = "candidate {\n  " + c.candidate + "\n}\n"
		}
		_, rs := check(t, files)
		r := rs["o.offer.hcl"]
		got := strings.Contains(diagsAt(r), " cliff")
		if got != c.flagged {
			t.Errorf("%s: flagged %v, want %v; diagnostics:\n%s", c.name, got, c.flagged, diagsAt(r))
		}
		if len(r.Docs) != 1 || (len(r.Docs[0].Analysis.Cliffs) > 0) != c.flagged {
			t.Errorf("%s: the analysis's cliffs disagree with the rule", c.name)
		}
		if me := rs["me.offer.hcl"]; me != nil {
			for _, d := range me.Diags {
				t.Errorf("%s: candidate file: %s %s", c.name, d.Code, d.Detail)
			}
		}
	}
}

// A changed tolerance reaches an offer analysed before (the memo keys
// analyses by the tolerance too).
func TestCliffToleranceChangeReanalyses(t *testing.T) {
	w := NewWorkspace()
	w.Set("o.offer.hcl", []byte(cliffOffer("198000", "2000")))
	if !strings.Contains(diagsAt(w.Check("o.offer.hcl")), "cliff") {
		t.Fatal("no cliff at the default")
	}
	w.Set("me.offer.hcl", []byte("candidate {\n  cliff_tolerance = 1.5\n}\n"))
	if d := diagsAt(w.Check("o.offer.hcl")); strings.Contains(d, "cliff") {
		t.Fatalf("cliff under 1.5%%:\n%s", d)
	}
}

// Bad thresholds are located errors that say what to write.
func TestCliffToleranceBadValues(t *testing.T) {
	cases := []struct{ body, code, where, says string }{
		{"cliff_tolerance = -1", "negative-value", "-1", "cannot be negative"},
		{"cliff_tolerance = 120", "invalid-value", "120", "from 0 to 100"},
		{"cliff_tolerance = \"2%\"", "wrong-type", "\"2%\"", ""},
		{"cliff_tolerance_amount = -5", "negative-value", "-5", "cannot be negative"},
		{"cliff_tolerance_amount = 10.001", "money-precision", "10.001", "two decimals"},
		{"cliff_tolerance = 2\n  cliff_tolerance_amount = 1000", "invalid-value", "cliff_tolerance_amount", "Keep one of them"},
	}
	for _, c := range cases {
		src := "candidate {\n  " + c.body + "\n}\n"
		_, rs := check(t, map[string]string{"me.offer.hcl": src})
		ds := rs["me.offer.hcl"].Diags
		if len(ds) != 1 || ds[0].Code != c.code || !strings.Contains(ds[0].Detail, c.says) {
			t.Errorf("%s: %s", c.body, diagsAt(rs["me.offer.hcl"]))
			continue
		}
		at := strings.Index(src, c.where)
		if ds[0].Subject.Start.Byte != at {
			t.Errorf("%s: diagnostic at byte %d, want %d (%q)", c.body, ds[0].Subject.Start.Byte, at, c.where)
		}
	}
}
