package engine

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestEngineIsPure keeps the domain free of I/O, the clock, HCL and the
// protocol: no engine package imports them, directly or through a
// third-party package, and no engine source reads the clock.
func TestEngineIsPure(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}:{{join .Imports " "}}`, "github.com/offerkit/offerkit/engine/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	forbidden := map[string]bool{"os": true, "os/exec": true, "io/fs": true, "io/ioutil": true, "net": true, "net/http": true, "syscall": true, "bufio": true}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, ":")
		for _, imp := range strings.Fields(imports) {
			if forbidden[imp] || strings.Contains(imp, ".") && !strings.HasPrefix(imp, "github.com/offerkit/offerkit/engine") {
				t.Errorf("%s imports %s", pkg, imp)
			}
		}
	}
	files, _ := filepath.Glob("*.go")
	more, _ := filepath.Glob("*/*.go")
	for _, f := range append(files, more...) {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, _ := os.ReadFile(f)
		if strings.Contains(string(src), "time.Now(") {
			t.Errorf("%s reads the clock", f)
		}
	}
}

// TestImportDirection holds ARCHITECTURE.md's diagram: each package of the
// repository imports only packages below it, and only lsp imports glsp.
func TestImportDirection(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}:{{join .Imports " "}}`, "github.com/offerkit/offerkit/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	const mod = "github.com/offerkit/offerkit/"
	layer := map[string]int{
		"engine": 0, "engine/negotiate": 1, "engine/tax": 1,
		"lang": 2, "lang/langtest": 3, "lang/report": 3, "lang/analysis": 4, "lsp": 5, "cmd/offer": 6,
	}
	seen := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, ":")
		name := strings.TrimPrefix(pkg, mod)
		at, known := layer[name]
		if !known {
			continue // editors' and .ci's test programs sit above everything
		}
		seen++
		for _, imp := range strings.Fields(imports) {
			if strings.HasPrefix(imp, "github.com/tliron/glsp") && name != "lsp" {
				t.Errorf("%s imports glsp; only lsp may", name)
			}
			if !strings.HasPrefix(imp, mod) {
				continue
			}
			if to, ok := layer[strings.TrimPrefix(imp, mod)]; !ok || to >= at {
				t.Errorf("%s imports %s, which is not below it in ARCHITECTURE.md's diagram", name, imp)
			}
		}
	}
	if seen < len(layer) {
		t.Fatalf("go list found %d of the %d packages; the check is broken", seen, len(layer))
	}
}
