package lang

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// LoadError is a path that could not be read at all.
type LoadError struct {
	Path string
	Err  error
}

func (e *LoadError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }

// Unwrap returns the underlying error (fs.ErrNotExist and the like).
func (e *LoadError) Unwrap() error { return e.Err }

// Load reads paths into a project: files as given, directories walked for
// offer, band, tax and rates files (*.offer.hcl, *.bands.hcl, *.tax.hcl,
// *.rates.hcl: KindOf), skipping hidden directories and node_modules.
// bandPaths are band files applied to every workspace. It returns the
// names of the files the paths name, in order: the ones to report on. A
// file named on its own is read with the other offer, band, tax and rates
// files of its directory as context, so that a counter still finds the
// offer it answers.
func Load(paths, bandPaths []string) (*Project, []string, error) {
	return load(paths, bandPaths, NewProject)
}

// LoadForCheck reads paths as Load does into a project made for checking
// and reporting alone (NewCheckProject): each file's syntax tree is dropped
// once it is decoded. offer lint, report, compare and bands load this way.
func LoadForCheck(paths, bandPaths []string) (*Project, []string, error) {
	return load(paths, bandPaths, NewCheckProject)
}

// LoadFolder reads the files of the folder dir itself (offer, band, tax
// and rates files; not its subfolders') into a project as one
// negotiation, for the commands that work on one: the subfolders are other
// negotiations, never read. An entry named like such a file that the
// reading rules refuse (a FIFO, a link out of dir, a directory) is held as
// refused (Project.Refused). It returns the names of those entries.
func LoadFolder(dir string, bandPaths []string) (*Project, []string, error) {
	return loadFiles(bandPaths, NewProject, func() ([]string, error) { return folderFiles(dir) })
}

// LoadFolderForCheck is LoadFolder into a project made for checking and
// reporting alone (NewCheckProject), as LoadForCheck is Load's.
func LoadFolderForCheck(dir string, bandPaths []string) (*Project, []string, error) {
	return loadFiles(bandPaths, NewCheckProject, func() ([]string, error) { return folderFiles(dir) })
}

// folderFiles lists the entries of dir named like a file offerkit reads,
// in name order, without walking into any.
func folderFiles(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, &LoadError{Path: dir, Err: unwrapPathError(err)}
	}
	var out []string
	for _, ent := range ents {
		if _, ok := KindOf(ent.Name()); ok {
			out = append(out, filepath.Join(dir, ent.Name()))
		}
	}
	return out, nil
}

func load(paths, bandPaths []string, newProject func([]*File) *Project) (*Project, []string, error) {
	return loadFiles(bandPaths, newProject, func() ([]string, error) { return Expand(paths) })
}

// loadFiles reads the band files, then the files list returns, each with
// the other files of its directory (refusals held as refused).
func loadFiles(bandPaths []string, newProject func([]*File) *Project, list func() ([]string, error)) (*Project, []string, error) {
	var extra []*File
	for _, bp := range bandPaths {
		src, err := ReadFile(bp, "")
		if err != nil {
			return nil, nil, err
		}
		extra = append(extra, DecodeAs(bp, src, BandsFile))
	}
	p := newProject(extra)
	files, err := list()
	if err != nil {
		return nil, nil, err
	}
	var readable [][]byte
	var names []string
	var refused []*Refusal
	for _, name := range files {
		src, err := ReadFile(name, "")
		var r *Refusal
		switch {
		case errors.As(err, &r):
			refused = append(refused, r)
		case err != nil:
			return nil, nil, err
		default:
			names, readable = append(names, name), append(readable, src)
		}
	}
	p.SetFiles(names, readable, 0) // as Set on each in order, decoded on GOMAXPROCS goroutines
	for _, r := range refused {
		p.SetRefused(r)
	}

	done := map[string]bool{} // directories whose siblings are read: once is enough
	for _, name := range files {
		dir := filepath.Dir(name)
		if done[dir] {
			continue
		}
		done[dir] = true
		siblings, _ := filepath.Glob(filepath.Join(dir, "*.hcl"))
		w := p.Workspace(name)
		for _, s := range siblings {
			if _, ok := KindOf(s); !ok || w.File(s) != nil {
				continue
			}
			src, err := ReadFile(s, "")
			var r *Refusal
			switch {
			case errors.As(err, &r):
				p.SetRefused(r)
			case err == nil:
				w.Set(s, src)
			}
		}
	}
	return p, files, nil
}

// ExtraBandFiles returns the band files given to Load or set since
// (SetExtraBands), for reporting their diagnostics.
func (p *Project) ExtraBandFiles() []*File {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.extra
}

// Expand turns paths into the list of files to read. A folder below a
// named directory that cannot be read is passed over (ExpandNoting says
// which).
func Expand(paths []string) ([]string, error) { return ExpandNoting(paths, nil) }

// ExpandNoting is Expand, calling skipped for each unreadable folder it
// passes over.
func ExpandNoting(paths []string, skipped func(dir string, err error)) ([]string, error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	var out []string
	seen := map[string]bool{}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, &LoadError{Path: p, Err: unwrapPathError(err)}
		}
		if !st.IsDir() {
			if !seen[p] {
				out = append(out, p)
				seen[p] = true
			}
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if path != p && d != nil && d.IsDir() {
					// An unreadable folder below the one named: the
					// rest of the walk goes on without it.
					if skipped != nil {
						skipped(path, unwrapPathError(err))
					}
					return filepath.SkipDir
				}
				return &LoadError{Path: path, Err: unwrapPathError(err)}
			}
			if d.IsDir() {
				name := d.Name()
				if path != p && (strings.HasPrefix(name, ".") || name == "node_modules") {
					return filepath.SkipDir
				}
				return nil
			}
			if _, ok := KindOf(path); ok && !seen[path] {
				found = append(found, path)
				seen[path] = true
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
