package lang

import (
	"fmt"
	"path/filepath"

	"github.com/hashicorp/hcl/v2"
)

// This file loads many files at once, as offer lint and the other commands
// do: the result is exactly that of calling Set on each file in order, but
// the workspace limits are checked with running totals instead of a pass
// over the workspace per file, and the files can be decoded on several
// goroutines. setfiles_test.go holds it to Set, limits included.

// SetFiles adds or replaces files in their directories' workspaces, as
// calling Set on each in order would, and returns their decoded forms in
// the same order. workers is how many goroutines decode (0 means
// GOMAXPROCS, 1 decodes serially); decoding a file depends on nothing but
// its name and text, so the result does not depend on it.
func (p *Project) SetFiles(names []string, srcs [][]byte, workers int) []*File {
	byWorkspace := map[*Workspace][]int{}
	held := map[string]*Workspace{} // by directory, until their files are in (Project.Remove)
	var order []*Workspace
	for i, name := range names {
		w := held[filepath.Dir(name)]
		if w == nil {
			w = p.Hold(name)
			defer p.Release(name)
			held[filepath.Dir(name)] = w
			order = append(order, w)
		}
		byWorkspace[w] = append(byWorkspace[w], i)
	}
	out := make([]*File, len(names))
	var jobs []int // files within the limits, to decode
	for _, w := range order {
		jobs = append(jobs, w.admit(names, srcs, byWorkspace[w], out)...)
	}
	decodeAll(names, srcs, jobs, out, workers, p.release)
	for _, w := range order {
		w.insert(names, byWorkspace[w], out)
	}
	return out
}

// admit decides, for the files at idx (in order), which Set would decode
// and which it would keep empty for taking the workspace past its limits,
// filling out with the latter; it returns the former.
func (w *Workspace) admit(names []string, srcs [][]byte, idx []int, out []*File) []int {
	w.mu.RLock()
	size, count := 0, len(w.files)
	held := make(map[string]int, len(w.files)+len(idx)) // bytes each name holds now
	for n, f := range w.files {
		size += len(f.Src)
		held[n] = len(f.Src)
	}
	w.mu.RUnlock()
	var admitted []int
	for _, i := range idx {
		name, src := names[i], srcs[i]
		otherSize, otherCount := size, count
		if old, ok := held[name]; ok { // Set leaves the file it replaces out
			otherSize -= old
			otherCount--
		}
		kept := 0
		if overLimits(otherSize, otherCount, src) {
			out[i] = tooLarge(name) // holds no text
		} else {
			admitted = append(admitted, i)
			kept = len(src)
		}
		size, count = otherSize+kept, otherCount+1
		held[name] = kept
	}
	return admitted
}

// tooLarge is the file Set keeps for one past the workspace limits.
func tooLarge(name string) *File {
	kind, _ := KindOf(name)
	start := hcl.Pos{Line: 1, Column: 1}
	return &File{Name: name, Kind: kind, Syntax: &hcl.File{Body: hcl.EmptyBody()}, Diags: Diagnostics{errorf("workspace-too-large",
		hcl.Range{Filename: name, Start: start, End: start}, "Workspace too large",
		fmt.Sprintf("This directory holds more than %d files or %d MiB of offer, band, tax and rates files; this file was not read. Keep one negotiation per directory.", MaxWorkspaceFiles, MaxWorkspaceBytes>>20))}}
}

// decodeAll decodes the files at jobs into out, on up to workers
// goroutines; each writes its own slots.
func decodeAll(names []string, srcs [][]byte, jobs []int, out []*File, workers int, release bool) {
	parallel(len(jobs), workers, func(j int) {
		i := jobs[j]
		out[i] = decodeFor(names[i], srcs[i], release)
	})
}

// insert puts decoded files into the workspace in order, as Set does.
func (w *Workspace) insert(names []string, idx []int, out []*File) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, i := range idx {
		w.put(names[i], out[i])
	}
}

// decodeFor decodes a file, releasing it when asked (release.go).
func decodeFor(name string, src []byte, release bool) *File {
	f := Decode(name, src)
	if release {
		f.release()
	}
	return f
}
