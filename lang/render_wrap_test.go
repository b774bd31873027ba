package lang

import (
	"github.com/hashicorp/hcl/v2"
	"reflect"
	"strings"
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

// A diagnostic on a line of megabytes shows a window of the line around
// it, with its marker under the same character.
func TestSnippetOfALongLine(t *testing.T) {
	line := "  base = " + strings.Repeat("[\"]\",", 100000) + "X" + strings.Repeat("y", 100000)
	src := []byte("offer \"a\" {\n" + line + "\n}\n")
	col := strings.Index(line, "X") + 1
	d := errorf("nesting-too-deep", hcl.Range{Filename: "a.offer.hcl", Start: hcl.Pos{Line: 2, Column: col, Byte: 12 + col - 1}, End: hcl.Pos{Line: 2, Column: col + 1, Byte: 12 + col}}, "Nesting too deep", "x")
	var b strings.Builder
	if err := WriteText(&b, Diagnostics{d}, func(string) []byte { return src }); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	var text, marks string
	for i, l := range lines {
		if strings.HasPrefix(l, "    2 | ") {
			text, marks = l, lines[i+1]
		}
	}
	if len(text) > 300 || !strings.Contains(text, "…") {
		t.Fatalf("snippet line of %d bytes: %.300s", len(text), text)
	}
	at := strings.Index(marks, "^")
	if []rune(text)[at] != 'X' || strings.Count(marks, "^") != 1 {
		t.Errorf("marker not under X:\n%s\n%s", text, marks)
	}
}
