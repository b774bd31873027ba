package main

// This file runs the CLI golden tests. Each testdata/cli/*.txtar archive
// holds the input files, an "args" entry (one argument per line) and the
// expected "stdout", "stderr" (when checked) and "exit" entries. Run
// `go test ./cmd/offer -update` to rewrite the expectations after a
// deliberate change, and review the diff.

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

func TestCLI(t *testing.T) {
	archives, _ := filepath.Glob("testdata/cli/*.txtar")
	if len(archives) == 0 {
		t.Fatal("no test archives")
	}
	for _, path := range archives {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			runArchive(t, path)
		})
	}
}

func runArchive(t *testing.T, path string) {
	path, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	want := map[string]string{}
	var args []string
	for _, f := range ar.Files {
		switch f.Name {
		case "args":
			for _, line := range strings.Split(strings.TrimSpace(string(f.Data)), "\n") {
				if line != "" {
					args = append(args, line)
				}
			}
		case "stdout", "stderr", "exit":
			want[f.Name] = string(f.Data)
		default:
			p := filepath.Join(dir, f.Name)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(""), &stdout, &stderr)
	got := map[string]string{"stdout": stdout.String(), "stderr": stderr.String(), "exit": strconv.Itoa(code) + "\n"}
	if *update {
		for i, f := range ar.Files {
			if g, ok := got[f.Name]; ok {
				ar.Files[i].Data = []byte(g)
			}
		}
		if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, name := range []string{"exit", "stdout", "stderr"} {
		w, checked := want[name]
		if !checked {
			if name == "exit" {
				t.Fatal("archive has no exit entry")
			}
			continue
		}
		if got[name] != w {
			t.Errorf("%s differs.\n--- got ---\n%s\n--- want ---\n%s", name, got[name], w)
		}
	}
}
