package lang

import (
	"strings"
	"testing"

	"github.com/offerkit/offerkit/engine/negotiate"
)

// The Berlin offer of examples/eur-offer: 4 x 150,000 + 30,000 + 200,000 =
// EUR 830,000 over four years, EUR 207,500 a year; berlinOffer adds a
// counter to it.
var berlin = exampleFile("eur-offer/berlin.offer.hcl")

var berlinOffer = berlin + `
counter "ask" {
  offer = offer.berlin
  sent  = "2026-05-14"
  base  = 155000
}
`

const eurRates = `rates {
  base   = "USD"
  as_of  = "2026-11-02"
  source = "test"
  EUR    = 1.16
}
`

func diagDetails(r *Result, code string) []string {
	var out []string
	for _, d := range r.Diags {
		if d.Code == code {
			out = append(out, d.Detail)
		}
	}
	return out
}

// walk_away = 250000 is in the candidate's currency (USD by default): beside
// a EUR offer it is compared only through a stated rate, and never printed
// as euros.
func TestWalkAwayInTheCandidatesCurrency(t *testing.T) {
	cases := []struct {
		name      string
		candidate string
		rates     bool
		code      string
		says      []string
	}{
		{"no rate", "walk_away = 250000", false, "walk-away-currency",
			[]string{"Your walk-away of $250,000 is in USD and this offer is in EUR, so they are not compared."}},
		// 250,000 / 1.16 = 215,517.2413... -> EUR 215,517.24; 215,517.24 - 207,500 = 8,017.24.
		{"through the rate", "walk_away = 250000", true, "below-walk-away",
			[]string{"The offer's 4-year average of €207,500 is €8,017.24 under your walk-away of €215,517.24.",
				"(Your walk-away is $250,000, converted from USD at 0.862069 EUR per USD, rates as of 2026-11-02.)"}},
		{"candidate in euros", "currency = \"EUR\"\n  walk_away = 250000", false, "below-walk-away",
			[]string{"The offer's 4-year average of €207,500 is €42,500 under your walk-away of €250,000. Counter"}},
	}
	for _, c := range cases {
		files := map[string]string{"berlin.offer.hcl": berlinOffer, "me.offer.hcl": "candidate {\n  " + c.candidate + "\n}\n"}
		if c.rates {
			files["fx.rates.hcl"] = eurRates
		}
		_, rs := check(t, files)
		r := rs["berlin.offer.hcl"]
		got := diagDetails(r, c.code)
		if len(got) != 2 { // the offer and the counter
			t.Errorf("%s: %d %s findings; diagnostics:\n%s", c.name, len(got), c.code, diagsAt(r))
			continue
		}
		for _, s := range c.says {
			if !strings.Contains(got[0], s) {
				t.Errorf("%s: %q lacks %q", c.name, got[0], s)
			}
		}
		if !strings.Contains(got[1], "counter") {
			t.Errorf("%s: counter: %q", c.name, got[1])
		}
		for _, d := range r.Diags {
			if strings.Contains(d.Detail, "€250,000") && !strings.Contains(c.candidate, "EUR") {
				t.Errorf("%s: the dollar walk-away printed as euros: %s", c.name, d.Detail)
			}
		}
		if other := map[string]string{"walk-away-currency": "below-walk-away", "below-walk-away": "walk-away-currency"}[c.code]; len(diagDetails(r, other)) != 0 {
			t.Errorf("%s: also %s", c.name, other)
		}
	}
}

// A candidate in euros beside an offer in dollars: the same, the other way.
func TestWalkAwayInEurosBesideADollarOffer(t *testing.T) {
	_, rs := check(t, map[string]string{
		"a.offer.hcl":  cliffOffer("300000", "0"),
		"me.offer.hcl": "candidate {\n  currency  = \"EUR\"\n  walk_away = 400000\n}\n",
	})
	got := diagDetails(rs["a.offer.hcl"], "walk-away-currency")
	if len(got) != 1 || !strings.Contains(got[0], "Your walk-away of €400,000 is in EUR and this offer is in USD") {
		t.Fatalf("%q\n%s", got, diagsAt(rs["a.offer.hcl"]))
	}
}

// The sign-on script states unvested equity in the candidate's currency,
// and converted only with the rate beside it.
func TestUnvestedEquityInTheCandidatesCurrency(t *testing.T) {
	for _, c := range []struct {
		rates bool
		want  string
	}{
		{false, "By joining I give up $50,000 of equity that has not vested yet"},
		// 50,000 / 1.16 = 43,103.448... -> EUR 43,103.45.
		{true, "By joining I give up $50,000 of equity (€43,103.45 at 0.862069 EUR per USD, rates as of 2026-11-02) that has not vested yet"},
	} {
		files := map[string]string{"berlin.offer.hcl": berlinOffer, "me.offer.hcl": "candidate {\n  unvested_equity = 50000\n}\n"}
		if c.rates {
			files["fx.rates.hcl"] = eurRates
		}
		w, _ := check(t, files)
		f, _, err := w.Facts("ask")
		if err != nil {
			t.Fatal(err)
		}
		s, err := negotiate.ScriptFor(f, "sign_on")
		if text := strings.Join(strings.Fields(s.Text), " "); err != nil || !strings.Contains(text, c.want) || strings.Contains(text, "€50,000") {
			t.Errorf("rates %v: %v\n%q", c.rates, err, strings.Join(strings.Fields(s.Text), " "))
		}
	}
}

// An amount threshold in dollars does not judge a euro offer without a
// rate (the default 1% does); with the rate it is converted.
func TestCliffAmountInTheCandidatesCurrency(t *testing.T) {
	// Berlin: year 1 EUR 230,000 (base, sign-on, a quarter of the grant), year 2 EUR 200,000: a EUR 30,000 dip.
	for _, c := range []struct {
		amount string
		rates  bool
		cliff  bool
	}{
		{"30000", false, true},    // not converted: the default 1% (EUR 2,300) flags it
		{"40000", false, true},    // the same
		{"34800", true, true},     // $34,800 = EUR 30,000 exactly: flagged
		{"34800.02", true, false}, // EUR 30,000.02 (rounded to the cent): not
	} {
		files := map[string]string{"berlin.offer.hcl": berlin,
			"me.offer.hcl": "candidate {\n  cliff_tolerance_amount = " + c.amount + "\n}\n"}
		if c.rates {
			files["fx.rates.hcl"] = eurRates
		}
		_, rs := check(t, files)
		if got := len(diagDetails(rs["berlin.offer.hcl"], "cliff")) == 1; got != c.cliff {
			t.Errorf("$%s rates %v: cliff %v, want %v\n%s", c.amount, c.rates, got, c.cliff, diagsAt(rs["berlin.offer.hcl"]))
		}
	}
}
