package engine

import "testing"

func TestSameCompany(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Amazon", "amazon", true},
		{"Amazon", "Amazon.com", true},
		{" AMAZON ", "Amazon.com, Inc.", true},
		{"Amazon", "Globex", false},
		{"", "", false},
		{"Amazon", "", false},
		{"Google", "Googles", false},
	} {
		if got := SameCompany(c.a, c.b); got != c.want {
			t.Errorf("SameCompany(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
