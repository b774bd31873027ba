package lang

import (
	"fmt"
	"strings"
	"testing"
)

// TestDecodeErrors holds one case per kind of bad input: the code, the
// position of the diagnostic, and a phrase of its message.
func TestDecodeErrors(t *testing.T) {
	const head = "offer \"o\" {\n  level = \"L6\"\n  track = \"SDE\"\n  location = \"Seattle\"\n"
	for _, c := range []struct {
		name, file, src string
		code            string
		line, col       int
		phrase          string
	}{
		{"syntax error", "a.offer.hcl", head + "  base = \n}\n", "syntax", 5, 10, "Expected the start of an expression"},
		{"unknown attribute", "a.offer.hcl", head + "  bse = 1\n}\n", "unknown-attribute", 5, 3, `Did you mean "base"?`},
		{"unknown block", "a.offer.hcl", "ofer \"x\" {\n}\n", "unknown-block", 1, 1, `Did you mean "offer"?`},
		{"wrong type", "a.offer.hcl", head + "  base = \"lots\"\n}\n", "wrong-type", 5, 10, "base must be a money"},
		{"missing required attribute", "a.offer.hcl", "counter \"c\" {\n  base = 1\n}\n", "missing-attribute", 1, 1, "needs offer"},
		{"missing base", "a.offer.hcl", head + "}\n", "missing-attribute", 1, 1, "needs base"},
		{"unknown schedule", "a.offer.hcl", head + "  base = 1\n  equity {\n    value = 1\n    schedule = \"amazn\"\n  }\n}\n", "unknown-schedule", 8, 16, `Did you mean "amazon"?`},
		{"schedule not 100", "a.offer.hcl", head + "  base = 1\n  equity {\n    value = 1\n    schedule = [5, 15, 40, 30]\n  }\n}\n", "schedule-sum", 8, 16, "add up to 90"},
		{"negative money", "a.offer.hcl", head + "  base = -5\n}\n", "negative-value", 5, 10, "cannot be negative"},
		{"fraction of a cent", "a.offer.hcl", head + "  base = 1.005\n}\n", "money-precision", 5, 10, "whole number of cents"},
		{"huge number", "a.offer.hcl", head + "  base = 1e400\n}\n", "number-too-large", 5, 10, "larger than"},
		{"non-numeric money", "a.offer.hcl", head + "  base = true\n}\n", "wrong-type", 5, 10, "not a bool"},
		{"unknown reference", "a.offer.hcl", head + "  base = 1\n}\ncounter \"c\" {\n  offer = offer.p\n}\n", "unknown-reference", 8, 11, `Did you mean offer.o?`},
		{"reference not a traversal", "a.offer.hcl", head + "  base = 1\n}\ncounter \"c\" {\n  offer = \"o\"\n}\n", "wrong-type", 8, 11, "reference"},
		{"duplicate names", "a.offer.hcl", head + "  base = 1\n}\n" + head + "  base = 2\n}\n", "duplicate-name", 7, 7, `Another offer is named "o"`},
		{"second candidate block", "a.offer.hcl", "candidate {\n}\ncandidate {\n}\n", "duplicate-block", 3, 1, "one candidate block"},
		{"duplicate sign_on", "a.offer.hcl", head + "  base = 1\n  sign_on {\n  }\n  sign_on {\n  }\n}\n", "duplicate-block", 8, 3, "once here"},
		{"not utf-8", "a.offer.hcl", "offer \"o\" {\n  company = \"\xff\"\n}\n", "not-utf8", 2, 14, "UTF-8"},
		{"empty file", "a.offer.hcl", "  \n\n", "empty-file", 1, 1, "no blocks"},
		{"bad date", "a.offer.hcl", head + "  base = 1\n  received = \"10/03/2025\"\n}\n", "invalid-value", 6, 14, "ISO date"},
		{"year 1 (Go's zero time)", "a.offer.hcl", head + "  base = 1\n  start = \"0001-01-01\"\n}\n", "invalid-value", 6, 11, "from 1900 to 2200"},
		{"year 1899", "a.offer.hcl", head + "  base = 1\n  expires = \"1899-12-31\"\n}\n", "invalid-value", 6, 13, "from 1900 to 2200"},
		{"year 2201", "a.offer.hcl", head + "  base = 1\n  received = \"2201-01-01\"\n}\n", "invalid-value", 6, 14, "from 1900 to 2200"},
		{"currency in lower case", "a.offer.hcl", head + "  base = 1\n  currency = \"usd\"\n}\n", "invalid-value", 6, 14, "ISO 4217"},
		{"currency with an escape sequence", "a.offer.hcl", head + "  base = 1\n  currency = \"\x1b]52;c;eA==\\a\"\n}\n", "invalid-value", 6, 14, "ISO 4217"},
		{"value and shares", "a.offer.hcl", head + "  base = 1\n  equity {\n    value = 1\n    shares = 2\n    price = 3\n  }\n}\n", "conflicting-attributes", 8, 5, "not both"},
		{"shares without price", "a.offer.hcl", head + "  base = 1\n  equity {\n    shares = 2\n  }\n}\n", "missing-attribute", 7, 5, "needs price"},
		{"wrong label count", "a.offer.hcl", "offer {\n}\n", "block-labels", 1, 1, `offer "<name>"`},
		{"top-level attribute", "a.offer.hcl", "base = 1\n", "unknown-attribute", 1, 1, "top level"},
		{"variables not allowed", "a.offer.hcl", head + "  base = salary\n}\n", "wrong-type", 5, 10, "Variables"},
		{"functions not allowed", "a.offer.hcl", head + "  base = file(\"x\")\n}\n", "wrong-type", 5, 10, ""},
		{"target percentile range", "a.offer.hcl", "candidate {\n  target_percentile = 120\n}\n", "invalid-value", 2, 23, "from 0 to 100"},
		{"band upside down", "a.bands.hcl", "band \"L6\" \"SDE\" \"X\" {\n  base = [200, 100]\n}\n", "invalid-value", 2, 10, "low end first"},
		{"band percentiles", "a.bands.hcl", "band \"L6\" \"SDE\" \"X\" {\n  base = [1, 2]\n  percentiles = [80, 20]\n}\n", "invalid-value", 3, 17, "low first"},
		{"bands schedule not 100", "a.bands.hcl", "schedule \"x\" {\n  percent = [50, 40]\n}\n", "schedule-sum", 2, 13, "add up to 90"},
		{"negative percentage", "a.bands.hcl", "schedule \"x\" {\n  percent = [150, -50]\n}\n", "negative-value", 2, 19, "cannot be negative"},
		{"nesting too deep", "a.offer.hcl", head + "  base = " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n}\n", "nesting-too-deep", 5, 73, "More than 64"},
		{"operator chain", "a.offer.hcl", head + "  base = " + strings.Repeat("1+", 20001) + "1\n}\n", "expression-too-complex", 5, 523, "More than 256 operators"},
		{"nesting behind strings", "a.offer.hcl", head + "  base = " + strings.Repeat(`["]",`, 100) + "\n}\n", "nesting-too-deep", 5, 9 + 5*63 + 1, "More than 64"},
		{"nesting behind comments", "a.offer.hcl", head + "  base = " + strings.Repeat("[#]\n", 100) + "\n}\n", "nesting-too-deep", 5 + 63, 1, "More than 64"},
		{"list too long", "a.bands.hcl", "schedule \"x\" {\n  percent = [" + strings.Repeat("0,", 1001) + "100]\n}\n", "list-too-long", 2, 14 + 2*999 + 1, "More than 1000 items"},
		{"too many attributes", "a.offer.hcl", head + strings.Repeat("  a = 1\n", 5001) + "}\n", "too-many-items", 5 + 4996, 5, "more than 5000 attributes and blocks"},
		{"too many values", "a.offer.hcl", head + strings.Repeat("  a = [1, 1, 1, 1, 1, 1, 1, 1, 1]\n", 2500) + "}\n", "file-too-complex", 5 + 1999, 11, "More than 20000 numbers"},
		{"heredoc too long", "a.offer.hcl", head + "  a = <<EOT\n" + strings.Repeat("x\n", 600) + "EOT\n}\n", "template-too-long", 6 + 500, 1, "More than 500 lines"},
		{"string of many parts", "a.offer.hcl", head + "  a = \"" + strings.Repeat("$a", 600) + "\"\n}\n", "template-too-long", 5, 8 + 2*500, "More than 500 lines"},
		{"offer block in a bands file", "a.bands.hcl", "offer \"o\" {\n}\n", "unknown-block", 1, 1, "Expected one of: band, cap, schedule, source"},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := NewWorkspace()
			w.Set(c.file, []byte(c.src))
			r := w.Check(c.file)
			var got []string
			for _, d := range r.Diags {
				got = append(got, fmt.Sprintf("%d:%d %s %s", d.Subject.Start.Line, d.Subject.Start.Column, d.Code, d.Message()))
				if d.Code == c.code && d.Subject.Start.Line == c.line && d.Subject.Start.Column == c.col && strings.Contains(d.Message(), c.phrase) {
					if d.Subject.Filename != c.file {
						t.Errorf("diagnostic in %q, want %q", d.Subject.Filename, c.file)
					}
					if d.Subject.End.Byte < d.Subject.Start.Byte || d.Subject.End.Byte > len(c.src) {
						t.Errorf("range %v out of the file", d.Subject)
					}
					return
				}
			}
			t.Fatalf("want %d:%d %s %q; got:\n%s", c.line, c.col, c.code, c.phrase, strings.Join(got, "\n"))
		})
	}
}

// A block whose own values are broken gets no figures-based flags: they
// would judge zeros, not the offer.
func TestNoFlagsOnBrokenBlocks(t *testing.T) {
	w := NewWorkspace()
	w.Set("a.offer.hcl", []byte("offer \"o\" {\n  level = \"L6\"\n  track = \"SDE\"\n  location = \"Seattle\"\n  base = \n}\n"))
	r := w.Check("a.offer.hcl")
	for _, d := range r.Diags {
		if IsFlag(d.Code) {
			t.Errorf("flag on a broken block: %s", d.Message())
		}
	}
	if len(r.Docs) != 1 || !r.Docs[0].Incomplete() {
		t.Errorf("the broken offer should be reported as incomplete")
	}
}

// A chain at the operator limit still parses and evaluates: the limit is
// what keeps the recursion bounded.
func TestLongestOperatorChain(t *testing.T) {
	src := "offer \"o\" {\n  base = " + strings.Repeat("1+", MaxOperators) + "1\n}\n"
	w := NewWorkspace()
	w.Set("a.offer.hcl", []byte(src))
	r := w.Check("a.offer.hcl")
	if r.Diags.HasErrors() || r.Docs[0].Analysis.Offer.Base != (MaxOperators+1)*100 {
		t.Fatalf("diags %v base %v", r.Diags, r.Docs[0].Analysis.Offer.Base)
	}
}

func TestDecodeValues(t *testing.T) {
	w := NewWorkspace()
	w.Set("a.offer.hcl", []byte(`offer "o" {
  level = "L6"
  base  = 195000.50
  sign_on {
    year2 = 90000
  }
  equity {
    shares   = 2150
    price    = 186.05
    schedule = [10, 20, 30, 40]
    growth   = -2.5
  }
  bonus_target = 7.5
  start = "2025-05-05"
}
`))
	r := w.Check("a.offer.hcl")
	if len(r.Docs) != 1 {
		t.Fatalf("docs %v diags %v", r.Docs, r.Diags)
	}
	o := r.Docs[0].Analysis.Offer
	if o.Base != 19500050 || o.SignOn[1] != 9000000 || o.SignOn[0] != 0 {
		t.Errorf("base %d sign-on %v", o.Base, o.SignOn)
	}
	if o.Equity.Price.String() != "186.05" || o.Equity.Shares.String() != "2150" || o.Equity.Growth.String() != "-2.5" {
		t.Errorf("equity %+v", o.Equity)
	}
	if o.Equity.Schedule.PercentText() != "10/20/30/40" || o.BonusTarget.String() != "7.5" || o.Start.Format("2006-01-02") != "2025-05-05" {
		t.Errorf("schedule %s bonus %s start %v", o.Equity.Schedule.PercentText(), o.BonusTarget, o.Start)
	}
}

func TestCounterAcrossFiles(t *testing.T) {
	w := NewWorkspace()
	w.Set("dir/offer.offer.hcl", []byte("offer \"o\" {\n  base = 100000\n  equity {\n    value = 100000\n    schedule = \"amazon\"\n  }\n}\n"))
	w.Set("dir/c.offer.hcl", []byte("counter \"c\" {\n  offer = offer.o\n  equity {\n    value = 200000\n  }\n}\n"))
	r := w.Check("dir/c.offer.hcl")
	if len(r.Docs) != 1 || !r.Docs[0].Resolved {
		t.Fatalf("counter not resolved: %v", r.Diags)
	}
	// The counter keeps the offer's amazon schedule: year 3 vests 40% of 200,000.
	if got := r.Docs[0].Analysis.Worth.Years[2].Equity; got != 8000000 {
		t.Errorf("year-3 equity %s, want $80,000", got)
	}
	if deps := w.Dependents("dir/offer.offer.hcl"); len(deps) != 1 || deps[0] != "dir/c.offer.hcl" {
		t.Errorf("dependents %v", deps)
	}
	if deps := w.Dependents("dir/c.offer.hcl"); len(deps) != 0 {
		t.Errorf("dependents of the counter %v", deps)
	}
}

func TestWorkspaceBandsOverride(t *testing.T) {
	overCap := func(ds Diagnostics) bool {
		for _, d := range ds {
			if d.Code == "base-over-cap" {
				if d.Severity.String() == "error" {
					t.Errorf("the employer's figure is reported as an error: %s", d.Message())
				}
				return true
			}
		}
		return false
	}
	w := NewWorkspace()
	src := "offer \"o\" {\n  company = \"Amazon\"\n  level = \"L6\"\n  track = \"SDE\"\n  location = \"Seattle\"\n  base = 230000\n}\n"
	w.Set("o.offer.hcl", []byte(src))
	if !overCap(w.Check("o.offer.hcl").Diags) {
		t.Fatal("base 230,000 is over the built-in L6 cap of 220,000")
	}
	// A three-label cap that names no company replaces the built-in one.
	w.Set("my.bands.hcl", []byte("cap \"L6\" {\n  base = 240000\n}\n"))
	if overCap(w.Check("o.offer.hcl").Diags) {
		t.Fatal("a workspace cap of 240,000 should override")
	}
	w.Remove("my.bands.hcl")
	if !overCap(w.Check("o.offer.hcl").Diags) {
		t.Fatal("removing the band file should restore the built-in cap")
	}
	// Amazon's cap never judges another company's offer: a Google L7 base
	// of 360,000 is over Amazon's 350,000 L7 cap and draws nothing.
	w.Set("o.offer.hcl", []byte("offer \"g\" {\n  company = \"Google\"\n  level = \"L7\"\n  base = 360000\n}\n"))
	r := w.Check("o.offer.hcl")
	if overCap(r.Diags) || r.Diags.HasErrors() {
		t.Fatalf("Google judged by Amazon: %v", r.Diags)
	}
	// "Amazon.com" in any case is Amazon.
	w.Set("o.offer.hcl", []byte("offer \"a\" {\n  company = \"AMAZON.COM\"\n  level = \"L6\"\n  base = 230000\n}\n"))
	if !overCap(w.Check("o.offer.hcl").Diags) {
		t.Fatal("Amazon.com is not judged by Amazon's cap")
	}
}

func TestDefaultBandsAreClean(t *testing.T) {
	f := Decode(DefaultBandsName, DefaultBandsSource())
	if len(f.Diags) != 0 {
		t.Fatalf("built-in bands: %v", f.Diags[0].Message())
	}
	bs := MergeBands([]*File{f})
	for _, key := range [][3]string{{"L6", "SDE", "Seattle"}, {"L6", "SDE", "Bay Area"}, {"L6", "SDE", "NYC"}, {"L6", "SDE", "Austin"}, {"L7", "SDE", "Seattle"}, {"L7", "SDE", "Bay Area"}} {
		b := bs.Lookup("Amazon", key[0], key[1], key[2])
		if b == nil || b.Source == "" {
			t.Errorf("no sourced band %v", key)
		}
	}
	if c, _ := bs.Cap("Amazon", "L6"); c.Base != 22000000 {
		t.Errorf("L6 cap %s", c.Base)
	}
	if c, _ := bs.Cap("Amazon", "L7"); c.Base != 35000000 {
		t.Errorf("L7 cap %s", c.Base)
	}
	if s := bs.Schedules["amazon"]; s.PercentText() != "5/15/40/40" {
		t.Errorf("amazon schedule %s", s.PercentText())
	}
	if s := bs.Schedules["even"]; s.PercentText() != "25/25/25/25" {
		t.Errorf("even schedule %s", s.PercentText())
	}
}

func TestWorkspaceLimit(t *testing.T) {
	w := NewWorkspace()
	big := []byte("# " + strings.Repeat("x", MaxFileSize-10) + "\noffer \"o\" {\n  base = 1\n}\n")
	n := MaxWorkspaceBytes / len(big)
	for i := 0; i < n; i++ {
		w.Set(fmt.Sprintf("f%02d.offer.hcl", i), big)
	}
	f := w.Set("last.offer.hcl", big)
	if len(f.Diags) != 1 || f.Diags[0].Code != "workspace-too-large" {
		t.Fatalf("diags %v", f.Diags)
	}
	// Replacing a file already counted stays within the limit.
	if f := w.Set("f00.offer.hcl", big); len(f.Diags) != 0 && f.Diags[0].Code == "workspace-too-large" {
		t.Fatal("replacing a file counted it twice")
	}
}

// Editing one offer of a file re-analyses that offer alone; the others come
// from the memo, and a change of bands drops it.
func TestOfferAnalysisMemo(t *testing.T) {
	w := NewWorkspace()
	two := "offer \"a\" {\n  level = \"L6\"\n  base = 100000\n}\noffer \"b\" {\n  level = \"L6\"\n  base = 200000\n}\n"
	w.Set("o.offer.hcl", []byte(two))
	first := w.Check("o.offer.hcl")
	w.Set("o.offer.hcl", []byte(strings.Replace(two, "200000", "210000", 1)))
	second := w.Check("o.offer.hcl")
	if len(first.Docs[0].Analysis.Flags) == 0 || &first.Docs[0].Analysis.Flags[0] != &second.Docs[0].Analysis.Flags[0] {
		t.Error("the unchanged offer was analysed again")
	}
	if second.Docs[1].Analysis.Offer.Base != 21000000 {
		t.Errorf("the changed offer kept its old analysis: %s", second.Docs[1].Analysis.Offer.Base)
	}
	// A cap below offer a's base: its analysis must change.
	w.Set("my.bands.hcl", []byte("cap \"L6\" {\n  base = 90000\n}\n"))
	third := w.Check("o.offer.hcl")
	found := false
	for _, d := range third.Diags {
		found = found || d.Code == "base-over-cap" && d.Subject.Start.Line == 3
	}
	if !found {
		t.Errorf("after the band change offer a is not over the cap: %v", third.Diags)
	}
}
