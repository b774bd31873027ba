package lsp

import (
	"fmt"
	"path/filepath"
	"slices"
	"sync"

	"github.com/offerkit/offerkit/lang"
)

// This file decides what the server may read from disk: offer, band, tax
// and rates files inside the workspace folders the client named (at
// initialize or later), those directly in the directory of a file
// opened outside every folder (its negotiation; not its subdirectories),
// and nothing else (the --bands files, and band files named in the
// settings, are read as the user named them: configuration.go). A path is judged after cleaning it and after resolving its
// symbolic links, so neither "..", nor a link inside a folder pointing out
// of it, reaches a file outside. Documents the editor opens are not read:
// the editor sends their text.

// roots are the workspace folders, cleaned, each also with its symbolic
// links resolved: set at initialize and changed by
// workspace/didChangeWorkspaceFolders. Lone directories are the
// directories of files opened outside every folder: each one's own offer,
// band, tax and rates files may be read, not its subdirectories'.
type roots struct {
	mu           sync.Mutex
	clean        []string
	resolved     []string
	lone         []string // cleaned
	loneResolved []string
}

// cleanAbs cleans an absolute folder name and resolves its links; ok is
// false for a relative name.
func cleanAbs(f string) (clean, resolved string, ok bool) {
	if !filepath.IsAbs(f) {
		return "", "", false
	}
	clean = filepath.Clean(f)
	resolved, err := filepath.EvalSymlinks(clean)
	if err != nil {
		resolved = ""
	}
	return clean, resolved, true
}

// addFolders adds workspace folders and returns the cleaned names of
// those that were not already folders.
func (r *roots) addFolders(folders []string) []string {
	var clean, resolved []string // cleanAbs reads the disk: before taking the lock, as removeFolder and addLone
	for _, f := range folders {
		if c, res, ok := cleanAbs(f); ok {
			clean, resolved = append(clean, c), append(resolved, res)
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	var added []string
	for i, c := range clean {
		if slices.Contains(r.clean, c) {
			continue
		}
		r.clean = append(r.clean, c)
		if resolved[i] != "" {
			r.resolved = append(r.resolved, resolved[i])
		}
		added = append(added, c)
	}
	return added
}

// removeFolder forgets a workspace folder; it reports whether it was one.
func (r *roots) removeFolder(f string) bool {
	c, res, ok := cleanAbs(f)
	if !ok {
		return false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	i := slices.Index(r.clean, c)
	if i < 0 {
		return false
	}
	r.clean = slices.Delete(r.clean, i, i+1)
	if j := slices.Index(r.resolved, res); res != "" && j >= 0 {
		r.resolved = slices.Delete(r.resolved, j, j+1)
	}
	return true
}

// folders returns the workspace folders.
func (r *roots) folders() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.clean)
}

// covers reports whether a file is inside a workspace folder or directly
// in a lone directory.
func (r *roots) covers(name string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return withinAny(r.clean, name) || slices.Contains(r.lone, filepath.Dir(name))
}

// addLone makes the directory of a file opened outside every folder a
// lone directory; it reports whether it is new.
func (r *roots) addLone(dir string) bool {
	c, res, ok := cleanAbs(dir)
	if !ok {
		return false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if slices.Contains(r.lone, c) || withinAny(r.clean, c) {
		return false
	}
	r.lone = append(r.lone, c)
	if res != "" {
		r.loneResolved = append(r.loneResolved, res)
	}
	return true
}

func withinAny(dirs []string, path string) bool {
	for _, d := range dirs {
		if lang.Within(d, path) {
			return true
		}
	}
	return false
}

// resolve returns the file to read for name, or an error saying why it may
// not be read: it is not an offer or band file, or not inside a workspace
// folder (before or after resolving links: a *lang.Refusal).
func (r *roots) resolve(name string) (string, error) {
	if _, ok := lang.KindOf(name); !ok {
		return "", fmt.Errorf("not an offer or band file")
	}
	if !filepath.IsAbs(name) {
		return "", fmt.Errorf("not an absolute path")
	}
	name = filepath.Clean(name)
	r.mu.Lock()
	clean, resolved, lone, loneResolved := r.clean, r.resolved, r.lone, r.loneResolved
	r.mu.Unlock()
	inLone := func(dirs []string, path string) bool { return slices.Contains(dirs, filepath.Dir(path)) }
	if !withinAny(clean, name) && !withinAny(resolved, name) && !inLone(lone, name) && !inLone(loneResolved, name) {
		return "", fmt.Errorf("outside the workspace folders")
	}
	res, inside, err := lang.ResolveInside(name, resolved) // the CLI's link rule too (lang/readfile.go)
	if err != nil {
		return "", err
	}
	if !inside && !inLone(loneResolved, res) {
		return "", lang.RefuseLinkOutside(name, "the workspace folders", "the folders it reads")
	}
	return res, nil
}

// read reads a file the server may read by the CLI's rules
// (lang.ReadRegular): a device, FIFO or socket, or a file over
// lang.MaxFileSize, is refused (a *lang.Refusal, as a link out of the
// folders is).
func (r *roots) read(name string) ([]byte, error) {
	path, err := r.resolve(name)
	if err != nil {
		return nil, err
	}
	return lang.ReadRegular(path)
}
