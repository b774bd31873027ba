package negotiate

import (
	"strings"
	"testing"

	"github.com/offerkit/offerkit/engine"
)

// Golden tests of every text over the examples live in lang
// (negotiate_test.go), where workspaces are loaded; these test the pieces.

func TestWrapKeepsPlaceholdersWhole(t *testing.T) {
	text := "I bring " + PhExperience + " and " + PhAchievement + " to a role where every line is short enough."
	for _, width := range []int{10, 20, 40, 80} {
		out := wrap(text, width)
		if strings.Join(strings.Fields(out), " ") != text {
			t.Fatalf("width %d changed the words:\n%s", width, out)
		}
		for _, ph := range []string{PhExperience, PhAchievement} {
			if !strings.Contains(out, ph) {
				t.Fatalf("width %d split %s:\n%s", width, ph, out)
			}
		}
		for _, line := range strings.Split(out, "\n") {
			if len(line) > width && !strings.Contains(line, "[[") {
				t.Fatalf("width %d: line %q too long", width, line)
			}
		}
	}
}

func TestTermsListEveryAgreedTerm(t *testing.T) {
	o := engine.Offer{Level: "L6", Track: "SDE", Location: "Seattle", Currency: "USD", Base: engine.Dollars(210000),
		SignOn: engine.SignOn{engine.Dollars(150000), engine.Dollars(120000)}, Relocation: engine.Dollars(25000),
		BonusTarget: engine.DecInt(10), GuaranteedBonus: engine.Dollars(20000), Refresher: engine.Dollars(40000),
		Equity:      &engine.Grant{Value: engine.Dollars(500000), Schedule: engine.Schedule{Percent: []engine.Dec{engine.DecInt(25), engine.DecInt(25), engine.DecInt(25), engine.DecInt(25)}}},
		Flexibility: engine.Flexibility{HasOfficeDays: true, OfficeDays: 2}, Promotion: &engine.Promotion{Level: "L7", Months: 12}}
	got := strings.Join(Terms(engine.Analysis{Offer: o}), "\n")
	want := `Level: L6 SDE, Seattle
Base salary: $210,000 a year
Sign-on bonus: $150,000 in year 1 and $120,000 in year 2
Equity grant: $500,000, vesting 25/25/25/25 over four years
Relocation: $25,000
Bonus: a target bonus of 10% of base ($21,000 a year)
Bonus: a guaranteed first-year bonus of $20,000
Bonus: refresher grants of $40,000 a year
Flexibility: 2 office days a week
Promotion: a written promotion review for L7 within 12 months
Start date: [[start date]]`
	if got != want {
		t.Fatalf("got:\n%s", got)
	}
}

func TestUnknownLeverAndKind(t *testing.T) {
	f := &Facts{}
	if _, err := ScriptFor(f, "salary"); err == nil || !strings.Contains(err.Error(), "base, sign_on") {
		t.Fatalf("err %v", err)
	}
	if _, err := EmailFor(f, "thanks"); err == nil {
		t.Fatal("no error for an unknown kind")
	}
	// Without a counter, the asks stay a placeholder.
	for _, kind := range []string{"round1", "followup"} {
		e, err := EmailFor(f, kind)
		if err != nil || !strings.Contains(e.Body, PhAsks) || strings.Contains(e.Body, "point") {
			t.Fatalf("%s: %v\n%s", kind, err, e.Body)
		}
	}
}

// The script's cliff is the rule's: years 300k/350k/320k/320k dip below
// year 2, not year 1, and the diagnostic and the script both say so.
func TestCliffSentenceIsTheRulesCliff(t *testing.T) {
	var w engine.Worth
	for i, total := range []int64{300000, 350000, 320000, 320000} {
		w.Years[i] = engine.Year{Year: i + 1, Total: engine.Dollars(total)}
	}
	a := engine.Analysis{Worth: w, Cliffs: engine.Cliffs(w, engine.CliffTolerance{})}
	f := &Facts{Offer: a}
	if got, want := f.cliffSentence(), "As offered, year 3 pays $30,000 less than year 2 ($320,000 against $350,000)."; got != want {
		t.Fatalf("cliff sentence = %q, want %q", got, want)
	}
	if fl := engine.CliffRule.Check(&a, nil); len(fl) != 1 || !strings.HasPrefix(fl[0].Message, "Year 3 pays $320,000, $30,000 less than year 2") {
		t.Fatalf("rule: %+v", fl)
	}
	// Under a tolerance the dip does not reach, neither says anything.
	a.Cliffs = engine.Cliffs(w, engine.CliffTolerance{Percent: engine.MustDec("8.58"), PercentSet: true}) // 8.58% of 350,000 = 30,030
	f = &Facts{Offer: a}
	if s, fl := f.cliffSentence(), engine.CliffRule.Check(&a, nil); s != "" || len(fl) != 0 {
		t.Fatalf("8.58%%: %q %+v", s, fl)
	}
}

// Wrapping keeps every character whole and counts characters, not bytes:
// "€" stays one euro sign, and a line of euro amounts is as long as one of
// dollar amounts.
func TestWrapKeepsCharactersWhole(t *testing.T) {
	text := "Offer: €150,000 a year, £30,000 in year 1 and ¥2,000,000 for Zoë. Ask: [[your ask]]."
	out := wrap(text, 20)
	if strings.Join(strings.Fields(out), " ") != text {
		t.Fatalf("changed the text: %q", out)
	}
	euros, dollars := wrap("€1 €2 €3 €4 €5 €6", 11), wrap("$1 $2 $3 $4 $5 $6", 11)
	if strings.Count(euros, "\n") != strings.Count(dollars, "\n") {
		t.Fatalf("euros wrap as %q, dollars as %q", euros, dollars)
	}
}
