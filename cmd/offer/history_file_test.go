package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A file's history follows it through a move into another directory (git
// log --follow): each JSON row names the file as it was at that commit, as
// a directory's history does, and the change is against the version
// before the move (base 200,000 -> 210,000: +$10,000 a year, +$40,000
// over 4 years). The text names the file in its title only, not in its
// rows or in the note of a version that cannot be valued.
func TestHistoryOfAMovedFile(t *testing.T) {
	needGit(t)
	repo := t.TempDir()
	git(t, repo, "init", "-q")
	os.Mkdir(filepath.Join(repo, "a"), 0o755)
	os.Mkdir(filepath.Join(repo, "b"), 0o755)
	offer := "offer \"globex\" {\n  company = \"Globex\"\n  base    = %s\n}\n"
	writeFile(t, filepath.Join(repo, "a", "x.offer.hcl"), strings.Replace(offer, "%s", "200000", 1))
	git(t, repo, "add", ".")
	git(t, repo, "commit", "-qm", "received")
	git(t, repo, "mv", "a/x.offer.hcl", "b/x.offer.hcl")
	writeFile(t, filepath.Join(repo, "b", "x.offer.hcl"), strings.Replace(offer, "%s", "210000", 1))
	git(t, repo, "commit", "-qam", "moved and raised")
	writeFile(t, filepath.Join(repo, "b", "x.offer.hcl"), strings.Replace(offer, "%s", `"lots"`, 1))
	git(t, repo, "commit", "-qam", "broken")

	code, out := runIn(t, repo, "history", "b/x.offer.hcl")
	if code != exitFindings || !strings.Contains(out, "$840,000  +$40,000 (+5%)  moved and raised") {
		t.Fatalf("exit %d; no change across the move:\n%s", code, out)
	}
	if !strings.Contains(out, "\n[1] ") || strings.Contains(out, "x.offer.hcl offer") || strings.Contains(out, "File") {
		t.Errorf("the text names the file in its rows or notes (its title does):\n%s", out)
	}
	code, out = runIn(t, repo, "history", "--format", "json", "b/x.offer.hcl")
	var h struct {
		File string
		Rows []struct{ File string }
	}
	if err := json.Unmarshal([]byte(out), &h); code != exitFindings || err != nil {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	if h.File != "b/x.offer.hcl" || len(h.Rows) != 3 || h.Rows[0].File != "a/x.offer.hcl" || h.Rows[1].File != "b/x.offer.hcl" || h.Rows[2].File != "b/x.offer.hcl" {
		t.Errorf("rows do not name the file at each commit:\n%s", out)
	}
}
