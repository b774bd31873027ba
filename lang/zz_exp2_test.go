package lang

import (
	"testing"

	"github.com/offerkit/offerkit/engine"
)

func BenchmarkZZAnalyze(b *testing.B) {
	p := NewProject(nil)
	names, srcs := sortedCorpus(10)
	p.SetFiles(names, srcs, 1)
	w := p.Workspace(names[0])
	f := w.File(names[0])
	bs := w.Bands()
	o := f.Offers[0]
	off := o.Offer
	g := *off.Equity
	g.Schedule = bs.Schedules["amazon"]
	off.Equity = &g
	b.ReportAllocs()
	for b.Loop() {
		engine.Analyze(off, bs)
	}
}

func BenchmarkZZCounterAnalyze(b *testing.B) {
	p := NewProject(nil)
	names, srcs := sortedCorpus(10)
	p.SetFiles(names, srcs, 1)
	w := p.Workspace(names[0])
	f := w.File(names[0])
	bs := w.Bands()
	off := f.Offers[0].Offer
	g := *off.Equity
	g.Schedule = bs.Schedules["amazon"]
	off.Equity = &g
	c := f.Counters[0].Counter
	b.ReportAllocs()
	for b.Loop() {
		a := engine.Analyze(c.Apply(off), bs)
		engine.AnalyzeCounterWorth(off, c, a.Worth, a.Worth, engine.Candidate{}, bs)
	}
}
