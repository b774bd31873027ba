package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/offerkit/offerkit/lang"
)

// This file reads an offer file with its directory, on disk or at a git
// revision (through git.go), for diff and history to value.

// snapshot is an offer file with the other files of its directory, read
// from disk or from a git revision: what a workspace needs to value it.
type snapshot struct {
	label string // how to name the file to people: a path or REV:PATH
	name  string // the file's name in ws; "" when it does not exist there
	ws    *lang.Workspace
	// refused holds why each file of the directory left out of ws (a
	// git snapshot only) was refused, by its path at the revision.
	refused map[string]*lang.Refusal
}

// diskSnapshot reads a file and the offer and band files beside it.
func diskSnapshot(file string, extra []*lang.File) (*snapshot, error) {
	ws := lang.NewWorkspace()
	ws.SetExtraBands(extra)
	s := &snapshot{label: file, ws: ws}
	dir := filepath.Dir(file)
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, ent := range ents {
		sib := filepath.Join(dir, ent.Name())
		if _, ok := lang.KindOf(sib); !ok || ent.IsDir() || sib == filepath.Join(dir, filepath.Base(file)) {
			continue
		}
		if src, err := lang.ReadFile(sib, ""); err == nil {
			ws.Set(sib, src)
		}
	}
	src, err := lang.ReadFile(file, "")
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, err
	}
	s.name = filepath.Join(dir, filepath.Base(file))
	ws.Set(s.name, src)
	return s, nil
}

// gitSnapshot reads a file (PATH relative to the top of the work tree) and
// the offer and band files of its directory as they were at rev.
func gitSnapshot(root, rev, p string, extra []*lang.File) (*snapshot, error) {
	ws := lang.NewWorkspace()
	ws.SetExtraBands(extra)
	s := &snapshot{label: rev + ":" + p, ws: ws, refused: map[string]*lang.Refusal{}}
	if _, err := gitCmd(root, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("%s: not a revision of this repository", rev)
	}
	dir := path.Dir(p)
	spec := dir + "/"
	if dir == "." {
		spec = "."
	}
	// -l: each entry's mode and size, judged before its blob is read
	// (a committed link, or a blob over the size limit, by its real size).
	out, err := gitCmd(root, "ls-tree", "-z", "-l", rev, "--", spec)
	if err != nil {
		return nil, err
	}
	entries := map[string]error{}
	var names []string
	for _, ent := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		meta, n, ok := strings.Cut(ent, "\t")
		f := strings.Fields(meta)
		if !ok || len(f) != 4 {
			continue
		}
		size, _ := strconv.ParseInt(f[3], 10, 64) // "-" for a tree or submodule
		names = append(names, n)
		entries[n] = lang.CheckBlob(rev+":"+n, f[0], size)
	}
	sort.Strings(names)
	for _, n := range names {
		if _, ok := lang.KindOf(n); !ok || n == "" {
			continue
		}
		var src []byte
		err := entries[n]
		if err == nil {
			src, err = gitShow(root, rev+":"+n)
		}
		if refused := asRefusal(err); refused != nil && n != p {
			s.refused[n] = refused
			continue // as on disk: a refused file beside the one compared is left out
		}
		if err != nil {
			return nil, err
		}
		ws.Set(rev+":"+n, src)
		if n == p {
			s.name = rev + ":" + n
		}
	}
	if s.name == "" {
		// A file whose name offerkit does not read by default, given by name.
		src, err := gitShow(root, rev+":"+p)
		if asRefusal(err) != nil {
			return nil, err
		}
		if err == nil {
			s.name = rev + ":" + p
			ws.Set(s.name, src)
		}
	}
	return s, nil
}
