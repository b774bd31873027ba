package lang

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/offerkit/offerkit/engine"
)

func BenchmarkZZParseKeep(b *testing.B) {
	files := corpus(1000)
	for b.Loop() {
		keep := make([]*hcl.File, 0, 1000)
		for name, src := range files {
			f, _ := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
			keep = append(keep, f)
		}
	}
}

func BenchmarkZZDecodeOnly(b *testing.B) {
	files := corpus(1000)
	for b.Loop() {
		keep := make([]*File, 0, 1000)
		for name, src := range files {
			keep = append(keep, Decode(name, src))
		}
	}
}

func BenchmarkZZSetOnly(b *testing.B) {
	files := corpus(1000)
	for b.Loop() {
		p := NewProject(nil)
		for name, src := range files {
			p.Set(name, src)
		}
	}
}

func BenchmarkZZCheckOnly(b *testing.B) {
	files := corpus(1000)
	p := NewProject(nil)
	for name, src := range files {
		p.Set(name, src)
	}
	for b.Loop() {
		w := p.Workspace("ws/x")
		w.mu.Lock()
		w.idx = nil
		w.memo = &memo{m: map[string]*engine.Analysis{}}
		w.mu.Unlock()
		p.CheckAll()
	}
}
