package engine

import (
	"strings"
	"testing"
	"time"
)

func money(m Money) *Money { return &m }

// The example negotiation: Amazon L6 Seattle and its round-1 counter.
func exampleOffer() Offer {
	return Offer{Name: "amazon_l6", Company: "Amazon", Level: "L6", Track: "SDE", Location: "Seattle", Currency: "USD",
		Received: date("2025-03-10"), Start: date("2025-05-05"),
		Base: Dollars(195000), SignOn: SignOn{Dollars(110000), Dollars(90000)},
		Equity: &Grant{Value: Dollars(400000), Schedule: amazon()}, Relocation: Dollars(25000)}
}

func exampleCounter() Counter {
	return Counter{Name: "round1", Offer: "amazon_l6", Round: 1, Sent: date("2025-03-12"),
		Base: money(Dollars(210000)), SignOn: &SignOn{Dollars(150000), Dollars(120000)},
		Equity: &GrantChange{Value: money(Dollars(500000))}}
}

func TestDeltaOfExample(t *testing.T) {
	d := DeltaOf(exampleOffer(), exampleCounter())
	// Offer:   Y1 195,000+110,000+20,000+25,000 = 350,000; Y2 195,000+90,000+60,000 = 345,000;
	//          Y3 = Y4 = 195,000+160,000 = 355,000; total 1,405,000.
	// Counter: Y1 210,000+150,000+25,000 (5% of 500,000)+25,000 = 410,000; Y2 210,000+120,000+75,000 = 405,000;
	//          Y3 = Y4 = 210,000+200,000 = 410,000; total 1,635,000.
	// Change:  +60,000 +60,000 +55,000 +55,000 = +230,000; 230,000/1,405,000 = 16.370...% -> hiring manager.
	want := [Years]Money{Dollars(60000), Dollars(60000), Dollars(55000), Dollars(55000)}
	if d.Years() != want || d.Total() != Dollars(230000) || d.Average() != Dollars(57500) {
		t.Fatalf("years %v total %v avg %v", d.Years(), d.Total(), d.Average())
	}
	if pct, _ := d.Percent(); RoundDec(pct, 2).String() != "16.37" {
		t.Fatalf("percent %s", pct)
	}
	// base 195,000 -> 210,000: +15,000, 15/195 = 7.69%; sign-on 200,000 -> 270,000: +35%;
	// grant 400,000 -> 500,000: +25%.
	for _, c := range []struct {
		field    string
		from, to Money
		pct      string
	}{
		{"base", Dollars(195000), Dollars(210000), "7.69"},
		{"sign_on", Dollars(200000), Dollars(270000), "35"},
		{"equity.value", Dollars(400000), Dollars(500000), "25"},
	} {
		l, ok := d.Lever(c.field)
		if !ok || l.Before != c.from || l.After != c.to {
			t.Errorf("%s: %+v", c.field, l)
			continue
		}
		if p, _ := l.Percent(); RoundDec(p, 2).String() != c.pct {
			t.Errorf("%s: %s%%, want %s%%", c.field, RoundDec(p, 2), c.pct)
		}
	}
	ca := AnalyzeCounter(exampleOffer(), exampleCounter(), Candidate{WalkAway: Dollars(300000)}, seattleL6())
	if ca.Approval.Who != "hiring manager" || codes(ca.Flags) != "approval" {
		t.Fatalf("approval %q flags %s", ca.Approval.Who, codes(ca.Flags))
	}
	if !strings.Contains(ca.Flags[0].Message, "$230,000") || !strings.Contains(ca.Flags[0].Message, "+16.4%") ||
		!strings.Contains(ca.Flags[0].Message, "over 10% up to 20%") {
		t.Fatalf("message %q", ca.Flags[0].Message)
	}
}

// A 200,000 base and nothing else is 800,000 over four years, so a base
// ask of 200,000 + x changes the 4-year total by 4x, that is x/2,000 percent.
func TestApprovalTierBoundaries(t *testing.T) {
	o := Offer{Base: Dollars(200000), Currency: "USD"}
	for _, c := range []struct {
		base Money
		who  string
	}{
		{Dollars(200000), "recruiter"},          // 0%
		{Dollars(220000), "recruiter"},          // +80,000 = exactly 10%
		{Dollars(220000) + 1, "hiring manager"}, // +80,000.04 = 10.000005%
		{Dollars(240000), "hiring manager"},     // +160,000 = exactly 20%
		{Dollars(240000) + 1, "director"},
		{Dollars(260000), "director"}, // +240,000 = exactly 30%
		{Dollars(260000) + 1, "VP or compensation committee"},
		{Dollars(400000), "VP or compensation committee"}, // 100%
		{Dollars(150000), "recruiter"},                    // a cut
	} {
		ca := AnalyzeCounter(o, Counter{Round: 1, Base: money(c.base)}, Candidate{}, NewBands())
		if ca.Approval.Who != c.who {
			pct, _ := ca.Delta.Percent()
			t.Errorf("base %s (%s%%): %q, want %q", c.base, pct, ca.Approval.Who, c.who)
		}
	}
	p := DefaultPolicy()
	for i, want := range []string{"up to 10%", "over 10% up to 20%", "over 20% up to 30%", "over 30%"} {
		if got := p.TierSpan(i); got != want {
			t.Errorf("span %d = %q, want %q", i, got, want)
		}
	}
}

func TestOutsideRoom(t *testing.T) {
	o := exampleOffer()
	for _, c := range []struct {
		name  string
		c     Counter
		field string
		msg   string
	}{
		// 195,000 * 1.15 = 224,250: the top of the base room. 224,250 is inside, 224,250.01 is not.
		{"base at the top of the room", Counter{Round: 1, Base: money(Dollars(224250))}, "", ""},
		{"base past the room", Counter{Round: 1, Base: money(Dollars(224250) + 1)}, "base", "up to $224,250"},
		// sign-on 200,000 * 3 = 600,000 (+200%).
		{"sign-on at +200%", Counter{Round: 1, SignOn: &SignOn{Dollars(300000), Dollars(300000)}}, "", ""},
		{"sign-on past +200%", Counter{Round: 1, SignOn: &SignOn{Dollars(400000), Dollars(300000)}}, "sign_on", "+250% on the offered $200,000"},
		// grant 400,000 * 1.5 = 600,000.
		{"grant +50%", Counter{Round: 1, Equity: &GrantChange{Value: money(Dollars(600000))}}, "", ""},
		{"grant +60%", Counter{Round: 1, Equity: &GrantChange{Value: money(Dollars(640000))}}, "equity.value", "usual room of 20-50%"},
		{"a cut is not outside the room", Counter{Round: 1, Base: money(Dollars(100000))}, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			ca := AnalyzeCounter(o, c.c, Candidate{}, NewBands())
			var got []Flag
			for _, f := range ca.Flags {
				if f.Code == "outside-room" {
					got = append(got, f)
				}
			}
			if c.field == "" {
				if len(got) > 0 {
					t.Fatalf("unexpected %+v", got)
				}
				return
			}
			if len(got) != 1 || got[0].Field != c.field || !strings.Contains(got[0].Message, c.msg) {
				t.Fatalf("got %+v", got)
			}
		})
	}
}

func TestTooManyLevers(t *testing.T) {
	start := date("2025-06-02")
	three := exampleCounter()
	four := exampleCounter()
	four.Start = &start
	later := Counter{Round: 2, Base: money(Dollars(200000)), Promotion: &Promotion{Level: "L7", Months: 12}}
	single := Counter{Round: 3, Flexibility: &Flexibility{HasOfficeDays: true, OfficeDays: 2}, Relocation: money(Dollars(30000))}
	for _, c := range []struct {
		c    Counter
		want bool
		msg  string
	}{
		{three, false, ""},
		{four, true, "Round 1 asks on 4 levers (base salary, sign-on bonus, equity grant and start date)"},
		{later, true, "Round 2 asks on 2 levers (base salary and level)"},
		{single, false, ""}, // office days and relocation are one lever: flexibility
	} {
		ca := AnalyzeCounter(exampleOffer(), c.c, Candidate{}, NewBands())
		var got *Flag
		for i, f := range ca.Flags {
			if f.Code == "too-many-levers" {
				got = &ca.Flags[i]
			}
		}
		if (got != nil) != c.want || (got != nil && !strings.Contains(got.Message, c.msg)) {
			t.Errorf("round %d levers %v: %+v", c.c.Round, c.c.Levers(), got)
		}
	}
}

func TestQuickResponse(t *testing.T) {
	for _, c := range []struct {
		sent string
		want string
	}{
		{"2025-03-10", "the day the offer arrived"},
		{"2025-03-11", "the day after the offer arrived"},
		{"2025-03-12", ""}, // two days: possibly 48 hours, not flagged
		{"2025-03-09", "before the offer arrived"},
	} {
		ct := exampleCounter()
		ct.Sent = date(c.sent)
		ca := AnalyzeCounter(exampleOffer(), ct, Candidate{}, NewBands())
		var msg string
		for _, f := range ca.Flags {
			if f.Code == "quick-response" {
				msg = f.Message
				if f.Field != "sent" {
					t.Errorf("field %q", f.Field)
				}
			}
		}
		if (c.want == "") != (msg == "") || !strings.Contains(msg, c.want) {
			t.Errorf("sent %s: %q", c.sent, msg)
		}
	}
	ct := exampleCounter()
	ct.Sent = time.Time{}
	if ca := AnalyzeCounter(exampleOffer(), ct, Candidate{}, NewBands()); strings.Contains(codes(ca.Flags), "quick-response") {
		t.Error("flagged without a sent date")
	}
}

func TestBelowWalkAway(t *testing.T) {
	// Offer average 1,405,000 / 4 = 351,250; counter average 1,635,000 / 4 = 408,750.
	ca := AnalyzeCounter(exampleOffer(), exampleCounter(), Candidate{WalkAway: Dollars(408751)}, NewBands())
	if !strings.Contains(codes(ca.Flags), "below-walk-away") || !strings.Contains(ca.Flags[len(ca.Flags)-1].Message, "$1 under your walk-away of $408,751") {
		t.Fatalf("%+v", ca.Flags)
	}
	ca = AnalyzeCounter(exampleOffer(), exampleCounter(), Candidate{WalkAway: Dollars(408750)}, NewBands())
	if strings.Contains(codes(ca.Flags), "below-walk-away") {
		t.Fatal("an average equal to the walk-away is not below it")
	}
	a := Analyze(exampleOffer(), NewBands())
	fl := OfferBelowWalkAway(a, Candidate{WalkAway: Dollars(360000)})
	if len(fl) != 1 || !strings.Contains(fl[0].Message, "$351,250 is $8,750 under") {
		t.Fatalf("%+v", fl)
	}
	if len(OfferBelowWalkAway(a, Candidate{})) != 0 {
		t.Fatal("no walk-away set, no flag")
	}
}

func TestNonMoneyLevers(t *testing.T) {
	o := exampleOffer()
	start := date("2025-06-09")
	c := Counter{Round: 1, Start: &start,
		Bonus:       &BonusChange{GuaranteedYear1: money(Dollars(30000)), Refresher: money(Dollars(50000))},
		Flexibility: &Flexibility{HasOfficeDays: true, OfficeDays: 2, RelocationItems: []string{"Temporary housing", "Moving costs"}},
		Promotion:   &Promotion{Level: "L7", Months: 12}}
	d := DeltaOf(o, c)
	// 2025-05-05 -> 2025-06-09 is 35 days: 5 weeks later.
	if !d.HasStart || d.StartWeeks != 5 || d.StartDays != 0 || DelayText(d.StartWeeks, d.StartDays) != "5 weeks later" {
		t.Fatalf("start %d weeks %d days", d.StartWeeks, d.StartDays)
	}
	// The guaranteed bonus is paid in year 1: +30,000 in year 1, nothing else; refreshers are not counted.
	if d.Years() != [Years]Money{Dollars(30000), 0, 0, 0} || d.Total() != Dollars(30000) {
		t.Fatalf("years %v", d.Years())
	}
	if got := strings.Join(c.Levers(), ","); got != "start,level,flexibility,bonus" {
		t.Fatalf("levers %s", got)
	}
	after := c.Apply(o)
	if got := JoinAnd(after.Flexibility.Terms()); got != "2 office days a week and a relocation package covering Temporary housing and Moving costs" {
		t.Fatalf("terms %q", got)
	}
	if after.Promotion.Text() != "a written promotion review for L7 within 12 months" || o.Promotion != nil {
		t.Fatal("promotion")
	}
	if DelayText(-1, -3) != "1 week and 3 days earlier" {
		t.Fatal(DelayText(-1, -3))
	}
}

// A counter asking for a base over the cap gets base-over-cap from the
// offer rules, with the suggestion to move the excess.
func TestCounterBaseOverCap(t *testing.T) {
	c := Counter{Round: 1, Base: money(Dollars(230000))}
	a := Analyze(c.Apply(exampleOffer()), seattleL6())
	var f *Flag
	for i := range a.Flags {
		if a.Flags[i].Code == "base-over-cap" {
			f = &a.Flags[i]
		}
	}
	// 230,000 - 220,000 = 10,000 over; the fix moves it to year-1 sign-on: 110,000 + 10,000.
	if f == nil || f.Field != "base" || !strings.Contains(f.Message, "$10,000 over") || !strings.Contains(f.Message, "sign-on or equity") ||
		f.Fix.Set["base"] != Dollars(220000) || f.Fix.Set["sign_on.year1"] != Dollars(120000) {
		t.Fatalf("%+v", f)
	}
}
