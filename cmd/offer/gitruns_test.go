package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitLog puts a git in front of PATH that logs each run's arguments, one
// run a line, and runs the real git; it returns the log's path.
func gitLog(t *testing.T) string {
	t.Helper()
	real, err := exec.LookPath("git")
	if err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	log := filepath.Join(bin, "runs.log")
	writeFile(t, filepath.Join(bin, "git"), "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '"+log+"'\nexec '"+real+"' \"$@\"\n")
	if err := os.Chmod(filepath.Join(bin, "git"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return log
}

// runsOf counts the logged git runs whose arguments start with prefix,
// and empties the log.
func runsOf(t *testing.T, log string, prefixes ...string) []int {
	t.Helper()
	data, _ := os.ReadFile(log)
	os.Remove(log)
	counts := make([]int, len(prefixes))
	for _, line := range strings.Split(string(data), "\n") {
		for i, p := range prefixes {
			if strings.HasPrefix(line, p) {
				counts[i]++
			}
		}
	}
	return counts
}

// history asks git for each commit's directory (ls-tree) and files, and
// never again whether a commit its own git log listed is a commit; diff
// --git verifies the revision the user gave once and reads each directory
// once, however many of its files changed.
func TestGitRunsPerSnapshot(t *testing.T) {
	needGit(t)
	repo := t.TempDir()
	git(t, repo, "init", "-q")
	os.Mkdir(filepath.Join(repo, "n"), 0o755)
	offer := func(name, base string) string {
		return "offer \"" + name + "\" {\n  company = \"Globex\"\n  base    = " + base + "\n}\n"
	}
	for i, base := range []string{"200000", "210000", "220000"} {
		writeFile(t, filepath.Join(repo, "n", "a.offer.hcl"), offer("a", base))
		writeFile(t, filepath.Join(repo, "n", "b.offer.hcl"), offer("b", base))
		git(t, repo, "add", ".")
		git(t, repo, "commit", "-qm", "version "+string(rune('1'+i)))
	}
	log := gitLog(t)

	if code, out := runIn(t, repo, "history", "n/a.offer.hcl"); code != exitOK || !strings.Contains(out, "version 3") {
		t.Fatalf("history: exit %d:\n%s", code, out)
	}
	if got := runsOf(t, log, "rev-parse --verify", "ls-tree"); got[0] != 0 || got[1] != 3 {
		t.Errorf("history of a file over 3 commits: %d rev-parse --verify, %d ls-tree; want 0 and 3", got[0], got[1])
	}

	writeFile(t, filepath.Join(repo, "n", "a.offer.hcl"), offer("a", "230000"))
	writeFile(t, filepath.Join(repo, "n", "b.offer.hcl"), offer("b", "240000"))
	code, out := runIn(t, repo, "diff", "--git", "HEAD~1")
	if code != exitOK || !strings.Contains(out, "a.offer.hcl") || !strings.Contains(out, "b.offer.hcl") {
		t.Fatalf("diff --git: exit %d:\n%s", code, out)
	}
	if got := runsOf(t, log, "rev-parse --verify", "ls-tree"); got[0] != 1 || got[1] != 1 {
		t.Errorf("diff --git of two files of one directory: %d rev-parse --verify, %d ls-tree; want 1 and 1", got[0], got[1])
	}
	if code, out := runIn(t, repo, "diff", "--git", "nosuchrev"); code != exitUsage || !strings.Contains(out, "nosuchrev: not a revision") {
		t.Errorf("diff --git nosuchrev: exit %d:\n%s", code, out)
	}
	if code, out := runIn(t, repo, "diff", "nosuchrev:n/a.offer.hcl", "n/a.offer.hcl"); code != exitUsage || !strings.Contains(out, "nosuchrev: not a revision") {
		t.Errorf("diff nosuchrev:FILE FILE: exit %d:\n%s", code, out)
	}
}
