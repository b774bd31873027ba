package lang

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestEveryCodeIsDocumented scans the sources for diagnostic codes and
// checks docs/rules.md documents each of them.
func TestEveryCodeIsDocumented(t *testing.T) {
	doc, err := os.ReadFile("../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	patterns := []*regexp.Regexp{
		regexp.MustCompile(`errorf\("([a-z0-9-]+)"`),
		regexp.MustCompile(`Code:\s*"([a-z0-9-]+)"`),
		regexp.MustCompile(`":\s*"([a-z0-9-]+)",\s*$`), // hclCodes values
	}
	files, _ := filepath.Glob("*.go")
	engineFiles, _ := filepath.Glob("../engine/*.go")
	found := map[string]string{}
	for _, f := range append(files, engineFiles...) {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(src), "\n") {
			for _, p := range patterns {
				for _, m := range p.FindAllStringSubmatch(line, -1) {
					found[m[1]] = f
				}
			}
		}
	}
	if len(found) < 20 {
		t.Fatalf("found only %d codes; the scan is broken", len(found))
	}
	for code, file := range found {
		if !strings.Contains(string(doc), "| `"+code+"` |") {
			t.Errorf("code %q (used in %s) is not documented in docs/rules.md", code, file)
		}
	}
}
