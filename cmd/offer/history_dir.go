package main

import (
	"fmt"
	"path"
	"strings"

	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/report"
)

// dirHistory is the history of a whole negotiation: every commit that
// added, changed, renamed or deleted an offer file under dir, oldest
// first, with a row for each offer and counter of each such file, valued
// with the files of its directory as they were at that commit.
func dirHistory(dir string, extra []*lang.File) (*report.History, error) {
	root, err := gitRoot()
	if err != nil {
		return nil, err
	}
	out, err := gitCmd("", "log", "-z", "--diff-filter=AMRD", "--date=short", "--name-status",
		"--format=%x1e%H%x1f%ad%x1f%s", "--", dir)
	if err != nil {
		return nil, err
	}
	commits := parseNameStatus(string(out))
	h := report.NewHistory(dir)
	h.Dir = true
	for i := len(commits) - 1; i >= 0; i-- {
		c := commits[i]
		snaps := snapshots{} // one read of each directory per commit
		for j, p := range c.paths {
			if k, ok := lang.KindOf(p); !ok || k != lang.OfferFile {
				continue
			}
			if c.status[j] == 'D' {
				h.AddDeleted(c.hash, c.date, c.subject, p)
				continue
			}
			name := c.hash + ":" + p
			s, err := snaps.of(path.Dir(p), p, name, name, func() (*snapshot, error) { return gitSnapshot(root, c.hash, p, extra) })
			if refused := asRefusal(err); refused != nil {
				h.AddRefused(c.hash, c.date, c.subject, p, refused)
				continue
			}
			if err != nil {
				return nil, err
			}
			if s.name == "" {
				return nil, fmt.Errorf("%s: could not read it at commit %s", p, c.hash[:7])
			}
			h.AddResult(c.hash, c.date, c.subject, p, s.ws.Check(s.name))
		}
	}
	if len(h.Rows) == 0 {
		return nil, fmt.Errorf("%s: no commit changed an offer file here", dir)
	}
	return h, nil
}

// parseNameStatus reads git log -z --name-status with the format
// %x1e%H%x1f%ad%x1f%s: per commit, a status and its path (two for a
// rename or copy: the new one is kept), NUL-terminated.
func parseNameStatus(out string) []commit {
	var commits []commit
	for _, rec := range strings.Split(out, "\x1e") {
		head, rest, _ := strings.Cut(rec, "\x00")
		f := strings.SplitN(head, "\x1f", 3)
		if len(f) != 3 {
			continue
		}
		c := commit{hash: f[0], date: f[1], subject: f[2]}
		fields := strings.Split(strings.TrimPrefix(rest, "\n"), "\x00")
		for i := 0; i < len(fields); i++ {
			st := fields[i]
			if st == "" {
				continue
			}
			n := 1
			if st[0] == 'R' || st[0] == 'C' {
				n = 2
			}
			if i+n >= len(fields) {
				break
			}
			c.paths, c.status = append(c.paths, fields[i+n]), append(c.status, st[0])
			i += n
		}
		commits = append(commits, c)
	}
	return commits
}
