package langtest

import (
	"strings"
	"testing"
)

// TestOfferBlockLayout holds what OfferBlock and File promise and the
// benchmarks and hostile-input tests rely on: 19 lines, the base 195000 on
// line 5 (from 0) at characters 13-19, and the block counts of File.
func TestOfferBlockLayout(t *testing.T) {
	lines := strings.Split(OfferBlock(3), "\n")
	if len(lines) != 20 || lines[19] != "" || lines[0] != `offer "o_3" {` || lines[18] != "}" {
		t.Fatalf("OfferBlock(3) is not 19 lines of offer o_3:\n%s", strings.Join(lines, "\n"))
	}
	if lines[1] != `  company  = "Acme"` || lines[5] != "  base     = 195000" || lines[5][13:19] != "195000" {
		t.Errorf("line 1 %q, line 5 %q", lines[1], lines[5])
	}
	for _, c := range []struct{ lines, blocks int }{{300, 16}, {5000, 264}} {
		if n := strings.Count(File(c.lines), "\noffer \"o_") + 1; n != c.blocks {
			t.Errorf("File(%d) holds %d blocks, want %d", c.lines, n, c.blocks)
		}
	}
}
