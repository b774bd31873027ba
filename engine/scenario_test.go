package engine

import "testing"

func TestMovesPerCompany(t *testing.T) {
	amazon := Offer{Name: "a", Company: "Amazon", Base: Dollars(200000), Equity: &Grant{Value: Dollars(400000), Schedule: Schedule{Percent: []Dec{DecInt(25), DecInt(25), DecInt(25), DecInt(25)}}}}
	globex := Offer{Name: "g", Company: "Globex", Base: Dollars(250000), Equity: &Grant{Value: Dollars(200000), Schedule: Schedule{Percent: []Dec{DecInt(25), DecInt(25), DecInt(25), DecInt(25)}}}}
	as := []Analysis{{Offer: amazon, Worth: Evaluate(amazon)}, {Offer: globex, Worth: Evaluate(globex)}}
	a, _ := ParseCompanyChanges("amazon=-50,0")
	g, _ := ParseCompanyChanges("Globex=0,100")
	moves := Moves(nil, []CompanyChanges{a, g})
	if len(moves) != 4 || moves[1].Label() != "amazon -50%, Globex +100%" {
		t.Fatalf("moves = %d, %q", len(moves), moves[1].Label())
	}
	c := CompareUnder(as, moves)
	// Amazon -50%, Globex 0%: Amazon 4 x 200,000 + 200,000 = 1,000,000;
	// Globex 4 x 250,000 + 200,000 = 1,200,000: Globex wins.
	s := c.Scenarios[0]
	if s.Worth[0].Total != Dollars(1000000) || s.Worth[1].Total != Dollars(1200000) || s.Rank[1] != 1 {
		t.Fatalf("scenario 0: %v %v %v", s.Worth[0].Total, s.Worth[1].Total, s.Rank)
	}
	// Amazon 0%, Globex +100%: 1,200,000 against 1,400,000.
	s = c.Scenarios[3]
	if s.Worth[0].Total != Dollars(1200000) || s.Worth[1].Total != Dollars(1400000) {
		t.Fatalf("scenario 3: %v %v", s.Worth[0].Total, s.Worth[1].Total)
	}
	// One list for every company moves both.
	all, _ := ParseCompanyChanges("-50")
	c = CompareUnder(as, Moves(all.Changes, nil))
	if c.Scenarios[0].Worth[1].Total != Dollars(1100000) || c.Scenarios[0].Move.Label() != "-50%" {
		t.Fatalf("all -50%%: %v", c.Scenarios[0].Worth[1].Total)
	}
	if _, err := ParseCompanyChanges("=10"); err == nil {
		t.Fatal("an empty company name was accepted")
	}
}
