package main

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/report"
)

func runDiff(e *env, args []string) int {
	extra, code := readBands(e)
	if code != exitOK {
		return code
	}
	var pairs [][2]*snapshot
	var err error
	if e.git != "" {
		pairs, err = changedSince(e.git, args, extra)
	} else if len(args) == 2 {
		var p [2]*snapshot
		if p[0], err = openSide(args[0], extra); err == nil {
			p[1], err = openSide(args[1], extra)
		}
		pairs = append(pairs, p)
	} else {
		return e.usage()
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "offer diff: %v\n", err)
		return fileFailure(err)
	}
	var out []report.FileDiff
	var errs lang.Diagnostics
	var srcs []*snapshot
	for _, p := range pairs {
		fd, ds := compareSnapshots(p[0], p[1])
		out = append(out, fd)
		errs = append(errs, ds...)
		srcs = append(srcs, p[0], p[1])
	}
	switch e.format {
	case "json":
		writeJSON(e, report.DiffJSON(out))
	case "markdown":
		report.WriteDiffMarkdown(e.stdout, out)
	case "html":
		if err := report.WriteDiffHTML(e.stdout, out); err != nil {
			fmt.Fprintf(e.stderr, "offer diff: %v\n", err)
			return exitUsage
		}
	default:
		report.WriteDiff(e.stdout, out)
	}
	if len(errs) > 0 {
		lang.WriteText(e.stderr, errs, snapshotSource(srcs))
		fmt.Fprintf(e.stderr, "offer diff: %d error(s); figures above leave out what could not be read.\n", len(errs))
		return exitFindings
	}
	return exitOK
}

// openSide reads one side of a comparison: a file on disk, or REV:PATH.
func openSide(arg string, extra []*lang.File) (*snapshot, error) {
	if st, err := os.Stat(arg); err == nil && !st.IsDir() {
		return diskSnapshot(arg, extra)
	}
	rev, p, ok := splitRevPath(arg)
	if !ok {
		return nil, fmt.Errorf("%s: no such file, and not a git revision REV:PATH", arg)
	}
	root, err := gitRoot()
	if err != nil {
		return nil, err
	}
	if err := verifyRev(rev); err != nil {
		return nil, err
	}
	s, err := gitSnapshot(root, rev, p, extra)
	if err == nil && s.name == "" {
		err = fmt.Errorf("%s: no such file at revision %s", p, rev)
	}
	return s, err
}

// changedSince pairs every offer file changed between rev and the work tree
// (limited to pathspecs when given) with its version at rev.
func changedSince(rev string, pathspecs []string, extra []*lang.File) ([][2]*snapshot, error) {
	root, err := gitRoot()
	if err != nil {
		return nil, err
	}
	if err := verifyRev(rev); err != nil {
		return nil, err
	}
	args := append([]string{"diff", "--name-only", "--no-renames", "-z", rev, "--"}, pathspecs...)
	out, err := gitCmd("", args...)
	if err != nil {
		return nil, err
	}
	cwd, _ := os.Getwd()
	var pairs [][2]*snapshot
	olds, curs := snapshots{}, snapshots{} // each directory read once at rev and once on disk
	for _, name := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		if kind, ok := lang.KindOf(name); !ok || kind != lang.OfferFile {
			continue
		}
		spec := rev + ":" + name
		old, err := olds.of(path.Dir(name), name, spec, spec, func() (*snapshot, error) { return gitSnapshot(root, rev, name, extra) })
		if err != nil {
			return nil, err
		}
		local := filepath.Join(root, filepath.FromSlash(name))
		if rel, err := filepath.Rel(cwd, local); err == nil {
			local = rel
		}
		dir := filepath.Dir(local)
		file := filepath.Join(dir, filepath.Base(local))
		cur, err := curs.of(dir, file, file, local, func() (*snapshot, error) { return diskSnapshot(local, extra) })
		if err != nil {
			return nil, err
		}
		pairs = append(pairs, [2]*snapshot{old, cur})
	}
	return pairs, nil
}

// valued returns the offers and counters of a snapshot's file that could
// be valued, and the file's errors.
func valued(s *snapshot) ([]*lang.Doc, lang.Diagnostics) {
	if s.name == "" {
		return nil, nil
	}
	r := s.ws.Check(s.name)
	var docs []*lang.Doc
	for _, d := range r.Docs {
		if d.Resolved {
			docs = append(docs, d)
		}
	}
	return docs, errorsIn(r.Diags)
}

func compareSnapshots(old, cur *snapshot) (report.FileDiff, lang.Diagnostics) {
	before, e1 := valued(old)
	after, e2 := valued(cur)
	return report.DiffDocs(old.label, cur.label, before, after), append(e1, e2...)
}

func snapshotSource(ss []*snapshot) func(string) []byte {
	return func(name string) []byte {
		for _, s := range ss {
			if f := s.ws.File(name); f != nil {
				return f.Src
			}
		}
		return nil
	}
}
