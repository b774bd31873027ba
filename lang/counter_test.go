package lang

import (
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/engine"
)

const counterOffer = `offer "o" {
  company  = "Amazon"
  level    = "L6"
  track    = "SDE"
  location = "Seattle"
  received = "2025-03-10"
  start    = "2025-05-05"
  base     = 200000
}
`

func check(t *testing.T, files map[string]string) (*Workspace, map[string]*Result) {
	t.Helper()
	w := NewWorkspace()
	for name, src := range files {
		w.Set(name, []byte(src))
	}
	out := map[string]*Result{}
	for name := range files {
		out[name] = w.Check(name)
	}
	return w, out
}

// diagsAt renders a result's diagnostics as "line:col code" for comparison.
func diagsAt(r *Result) string {
	var s []string
	for _, d := range r.Diags {
		s = append(s, strconv.Itoa(d.Subject.Start.Line)+":"+strconv.Itoa(d.Subject.Start.Column)+" "+d.Code)
	}
	return strings.Join(s, "\n")
}

func TestDecodeNonMoneyLevers(t *testing.T) {
	src := counterOffer + `counter "c" {
  offer = offer.o
  start = "2025-06-09"

  promotion {
    level  = "L7"
    months = 12
  }

  flexibility {
    office_days      = 2
    relocation_items = ["Moving costs", "Temporary housing"]
  }

  bonus {
    guaranteed_year1 = 30000
    refresher        = 50000
  }
}
`
	_, rs := check(t, map[string]string{"a.offer.hcl": src})
	r := rs["a.offer.hcl"]
	if r.Diags.HasErrors() {
		t.Fatalf("errors:\n%s", diagsAt(r))
	}
	d := r.Docs[1]
	c := d.Counter.Counter
	if strings.Join(c.Levers(), ",") != "start,level,flexibility,bonus" {
		t.Fatalf("levers %v", c.Levers())
	}
	if c.Promotion.Level != "L7" || c.Promotion.Months != 12 || c.Flexibility.OfficeDays != 2 || !c.Flexibility.HasOfficeDays ||
		len(c.Flexibility.RelocationItems) != 2 || *c.Bonus.GuaranteedYear1 != engine.Dollars(30000) || *c.Bonus.Refresher != engine.Dollars(50000) {
		t.Fatalf("counter %+v", c)
	}
	// 2025-05-05 to 2025-06-09: 35 days, 5 weeks. The guaranteed bonus adds 30,000 to year 1 only.
	ca := d.CounterAnalysis
	if ca.Delta.StartWeeks != 5 || ca.Delta.Years() != [4]engine.Money{engine.Dollars(30000)} {
		t.Fatalf("delta %+v", ca.Delta)
	}
	// Round 1 with four levers: too-many-levers on the label (no round attribute).
	if !strings.Contains(diagsAt(r), "10:9 too-many-levers") {
		t.Fatalf("diags:\n%s", diagsAt(r))
	}
}

func TestDecodeLeverErrors(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"remote with office days", "flexibility {\n    remote = true\n    office_days = 3\n  }", "14:5 conflicting-attributes"},
		{"office days out of range", "flexibility {\n    office_days = 6\n  }", "13:19 invalid-value"},
		{"relocation items not strings", "flexibility {\n    relocation_items = [1]\n  }", "13:25 wrong-type"},
		{"remote not a bool", "flexibility {\n    remote = \"yes\"\n  }", "13:14 wrong-type"},
		{"promotion months", "promotion {\n    months = 0\n  }", "13:14 invalid-value"},
		{"unknown script lever", "script \"salary\" {\n    text = \"x\"\n  }", "12:10 invalid-value"},
		{"unknown email kind", "email \"thanks\" {\n    subject = \"x\"\n    body = \"y\"\n  }", "12:9 invalid-value"},
		{"duplicate script", "script \"base\" {\n    text = \"x\"\n  }\n  script \"base\" {\n    text = \"y\"\n  }", "15:3 duplicate-block"},
		{"script without text", "script \"base\" {\n  }", "12:3 missing-attribute"},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := counterOffer + "counter \"c\" {\n  offer = offer.o\n  " + c.body + "\n}\n"
			_, rs := check(t, map[string]string{"a.offer.hcl": src})
			if got := diagsAt(rs["a.offer.hcl"]); !strings.Contains(got, c.want) {
				t.Fatalf("want %s in:\n%s\n%s", c.want, got, src)
			}
		})
	}
}

// Every placeholder is reported at its exact range, columns counted in
// characters as HCL does (the é before one of them is two bytes, one
// column).
func TestPlaceholderRanges(t *testing.T) {
	src := counterOffer + `counter "c" {
  offer = offer.o
  email "accept" {
    subject = "Accepting - [[your name]]"
    body    = <<-EOT
      Dear [[recruiter's name]],
      Café chat with [[team or product]] was great.
    EOT
  }
  script "base" {
    text = "No placeholder here."
  }
}
`
	_, rs := check(t, map[string]string{"a.offer.hcl": src})
	var got []string
	for _, d := range rs["a.offer.hcl"].Diags {
		if d.Code == "unfilled-placeholder" {
			if d.Severity != engine.Warning {
				t.Errorf("severity %s", d.Severity)
			}
			text := src[d.Subject.Start.Byte:d.Subject.End.Byte]
			got = append(got, strconv.Itoa(d.Subject.Start.Line)+":"+strconv.Itoa(d.Subject.Start.Column)+"-"+strconv.Itoa(d.Subject.End.Line)+":"+strconv.Itoa(d.Subject.End.Column)+" "+text)
		}
	}
	want := "13:28-13:41 [[your name]]\n15:12-15:32 [[recruiter's name]]\n16:22-16:41 [[team or product]]"
	if strings.Join(got, "\n") != want {
		t.Fatalf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}

func TestPolicyBlock(t *testing.T) {
	bands := `policy {
  approval {
    up_to = 5
    who   = "recruiter"
  }
  approval {
    up_to = 25
    who   = "hiring manager"
  }
  approval {
    who = "VP"
  }
  room "base" {
    low  = 3
    high = 10
  }
}
`
	w, rs := check(t, map[string]string{"my.bands.hcl": bands, "a.offer.hcl": counterOffer +
		"counter \"c\" {\n  offer = offer.o\n  base  = 221000\n}\n"})
	if rs["my.bands.hcl"].Diags.HasErrors() {
		t.Fatalf("%s", diagsAt(rs["my.bands.hcl"]))
	}
	p := w.Bands().Policy
	if len(p.Approval) != 3 || p.Approval[1].Who != "hiring manager" || p.Room["base"].Hi.Cmp(engine.DecInt(10)) != 0 ||
		p.Room["equity"].Hi.Cmp(engine.DecInt(50)) != 0 {
		t.Fatalf("policy %+v", p)
	}
	// Base 200,000 -> 221,000: +10.5%, beyond the 10% room; +84,000 over 4 years on 800,000 = 10.5%: hiring manager (5-25).
	ca := rs["a.offer.hcl"].Docs[1].CounterAnalysis
	if ca.Approval.Who != "hiring manager" || ca.Policy.TierSpan(ca.ApprovalIndex) != "over 5% up to 25%" {
		t.Fatalf("approval %+v", ca.Approval)
	}
	if got := diagsAt(rs["a.offer.hcl"]); !strings.Contains(got, "12:3 outside-room") {
		t.Fatalf("diags:\n%s", got)
	}
	for _, c := range []struct{ name, src, want string }{
		{"tiers out of order", "policy {\n  approval {\n    up_to = 20\n    who = \"a\"\n  }\n  approval {\n    up_to = 10\n    who = \"b\"\n  }\n}\n", "7:13 invalid-value"},
		{"open tier not last", "policy {\n  approval {\n    who = \"a\"\n  }\n  approval {\n    up_to = 10\n    who = \"b\"\n  }\n}\n", "2:3 missing-attribute"},
		{"room upside down", "policy {\n  room \"base\" {\n    low = 20\n    high = 10\n  }\n}\n", "3:5 invalid-value"},
		{"unknown lever", "policy {\n  room \"salary\" {\n    low = 1\n    high = 2\n  }\n}\n", "2:8 invalid-value"},
	} {
		t.Run(c.name, func(t *testing.T) {
			w2, rs2 := check(t, map[string]string{"x.bands.hcl": c.src})
			if got := diagsAt(rs2["x.bands.hcl"]); !strings.Contains(got, c.want) {
				t.Fatalf("want %s in:\n%s", c.want, got)
			}
			if len(w2.Bands().Policy.Approval) != 4 {
				t.Fatal("a broken policy replaced the built-in tiers")
			}
		})
	}
}

// The counter rules land on the attribute they are about.
func TestCounterFlagRanges(t *testing.T) {
	src := counterOffer + `counter "c" {
  offer = offer.o
  round = 2
  sent  = "2025-03-11"
  base  = 235000
  start = "2025-06-02"
}

candidate {
  walk_away = 210000
}
`
	_, rs := check(t, map[string]string{"a.offer.hcl": src})
	got := diagsAt(rs["a.offer.hcl"])
	// offer average 200,000 < 210,000: below-walk-away on the offer's label (1:7).
	// base 235,000 over the L6 cap of 220,000 (14:3); +17.5% beyond 15% room (14:3);
	// round 2 with 2 levers (12:3); sent the day after received (13:3);
	// +140,000 on 800,000 = 17.5%: approval on the label (10:9).
	for _, want := range []string{"1:7 below-walk-away", "10:9 approval", "12:3 too-many-levers", "13:3 quick-response", "14:3 base-over-cap", "14:3 outside-room"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in:\n%s", want, got)
		}
	}
	for _, d := range rs["a.offer.hcl"].Diags {
		if d.Code == "base-over-cap" && !strings.Contains(d.Detail, "sign-on or equity") {
			t.Errorf("base-over-cap without the suggestion: %s", d.Detail)
		}
	}
}

func pos(src, marker string) hcl.Pos {
	i := strings.Index(src, marker)
	return Advance(hcl.InitialPos, []byte(src[:i]))
}
