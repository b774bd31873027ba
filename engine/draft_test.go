package engine

import "testing"

// A band of base 180,000-220,000, sign-on 100,000-200,000 and a four-year
// grant of 300,000-500,000, its ends at p0 and p100. At p75:
//
//	base    180,000 + 75% × 40,000  = 210,000
//	sign-on 100,000 + 75% × 100,000 = 175,000
//	grant   300,000 + 75% × 200,000 = 450,000
func TestDraftCounter(t *testing.T) {
	band := &Band{Base: Range{Dollars(180000), Dollars(220000)}, SignOn: Range{Dollars(100000), Dollars(200000)},
		Equity: Range{Dollars(300000), Dollars(500000)}, Percentiles: [2]int{0, 100}}
	o := Offer{Name: "o", Base: Dollars(195000), SignOn: SignOn{Dollars(50000), Dollars(40000)}}

	c := DraftCounter(o, band, nil, 75)
	if c.Offer != "o" || c.Base == nil || *c.Base != Dollars(210000) {
		t.Errorf("base: %+v", c.Base)
	}
	// 90,000 offered; the 85,000 short of 175,000 goes to year 1.
	if c.SignOn == nil || *c.SignOn != (SignOn{Dollars(135000), Dollars(40000)}) {
		t.Errorf("sign-on: %+v", c.SignOn)
	}
	if c.Equity == nil || c.Equity.Value == nil || *c.Equity.Value != Dollars(450000) {
		t.Errorf("equity: %+v", c.Equity)
	}

	// A cap of 205,000 holds the base ask under it.
	if c := DraftCounter(o, band, &Cap{Base: Dollars(205000)}, 75); c.Base == nil || *c.Base != Dollars(205000) {
		t.Errorf("capped base: %+v", c.Base)
	}
	// A cap under the offered base: no base ask at all.
	if c := DraftCounter(o, band, &Cap{Base: Dollars(190000)}, 75); c.Base != nil {
		t.Errorf("base asked under the offer: %v", *c.Base)
	}

	// An offer at or above every target asks for nothing (the band here
	// states no equity range).
	rich, noEquity := Offer{Base: Dollars(210000), SignOn: SignOn{Dollars(175000)}}, *band
	noEquity.Equity = Range{}
	if c := DraftCounter(rich, &noEquity, nil, 75); c.Base != nil || c.SignOn != nil || c.Equity != nil {
		t.Errorf("asks of an offer already at target: %+v", c)
	}
	// Without a band there is nothing to aim at.
	if c := DraftCounter(o, nil, nil, 75); c.Base != nil || c.SignOn != nil || c.Equity != nil {
		t.Errorf("asks without a band: %+v", c)
	}
}

// A target between whole thousands is asked for as the next one up: at p70
// of base 180,000-220,000 the band says 208,000 exactly, at p71 208,400,
// asked for as 209,000; a cap of 208,500 still holds the ask under it.
func TestDraftCounterAsksWholeThousands(t *testing.T) {
	band := &Band{Base: Range{Dollars(180000), Dollars(220000)}, Percentiles: [2]int{0, 100}}
	o := Offer{Name: "o", Base: Dollars(195000)}
	if c := DraftCounter(o, band, nil, 70); c.Base == nil || *c.Base != Dollars(208000) {
		t.Errorf("p70: %+v", c.Base)
	}
	if c := DraftCounter(o, band, nil, 71); c.Base == nil || *c.Base != Dollars(209000) {
		t.Errorf("p71: %+v", c.Base)
	}
	if c := DraftCounter(o, band, &Cap{Base: Dollars(208500)}, 71); c.Base == nil || *c.Base != Dollars(208500) {
		t.Errorf("p71 capped: %+v", c.Base)
	}
	// At or above the band's top percentile the target is the top itself,
	// which rounding must not carry past: 320,250, not 321,000.
	top := &Band{Base: Range{Dollars(180000), Dollars(320250)}, Percentiles: [2]int{25, 75}}
	if c := DraftCounter(o, top, nil, 75); c.Base == nil || *c.Base != Dollars(320250) {
		t.Errorf("p75 of a band whose top is 320,250: %+v", c.Base)
	}
	if got := roundAskUp(Money(22846154)); got != Dollars(229000) {
		t.Errorf("228,461.54 asked as %v", got)
	}
}
