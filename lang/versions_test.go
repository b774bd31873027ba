package lang

import (
	"strings"
	"testing"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/engine/negotiate"
)

// The employer's first offer, in one file (the example's, as the recruiter
// sent it); revisions and counters in others.
var firstVersion = exampleFile("amazon-l6-seattle/offer.offer.hcl")

const round1 = `counter "round1" {
  offer = offer.amazon_l6
  round = 1
  sent  = "2025-03-14"
  base  = 215000

  equity {
    value = 520000
  }
}
`

const revision2 = `offer "amazon_l6_r2" {
  revises  = offer.amazon_l6
  received = "2025-03-20"
  base     = 205000

  equity {
    value = 460000
  }
}
`

const revision3 = `offer "amazon_l6_final" {
  revises  = offer.amazon_l6_r2
  received = "2025-03-27"
  accepted = "2025-03-28"

  sign_on {
    year1 = 120000
    year2 = 90000
  }
}
`

// fileDiags is diagsAt without the flags about the figures.
func fileDiags(r *Result) string {
	var s []string
	for _, line := range strings.Split(diagsAt(r), "\n") {
		if f := strings.Fields(line); len(f) == 2 && !IsFlag(f[1]) {
			s = append(s, line)
		}
	}
	return strings.Join(s, "\n")
}

func docNamed(t *testing.T, r *Result, name string) *Doc {
	t.Helper()
	for _, d := range r.Docs {
		if d.Name == name {
			return d
		}
	}
	t.Fatalf("no doc %q in %s", name, r.File.Name)
	return nil
}

// TestRevisionInheritsAcrossFiles: a chain of three versions over three
// files; each revision restates only what changed and inherits the rest,
// by hand: r2 = base 205,000, sign-on 110,000/90,000 and relocation 25,000
// (inherited), grant 460,000 on the amazon schedule (5/15/40/40,
// inherited).
func TestRevisionInheritsAcrossFiles(t *testing.T) {
	w, rs := check(t, map[string]string{"a.offer.hcl": firstVersion, "b.offer.hcl": revision2, "c.offer.hcl": revision3})
	for name, r := range rs {
		if got := fileDiags(r); got != "" {
			t.Errorf("%s: %s", name, got)
		}
	}
	r2 := docNamed(t, rs["b.offer.hcl"], "amazon_l6_r2")
	o := r2.Analysis.Offer
	if o.Company != "Amazon" || o.Level != "L6" || o.Location != "Seattle" || o.Base != engine.Dollars(205000) {
		t.Errorf("r2 = %+v", o)
	}
	// year 1: 205,000 + 110,000 + 5% of 460,000 (23,000) + 25,000 = 363,000
	if got := r2.Analysis.Worth.Years[0].Total; got != engine.Dollars(363000) {
		t.Errorf("r2 year 1 = %s, want $363,000", got)
	}
	if got := r2.Version.Label(); got != "revision 2 of amazon_l6" {
		t.Errorf("label = %q", got)
	}
	final := docNamed(t, rs["c.offer.hcl"], "amazon_l6_final")
	// year 1: 205,000 + 120,000 + 23,000 + 25,000 = 373,000
	if got := final.Analysis.Worth.Years[0].Total; got != engine.Dollars(373000) {
		t.Errorf("final year 1 = %s, want $373,000", got)
	}
	if final.Version.Number != 3 || final.Version.Root.Name != "amazon_l6" {
		t.Errorf("final version = %d of %v", final.Version.Number, final.Version.Root)
	}
	if final.Analysis.Offer.Received.Format("2006-01-02") != "2025-03-27" {
		t.Errorf("received is each version's own: %v", final.Analysis.Offer.Received)
	}
	chains := w.Chains()
	if len(chains) != 1 || len(chains[0].Versions) != 3 || chains[0].Current().Doc.Name != "amazon_l6_final" {
		t.Fatalf("chains = %+v", chains)
	}
	// Editing the first version re-checks the files of its later versions.
	if deps := strings.Join(w.Dependents("a.offer.hcl"), " "); deps != "b.offer.hcl c.offer.hcl" {
		t.Errorf("Dependents = %q", deps)
	}
}

// TestCounterUnchangedByLaterRevision: a counter answers the version it
// names; the employer's revision landing later changes none of its figures.
func TestCounterUnchangedByLaterRevision(t *testing.T) {
	_, before := check(t, map[string]string{"a.offer.hcl": firstVersion, "r1.offer.hcl": round1})
	_, after := check(t, map[string]string{"a.offer.hcl": firstVersion, "r1.offer.hcl": round1, "b.offer.hcl": revision2, "c.offer.hcl": revision3})
	b, a := docNamed(t, before["r1.offer.hcl"], "round1"), docNamed(t, after["r1.offer.hcl"], "round1")
	if b.CounterAnalysis.ApprovalText() != a.CounterAnalysis.ApprovalText() || b.CounterAnalysis.Delta.Total() != a.CounterAnalysis.Delta.Total() {
		t.Errorf("round 1 changed: %s %s -> %s %s", b.CounterAnalysis.ApprovalText(), b.CounterAnalysis.Delta.Total(), a.CounterAnalysis.ApprovalText(), a.CounterAnalysis.Delta.Total())
	}
	if diagsAt(before["r1.offer.hcl"]) != diagsAt(after["r1.offer.hcl"]) {
		t.Errorf("round 1's flags changed:\n%s\n--\n%s", diagsAt(before["r1.offer.hcl"]), diagsAt(after["r1.offer.hcl"]))
	}
}

func TestRevisionErrors(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"missing target", `offer "r" {
  revises = offer.amazon_l7
  base    = 1
}`, "2:13 unknown-reference"},
		{"cycle", `offer "x" {
  revises = offer.y
}
offer "y" {
  revises = offer.x
}`, "2:13 revision-cycle\n5:13 revision-cycle"},
		{"other company", `offer "g" {
  revises = offer.amazon_l6
  company = "Globex"
}`, "3:13 revision-company"},
		{"same company spelled differently", `offer "g" {
  revises = offer.amazon_l6
  company = "amazon.com"
}`, ""},
		{"two accepted", `offer "s" {
  revises  = offer.amazon_l6
  accepted = "2025-04-01"
}
offer "t" {
  company  = "AMAZON"
  level    = "L6"
  base     = 1
  accepted = "2025-04-02"
}`, "9:14 accepted-twice"},
		{"earlier accepted", `offer "s" {
  revises  = offer.amazon_l6
}
offer "t" {
  revises  = offer.s
  accepted = "2025-04-02"
}
offer "u" {
  revises  = offer.t
}`, "6:14 accepted-earlier"},
		{"accepted and declined", `offer "s" {
  revises  = offer.amazon_l6
  accepted = "2025-04-02"
  declined = "2025-04-03"
}`, "4:3 conflicting-attributes"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, rs := check(t, map[string]string{"a.offer.hcl": firstVersion, "x.offer.hcl": c.src})
			if got := fileDiags(rs["x.offer.hcl"]); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
			for _, d := range rs["x.offer.hcl"].Docs {
				if d.Version.Broken && !d.Incomplete() {
					t.Errorf("%s: a broken chain leaves complete-looking figures", d.Name)
				}
			}
		})
	}
}

const globexOffer = `offer "globex_staff" {
  company  = "Globex"
  level    = "Staff"
  received = "2025-03-18"
  base     = 240000
}
`

// TestSameCompanyNeverCompetes: the employer's own versions, and another
// chain of the same employer (spelled differently), are never a competing
// offer for the texts or the checklist; another company's offer is.
func TestSameCompanyNeverCompetes(t *testing.T) {
	seattleNYC := `offer "amazon_nyc" {
  company  = "amazon.com"
  level    = "L6"
  location = "NYC"
  base     = 225000
}
`
	files := map[string]string{"a.offer.hcl": firstVersion, "b.offer.hcl": revision2, "c.offer.hcl": revision3, "r1.offer.hcl": round1, "n.offer.hcl": seattleNYC}
	w, _ := check(t, files)
	for _, name := range []string{"round1", ""} {
		f, _, err := w.Facts(name)
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Competing) != 0 {
			t.Errorf("Facts(%q): %d competing offers from Amazon's own versions", name, len(f.Competing))
		}
	}
	f, _, err := w.OfferFacts("amazon_l6_r2")
	if err != nil || len(f.Competing) != 0 {
		t.Errorf("OfferFacts: %v %d competing", err, len(f.Competing))
	}
	if got := checklistText(w.Checklist()); !strings.Contains(got, "competing_offer missing") {
		t.Errorf("checklist: %s", got)
	}
	files["g.offer.hcl"] = globexOffer
	w, _ = check(t, files)
	f, _, err = w.Facts("round1")
	if err != nil || len(f.Competing) != 1 || f.Competing[0].Offer.Name != "globex_staff" {
		t.Fatalf("with Globex: %v %+v", err, f.Competing)
	}
	if got := checklistText(w.Checklist()); !strings.Contains(got, "competing_offer done") {
		t.Errorf("checklist: %s", got)
	}
}

// TestAcceptanceListsTheEmployersVersion: the acceptance email lists the
// terms of the version being accepted, never an ask the employer's
// versions do not hold, and thanks for changes only the employer made.
func TestAcceptanceListsTheEmployersVersion(t *testing.T) {
	accept := func(files map[string]string, counter string) string {
		t.Helper()
		w, _ := check(t, files)
		f, _, err := w.Facts(counter)
		if err != nil {
			t.Fatal(err)
		}
		e, err := negotiate.EmailFor(f, "accept")
		if err != nil {
			t.Fatal(err)
		}
		return e.Body
	}
	// Round 1 asked for base 215,000 and a 520,000 grant; the employer's
	// final version holds base 205,000, a 460,000 grant and a new sign-on.
	body := accept(map[string]string{"a.offer.hcl": firstVersion, "r1.offer.hcl": round1, "b.offer.hcl": revision2, "c.offer.hcl": revision3}, "round1")
	for _, want := range []string{"Base salary: $205,000 a year", "Equity grant: $460,000", "Sign-on bonus: $120,000 in year 1 and $90,000 in year 2",
		"for the changes to the base\nsalary, sign-on bonus and equity grant"} {
		if !strings.Contains(body, want) {
			t.Errorf("missing %q:\n%s", want, body)
		}
	}
	for _, ask := range []string{"$215,000", "$520,000"} {
		if strings.Contains(body, ask) {
			t.Errorf("lists the ask %s, which no version of the employer holds:\n%s", ask, body)
		}
	}
	// No revision: the offer's own terms, no change to thank for.
	body = accept(map[string]string{"a.offer.hcl": firstVersion, "r1.offer.hcl": round1}, "round1")
	if !strings.Contains(body, "Base salary: $195,000") || strings.Contains(body, "$215,000") || strings.Contains(body, "changes") {
		t.Errorf("unrevised offer:\n%s", body)
	}
	// No counter at all: thanks for the offer, not for negotiating.
	body = accept(map[string]string{"a.offer.hcl": firstVersion}, "")
	if !strings.Contains(body, "Thank you for the offer.") || strings.Contains(body, "working through") {
		t.Errorf("no counter:\n%s", body)
	}
}
