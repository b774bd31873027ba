package lsp

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/offerkit/offerkit/lang"
)

// This file decides what the server may read from disk: offer and band
// files inside the workspace folders the client named at initialize, and
// nothing else (the --bands files are read by `offer lsp` before the server
// starts). A path is judged after cleaning it and after resolving its
// symbolic links, so neither "..", nor a link inside a folder pointing out
// of it, reaches a file outside. Documents the editor opens are not read:
// the editor sends their text.

// roots are the workspace folders, cleaned, each also with its symbolic
// links resolved; set once at initialize.
type roots struct {
	clean    []string
	resolved []string
}

func newRoots(folders []string) roots {
	var r roots
	for _, f := range folders {
		if !filepath.IsAbs(f) {
			continue
		}
		f = filepath.Clean(f)
		r.clean = append(r.clean, f)
		if res, err := filepath.EvalSymlinks(f); err == nil {
			r.resolved = append(r.resolved, res)
		}
	}
	return r
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
// not be read: it is not an offer or band file, not inside a workspace
// folder (before or after resolving links), or not a regular file.
func (r roots) resolve(name string) (string, error) {
	if _, ok := lang.KindOf(name); !ok {
		return "", fmt.Errorf("not an offer or band file")
	}
	if !filepath.IsAbs(name) {
		return "", fmt.Errorf("not an absolute path")
	}
	name = filepath.Clean(name)
	if !withinAny(r.clean, name) && !withinAny(r.resolved, name) {
		return "", fmt.Errorf("outside the workspace folders")
	}
	res, inside, err := lang.ResolveInside(name, r.resolved) // the CLI's link rule too (lang/readfile.go)
	if err != nil {
		return "", err
	}
	if !inside {
		return "", fmt.Errorf("a link to a file outside the workspace folders")
	}
	st, err := os.Stat(res)
	if err != nil {
		return "", err
	}
	if !st.Mode().IsRegular() {
		return "", fmt.Errorf("not a regular file")
	}
	return res, nil
}

// read reads a file the server may read, no more than one byte past
// lang.MaxFileSize (Parse reports a file over the limit).
func (r roots) read(name string) ([]byte, error) {
	path, err := r.resolve(name)
	if err != nil {
		return nil, err
	}
	return lang.ReadRegular(path)
}
