package engine

import (
	"reflect"
	"strings"
	"testing"
)

// threeOffers are analysed offers with figures worked out by hand.
//
//	A (amazon schedule, relocation 25,000):
//	  Y1 195,000 + 110,000 +  20,000 + 25,000 = 350,000
//	  Y2 195,000 +  90,000 +  60,000          = 345,000
//	  Y3 195,000 +       0 + 160,000          = 355,000
//	  Y4 355,000; total 1,405,000; equity 400,000
//	B (even schedule, 600,000 grant = 150,000 a year):
//	  Y1 200,000 + 50,000 + 150,000 = 400,000; Y2-Y4 350,000; total 1,450,000
//	C (amazon schedule, 300,000 grant):
//	  Y1 180,000 + 150,000 + 15,000 = 345,000; Y2 180,000 + 120,000 + 45,000 = 345,000
//	  Y3 180,000 + 120,000 = 300,000; Y4 300,000; total 1,290,000; equity 300,000
func threeOffers() []Analysis {
	even := Schedule{Name: "even", Percent: []Dec{DecInt(25), DecInt(25), DecInt(25), DecInt(25)}}
	offers := []Offer{
		{Name: "A", Base: Dollars(195000), SignOn: SignOn{Dollars(110000), Dollars(90000)},
			Equity: &Grant{Value: Dollars(400000), Schedule: amazon()}, Relocation: Dollars(25000)},
		{Name: "B", Base: Dollars(200000), SignOn: SignOn{Dollars(50000)},
			Equity: &Grant{Value: Dollars(600000), Schedule: even}},
		{Name: "C", Base: Dollars(180000), SignOn: SignOn{Dollars(150000), Dollars(120000)},
			Equity: &Grant{Value: Dollars(300000), Schedule: amazon()}},
	}
	var out []Analysis
	for _, o := range offers {
		out = append(out, Analyze(o, nil))
	}
	return out
}

func TestCompareRanks(t *testing.T) {
	c := CompareOffers(threeOffers(), nil)
	if c.Mixed || c.Currency != "USD" {
		t.Fatalf("currency %q mixed %v", c.Currency, c.Mixed)
	}
	// Y1: A 350,000  B 400,000  C 345,000 -> 2 1 3
	// Y2: A 345,000  B 350,000  C 345,000 -> 2 1 2 (A and C tie)
	// Y3: A 355,000  B 350,000  C 300,000 -> 1 2 3; Y4 the same
	// 4 years: A 1,405,000  B 1,450,000  C 1,290,000 -> 2 1 3
	want := [][Years]int{{2, 2, 1, 1}, {1, 1, 2, 2}, {3, 2, 3, 3}}
	wantTotal := []int{2, 1, 3}
	for i, o := range c.Offers {
		if o.YearRank != want[i] || o.TotalRank != wantTotal[i] {
			t.Errorf("%s: year ranks %v total %d, want %v %d", o.Analysis.Offer.Name, o.YearRank, o.TotalRank, want[i], wantTotal[i])
		}
	}
	if got := c.YearWinners(2); !reflect.DeepEqual(got, []int{1}) {
		t.Errorf("year 2 winners %v", got)
	}
	if got := c.YearWinners(3); !reflect.DeepEqual(got, []int{0}) {
		t.Errorf("year 3 winners %v", got)
	}
	if got := c.TotalWinners(); !reflect.DeepEqual(got, []int{1}) {
		t.Errorf("4-year winners %v", got)
	}
	// C falls 45,000 below its first year in year 3 (year 4 stays at the dip: one cliff).
	if got := c.Offers[2].Cliffs; !reflect.DeepEqual(got, []Cliff{{Year: 3, Below: 1, Gap: Dollars(45000)}}) {
		t.Errorf("C cliffs %+v", got)
	}
	// B falls 50,000 below year 1 in year 2 and stays there.
	if got := c.Offers[1].Cliffs; !reflect.DeepEqual(got, []Cliff{{Year: 2, Below: 1, Gap: Dollars(50000)}}) {
		t.Errorf("B cliffs %+v", got)
	}
	if c.Index("C") != 2 || c.Index("Z") != -1 {
		t.Errorf("Index")
	}
}

func TestRanksTies(t *testing.T) {
	got := Ranks([]Money{5, 9, 5, 9, 1})
	if !reflect.DeepEqual(got, []int{3, 1, 3, 1, 5}) {
		t.Fatalf("ranks %v", got)
	}
	if w := Winners(got); !reflect.DeepEqual(w, []int{1, 3}) {
		t.Fatalf("winners %v", w)
	}
}

func TestCompareScenarios(t *testing.T) {
	c := CompareOffers(threeOffers(), []Dec{DecInt(-50), DecInt(-30), DecInt(0), DecInt(50)})
	// Each offer's 4-year total moves by its equity times the change:
	// -50%: A 1,405,000 - 200,000 = 1,205,000; B 1,450,000 - 300,000 = 1,150,000;
	//       C 1,290,000 - 150,000 = 1,140,000 -> A wins
	// -30%: A 1,405,000 - 120,000 = 1,285,000; B 1,450,000 - 180,000 = 1,270,000;
	//       C 1,290,000 -  90,000 = 1,200,000 -> A wins
	//   0%: B wins with 1,450,000
	// +50%: A 1,605,000; B 1,750,000; C 1,440,000 -> B wins
	want := []struct {
		totals  []Money
		winners []int
	}{
		{[]Money{Dollars(1205000), Dollars(1150000), Dollars(1140000)}, []int{0}},
		{[]Money{Dollars(1285000), Dollars(1270000), Dollars(1200000)}, []int{0}},
		{[]Money{Dollars(1405000), Dollars(1450000), Dollars(1290000)}, []int{1}},
		{[]Money{Dollars(1605000), Dollars(1750000), Dollars(1440000)}, []int{1}},
	}
	for i, s := range c.Scenarios {
		var totals []Money
		for _, w := range s.Worth {
			totals = append(totals, w.Total)
		}
		if !reflect.DeepEqual(totals, want[i].totals) || !reflect.DeepEqual(Winners(s.Rank), want[i].winners) {
			t.Errorf("scenario %s: totals %v winners %v, want %v %v", SignedPercent(s.Change), totals, Winners(s.Rank), want[i].totals, want[i].winners)
		}
	}
}

func TestScenarioOnTopOfGrowth(t *testing.T) {
	// 100,000 even grant, 10% growth a year, price 20% lower in the scenario:
	// Y1 25,000 * 1.1 * 0.8 = 22,000; Y2 25,000 * 1.21 * 0.8 = 24,200;
	// Y3 25,000 * 1.331 * 0.8 = 26,620; Y4 25,000 * 1.4641 * 0.8 = 29,282
	o := Offer{Name: "D", Equity: &Grant{Value: Dollars(100000), Growth: DecInt(10),
		Schedule: Schedule{Percent: []Dec{DecInt(25), DecInt(25), DecInt(25), DecInt(25)}}}}
	c := CompareOffers([]Analysis{Analyze(o, nil)}, []Dec{DecInt(-20)})
	w := c.Scenarios[0].Worth[0]
	for i, want := range []Money{Dollars(22000), Dollars(24200), Dollars(26620), Dollars(29282)} {
		if w.Years[i].Equity != want {
			t.Errorf("year %d equity %s, want %s", i+1, w.Years[i].Equity, want)
		}
	}
}

func TestCompareMixedCurrencies(t *testing.T) {
	a := Analyze(Offer{Name: "us", Base: Dollars(200000)}, nil)
	b := Analyze(Offer{Name: "eu", Currency: "EUR", Base: Dollars(150000)}, nil)
	c := CompareOffers([]Analysis{a, b}, []Dec{DecInt(10)})
	if !c.Mixed || c.Currency != "" || c.Offers[0].TotalRank != 0 || c.TotalWinners() != nil || c.Scenarios[0].Rank != nil {
		t.Fatalf("mixed currencies ranked: %+v", c)
	}
}

func TestParsePriceChanges(t *testing.T) {
	got, err := ParsePriceChanges("-30, 0,+30%,12.5")
	if err != nil {
		t.Fatal(err)
	}
	var s []string
	for _, d := range got {
		s = append(s, SignedPercent(d))
	}
	if strings.Join(s, " ") != "-30% 0% +30% +12.5%" {
		t.Fatalf("parsed %v", s)
	}
	for _, bad := range []string{"", "-30,,30", "ten", "-150", "1e3", "1/2"} {
		if _, err := ParsePriceChanges(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
