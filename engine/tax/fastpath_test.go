package tax

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/offerkit/offerkit/engine"
)

// TestFastPathsMatchExact holds the integer paths (rates converted once
// per Tables, prepared.go) to exact rational arithmetic: every schedule of
// the test tables on amounts around each bracket edge, the wage base, the
// integer range's end and at random, and the payroll rates on the same.
func TestFastPathsMatchExact(t *testing.T) {
	tables := testTables()
	p := tables.prepared()
	rng := rand.New(rand.NewSource(15))
	amounts := []engine.Money{0, 1, 49, 50, 99, maxFast - 1, maxFast, maxFast + 1, engine.Dollars(184500), engine.Dollars(200000) + 1}
	for i := range tables.Jurisdictions {
		j := &tables.Jurisdictions[i]
		if j.Income == nil {
			continue
		}
		for status, s := range j.Income.Schedules {
			var cases []engine.Money
			cases = append(cases, amounts...)
			for _, b := range s.Brackets {
				for _, d := range []engine.Money{-1, 0, 1} {
					cases = append(cases, b.Over+s.StandardDeduction+d)
				}
			}
			for k := 0; k < 2000; k++ {
				cases = append(cases, engine.Money(rng.Int63n(int64(engine.Dollars(3000000)))))
			}
			for _, x := range cases {
				want := engine.Money(0)
				if x-s.StandardDeduction > 0 {
					want = s.taxExact(x - s.StandardDeduction)
				}
				if got := s.tax(x, p.rates[i].schedules[status]); got != want {
					t.Fatalf("%s %s: tax(%d) = %d, exact %d", j.Code, status, x, got, want)
				}
				if got := s.tax(x, nil); got != want {
					t.Fatalf("%s %s: tax(%d) without rates = %d, exact %d", j.Code, status, x, got, want)
				}
			}
		}
		for k, c := range j.Payroll {
			for _, x := range amounts {
				if got, want := percentOf(x, c.Rate, p.rates[i].payroll[k]), x.Percent(c.Rate); got != want {
					t.Fatalf("%s %s: %d gives %d, exact %d", j.Code, c.Name, x, got, want)
				}
			}
		}
	}
	// A rate of four decimals takes the exact path.
	if u := milli(d("1.2345")); u != -1 {
		t.Fatalf("milli(1.2345) = %d, want -1", u)
	}
	s := Schedule{Brackets: brackets(0, "1.2345", 1000, "10")}
	us := []int64{milli(s.Brackets[0].Rate), milli(s.Brackets[1].Rate)}
	if got, want := s.tax(engine.Dollars(5000), us), s.taxExact(engine.Dollars(5000)); got != want || want != engine.Money(41235) {
		t.Fatalf("four decimals: %d, exact %d, want 41235 (12.345 + 400, rounded once)", got, want)
	}
}

// codePrefix cuts a region code as strings.Split and a join would.
func TestCodePrefix(t *testing.T) {
	for _, code := range []string{"", "US", "US-NY", "US-NY-NYC", "-", "US-", "--", "A-B-C-D"} {
		parts := strings.Split(code, "-")
		want, wantOK := "", len(parts) >= 2
		if wantOK {
			want = parts[0] + "-" + parts[1]
		}
		got, ok := codePrefix(code, 2)
		if ok != wantOK || (ok && got != want) {
			t.Errorf("codePrefix(%q) = %q, %v; want %q, %v", code, got, ok, want, wantOK)
		}
	}
}

// Tables are prepared once; Lookup and Has read the prepared index.
func TestLookupPrepared(t *testing.T) {
	tables := testTables()
	if j, reused := tables.Lookup("US-NY", 2027); j == nil || j.Year != 2024 || !reused {
		t.Fatalf("Lookup(US-NY, 2027) = %+v, %v", j, reused)
	}
	if j, reused := tables.Lookup("US", 2026); j == nil || reused {
		t.Fatalf("Lookup(US, 2026) = %+v, %v", j, reused)
	}
	if j, _ := tables.Lookup("US-CO", 2026); j != nil || tables.Has("US-CO") || !tables.Has("US-NY-NYC") {
		t.Fatal("US-CO known or NYC unknown")
	}
	if tables.Newest("US") != 2026 || tables.Newest("US-NY") != 2024 || tables.Newest("US-CO") != 0 {
		t.Fatalf("Newest: %d %d %d", tables.Newest("US"), tables.Newest("US-NY"), tables.Newest("US-CO"))
	}
}
