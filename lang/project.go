package lang

import (
	"path/filepath"
	"runtime"
	"sort"
	"sync"
)

// Project is a set of workspaces, one per directory: all offer and band
// files of a directory form one negotiation, and directories are
// independent of each other. A workspace is dropped once it holds no file
// and no one holds it (Remove, Release), so a long editing session does
// not keep one for every directory it ever read.
type Project struct {
	mu         sync.Mutex
	workspaces map[string]*Workspace
	holds      map[string]int // Hold counts, by directory
	extra      []*File
	release    bool // files are released once decoded (release.go)
}

// NewProject returns an empty project. extraBands are band files that apply
// to every workspace (the --bands flag).
func NewProject(extraBands []*File) *Project {
	return &Project{workspaces: map[string]*Workspace{}, holds: map[string]int{}, extra: extraBands}
}

// NewCheckProject returns an empty project for commands that only check
// and report: each file's syntax tree is dropped once the file is decoded
// (release.go), which makes checking many files cheaper. Its files cannot
// be edited, formatted or re-parsed incrementally.
func NewCheckProject(extraBands []*File) *Project {
	p := NewProject(extraBands)
	p.release = true
	return p
}

// Workspace returns the workspace of the directory holding filename,
// creating it when needed.
func (p *Project) Workspace(filename string) *Workspace {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.workspaceLocked(filepath.Dir(filename))
}

// workspaceLocked returns dir's workspace, making it when needed; p.mu held.
func (p *Project) workspaceLocked(dir string) *Workspace {
	w := p.workspaces[dir]
	if w == nil {
		w = NewWorkspace()
		w.release = p.release
		w.SetExtraBands(p.extra)
		p.workspaces[dir] = w
	}
	return w
}

// Hold returns the workspace of the directory holding filename, as
// Workspace does, and keeps it in the project until Release, even with no
// file: an editor's document keeps its workspace before its text is in it.
// The workspace is found and held under one lock, so that no Remove or
// Release drops it in between.
func (p *Project) Hold(filename string) *Workspace {
	dir := filepath.Dir(filename)
	p.mu.Lock()
	defer p.mu.Unlock()
	p.holds[dir]++
	return p.workspaceLocked(dir)
}

// Release undoes one Hold, dropping the workspace if it holds no file.
func (p *Project) Release(filename string) {
	dir := filepath.Dir(filename)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.holds[dir]--; p.holds[dir] <= 0 {
		delete(p.holds, dir)
	}
	p.dropIfEmpty(dir)
}

// Remove removes a file from its directory's workspace, and drops the
// workspace once it holds no file and is not held.
func (p *Project) Remove(filename string) {
	dir := filepath.Dir(filename)
	p.mu.Lock()
	defer p.mu.Unlock()
	if w := p.workspaces[dir]; w != nil {
		w.Remove(filename)
		p.dropIfEmpty(dir)
	}
}

// dropIfEmpty drops a directory's workspace when it holds no file and is
// not held; p.mu held.
func (p *Project) dropIfEmpty(dir string) {
	if w := p.workspaces[dir]; w != nil && p.holds[dir] == 0 && w.Len() == 0 {
		delete(p.workspaces, dir)
	}
}

// File returns a file of the project by name, or nil; unlike Workspace,
// it makes no workspace.
func (p *Project) File(filename string) *File {
	p.mu.Lock()
	w := p.workspaces[filepath.Dir(filename)]
	p.mu.Unlock()
	if w == nil {
		return nil
	}
	return w.File(filename)
}

// SetExtraBands replaces the band files that apply to every workspace, in
// the workspaces made so far and those made later.
func (p *Project) SetExtraBands(files []*File) {
	p.mu.Lock()
	p.extra = files
	ws := make([]*Workspace, 0, len(p.workspaces))
	for _, w := range p.workspaces {
		ws = append(ws, w)
	}
	p.mu.Unlock()
	for _, w := range ws {
		w.SetExtraBands(files)
	}
}

// Set adds or replaces a file in its directory's workspace (held
// meanwhile, so that no Remove drops it before the file is in).
func (p *Project) Set(filename string, src []byte) *File {
	defer p.Release(filename)
	return p.Hold(filename).Set(filename, src)
}

// Workspaces returns every workspace, by directory name.
func (p *Project) Workspaces() []*Workspace {
	p.mu.Lock()
	defer p.mu.Unlock()
	var dirs []string
	for d := range p.workspaces {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	var out []*Workspace
	for _, d := range dirs {
		out = append(out, p.workspaces[d])
	}
	return out
}

// CheckAll checks every file of every workspace.
func (p *Project) CheckAll() []*Result {
	var out []*Result
	for _, w := range p.Workspaces() {
		out = append(out, w.CheckAll()...)
	}
	return out
}

// Check checks the named files, in order.
func (p *Project) Check(names []string) []*Result {
	return p.CheckFiles(names, 1)
}

// CheckFiles checks the named files and returns their results in order,
// on up to workers goroutines (0 means GOMAXPROCS), as offer lint and
// report do. A file's check reads its workspace and writes only its own
// result, and offers analysed for several files are analysed alike, so
// the results do not depend on workers.
func (p *Project) CheckFiles(names []string, workers int) []*Result {
	out := make([]*Result, len(names))
	parallel(len(names), workers, func(i int) {
		out[i] = p.Workspace(names[i]).Check(names[i])
	})
	return out
}

// Source returns the text of a file of the project, or nil.
func (p *Project) Source(filename string) []byte {
	if f := p.File(filename); f != nil {
		return f.Src
	}
	return nil
}

// parallel calls do(i) for i in [0, n) on up to workers goroutines (0
// means GOMAXPROCS; 1 calls them in order on this one).
func parallel(n, workers int, do func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	if workers <= 1 {
		for i := range n {
			do(i)
		}
		return
	}
	next := make(chan int, n)
	for i := range n {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				do(i)
			}
		})
	}
	wg.Wait()
}
