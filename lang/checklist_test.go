package lang

import (
	"strings"
	"testing"
)

func checklistText(items []CheckItem) string {
	var s []string
	for _, it := range items {
		s = append(s, it.Key+" "+it.Status.String())
	}
	return strings.Join(s, ", ")
}

func TestChecklist(t *testing.T) {
	// The example: walk-away set, one offer, a year-2 dip the counter does
	// not level, no acceptance email.
	w := loadDir(t, "../examples/amazon-l6-seattle")
	if got := checklistText(w.Checklist()); got != "walk-away done, competing-offer missing, four-year-view shown, cliff missing, acceptance-email missing" {
		t.Fatalf("example: %s", got)
	}

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
	if got := checklistText(items); got != "walk-away done, competing-offer done, four-year-view shown, cliff done, acceptance-email missing" {
		t.Fatalf("got %s", got)
	}
	acc := items[4]
	// The email lists the counter's asks, but the employer never sent a
	// version holding them: what is accepted is the offer's own terms, and
	// the email leaves out its level, base and sign-on.
	if strings.Join(acc.Detail, "\n") != "the acceptance email in counter c leaves out:\n  Level: L6 SDE, Seattle\n  Base salary: $200,000 a year\n  Sign-on bonus: $100,000 in year 1" ||
		acc.Subject == nil || acc.Subject.Start.Line != 13 {
		t.Fatalf("detail %q %+v", acc.Detail, acc.Subject)
	}
	if !strings.Contains(items[3].Detail[0], "counter c levels it") {
		t.Fatalf("cliff %q", items[3].Detail)
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
