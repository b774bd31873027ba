package analysis

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
)

// BenchmarkCodeActions lists the code actions on the example counter's
// base, as the editor does whenever the cursor moves: lazily (a client that
// resolves the picked one later) and eagerly (every script and email
// drafted at once). docs/performance.md records the figures.
func BenchmarkCodeActions(b *testing.B) {
	ws := example(b)
	r := ws.Check(counterPath)
	pos := at(b, r.File.Src, "base  = 210000")
	rng := hcl.Range{Filename: r.File.Name, Start: pos, End: pos}
	b.Run("lazy", func(b *testing.B) {
		for b.Loop() {
			if len(WorkspaceActions(ws, r, rng)) == 0 {
				b.Fatal("no actions")
			}
		}
	})
	b.Run("eager", func(b *testing.B) {
		for b.Loop() {
			if len(Eager(WorkspaceActions(ws, r, rng))) == 0 {
				b.Fatal("no actions")
			}
		}
	})
}
