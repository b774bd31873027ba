package lang

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/offerkit/offerkit/lang/langtest"
)

// The lint benchmarks measure a full lint (parse, decode, cross-file check
// and engine analysis) against raw hclsyntax parsing of the same files,
// run side by side. docs/performance.md records the figures.

func realisticFile(b *testing.B) []byte {
	src, err := os.ReadFile("../examples/amazon-l6-seattle/offer.offer.hcl")
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// corpus generates n offer files, each with an offer and a counter on it.
func corpus(n int) map[string][]byte {
	files := map[string][]byte{}
	locations := []string{"Seattle", "Bay Area", "NYC", "Austin"}
	for i := 0; i < n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, `# Generated offer %d.
offer "offer_%d" {
  company  = "Amazon"
  level    = "L6"
  track    = "SDE"
  location = %q
  received = "2025-03-10"
  base     = %d

  sign_on {
    year1 = %d
    year2 = %d
  }

  equity {
    value    = %d
    schedule = "amazon"
    growth   = %d
  }

  relocation   = 25000
  bonus_target = 0
}

counter "counter_%d" {
  offer = offer.offer_%d
  round = 1
  sent  = "2025-03-13"
  base  = %d

  sign_on {
    year1 = %d
    year2 = %d
  }
}
`, i, i, locations[i%4], 180000+i*10, 100000+i, 80000+i, 300000+i*100, growthOf(i), i, i, 200000+i*10, 130000+i, 110000+i)
		files[fmt.Sprintf("ws/o%04d.offer.hcl", i)] = []byte(b.String())
	}
	return files
}

// growthOf gives one generated offer in five a stock-growth assumption, as
// people add one to some of their drafts.
func growthOf(i int) int {
	if i%5 == 0 {
		return 5
	}
	return 0
}

func BenchmarkParseOneFile(b *testing.B) {
	src := realisticFile(b)
	for b.Loop() {
		hclsyntax.ParseConfig(src, "o.offer.hcl", hcl.InitialPos)
	}
}

func BenchmarkLintOneFile(b *testing.B) {
	src := realisticFile(b)
	for b.Loop() {
		w := NewWorkspace()
		w.Set("o.offer.hcl", src)
		w.Check("o.offer.hcl")
	}
}

func BenchmarkParseCorpus1000(b *testing.B) {
	files := corpus(1000)
	b.ResetTimer()
	for b.Loop() {
		for name, src := range files {
			hclsyntax.ParseConfig(src, name, hcl.InitialPos)
		}
	}
}

func BenchmarkLintCorpus1000(b *testing.B) {
	files := corpus(1000)
	b.ResetTimer()
	for b.Loop() {
		p := NewProject(nil)
		for name, src := range files {
			p.Set(name, src)
		}
		p.CheckAll()
	}
}

// BenchmarkLintCorpus1000Load lints the corpus as offer lint loads and
// checks it (lintLikeOfferLint), on one goroutine.
func BenchmarkLintCorpus1000Load(b *testing.B) { benchLintLikeOfferLint(b, 1) }

// BenchmarkLintCorpus1000LoadParallel is BenchmarkLintCorpus1000Load on
// GOMAXPROCS goroutines, as offer lint runs.
func BenchmarkLintCorpus1000LoadParallel(b *testing.B) { benchLintLikeOfferLint(b, 0) }

func benchLintLikeOfferLint(b *testing.B, workers int) {
	names, srcs := sortedCorpus(1000)
	b.ResetTimer()
	for b.Loop() {
		lintLikeOfferLint(names, srcs, workers)
	}
}

// lintLikeOfferLint is what offer lint does once it has read the files
// (lang.LoadForCheck, Project.CheckFiles): a project made for checking,
// one SetFiles call, then CheckFiles, each on workers goroutines.
func lintLikeOfferLint(names []string, srcs [][]byte, workers int) {
	p := NewCheckProject(nil)
	p.SetFiles(names, srcs, workers)
	p.CheckFiles(names, workers)
}

func sortedCorpus(n int) ([]string, [][]byte) { return byName(corpus(n)) }

// byName returns the names of files in order, and their texts.
func byName(files map[string][]byte) ([]string, [][]byte) {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	srcs := make([][]byte, len(names))
	for i, name := range names {
		srcs[i] = files[name]
	}
	return names, srcs
}

// TestCorpusIsClean makes sure the benchmark measures real work: the
// generated files decode without errors and every counter resolves.
func TestCorpusIsClean(t *testing.T) {
	p := NewProject(nil)
	for name, src := range corpus(20) {
		p.Set(name, src)
	}
	for _, r := range p.CheckAll() {
		if r.Diags.HasErrors() {
			t.Fatalf("%s: %s", r.File.Name, r.Diags[0].Message())
		}
		for _, d := range r.Docs {
			if !d.Resolved {
				t.Fatalf("%s: %s unresolved", r.File.Name, d.Name)
			}
		}
	}
}

// BenchmarkEditLongFile is what the language server does on a keystroke in
// a 5,000-line file: the edited text replaces the file in its workspace
// (parse and decode) and the file is checked. The edits add a digit to the
// first offer's base and remove it again, so every edit moves the blocks
// after it. BenchmarkParseLongFile is the full parse of the same text.
func BenchmarkEditLongFile(b *testing.B) {
	src := []byte(langtest.File(5000))
	at := strings.Index(string(src), "195000") + 6
	typed := append(append(append([]byte(nil), src[:at]...), '7'), src[at:]...)
	w := NewWorkspace()
	w.Set("w.offer.hcl", src)
	w.Check("w.offer.hcl")
	i := 0
	for b.Loop() {
		text := src
		if i%2 == 0 {
			text = typed
		}
		i++
		w.Set("w.offer.hcl", text)
		w.Check("w.offer.hcl")
	}
}

func BenchmarkParseLongFile(b *testing.B) {
	src := []byte(langtest.File(5000))
	for b.Loop() {
		hclsyntax.ParseConfig(src, "w.offer.hcl", hcl.InitialPos)
	}
}

// BenchmarkLintOverParse times a raw parse of the 1,000-file corpus and a
// full lint of it back to back, once each per iteration, and reports the
// median of the per-iteration ratios as lint/parse (with the medians of
// both times). Pairing them in time keeps the ratio steady on a machine
// whose speed drifts, which the separate benchmarks above cannot do. A
// collection runs before each, outside the timing, so that each starts
// from an empty heap as a fresh offer lint process does: neither pays for
// the other's garbage, and the lint's heap grows from nothing instead of
// inheriting the previous iteration's collection pacing. It also reports
// the lint against the corpus parsed on GOMAXPROCS goroutines
// (lint/parallel-parse), the fair baseline for the parallel variant, and
// the CPU time of the lint over that of the serial parse (every thread
// of the process, the collector's included: lint-cpu/parse-cpu), which
// a machine shared with other work inflates far less than wall times.
//
//   - set: the language server's model: Set on each file (keeping the
//     syntax), then CheckAll.
//   - check: offer lint's (lintLikeOfferLint) on one goroutine: a project
//     made for checking (syntax dropped once decoded), SetFiles, CheckFiles.
//   - check-parallel: the same, decoding and checking on GOMAXPROCS
//     goroutines, which is what offer lint runs.
func BenchmarkLintOverParse(b *testing.B) {
	files := corpus(1000)
	names, srcs := sortedCorpus(1000)
	var afterTax time.Duration // of the last lint, when it estimates
	lints := []struct {
		name string
		lint func()
	}{
		{"set", func() {
			p := NewProject(nil)
			for name, src := range files {
				p.Set(name, src)
			}
			p.CheckAll()
		}},
		{"check", func() { lintLikeOfferLint(names, srcs, 1) }},
		{"check-parallel", func() { lintLikeOfferLint(names, srcs, 0) }},
		// What offer lint runs, then the after-tax estimate of each of the
		// 2,000 offers and counters as offer report --after-tax adds it
		// (AfterTaxAll, on GOMAXPROCS goroutines); its own time is
		// reported against the parse as after-tax/parse.
		{"check-parallel-after-tax", func() {
			p := NewCheckProject(nil)
			p.SetFiles(names, srcs, 0)
			results := p.CheckFiles(names, 0)
			t := time.Now()
			estimate := p.AfterTaxAll(results, 0)
			for _, r := range results {
				for _, d := range r.Docs {
					if !estimate(d).OK {
						panic("no after-tax estimate")
					}
				}
			}
			afterTax = time.Since(t)
		}},
	}
	for _, l := range lints {
		b.Run(l.name, func(b *testing.B) {
			var ratios, pratios, parses, lints, taxes, cpus []float64
			for b.Loop() {
				runtime.GC()
				t0, c0 := time.Now(), cpuTime()
				for name, src := range files {
					hclsyntax.ParseConfig(src, name, hcl.InitialPos)
				}
				parse, parseCPU := time.Since(t0), cpuTime()-c0
				runtime.GC()
				t1 := time.Now()
				parallel(len(names), 0, func(i int) { hclsyntax.ParseConfig(srcs[i], names[i], hcl.InitialPos) })
				pparse := time.Since(t1)
				runtime.GC()
				t2, c2 := time.Now(), cpuTime()
				afterTax = 0
				l.lint()
				lint, lintCPU := time.Since(t2), cpuTime()-c2
				if parseCPU > 0 {
					cpus = append(cpus, float64(lintCPU)/float64(parseCPU))
				}
				taxes = append(taxes, float64(afterTax)/float64(parse))
				ratios, pratios = append(ratios, float64(lint)/float64(parse)), append(pratios, float64(lint)/float64(pparse))
				parses, lints = append(parses, parse.Seconds()*1000), append(lints, lint.Seconds()*1000)
			}
			b.ReportMetric(median(ratios), "lint/parse")
			b.ReportMetric(median(pratios), "lint/parallel-parse")
			b.ReportMetric(median(parses), "parse-ms")
			b.ReportMetric(median(lints), "lint-ms")
			if len(cpus) > 0 {
				b.ReportMetric(median(cpus), "lint-cpu/parse-cpu")
			}
			if median(taxes) > 0 {
				b.ReportMetric(median(taxes), "after-tax/parse")
			}
			b.ReportMetric(0, "ns/op") // an iteration is one of each; its time means nothing alone
		})
	}
}

func median(xs []float64) float64 {
	sort.Float64s(xs)
	return xs[len(xs)/2]
}
