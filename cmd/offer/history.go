package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/report"
)

func runHistory(e *env, args []string) int {
	if len(args) != 1 {
		return e.usage()
	}
	extra, code := readBands(e)
	if code != exitOK {
		return code
	}
	read := history
	if st, err := os.Stat(args[0]); err == nil && st.IsDir() {
		read = dirHistory // history_dir.go
	}
	h, err := read(args[0], extra)
	if err != nil {
		fmt.Fprintf(e.stderr, "offer history: %v\n", err)
		return fileFailure(err)
	}
	switch e.format {
	case "json":
		writeJSON(e, h.JSON())
	case "markdown":
		h.WriteMarkdown(e.stdout)
	case "html":
		if err := h.WriteHTML(e.stdout); err != nil {
			fmt.Fprintf(e.stderr, "offer history: %v\n", err)
			return exitUsage
		}
	default:
		h.WriteText(e.stdout)
	}
	if h.Failed() {
		return exitFindings
	}
	return exitOK
}

// commit is one commit of a git log: its hash, date, subject and the
// paths it touched (with their status, in a directory's log).
type commit struct {
	hash, date, subject string
	paths               []string
	status              []byte // A, M, R or D for each path
}

// history reads the file's commits, oldest first, and values each version.
func history(file string, extra []*lang.File) (*report.History, error) {
	root, err := gitRoot()
	if err != nil {
		return nil, err
	}
	// -z: names come NUL-terminated, as written (git quotes a name with
	// a tab, a quote or a non-ASCII letter otherwise).
	out, err := gitCmd("", "log", "-z", "--follow", "--diff-filter=AMR", "--date=short", "--name-only",
		"--format=%x1e%H%x1f%ad%x1f%s", "--", file)
	if err != nil {
		return nil, err
	}
	var commits []commit
	for _, rec := range strings.Split(string(out), "\x1e") {
		if strings.TrimSpace(rec) == "" {
			continue
		}
		head, names, _ := strings.Cut(rec, "\x00")
		f := strings.SplitN(head, "\x1f", 3)
		if len(f) != 3 {
			continue
		}
		path := ""
		for _, n := range strings.Split(strings.TrimPrefix(names, "\n"), "\x00") {
			if n != "" {
				path = n
			}
		}
		commits = append(commits, commit{hash: f[0], date: f[1], subject: f[2], paths: []string{path}})
	}
	if len(commits) == 0 {
		return nil, fmt.Errorf("%s: no commits touch this file", file)
	}
	h := report.NewHistory(file)
	for i := len(commits) - 1; i >= 0; i-- {
		c := commits[i]
		s, err := gitSnapshot(root, c.hash, c.paths[0], extra)
		if refused := asRefusal(err); refused != nil {
			h.AddRefused(c.hash, c.date, c.subject, c.paths[0], refused) // a row that says why, as for errors
			continue
		}
		if err != nil {
			return nil, err
		}
		if s.name == "" {
			h.AddDeleted(c.hash, c.date, c.subject, c.paths[0])
			continue
		}
		h.AddResult(c.hash, c.date, c.subject, c.paths[0], s.ws.Check(s.name))
	}
	return h, nil
}
