package engine

import (
	"reflect"
	"testing"
)

// Years 300k/350k/320k/320k: year 3 dips $30,000 below year 2, the best
// year before it; year 4 stays at the dip (the same cliff). A tolerance
// of $30,000 or more hides the dip; just under it keeps it.
func TestCliffsBelowTheBestEarlierYear(t *testing.T) {
	var w Worth
	for i, total := range []int64{300000, 350000, 320000, 320000} {
		w.Years[i].Total = Dollars(total)
	}
	want := []Cliff{{Year: 3, Below: 2, Gap: Dollars(30000)}}
	if got := Cliffs(w); !reflect.DeepEqual(got, want) {
		t.Fatalf("Cliffs = %+v, want %+v", got, want)
	}
	if got := cliffsBeyond(w, Dollars(30000)); len(got) != 0 {
		t.Fatalf("tolerance $30,000: %+v, want none", got)
	}
	if got := cliffsBeyond(w, Dollars(30000)-1); !reflect.DeepEqual(got, want) {
		t.Fatalf("tolerance $29,999.99: %+v, want %+v", got, want)
	}
}
