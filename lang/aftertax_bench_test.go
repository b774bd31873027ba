package lang

import "testing"

// BenchmarkLintCorpus1000AfterTax is BenchmarkLintCorpus1000LoadParallel
// (what offer lint does) followed by the after-tax estimate of every offer
// and counter, as offer report --after-tax adds it; docs/performance.md
// compares the two.
func BenchmarkLintCorpus1000AfterTax(b *testing.B) {
	names, srcs := sortedCorpus(1000)
	b.ResetTimer()
	for b.Loop() {
		p := NewCheckProject(nil)
		p.SetFiles(names, srcs, 0)
		results := p.CheckFiles(names, 0)
		estimate := p.AfterTaxAll(results, 0)
		for _, r := range results {
			for _, d := range r.Docs {
				if at := estimate(d); !at.OK {
					b.Fatal(at.Why)
				}
			}
		}
	}
}

// BenchmarkAfterTaxCorpus1000 is the after-tax estimate alone, on one
// goroutine: the corpus is linted once, then every offer and counter is
// estimated.
func BenchmarkAfterTaxCorpus1000(b *testing.B) {
	names, srcs := sortedCorpus(1000)
	p := NewCheckProject(nil)
	p.SetFiles(names, srcs, 0)
	var docs []*Doc
	for _, r := range p.CheckFiles(names, 0) {
		docs = append(docs, r.Docs...)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if at := p.DocAfterTax(d); !at.OK {
				b.Fatal(at.Why)
			}
		}
	}
}
