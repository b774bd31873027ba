package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/offerkit/offerkit/lang"
)

// gitAttributes are the lines init-git makes sure .gitattributes holds.
var gitAttributes = []string{"*.offer.hcl diff=offer", "*.bands.hcl diff=offer"}

// offerFuncname makes git's hunk headers name the enclosing top-level
// block: an unindented line such as `counter "round1" {`.
const offerFuncname = `^[a-z_]+[[:space:]].*\{`

func runInitGit(e *env, _ []string) int {
	root, err := gitRoot()
	if err != nil {
		fmt.Fprintf(e.stderr, "offer init-git: not in a git repository (%v)\n", err)
		return exitUsage
	}
	if out, err := gitCmd(root, "config", "--get", "diff.offer.textconv"); err == nil {
		if old := strings.TrimSpace(string(out)); old != "" && old != e.command && !e.force {
			fmt.Fprintf(e.stderr, "offer init-git: diff.offer.textconv is already set to %q; not replaced (pass --force to replace it with %q)\n", old, e.command)
			return exitUsage
		}
	}
	attrs := filepath.Join(root, ".gitattributes")
	added, err := ensureLines(attrs, gitAttributes, e.force)
	if err != nil {
		fmt.Fprintf(e.stderr, "offer init-git: %v\n", err)
		return fileFailure(err) // 1 for a refused file, as in every command
	}
	for _, l := range added {
		fmt.Fprintf(e.stdout, "added to .gitattributes: %s\n", l)
	}
	for _, kv := range [][2]string{{"diff.offer.textconv", e.command}, {"diff.offer.xfuncname", offerFuncname}} {
		if _, err := gitCmd(root, "config", kv[0], kv[1]); err != nil {
			fmt.Fprintf(e.stderr, "offer init-git: %v\n", err)
			return exitUsage
		}
		fmt.Fprintf(e.stdout, "git config %s %q\n", kv[0], kv[1])
	}
	fmt.Fprintln(e.stdout, "git diff and git log -p now show offer figures; commit .gitattributes to share the setting.")
	return exitOK
}

// ensureLines appends the lines a file lacks, creating it when needed, and
// returns the lines it added; a read-only file is refused unless force.
func ensureLines(path string, lines []string, force bool) ([]string, error) {
	var snap *lang.Snapshot
	var have []byte
	if _, err := os.Lstat(path); err == nil {
		if snap, err = lang.ReadSnapshot(path); err != nil {
			return nil, err
		}
		have = snap.Data
	}
	present := map[string]bool{}
	for _, l := range strings.Split(string(have), "\n") {
		present[strings.Join(strings.Fields(l), " ")] = true
	}
	var added []string
	out := append([]byte(nil), have...)
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	for _, l := range lines {
		if !present[l] {
			out = append(out, l+"\n"...)
			added = append(added, l)
		}
	}
	if len(added) == 0 {
		return nil, nil
	}
	if snap == nil {
		return added, lang.WriteFile(path, out, 0o644)
	}
	if bytes.Equal(out, have) {
		return nil, nil
	}
	if err := snap.Writable(force); err != nil {
		return nil, err
	}
	return added, snap.Replace(out)
}
