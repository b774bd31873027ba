package lang

import (
	"strings"
	"testing"
)

func checklistText(items []CheckItem) string {
	var s []string
	for _, it := range items {
		s = append(s, it.ID+" "+it.Status.String())
	}
	return strings.Join(s, ", ")
}

func item(t *testing.T, items []CheckItem, id string) CheckItem {
	t.Helper()
	for _, it := range items {
		if it.ID == id {
			return it
		}
	}
	t.Fatalf("no item %s", id)
	return CheckItem{}
}

// The full negotiation of examples/ has every item done or shown; the
// single round of amazon-l6-seattle shows what is missing.
func TestChecklistExamples(t *testing.T) {
	w := loadDir(t, "../examples/full-negotiation")
	want := "market_data done, walk_away done, competing_offer done, value_propositions done, recruiter_answers done, alternative done, " +
		"first_number done, response_time done, components done, reasons done, in_writing done, tone shown, " +
		"four_year_view shown, hourly_rate shown, tax_and_vesting shown, cliff_plan done, agreement_documented done, acceptance_email done"
	if got := checklistText(w.Checklist()); got != want {
		t.Fatalf("full negotiation:\n%s", got)
	}
	w = loadDir(t, "../examples/amazon-l6-seattle")
	want = "market_data done, walk_away done, competing_offer missing, value_propositions missing, recruiter_answers missing, alternative missing, " +
		"first_number done, response_time done, components done, reasons missing, in_writing missing, tone shown, " +
		"four_year_view shown, hourly_rate shown, tax_and_vesting shown, cliff_plan missing, agreement_documented not applicable yet, acceptance_email missing"
	if got := checklistText(w.Checklist()); got != want {
		t.Fatalf("amazon-l6-seattle:\n%s", got)
	}
}

// The items the examples show done, missing here: no band for the offer,
// a counter dated before the offer, one sent the next day on one lever.
func TestChecklistDuringMissing(t *testing.T) {
	w := NewWorkspace()
	w.Set("o.offer.hcl", []byte("offer \"o\" {\n  company  = \"Initech\"\n  level    = \"E5\"\n  received = \"2025-03-10\"\n  base     = 200000\n}\n"+
		"counter \"c\" {\n  offer = offer.o\n  sent  = \"2025-03-09\"\n  base  = 210000\n}\n"))
	items := w.Checklist()
	for _, id := range []string{"market_data", "first_number", "response_time", "components"} {
		if it := item(t, items, id); it.Status != CheckMissing {
			t.Errorf("%s: %s %q", id, it.Status, it.Detail)
		}
	}
	if it := item(t, NewWorkspace().Checklist(), "first_number"); it.Status != CheckNotYet {
		t.Errorf("empty workspace first_number: %s", it.Status)
	}
	// No candidate block: no walk-away; no accepted version: the agreement
	// is not applicable yet (it is done in examples/full-negotiation).
	if it := item(t, items, "walk_away"); it.Status != CheckMissing {
		t.Errorf("walk_away: %s", it.Status)
	}
	if it := item(t, items, "agreement_documented"); it.Status != CheckNotYet {
		t.Errorf("agreement_documented: %s", it.Status)
	}
}

func TestChecklist(t *testing.T) {
	// The example: walk-away set, one offer, a year-2 dip the counter does
	// not level, no acceptance email.
	var w *Workspace
	offer := `offer "o" {
  company  = "Amazon"
  level    = "L6"
  track    = "SDE"
  location = "Seattle"
  base     = 200000
  start    = "2025-05-05"
  sign_on {
    year1 = 100000
  }
}
offer "other" {
  company = "Globex"
  base    = 210000
}
candidate {
  walk_away = 250000
}
`
	counter := `counter "c" {
  offer = offer.o
  base  = 210000
  sign_on {
    year1 = 50000
    year2 = 50000
    year3 = 50000
    year4 = 50000
  }
  bonus {
    refresher = 40000
  }
  email "accept" {
    subject = "Accepting"
    body    = <<-EOT
      - Base salary: $210,000 a year
      - Sign-on bonus: $50,000 in year 1 and $50,000 in year 2, $50,000 in year 3
      - Start date: 2025-05-05
    EOT
  }
}
`
	w = NewWorkspace()
	w.Set("o.offer.hcl", []byte(offer))
	w.Set("c.offer.hcl", []byte(counter))
	items := w.Checklist()
	// The offer's year 2 drops by 100,000 (the sign-on); the counter's even sign-on levels it.
	for id, want := range map[string]CheckStatus{"walk_away": CheckDone, "competing_offer": CheckDone, "cliff_plan": CheckDone, "acceptance_email": CheckMissing} {
		if got := item(t, items, id).Status; got != want {
			t.Errorf("%s: %s", id, got)
		}
	}
	acc := item(t, items, "acceptance_email")
	// The email lists the counter's asks, but the employer never sent a
	// version holding them: what is accepted is the offer's own terms, and
	// the email leaves out its level, base and sign-on.
	if strings.Join(acc.Detail, "\n") != "the acceptance email in counter c leaves out:\n  Level: L6 SDE, Seattle\n  Base salary: $200,000 a year\n  Sign-on bonus: $100,000 in year 1" ||
		acc.Subject == nil || acc.Subject.Start.Line != 13 {
		t.Fatalf("detail %q %+v", acc.Detail, acc.Subject)
	}
	if cl := item(t, items, "cliff_plan"); !strings.Contains(cl.Detail[0], "counter c levels it") {
		t.Fatalf("cliff %q", cl.Detail)
	}
}

func TestMissingTerms(t *testing.T) {
	terms := []string{"Base salary: $210,000 a year", "Start date: 2025-05-05", "Flexibility: 2 office days a week"}
	if got := MissingTerms(terms, "base $210,000; start 2025-05-05; 2 office days a week"); len(got) != 0 {
		t.Fatalf("missing %v", got)
	}
	if got := MissingTerms(terms, "base $201,000; start 2025-05-06"); len(got) != 3 {
		t.Fatalf("missing %v", got)
	}
}
