package lang

import (
	"reflect"
	"testing"
)

func TestWrap(t *testing.T) {
	for _, c := range []struct {
		text  string
		width int
		want  []string
	}{
		{"a bb ccc dddd", 6, []string{"a bb", "ccc", "dddd"}},
		{"Year 2 pays €200,000, €30,000 less", 12, []string{"Year 2 pays", "€200,000,", "€30,000 less"}},
		{"one\n\ntwo  words", 80, []string{"one", "", "two words"}},
		{"averyveryverylongword short", 5, []string{"averyveryverylongword", "short"}},
	} {
		if got := wrap(c.text, c.width); !reflect.DeepEqual(got, c.want) {
			t.Errorf("wrap(%q, %d) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}
