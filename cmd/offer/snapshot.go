package main

import (
	"errors"
	"io/fs"
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
	// unread holds why each other file of the directory could not be
	// read and was left out of ws (on disk, any error; at a revision, a
	// refusal), by its path as read.
	unread map[string]error
}

// sibling is the snapshot of another file of s's directory, p (its path
// as read), named name in the workspace and label to people: s's
// workspace, read once for every file of the directory.
func (s *snapshot) sibling(p, name, label string) (*snapshot, error) {
	if err := s.unread[p]; err != nil {
		return nil, err // as a snapshot of p would fail
	}
	sib := *s
	sib.label, sib.name = label, ""
	if s.ws.File(name) != nil {
		sib.name = name
	}
	return &sib, nil
}

// snapshots holds the snapshots read so far, by directory, so that each
// directory is read once (diff --git, history of a directory).
type snapshots map[string]*snapshot

// of returns the snapshot of the file p of directory dir (named name and
// label as sibling takes them): the sibling of one already read there, or
// what read reads.
func (ss snapshots) of(dir, p, name, label string, read func() (*snapshot, error)) (*snapshot, error) {
	if s := ss[dir]; s != nil {
		return s.sibling(p, name, label)
	}
	s, err := read()
	if err == nil {
		ss[dir] = s
	}
	return s, err
}

// diskSnapshot reads a file and the offer, band, tax and rates files beside it.
func diskSnapshot(file string, extra []*lang.File) (*snapshot, error) {
	ws := lang.NewWorkspace()
	ws.SetExtraBands(extra)
	s := &snapshot{label: file, ws: ws, unread: map[string]error{}}
	dir := filepath.Dir(file)
	sibs, err := lang.FolderFiles(dir)
	if err != nil {
		return nil, err
	}
	for _, sib := range sibs {
		if sib == filepath.Join(dir, filepath.Base(file)) {
			continue
		}
		// A directory named like an offer file is refused too (ReadFile's
		// not-regular-file), so that its sibling's diff fails as its own
		// snapshot would, not calling the file removed.
		src, err := lang.ReadFile(sib, "")
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue // gone when read (a link to nothing, as an editor's lock file): passed over, as lang's loads do
		case err != nil:
			s.unread[sib] = err
			continue
		}
		ws.Set(sib, src)
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
// the offer and band files of its directory as they were at rev, a commit
// (git log's, or one the user named that verifyRev accepted).
func gitSnapshot(root, rev, p string, extra []*lang.File) (*snapshot, error) {
	ws := lang.NewWorkspace()
	ws.SetExtraBands(extra)
	s := &snapshot{label: rev + ":" + p, ws: ws, unread: map[string]error{}}
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
		if asRefusal(err) != nil && n != p {
			s.unread[n] = err
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
