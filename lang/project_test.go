package lang

import (
	"slices"
	"testing"
)

// A workspace leaves the project once its last file is removed, unless it
// is held (an editor's document whose text is not in it yet); looking a
// file up does not make one.
func TestProjectDropsEmptyWorkspaces(t *testing.T) {
	p := NewProject(nil)
	dirs := func() []int {
		var n []int
		for _, w := range p.Workspaces() {
			n = append(n, len(w.Files()))
		}
		return n
	}
	offer := []byte("offer \"a\" {\n  base = 100000\n}\n")
	p.Set("a/x.offer.hcl", offer)
	p.Set("a/y.offer.hcl", offer)
	p.Set("b/x.offer.hcl", offer)
	if p.File("c/x.offer.hcl") != nil || p.Source("c/x.offer.hcl") != nil || p.File("a/x.offer.hcl") == nil {
		t.Error("File and Source do not find what the project holds")
	}
	if got := dirs(); !slices.Equal(got, []int{2, 1}) {
		t.Fatalf("files per workspace: %v, want [2 1] (a lookup made a workspace?)", got)
	}
	p.Remove("a/x.offer.hcl")
	p.Remove("b/x.offer.hcl")
	if got := dirs(); !slices.Equal(got, []int{1}) {
		t.Errorf("after b's last file went: %v, want [1]", got)
	}
	p.Remove("a/y.offer.hcl")
	p.Remove("a/never.offer.hcl")
	if got := dirs(); len(got) != 0 {
		t.Errorf("after every file went: %v, want none", got)
	}

	held := p.Hold("c/x.offer.hcl")
	p.Remove("c/other.offer.hcl")
	if got := p.Workspaces(); len(got) != 1 || got[0] != held {
		t.Fatalf("a held workspace with no file was dropped: %v", got)
	}
	held.Set("c/x.offer.hcl", offer)
	p.Release("c/x.offer.hcl")
	if got := dirs(); !slices.Equal(got, []int{1}) {
		t.Errorf("a released workspace with a file: %v, want [1]", got)
	}
	p.Hold("c/x.offer.hcl")
	p.Remove("c/x.offer.hcl")
	p.Release("c/x.offer.hcl")
	if got := dirs(); len(got) != 0 {
		t.Errorf("a released workspace with no file stays: %v", got)
	}
}
