package lang

import (
	"reflect"
	"testing"
)

// A project made for checking drops every syntax tree, and checks exactly
// as a project that keeps them: same diagnostics, same figures, same
// counter analyses, over every file the repository holds.
func TestCheckProjectMatchesProject(t *testing.T) {
	files := literalFiles(t)
	names, srcs := byName(files)
	for _, workers := range []int{1, 0} {
		kept, released := NewProject(nil), NewCheckProject(nil)
		kept.SetFiles(names, srcs, workers)
		released.SetFiles(names, srcs, workers)
		released.Set("extra/late.offer.hcl", files[names[0]]) // Set releases too
		kept.Set("extra/late.offer.hcl", files[names[0]])
		for _, w := range released.Workspaces() {
			for _, f := range w.Files() {
				if f.Syntax != nil {
					t.Fatalf("%s kept its syntax", f.Name)
				}
				for _, n := range allNodes(f) {
					if n.Syntax != nil {
						t.Fatalf("%s: a %s block kept its syntax", f.Name, n.Type)
					}
					for _, a := range n.Attrs {
						if a.Expr != nil {
							t.Fatalf("%s: %s kept its expression", f.Name, a.Name)
						}
					}
				}
			}
		}
		rk, rr := kept.CheckAll(), released.CheckAll()
		if a, b := lintText(rk), lintText(rr); a != b {
			t.Fatalf("workers %d: released lint differs:\n%s\nwant\n%s", workers, b, a)
		}
		if len(rk) != len(rr) || len(rk) < 100 {
			t.Fatalf("workers %d: %d results, want %d (and over 100)", workers, len(rr), len(rk))
		}
		for i := range rk {
			if !reflect.DeepEqual(rk[i].Diags, rr[i].Diags) {
				t.Fatalf("%s: diagnostics differ", rk[i].File.Name)
			}
			for j, d := range rk[i].Docs {
				e := rr[i].Docs[j]
				if !reflect.DeepEqual(d.Analysis, e.Analysis) || !reflect.DeepEqual(d.CounterAnalysis, e.CounterAnalysis) {
					t.Fatalf("%s: %s %s analysed differently", rk[i].File.Name, d.Kind, d.Name)
				}
			}
		}
	}
}

// allNodes returns every block node a decoded file holds: the top-level
// blocks, their scripts and emails, and every nested block.
func allNodes(f *File) []*Node {
	var out []*Node
	var walk func(n *Node)
	walk = func(n *Node) {
		out = append(out, n)
		for _, c := range n.Children {
			walk(c)
		}
	}
	for _, n := range f.TopNodes() {
		walk(n)
	}
	for _, t := range f.texts() {
		for _, x := range append(append([]*TextDoc(nil), t.Scripts...), t.Emails...) {
			walk(&x.Node)
		}
	}
	return out
}

// Checking on several goroutines gives the results of checking in order.
func TestCheckFilesMatchesCheck(t *testing.T) {
	names, srcs := byName(literalFiles(t))
	serial, parallel := NewCheckProject(nil), NewCheckProject(nil)
	serial.SetFiles(names, srcs, 1)
	parallel.SetFiles(names, srcs, 4)
	want := serial.Check(names)
	got := parallel.CheckFiles(names, 4)
	if a, b := lintText(want), lintText(got); a != b {
		t.Fatalf("parallel check differs:\n%s\nwant\n%s", b, a)
	}
	for i := range want {
		if got[i].File.Name != names[i] || !reflect.DeepEqual(want[i].Diags, got[i].Diags) {
			t.Fatalf("%s: result %d differs", names[i], i)
		}
	}
}
