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
// reading rules refuse (a FIFO, a link out of dir, a directory) or that
// cannot be read is held as refused (Project.Refused); one that is gone
// when read (a dangling link, as an editor's lock file) is passed over.
// It returns the names of the entries read or refused.
func LoadFolder(dir string, bandPaths []string) (*Project, []string, error) {
	return loadFiles(bandPaths, NewProject, false, func() ([]string, map[string]bool, error) { return folderFiles(dir) })
}

// LoadFolderForCheck is LoadFolder into a project made for checking and
// reporting alone (NewCheckProject), as LoadForCheck is Load's.
func LoadFolderForCheck(dir string, bandPaths []string) (*Project, []string, error) {
	return loadFiles(bandPaths, NewCheckProject, false, func() ([]string, map[string]bool, error) { return folderFiles(dir) })
}

// folderFiles lists the entries of dir named like a file offerkit reads
// (FolderFiles), a folder that cannot be listed being a LoadError.
// None of them is named by the user.
func folderFiles(dir string) ([]string, map[string]bool, error) {
	out, err := FolderFiles(dir)
	if err != nil {
		return nil, nil, &LoadError{Path: dir, Err: unwrapPathError(err)}
	}
	return out, nil, nil
}

// FolderFiles lists the entries directly in dir named like a file offerkit
// reads (an offer, band, tax or rates file: KindOf), joined to dir, in name
// order, without walking into any. The folder's name is taken as it is,
// never as a pattern (a folder named "neg[1]" lists its own entries, not
// neg1's). An entry may be a directory or any other non-regular file so
// named: reading it (ReadFile) refuses it.
func FolderFiles(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir) // sorted by name
	if err != nil {
		return nil, err
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
	return loadFiles(bandPaths, newProject, true, func() ([]string, map[string]bool, error) {
		files, err := Expand(paths)
		named := map[string]bool{}
		for _, p := range paths {
			named[p] = true // a folder's path is never one of the files
		}
		return files, named, err
	})
}

// loadFiles reads the band files, then the files list returns, each with
// the other files of its directory when siblings is set (LoadFolder's list
// is its folder's files already; refusals held as refused). A file the
// user named (list's set) that cannot be read fails the load; one found in
// a folder is passed over when it is gone (readListed), and held as
// refused when it cannot be read otherwise. The names returned are those
// of the files read or refused.
func loadFiles(bandPaths []string, newProject func([]*File) *Project, siblings bool, list func() ([]string, map[string]bool, error)) (*Project, []string, error) {
	var extra []*File
	for _, bp := range bandPaths {
		src, err := ReadFile(bp, "")
		if err != nil {
			return nil, nil, err
		}
		extra = append(extra, DecodeAs(bp, src, BandsFile))
	}
	p := newProject(extra)
	listed, named, err := list()
	if err != nil {
		return nil, nil, err
	}
	var files, names []string
	var readable [][]byte
	var refused []*Refusal
	for _, name := range listed {
		var src []byte
		var r *Refusal
		var gone bool
		if named[name] {
			src, err = ReadFile(name, "")
			if err != nil && !errors.As(err, &r) {
				return nil, nil, err
			}
		} else {
			src, r, gone = readListed(name)
		}
		switch {
		case gone:
			continue
		case r != nil:
			refused = append(refused, r)
		default:
			names, readable = append(names, name), append(readable, src)
		}
		files = append(files, name)
	}
	p.SetFiles(names, readable, 0) // as Set on each in order, decoded on GOMAXPROCS goroutines
	for _, r := range refused {
		p.SetRefused(r)
	}

	if !siblings {
		return p, files, nil
	}
	done := map[string]bool{} // directories whose siblings are read: once is enough
	for _, name := range files {
		dir := filepath.Dir(name)
		if done[dir] {
			continue
		}
		done[dir] = true
		siblings, _ := FolderFiles(dir) // a folder that cannot be listed adds none
		w := p.Workspace(name)
		for _, s := range siblings {
			if w.File(s) != nil {
				continue
			}
			src, r, gone := readListed(s)
			switch {
			case r != nil:
				p.SetRefused(r)
			case !gone:
				w.Set(s, src)
			}
		}
	}
	return p, files, nil
}

// readListed reads a file found in a folder, not named by the user: gone
// is true when it does not exist (a dangling link, as the lock file Emacs
// keeps beside a file with unsaved edits, .#name.offer.hcl), and r holds
// why it is not read when the reading rules refuse it or it cannot be read
// otherwise (unreadable-file).
func readListed(name string) (src []byte, r *Refusal, gone bool) {
	src, err := ReadFile(name, "")
	switch {
	case err == nil:
		return src, nil, false
	case errors.As(err, &r):
		return nil, r, false
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, true
	}
	var le *LoadError
	if errors.As(err, &le) {
		err = le.Err // the path is the diagnostic's
	}
	return nil, &Refusal{Path: name, Code: "unreadable-file", Message: fmt.Sprintf(
		"The file cannot be read (%v); it is left out of the negotiation. Make it readable (its permissions, a link that loops) or move it out of the folder.", err)}, false
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
