package engine

import (
	"reflect"
	"testing"
)

func worthOf(cents ...int64) Worth {
	var w Worth
	for i, c := range cents {
		w.Years[i].Total = Money(c)
	}
	return w
}

// Years 300k/350k/320k/320k: year 3 dips $30,000 below year 2, the best
// year before it; year 4 stays at the dip (the same cliff). A tolerance
// of $30,000 still flags the dip (exactly the threshold); one cent more
// hides it.
func TestCliffsBelowTheBestEarlierYear(t *testing.T) {
	w := worthOf(300000_00, 350000_00, 320000_00, 320000_00)
	want := []Cliff{{Year: 3, Below: 2, Gap: Dollars(30000)}}
	if got := Cliffs(w, CliffTolerance{}); !reflect.DeepEqual(got, want) {
		t.Fatalf("Cliffs = %+v, want %+v", got, want)
	}
	if got := Cliffs(w, CliffTolerance{Amount: Dollars(30000), AmountSet: true}); !reflect.DeepEqual(got, want) {
		t.Fatalf("tolerance $30,000 (the gap): %+v, want %+v", got, want)
	}
	if got := Cliffs(w, CliffTolerance{Amount: Dollars(30000) + 1, AmountSet: true}); len(got) != 0 {
		t.Fatalf("tolerance $30,000.01: %+v, want none", got)
	}
}

// The threshold at its edge, worked by hand for each form: a dip of
// exactly the threshold is a cliff, a dip one cent smaller is not.
func TestCliffToleranceAtTheThreshold(t *testing.T) {
	pct := func(s string) CliffTolerance { return CliffTolerance{Percent: MustDec(s), PercentSet: true} }
	amount := func(c int64) CliffTolerance { return CliffTolerance{Amount: Money(c), AmountSet: true} }
	cases := []struct {
		name    string
		t       CliffTolerance
		peak    int64 // cents, year 1
		year2   int64 // cents
		flagged bool
	}{
		// Default 1% of $350,000 = $3,500.
		{"default at the threshold", CliffTolerance{}, 350000_00, 346500_00, true},
		{"default one cent short", CliffTolerance{}, 350000_00, 346500_01, false},
		// 1% of $333,333.33 = $3,333.3333: $3,333.34 reaches it, $3,333.33 does not.
		{"default, a threshold of a fraction of a cent", CliffTolerance{}, 333333_33, 329999_99, true},
		{"default, one cent under a fractional threshold", CliffTolerance{}, 333333_33, 330000_00, false},
		// cliff_tolerance = 2.5: 2.5% of $350,000 = $8,750.
		{"2.5% at the threshold", pct("2.5"), 350000_00, 341250_00, true},
		{"2.5% one cent short", pct("2.5"), 350000_00, 341250_01, false},
		// cliff_tolerance = 0: every dip, however small.
		{"0% one cent", pct("0"), 350000_00, 349999_99, true},
		{"0% no dip", pct("0"), 350000_00, 350000_00, false},
		// cliff_tolerance_amount = 1000.
		{"amount at the threshold", amount(1000_00), 350000_00, 349000_00, true},
		{"amount one cent short", amount(1000_00), 350000_00, 349000_01, false},
		// The cent: a $0.01 dip is no cliff by default.
		{"default, a one-cent dip", CliffTolerance{}, 350000_00, 349999_99, false},
	}
	for _, c := range cases {
		w := worthOf(c.peak, c.year2, c.year2, c.year2)
		got := Cliffs(w, c.t)
		if (len(got) > 0) != c.flagged {
			t.Errorf("%s: cliffs %+v, want flagged %v", c.name, got, c.flagged)
		}
		if c.flagged && (got[0].Year != 2 || got[0].Below != 1 || got[0].Gap != Money(c.peak-c.year2)) {
			t.Errorf("%s: %+v", c.name, got[0])
		}
	}
}

// The analysis keeps the cliffs under the tolerance it was given, and the
// cliff rule flags exactly those.
func TestAnalyzeKeepsTheToleranceCliffs(t *testing.T) {
	o := Offer{Base: Dollars(200000), SignOn: SignOn{Dollars(8750)}}
	var a Analysis
	AnalyzeInto(&a, o, nil, CliffTolerance{Percent: MustDec("4.2"), PercentSet: true}) // 4.2% of 208,750 = 8,767.50 > 8,750
	if len(a.Cliffs) != 0 || hasCode(a.Flags, "cliff") {
		t.Fatalf("4.2%%: cliffs %+v, flags %+v", a.Cliffs, a.Flags)
	}
	AnalyzeInto(&a, o, nil, CliffTolerance{Percent: MustDec("4.19"), PercentSet: true}) // 8,746.625 <= 8,750
	if len(a.Cliffs) != 1 || !hasCode(a.Flags, "cliff") {
		t.Fatalf("4.19%%: cliffs %+v, flags %+v", a.Cliffs, a.Flags)
	}
}

func hasCode(fs []Flag, code string) bool {
	for _, f := range fs {
		if f.Code == code {
			return true
		}
	}
	return false
}
