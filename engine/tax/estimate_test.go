package tax

import (
	"strings"
	"testing"
	"time"

	"github.com/offerkit/offerkit/engine"
)

func d(s string) engine.Dec { return engine.MustDec(s) }

func brackets(pairs ...any) []Bracket {
	var bs []Bracket
	for i := 0; i < len(pairs); i += 2 {
		bs = append(bs, Bracket{Over: engine.Dollars(int64(pairs[i].(int))), Rate: d(pairs[i+1].(string))})
	}
	return bs
}

// testTables holds the 2026 federal figures, New York State and City's
// 2024 schedules for single filers, and Washington's contributions, as the
// built-in *.tax.hcl files do; the expected figures below were worked out
// by hand from them.
func testTables() *Tables {
	fed := &IncomeTax{
		Schedules: map[Status]Schedule{
			Single:          {StandardDeduction: engine.Dollars(16100), Brackets: brackets(0, "10", 12400, "12", 50400, "22", 105700, "24", 201775, "32", 256225, "35", 640600, "37")},
			MarriedJoint:    {StandardDeduction: engine.Dollars(32200), Brackets: brackets(0, "10", 24800, "12", 100800, "22", 211400, "24", 403550, "32", 512450, "35", 768700, "37")},
			MarriedSeparate: {StandardDeduction: engine.Dollars(16100), Brackets: brackets(0, "10", 12400, "12", 50400, "22", 105700, "24", 201775, "32", 256225, "35", 384350, "37")},
			HeadOfHousehold: {StandardDeduction: engine.Dollars(24150), Brackets: brackets(0, "10", 17700, "12", 67450, "22", 105700, "24", 201750, "32", 256200, "35", 640600, "37")},
		},
		SupplementalRate: d("22"), SupplementalHighRate: d("37"), SupplementalHighOver: engine.Dollars(1000000),
	}
	ny := map[Status]Schedule{Single: {StandardDeduction: engine.Dollars(8000),
		Brackets: brackets(0, "4", 8500, "4.5", 11700, "5.25", 13900, "5.5", 80650, "6", 215400, "6.85", 1077550, "9.65", 5000000, "10.3", 25000000, "10.9")}}
	nyc := map[Status]Schedule{Single: {StandardDeduction: engine.Dollars(8000),
		Brackets: brackets(0, "3.078", 12000, "3.762", 25000, "3.819", 50000, "3.876")}}
	return &Tables{Jurisdictions: []Jurisdiction{
		{Code: "US", Name: "United States", Year: 2026, Income: fed,
			Payroll: []Contribution{
				{Name: SocialSecurity, Rate: d("6.2"), WageBase: engine.Dollars(184500)},
				{Name: Medicare, Rate: d("1.45")},
			},
			AdditionalMedicare: &AdditionalMedicare{Rate: d("0.9"), Over: map[Status]engine.Money{
				Single: engine.Dollars(200000), MarriedJoint: engine.Dollars(250000),
				MarriedSeparate: engine.Dollars(125000), HeadOfHousehold: engine.Dollars(200000)}}},
		{Code: "US-WA", Name: "Washington", Year: 2026, Payroll: []Contribution{
			{Name: "WA PFML", Rate: d("0.658"), WageBase: engine.Dollars(184500)},
			{Name: "WA Cares", Rate: d("0.58")},
		}},
		{Code: "US-TX", Name: "Texas", Year: 2026},
		{Code: "US-NY", Name: "New York", Year: 2024, Income: &IncomeTax{Schedules: ny}},
		{Code: "US-NY-NYC", Name: "New York City", Year: 2024, Local: true, Income: &IncomeTax{Schedules: nyc}},
	}}
}

// oneYear is wages paid in calendar year 2026 by employment year 1 alone.
func oneYear(wages, supplemental int64) Wages {
	w := Wages{First: 2026}
	w.Parts[0] = []engine.Money{engine.Dollars(wages)}
	w.Supplemental[0] = []engine.Money{engine.Dollars(supplemental)}
	return w
}

func TestFederalAndWashington(t *testing.T) {
	est, err := testTables().Estimate("US-WA", oneYear(200000, 0), Household{})
	if err != nil {
		t.Fatal(err)
	}
	ct := est.Calendar[0]
	// Federal: taxable 200,000 - 16,100 = 183,900: 1,240 + 4,560 + 12,166
	// + 24% of 78,200 (18,768) = 36,734. Social Security stops at the wage
	// base: 6.2% of 184,500 = 11,439. Medicare 1.45% = 2,900, nothing
	// additional at exactly 200,000. WA: 0.658% of 184,500 = 1,214.01 and
	// 0.58% of 200,000 = 1,160.
	want := Breakdown{Federal: engine.Dollars(36734), SocialSecurity: engine.Dollars(11439),
		Medicare: engine.Dollars(2900), StatePayroll: engine.Money(121401 + 116000)}
	if ct.Tax != want {
		t.Fatalf("tax = %+v, want %+v", ct.Tax, want)
	}
	if got := est.Years[0].Net; got != engine.Money(14655299) {
		t.Errorf("net = %v, want $146,552.99", got)
	}
	if ct.Withheld != ct.Tax.Federal || ct.Owed != 0 {
		t.Errorf("all-base pay withholds its own tax: withheld %v, owed %v", ct.Withheld, ct.Owed)
	}
}

func TestAdditionalMedicareAndStatuses(t *testing.T) {
	tables := testTables()
	for _, c := range []struct {
		status        Status
		wages         int64
		federal       engine.Money
		extraMedicare engine.Money
	}{
		// 300,000 single: 0.9% of the 100,000 over 200,000.
		{Single, 300000, 0, engine.Dollars(900)},
		// 250,000 joint: taxable 217,800: 2,480 + 9,120 + 24,332 + 1,536.
		{MarriedJoint, 250000, engine.Dollars(37468), 0},
		// 500,000 separate: taxable 483,900, through the 37% bracket over
		// 384,350; additional Medicare over 125,000.
		{MarriedSeparate, 500000, engine.Money(14012525), engine.Dollars(3375)},
		// 150,000 head of household: taxable 125,850.
		{HeadOfHousehold, 150000, engine.Dollars(20991), 0},
	} {
		est, err := tables.Estimate("US-TX", oneYear(c.wages, 0), Household{Status: c.status})
		if err != nil {
			t.Fatal(err)
		}
		tax := est.Calendar[0].Tax
		if c.federal != 0 && tax.Federal != c.federal {
			t.Errorf("%s %d: federal %v, want %v", c.status, c.wages, tax.Federal, c.federal)
		}
		base := engine.Dollars(c.wages).Percent(d("1.45"))
		if tax.Medicare != base+c.extraMedicare {
			t.Errorf("%s %d: medicare %v, want %v", c.status, c.wages, tax.Medicare, base+c.extraMedicare)
		}
		ss := engine.Dollars(min(c.wages, 184500)).Percent(d("6.2"))
		if tax.SocialSecurity != ss || tax.State != 0 || tax.StatePayroll != 0 {
			t.Errorf("%s %d: %+v", c.status, c.wages, tax)
		}
	}
}

func TestNewYorkCityFollowsResidence(t *testing.T) {
	tables := testTables()
	est, err := tables.Estimate("US-NY-NYC", oneYear(200000, 0), Household{})
	if err != nil {
		t.Fatal(err)
	}
	// NY taxable 192,000: 340 + 144 + 115.50 + 3,671.25 + 6,681 = 10,951.75;
	// NYC on the same: 369.36 + 489.06 + 954.75 + 5,503.92 = 7,317.09.
	if tax := est.Calendar[0].Tax; tax.State != engine.Money(1095175) || tax.Local != engine.Money(731709) {
		t.Fatalf("state %v local %v", tax.State, tax.Local)
	}
	if len(est.Notes) != 2 || est.Notes[0] != "2026 uses the New York tables of 2024, not indexed for inflation" ||
		est.Notes[1] != "2026 uses the New York City tables of 2024, not indexed for inflation" {
		t.Errorf("notes = %q", est.Notes)
	}
	est, _ = tables.Estimate("US-NY-NYC", oneYear(200000, 0), Household{Home: "US-NJ"})
	if tax := est.Calendar[0].Tax; tax.State != engine.Money(1095175) || tax.Local != 0 {
		t.Fatalf("living outside the city: state %v local %v", tax.State, tax.Local)
	}
}

func TestSupplementalWithholding(t *testing.T) {
	// 150,000 base and 100,000 sign-on: withholding is the schedule on the
	// base (taxable 133,900: 1,240 + 4,560 + 12,166 + 6,768 = 24,734) plus
	// 22% of the sign-on (22,000).
	est, err := testTables().Estimate("US-TX", oneYear(250000, 100000), Household{})
	if err != nil {
		t.Fatal(err)
	}
	ct := est.Calendar[0]
	// Liability: 1,240 + 4,560 + 12,166 + 23,058 (24% of 96,075) + 32% of
	// (233,900 - 201,775 = 32,125) = 10,280 -> 51,304.
	if ct.Tax.Federal != engine.Dollars(51304) {
		t.Fatalf("federal = %v", ct.Tax.Federal)
	}
	if ct.Withheld != engine.Dollars(24734+22000) || ct.Owed != engine.Dollars(51304-46734) {
		t.Errorf("withheld %v owed %v", ct.Withheld, ct.Owed)
	}
}

func TestOfferSplitsAcrossCalendarYears(t *testing.T) {
	o := engine.Offer{Base: engine.Dollars(200000), Start: time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)}
	o.SignOn[0] = engine.Dollars(50000)
	w := engine.Evaluate(o)
	wages, note, err := OfferWages(o, w, 2026)
	if err != nil || note != "" {
		t.Fatal(err, note)
	}
	if wages.First != 2026 || len(wages.Parts[0]) != 5 {
		t.Fatalf("wages = %+v", wages)
	}
	est, err := testTables().Estimate("US-WA", wages, Household{})
	if err != nil {
		t.Fatal(err)
	}
	var years, cal engine.Money
	for _, y := range est.Years {
		years += y.Tax.Total()
		if y.Gross+0 != y.Net+y.Tax.Total() {
			t.Errorf("year %+v does not add up", y)
		}
	}
	for _, c := range est.Calendar {
		cal += c.Tax.Total()
	}
	if years != cal || est.Years[0].Gross != engine.Dollars(250000) {
		t.Errorf("employment years %v != calendar years %v (gross y1 %v)", years, cal, est.Years[0].Gross)
	}
	if len(est.Notes) == 0 || est.Notes[0] != "2027-2030 use the United States tables of 2026, not indexed for inflation" {
		t.Errorf("notes = %q", est.Notes)
	}
	// Without a start date: January 1 of the year received.
	o.Start = time.Time{}
	o.Received = time.Date(2025, 11, 3, 0, 0, 0, 0, time.UTC)
	_, note, _ = OfferWages(o, w, 2026)
	if note != "no start date: assumed January 1, 2025" {
		t.Errorf("note = %q", note)
	}
}

func TestApportionKeepsEveryCent(t *testing.T) {
	parts := apportion(engine.Money(100), []engine.Money{1, 1, 1})
	if parts[0]+parts[1]+parts[2] != 100 {
		t.Fatalf("parts %v", parts)
	}
}

// Wages over more years than the tables cover: each code can reuse its
// oldest table before its year and its newest after it, and every reuse
// is said (five notes here, more than one per federal, state and local).
func TestEveryReusedTableIsNoted(t *testing.T) {
	tables := testTables()
	us2025, ny2026 := tables.Jurisdictions[0], tables.Jurisdictions[3]
	us2025.Year, ny2026.Year = 2025, 2026
	tables.Jurisdictions = append(tables.Jurisdictions, us2025, ny2026)
	w := Wages{First: 2024}
	for range 5 {
		w.Parts[0] = append(w.Parts[0], engine.Dollars(100000))
		w.Supplemental[0] = append(w.Supplemental[0], 0)
	}
	est, err := tables.Estimate("US-NY-NYC", w, Household{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"2024 uses the United States tables of 2025, not indexed for inflation",
		"2025 uses the New York tables of 2024, not indexed for inflation",
		"2025-2028 use the New York City tables of 2024, not indexed for inflation",
		"2027-2028 use the United States tables of 2026, not indexed for inflation",
		"2027-2028 use the New York tables of 2026, not indexed for inflation",
	}
	if strings.Join(est.Notes, "\n") != strings.Join(want, "\n") {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(est.Notes, "\n"), strings.Join(want, "\n"))
	}
}
