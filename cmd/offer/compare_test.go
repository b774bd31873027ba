package main

// This file runs the golden tests of offer compare and of report's
// calendar, chart and file output. Each testdata/compare/*.txtar archive
// holds "args" (one argument per line), the expected "stdout", "stderr"
// (when checked) and "exit", and any extra input files. Every archive runs
// in a fresh directory holding the offers of compareOffers in offers/.
// `go test ./cmd/offer -update` rewrites the expectations.

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/offerkit/offerkit/lang/langtest"
	"golang.org/x/tools/txtar"
)

func TestCompareCLI(t *testing.T) {
	runArchives(t, "testdata/compare", compareOffers)
}

// compareOffers fills dir/offers with the offers the compare and report
// tests share: testdata/compare/offers/ and amazon.offer.hcl, the example's
// Amazon offer named "amazon" followed by testdata/compare/amazon-counters.hcl.
func compareOffers(t *testing.T, dir string) {
	t.Helper()
	offers := filepath.Join(dir, "offers")
	copyDir(t, filepath.Join(testdataDir, "compare", "offers"), offers)
	offer, err := os.ReadFile(filepath.Join(repoRoot, "examples", "amazon-l6-seattle", "offer.offer.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	counters, err := os.ReadFile(filepath.Join(testdataDir, "compare", "amazon-counters.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	amazon := langtest.Replace(string(offer), `offer "amazon_l6" {`, `offer "amazon" {`) + "\n" + string(counters)
	putFile(t, filepath.Join(offers, "amazon.offer.hcl"), []byte(amazon))
}

// runArchives runs each *.txtar archive of dir as a subtest (runGolden), in
// a fresh directory that prepare, when given, fills first.
func runArchives(t *testing.T, dir string, prepare func(t *testing.T, dir string)) {
	archives, _ := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if len(archives) == 0 {
		t.Fatal("no test archives in " + dir)
	}
	for _, path := range archives {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			work := t.TempDir()
			if prepare != nil {
				prepare(t, work)
			}
			runGolden(t, path, work)
		})
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	if err := os.MkdirAll(to, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// runGolden runs one archive in dir and compares (or with -update rewrites)
// its expectations.
func runGolden(t *testing.T, path, dir string) {
	path, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
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
		case "examples":
			// "amazon-l6-seattle/offer.offer.hcl neg/offer.offer.hcl" puts
			// that file of examples/ at neg/offer.offer.hcl.
			for _, line := range strings.Split(strings.TrimSpace(string(f.Data)), "\n") {
				from, to, ok := strings.Cut(line, " ")
				if !ok {
					t.Fatalf("examples line %q: want the example file and where to put it", line)
				}
				data, err := os.ReadFile(filepath.Join(repoRoot, "examples", from))
				if err != nil {
					t.Fatal(err)
				}
				putFile(t, filepath.Join(dir, to), data)
			}
		default:
			putFile(t, filepath.Join(dir, f.Name), f.Data)
		}
	}
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(""), &stdout, &stderr)
	got := map[string]string{"stdout": stdout.String(), "stderr": stderr.String(), "exit": strconv.Itoa(code) + "\n"}
	if *langtest.Update {
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
	if _, ok := want["exit"]; !ok {
		t.Fatal("archive has no exit entry")
	}
	for _, name := range []string{"exit", "stdout", "stderr"} {
		if w, checked := want[name]; checked && got[name] != w {
			t.Errorf("%s differs.\n--- got ---\n%s\n--- want ---\n%s", name, got[name], w)
		}
	}
}

// putFile writes data at path, making its folder first.
func putFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestReportOutputFile checks -o: the file holds exactly what standard
// output would, standard output stays empty, and a file that cannot be
// written leaves nothing behind and exits 2.
func TestReportOutputFile(t *testing.T) {
	dir := t.TempDir()
	compareOffers(t, dir)
	t.Chdir(dir)
	var direct, stdout, stderr bytes.Buffer
	if code := run([]string{"report", "--format", "svg", "offers/amazon.offer.hcl"}, nil, &direct, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if code := run([]string{"report", "--format", "svg", "-o", "chart.svg", "offers/amazon.offer.hcl"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	got, err := os.ReadFile("chart.svg")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr.String(), fmt.Sprintf("offer: wrote chart.svg (%d bytes)", len(got))) {
		t.Errorf("-o does not say what it wrote: %q", stderr.String())
	}
	if stdout.Len() != 0 || !bytes.Equal(got, direct.Bytes()) || !bytes.HasPrefix(got, []byte("<svg ")) {
		t.Fatalf("stdout %q; file differs from standard output (%d vs %d bytes)", stdout.String(), len(got), direct.Len())
	}
	stderr.Reset()
	code := run([]string{"report", "--format", "html", "-o", "missing/dir/report.html", "offers"}, nil, &stdout, &stderr)
	if code != exitUsage || !strings.Contains(stderr.String(), "cannot write missing/dir/report.html") {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	if entries, _ := os.ReadDir("."); len(entries) != 2 { // offers/ and chart.svg
		t.Fatalf("left behind: %v", entries)
	}
}
