package lang

import (
	"strings"
	"testing"
)

// hub finds a location's region as looking its hubKey up does, for
// ASCII locations keyed on the stack and for the rest.
func TestHubMatchesHubKey(t *testing.T) {
	hubs := map[string]string{"seattle": "US-WA", "bay area": "US-CA", "nyc": "US-NY-NYC", "new york city": "US-NY-NYC", "zürich": "CH-ZH"}
	for _, loc := range []string{"Seattle", "SEATTLE", "  seattle ", "Bay Area", "bay\tarea", "Bay  \n Area", "BayArea", "NYC",
		"New York City", "new york  city", "Zürich", "ZÜRICH", "Austin", "", " ", "a\u00a0b", "Bay\u00a0Area",
		strings.Repeat("x", 64), strings.Repeat("x", 65), strings.Repeat("x ", 40), strings.Repeat("x", 63) + " y"} {
		if got, want := hub(hubs, loc), hubs[hubKey(loc)]; got != want {
			t.Errorf("hub(%q) = %q, hubKey finds %q", loc, got, want)
		}
	}
	long := strings.Repeat("x", 63) + " y"
	hubs[hubKey(long)] = "US-XX"
	if hub(hubs, long) != "US-XX" {
		t.Errorf("a location longer than the buffer is not found")
	}
}
