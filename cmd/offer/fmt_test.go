package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const messy = "offer \"x\" {\n  base=150000   \n}\ncounter \"y\" {\n  offer = offer.x\n}\n"
const tidy = "offer \"x\" {\n  base = 150000\n}\n\ncounter \"y\" {\n  offer = offer.x\n}\n"

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestFmtCheck(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.offer.hcl": messy, "b.offer.hcl": tidy})
	out, _, code := runCLI(t, "fmt", "-check", dir)
	if code != exitFindings || strings.TrimSpace(out) != filepath.Join(dir, "a.offer.hcl") {
		t.Errorf("fmt -check: exit %d, output %q; want exit 1 listing a.offer.hcl only", code, out)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "a.offer.hcl")); string(got) != messy {
		t.Error("fmt -check wrote the file")
	}
	out, _, code = runCLI(t, "fmt", "-check", filepath.Join(dir, "b.offer.hcl"))
	if code != exitOK || out != "" {
		t.Errorf("tidy file: exit %d %q", code, out)
	}
}

func TestFmtDiff(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.offer.hcl": messy})
	t.Chdir(dir)
	out, _, code := runCLI(t, "fmt", "-diff", "a.offer.hcl")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	golden(t, "fmt_diff.txt", out)
	_, _, code = runCLI(t, "fmt", "-diff", "-check", "a.offer.hcl")
	if code != exitFindings {
		t.Errorf("-diff -check: exit %d, want 1", code)
	}
}

func TestFmtWrite(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.offer.hcl": messy, "b.offer.hcl": tidy})
	a := filepath.Join(dir, "a.offer.hcl")
	os.Chmod(a, 0o600)
	out, errOut, code := runCLI(t, "fmt", "-w", dir)
	if code != exitOK || strings.TrimSpace(out) != a {
		t.Fatalf("fmt -w: exit %d, %q %s", code, out, errOut)
	}
	got, _ := os.ReadFile(a)
	st, _ := os.Stat(a)
	if string(got) != tidy || st.Mode().Perm() != 0o600 {
		t.Errorf("after -w: %q mode %v", got, st.Mode().Perm())
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 2 {
		t.Errorf("files left behind: %v", ents)
	}
}

func TestFmtRefusesSyntaxErrors(t *testing.T) {
	broken := "offer \"x\" {\n  base=\n"
	dir := writeFiles(t, map[string]string{"a.offer.hcl": broken, "b.offer.hcl": messy})
	out, errOut, code := runCLI(t, "fmt", "-w", dir)
	if code != exitFindings {
		t.Errorf("exit %d, want 1", code)
	}
	mustContain(t, errOut, "a.offer.hcl:2:8: error[syntax]", "not formatted: fix the syntax error(s) above first")
	if got, _ := os.ReadFile(filepath.Join(dir, "a.offer.hcl")); string(got) != broken {
		t.Errorf("broken file rewritten: %q", got)
	}
	// The other file is still formatted.
	if got, _ := os.ReadFile(filepath.Join(dir, "b.offer.hcl")); string(got) != tidy || !strings.Contains(out, "b.offer.hcl") {
		t.Errorf("b.offer.hcl = %q", got)
	}
}

func TestFmtStdin(t *testing.T) {
	var o, e strings.Builder
	code := run([]string{"fmt", "-"}, strings.NewReader(messy), &o, &e)
	if code != exitOK || o.String() != tidy {
		t.Errorf("fmt -: exit %d %q %s", code, o.String(), e.String())
	}
}

// TestFmtExamplesAreFormatted keeps the examples in the canonical layout.
func TestFmtExamplesAreFormatted(t *testing.T) {
	out, errOut, code := runCLI(t, "fmt", "-check", filepath.Join(repoRoot, "examples"))
	if code != exitOK {
		t.Errorf("examples need offer fmt -w:\n%s%s", out, errOut)
	}
}
