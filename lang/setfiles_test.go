package lang

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// SetFiles must leave a project exactly as calling Set on each file in
// order does, limits included, whatever the number of workers.

func setEach(names []string, srcs [][]byte, pre map[string][]byte) (*Project, []*File) {
	p := NewProject(nil)
	for _, n := range sortedKeys(pre) {
		p.Set(n, pre[n])
	}
	var out []*File
	for i := range names {
		out = append(out, p.Set(names[i], srcs[i]))
	}
	return p, out
}

func setBulk(names []string, srcs [][]byte, pre map[string][]byte, workers int) (*Project, []*File) {
	p := NewProject(nil)
	for _, n := range sortedKeys(pre) {
		p.Set(n, pre[n])
	}
	return p, p.SetFiles(names, srcs, workers)
}

func sortedKeys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// sameProject compares two projects file by file and their lint results.
func sameProject(t *testing.T, what string, a, b *Project, fa, fb []*File) {
	t.Helper()
	if !reflect.DeepEqual(fa, fb) {
		t.Fatalf("%s: returned files differ", what)
	}
	wa, wb := a.Workspaces(), b.Workspaces()
	if len(wa) != len(wb) {
		t.Fatalf("%s: %d workspaces, want %d", what, len(wb), len(wa))
	}
	for i := range wa {
		xa, xb := wa[i].Files(), wb[i].Files()
		if !reflect.DeepEqual(xa, xb) {
			t.Fatalf("%s: workspace %d files differ", what, i)
		}
		if !reflect.DeepEqual(wa[i].Bands(), wb[i].Bands()) {
			t.Fatalf("%s: workspace %d bands differ", what, i)
		}
	}
	ra, rb := lintText(a.CheckAll()), lintText(b.CheckAll())
	if ra != rb {
		t.Fatalf("%s: lint differs:\n%s\nwant\n%s", what, rb, ra)
	}
}

func lintText(rs []*Result) string {
	var b strings.Builder
	for _, r := range rs {
		for _, d := range r.Diags {
			fmt.Fprintf(&b, "%s %s %s %s\n", d.Subject, d.Code, d.Severity, d.Message())
		}
		for _, d := range r.Docs {
			fmt.Fprintf(&b, "%s %s %v %d %v\n", d.Kind, d.Name, d.Resolved, d.Analysis.Worth.Total, d.Incomplete())
		}
	}
	return b.String()
}

func TestSetFilesMatchesSet(t *testing.T) {
	var names []string
	var srcs [][]byte
	add := func(n string, s []byte) { names = append(names, n); srcs = append(srcs, s) }
	gen := corpus(60)
	for _, n := range sortedKeys(gen) {
		dir := []string{"a", "b", "c"}[len(names)%3]
		add(strings.Replace(n, "ws/", dir+"/", 1), gen[n])
	}
	add("a/tight.bands.hcl", []byte("band \"L6\" \"SDE\" \"Seattle\" {\n  base = [100000, 150000]\n}\ncap \"L6\" {\n  base = 150000\n}\n"))
	add("b/broken.offer.hcl", []byte("offer \"x\" {\n  base = \n}\n"))
	add("a/o0000.offer.hcl", gen["ws/o0001.offer.hcl"]) // replaces one set earlier in the batch
	add("a/tight.bands.hcl", []byte("cap \"L6\" {\n  base = 170000\n}\n"))
	add("c/empty.offer.hcl", nil)
	pre := map[string][]byte{"a/o0003.offer.hcl": gen["ws/o0002.offer.hcl"], "c/pre.bands.hcl": []byte("cap \"L7\" {\n  base = 1\n}\n")}

	pe, fe := setEach(names, srcs, pre)
	for _, workers := range []int{1, 2, 4, 0} {
		pb, fb := setBulk(names, srcs, pre, workers)
		sameProject(t, fmt.Sprintf("%d workers", workers), pe, pb, fe, fb)
	}
}

func TestSetFilesLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("builds workspaces past their limits")
	}
	// Past the byte limit: files just over MaxFileSize each (Parse
	// rejects them without parsing), a replacement, and small files
	// after the workspace is full.
	big := []byte(strings.Repeat("#", MaxFileSize+1))
	var names []string
	var srcs [][]byte
	for i := 0; i < MaxWorkspaceBytes/len(big)+3; i++ {
		names = append(names, fmt.Sprintf("big/f%02d.offer.hcl", i))
		srcs = append(srcs, big)
		if i == 5 {
			names = append(names, "big/f02.offer.hcl") // replaced: its bytes leave the count
			srcs = append(srcs, []byte("offer \"x\" {\n  base = 1\n}\n"))
		}
	}
	names = append(names, "big/small.offer.hcl", "big/f00.offer.hcl")
	srcs = append(srcs, []byte("offer \"s\" {\n  base = 1\n}\n"), []byte("offer \"t\" {\n  base = 2\n}\n"))
	pre := map[string][]byte{"big/pre.offer.hcl": big}
	pe, fe := setEach(names, srcs, pre)
	tooLarge := 0
	for _, f := range fe {
		if len(f.Diags) > 0 && f.Diags[0].Code == "workspace-too-large" {
			tooLarge++
		}
	}
	if tooLarge == 0 {
		t.Fatal("the byte limit was not reached")
	}
	pb, fb := setBulk(names, srcs, pre, 2)
	sameProject(t, "bytes", pe, pb, fe, fb)

	// Past the file limit.
	names, srcs = nil, nil
	for i := 0; i < MaxWorkspaceFiles+5; i++ {
		names = append(names, fmt.Sprintf("many/f%05d.offer.hcl", i))
		srcs = append(srcs, []byte("# nothing\n"))
	}
	names = append(names, "many/f00003.offer.hcl")
	srcs = append(srcs, []byte("offer \"x\" {\n  base = 1\n}\n"))
	pe, fe = setEach(names, srcs, nil)
	pb, fb = setBulk(names, srcs, nil, 0)
	if last := fe[len(fe)-2]; last.Diags[0].Code != "workspace-too-large" {
		t.Fatalf("the file limit was not reached: %s", last.Diags[0].Code)
	}
	sameProject(t, "files", pe, pb, fe, fb)
}
