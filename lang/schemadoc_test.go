package lang

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var updateDocs = flag.Bool("update", false, "rewrite the generated part of docs/format.md")

const (
	refStart = "<!-- reference: generated from lang/schema*.go; do not edit by hand -->\n"
	refEnd   = "<!-- end of reference -->\n"
)

// TestFormatDocMatchesSchema keeps docs/format.md's reference section equal
// to the schema. Run `go test ./lang -run FormatDoc -update` after changing
// the schema.
func TestFormatDocMatchesSchema(t *testing.T) {
	const path = "../docs/format.md"
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(doc)
	i, j := strings.Index(s, refStart), strings.Index(s, refEnd)
	if i < 0 || j < i {
		t.Fatalf("docs/format.md lacks the reference markers")
	}
	want := refStart + "\n" + SchemaMarkdown() + refEnd
	got := s[i : j+len(refEnd)]
	if got == want {
		return
	}
	if *updateDocs {
		if err := os.WriteFile(path, []byte(s[:i]+want+s[j+len(refEnd):]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatal("docs/format.md's reference is out of date; run go test ./lang -run FormatDoc -update")
}
