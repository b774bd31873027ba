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

// A competing offer in another currency is quoted only through a stated
// rate, as offered and converted (rounded to the whole unit) with the rate
// and its date; compared by its exact converted amount; left out without a
// rate or when it is not larger.
func TestCompetingOfferInAnotherCurrency(t *testing.T) {
	usd := engine.Analysis{Offer: engine.Offer{Currency: "USD", Base: engine.Dollars(170000)}}
	eur := engine.Analysis{Offer: engine.Offer{Currency: "EUR", Base: engine.Dollars(150000)}}
	rates := &engine.Rates{Base: "USD", AsOf: "2026-11-02", PerUnit: map[string]engine.Dec{"EUR": engine.MustDec("1.16")}}
	base := func(a engine.Analysis) engine.Money { return a.Offer.Base }

	f := &Facts{Offer: usd, Competing: []engine.Analysis{eur}}
	if c, ok := f.bestCompeting(base); ok {
		t.Fatalf("no rate, yet quoted %q", c.text)
	}
	f.Rates = rates
	c, ok := f.bestCompeting(base)
	if want := "€150,000 (about $174,000 at 1.16 USD per EUR, rates as of 2026-11-02)"; !ok || c.text != want || c.amount != engine.Dollars(174000) {
		t.Fatalf("got %q %v, want %q", c.text, c.amount, want)
	}
	if s := f.basePitch(); !strings.Contains(strings.Join(s.Reasons, " "), "another offer with a base of €150,000 (about $174,000") {
		t.Fatalf("the pitch does not quote it: %q", s.Reasons)
	}
	// Seen from the euro offer: $170,000 is €146,551.72 at 1/1.16, whole
	// €146,552; smaller than €150,000, so the pitch says nothing of it.
	g := &Facts{Offer: eur, Competing: []engine.Analysis{usd}, Rates: rates}
	c, ok = g.bestCompeting(base)
	if want := "$170,000 (about €146,552 at 0.862069 EUR per USD, rates as of 2026-11-02)"; !ok || c.text != want || c.amount != engine.Money(14655172) {
		t.Fatalf("got %q %v, want %q", c.text, c.amount, want)
	}
	if s := g.basePitch(); strings.Contains(strings.Join(s.Reasons, " "), "another offer") {
		t.Fatalf("a smaller competing base is quoted: %q", s.Reasons)
	}
}

// The bonus pitch quotes a competing target bonus only when it is higher
// than the offer's own (a lower one argues against the ask), and then the
// highest.
func TestBonusPitchQuotesOnlyAHigherCompetingTarget(t *testing.T) {
	offer := engine.Analysis{Offer: engine.Offer{Currency: "USD", Base: engine.Dollars(200000), BonusTarget: engine.DecInt(15)}}
	other := func(target int64) engine.Analysis {
		return engine.Analysis{Offer: engine.Offer{Currency: "USD", Base: engine.Dollars(200000), BonusTarget: engine.DecInt(target)}}
	}
	for i, c := range []struct {
		competing []engine.Analysis
		want      string // "" when no competing bonus is quoted
	}{
		{[]engine.Analysis{other(10)}, ""},
		{[]engine.Analysis{other(15)}, ""},
		{[]engine.Analysis{other(10), other(20), other(18)}, "I also hold another offer that includes a target bonus of 20% of base."},
	} {
		f := &Facts{Offer: offer, Competing: c.competing}
		reasons := strings.Join(f.bonusPitch().Reasons, " ")
		if c.want == "" && strings.Contains(reasons, "another offer") || c.want != "" && !strings.Contains(reasons, c.want) {
			t.Errorf("case %d: reasons %q, want %q", i, reasons, c.want)
		}
	}
}

// Without strengths in the candidate block, an email whose asks cite both
// what the candidate brings and their track record keeps both placeholders
// (once each) for the user to fill in; with strengths, they are said once.
func TestEmailKeepsTheAchievementPlaceholder(t *testing.T) {
	o := engine.Offer{Currency: "USD", Base: engine.Dollars(200000), BonusTarget: engine.DecInt(10)}
	base, target := engine.Dollars(215000), engine.DecInt(15)
	ct := &engine.Counter{Base: &base, BonusTarget: &target}
	f := &Facts{Offer: engine.Analysis{Offer: o}, Counter: ct, Countered: engine.Analysis{Offer: ct.Apply(o)}}
	for _, kind := range []string{"round1", "followup"} {
		e, err := EmailFor(f, kind)
		if err != nil || strings.Count(e.Body, PhExperience) != 1 || strings.Count(e.Body, PhAchievement) != 1 {
			t.Errorf("%s without strengths: %v\n%s", kind, err, e.Body)
		}
	}
	f.Candidate.Strengths = []string{"led the payments rewrite"}
	e, err := EmailFor(f, "round1")
	if err != nil || strings.Count(e.Body, "led the payments rewrite") != 1 || strings.Contains(e.Body, PhAchievement) {
		t.Errorf("with strengths: %v\n%s", err, e.Body)
	}
}
