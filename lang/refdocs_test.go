package lang

import (
	"os"
	"strings"
	"testing"

	"github.com/offerkit/offerkit/lang/langtest"
)

const (
	refStart = "<!-- reference: generated from lang/schema*.go; do not edit by hand -->\n"
	refEnd   = "<!-- end of generated section -->\n"
)

// TestFormatDocMatchesSchema keeps docs/format.md's reference section equal
// to the schema. Run `go test ./lang -run FormatDoc -update` after changing
// the schema.
func TestFormatDocMatchesSchema(t *testing.T) {
	checkGenerated(t, "../docs/format.md", refStart, SchemaMarkdown())
}

// checkGenerated compares the part of a doc between start and the end
// marker with the generated text, or rewrites it with -update.
func checkGenerated(t *testing.T, path, start, generated string) {
	t.Helper()
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(doc)
	i, j := strings.Index(s, start), strings.Index(s, refEnd)
	if i < 0 || j < i {
		t.Fatalf("%s lacks the generated-section markers", path)
	}
	want := start + "\n" + generated + refEnd
	got := s[i : j+len(refEnd)]
	if got == want {
		return
	}
	if *langtest.Update {
		if err := os.WriteFile(path, []byte(s[:i]+want+s[j+len(refEnd):]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatalf("%s is out of date; run go test ./lang -update", path)
}

// TestRulesDocMatchesTable keeps docs/rules.md's sections equal to the rule
// table. Run `go test ./lang -run RulesDoc -update` after changing it.
func TestRulesDocMatchesTable(t *testing.T) {
	checkGenerated(t, "../docs/rules.md", "<!-- rules: generated from lang/rules.go; do not edit by hand -->\n", RulesMarkdown())
}
