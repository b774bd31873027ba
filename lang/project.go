package lang

import (
	"path/filepath"
	"sort"
	"sync"
)

// Project is a set of workspaces, one per directory: all offer and band
// files of a directory form one negotiation, and directories are
// independent of each other.
type Project struct {
	mu         sync.Mutex
	workspaces map[string]*Workspace
	extra      []*File
	release    bool // files are released once decoded (release.go)
}

// NewProject returns an empty project. extraBands are band files that apply
// to every workspace (the --bands flag).
func NewProject(extraBands []*File) *Project {
	return &Project{workspaces: map[string]*Workspace{}, extra: extraBands}
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
	dir := filepath.Dir(filename)
	p.mu.Lock()
	defer p.mu.Unlock()
	w := p.workspaces[dir]
	if w == nil {
		w = NewWorkspace()
		w.release = p.release
		w.SetExtraBands(p.extra)
		p.workspaces[dir] = w
	}
	return w
}

// Set adds or replaces a file in its directory's workspace.
func (p *Project) Set(filename string, src []byte) *File {
	return p.Workspace(filename).Set(filename, src)
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
	var out []*Result
	for _, n := range names {
		out = append(out, p.Workspace(n).Check(n))
	}
	return out
}

// Source returns the text of a file of the project, or nil.
func (p *Project) Source(filename string) []byte {
	if f := p.Workspace(filename).File(filename); f != nil {
		return f.Src
	}
	return nil
}
