package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/offerkit/offerkit/lang/report"
)

// negotiation builds a git repository holding four commits of the Amazon
// example and makes it the current directory:
//
//	c1 2025-03-10 Offer as received        amazon/offer.offer.hcl (examples/amazon-l6-seattle)
//	c2 2025-03-12 Round 1 counter          amazon/round1.offer.hcl (examples/amazon-l6-seattle)
//	c3 2025-03-15 Round 2                  round1: base 210,000 -> 215,000, equity 500,000 -> 550,000
//	c4 2025-03-18 Recruiter adds relocation offer: relocation 25,000 -> 30,000
//
// It returns the commit hashes, oldest first.
func negotiation(t *testing.T) []string {
	t.Helper()
	needGit(t)
	dir := t.TempDir()
	t.Chdir(dir)
	git(t, dir, "init", "-q", "-b", "main")
	ex := filepath.Join(repoRoot, "examples", "amazon-l6-seattle")
	offer, _ := os.ReadFile(filepath.Join(ex, "offer.offer.hcl"))
	round1, _ := os.ReadFile(filepath.Join(ex, "round1.offer.hcl"))
	os.Mkdir("amazon", 0o755)
	commit := func(date, msg string, files map[string]string) {
		for name, text := range files {
			if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			git(t, dir, "add", name)
		}
		t.Setenv("GIT_AUTHOR_DATE", date+"T12:00:00Z")
		t.Setenv("GIT_COMMITTER_DATE", date+"T12:00:00Z")
		git(t, dir, "commit", "-q", "-m", msg)
	}
	commit("2025-03-10", "Offer as received", map[string]string{"amazon/offer.offer.hcl": string(offer)})
	commit("2025-03-12", "Round 1 counter", map[string]string{"amazon/round1.offer.hcl": string(round1)})
	r2 := strings.Replace(strings.Replace(string(round1), "base  = 210000", "base  = 215000", 1), "value = 500000", "value = 550000", 1)
	if r2 == string(round1) || strings.Count(r2, "215000")+strings.Count(r2, "550000") != 2 {
		t.Fatal("the example changed; update the test's edits")
	}
	commit("2025-03-15", "Round 2: more base and equity", map[string]string{"amazon/round1.offer.hcl": r2})
	o2 := strings.Replace(string(offer), "relocation = 25000", "relocation = 30000", 1)
	if o2 == string(offer) {
		t.Fatal("the example changed; update the test's edits")
	}
	commit("2025-03-18", "Recruiter adds relocation", map[string]string{"amazon/offer.offer.hcl": o2})
	return strings.Fields(git(t, dir, "log", "--reverse", "--format=%H"))
}

// maskHashes replaces commit hashes (full and short) with commit1, commit2, ...
func maskHashes(s string, hashes []string) string {
	for i, h := range hashes {
		name := "commit" + string(rune('1'+i)) // as wide as a short hash
		s = strings.ReplaceAll(s, h, name)
		s = strings.ReplaceAll(s, h[:7], name)
	}
	return s
}

func TestDiffRevisions(t *testing.T) {
	negotiation(t)
	// Old: round 1 as committed in c2 against the offer at c2.
	// New: the work tree: round 2 (c3) against the offer with relocation 30,000 (c4).
	// Year 1: 210,000 + 150,000 + 5% of 500,000 (25,000) + 25,000 = 410,000
	//      -> 215,000 + 150,000 + 5% of 550,000 (27,500) + 30,000 = 422,500 (+12,500)
	// 4 years: 1,635,000 -> 215,000*4 + 270,000 + 550,000 + 30,000 = 1,710,000 (+75,000, +4.59%)
	out, errOut, code := runCLI(t, "diff", "HEAD~2:amazon/round1.offer.hcl", "amazon/round1.offer.hcl")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	mustContain(t, out, "4-year total $1,635,000 -> $1,710,000, +$75,000 (+4.6%)",
		"base        $210,000 -> $215,000  +$5,000 (+2.4%)", "relocation  $25,000 -> $30,000    +$5,000 (+20%)")
	golden(t, "diff_revisions.txt", out)

	out, _, code = runCLI(t, "diff", "--format", "json", "HEAD~2:amazon/round1.offer.hcl", "amazon/round1.offer.hcl")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var doc struct {
		Files []struct {
			Documents []struct {
				Status   string
				FourYear struct{ Before, After, Delta, Percent float64 } `json:"four_year"`
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	d := doc.Files[0].Documents[0]
	if d.Status != "changed" || d.FourYear.Before != 1635000 || d.FourYear.After != 1710000 || d.FourYear.Delta != 75000 || d.FourYear.Percent != 4.59 {
		t.Errorf("json four_year = %+v", d)
	}
	golden(t, "diff_revisions.json", out)

	// Markdown and HTML render the same grids as the text: the headline,
	// each lever and each year's totals.
	out, _, code = runCLI(t, "diff", "--format", "markdown", "HEAD~2:amazon/round1.offer.hcl", "amazon/round1.offer.hcl")
	if code != exitOK {
		t.Fatalf("markdown: exit %d", code)
	}
	mustContain(t, out, "**counter round1: 4-year total $1,635,000 -> $1,710,000, +$75,000 (+4.6%)**",
		"| base | $210,000 -> $215,000 | +$5,000 (+2.4%) |", "## HEAD~2:amazon/round1.offer.hcl -> amazon/round1.offer.hcl", "| Year 1 | $410,000 | $422,500 | +$12,500 |", "| 4 years | $1,635,000 | $1,710,000 | +$75,000 |")
	golden(t, "diff_revisions.md", out)
	out, _, code = runCLI(t, "diff", "--format", "html", "HEAD~2:amazon/round1.offer.hcl", "amazon/round1.offer.hcl")
	if code != exitOK {
		t.Fatalf("html: exit %d", code)
	}
	mustContain(t, out, "<p class=\"headline\">counter round1: 4-year total $1,635,000 -&gt; $1,710,000, &#43;$75,000 (&#43;4.6%)</p>",
		"<th scope=\"row\">Year 1</th><td>$410,000</td><td>$422,500</td><td>&#43;$12,500</td>")
	golden(t, "diff_revisions.html", out)

	// ./PATH is relative to the current directory.
	os.Chdir("amazon")
	out2, errOut, code := runCLI(t, "diff", "HEAD~2:./round1.offer.hcl", "round1.offer.hcl")
	if code != exitOK || !strings.Contains(out2, "+$75,000 (+4.6%)") {
		t.Errorf("relative REV:./PATH: exit %d\n%s%s", code, out2, errOut)
	}
}

func TestDiffGitSince(t *testing.T) {
	hashes := negotiation(t)
	out, errOut, code := runCLI(t, "diff", "--git", hashes[0])
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// offer.offer.hcl: relocation +5,000, year 1 +5,000, 4 years 1,405,000 -> 1,410,000 (+0.36%)
	// round1.offer.hcl did not exist at c1: added, 4 years 1,710,000.
	mustContain(t, out, "offer amazon_l6: 4-year total $1,405,000 -> $1,410,000, +$5,000 (+0.4%)",
		"counter round1: added, 4-year total $1,710,000 (year 1 $422,500)")
	golden(t, "diff_git.txt", maskHashes(out, hashes))

	out, _, _ = runCLI(t, "diff", "--git", "HEAD")
	if strings.TrimSpace(out) != "No offer files changed." {
		t.Errorf("nothing changed since HEAD, got:\n%s", out)
	}
	_, errOut, code = runCLI(t, "diff", "--git", "nosuchrev")
	if code != exitUsage || !strings.Contains(errOut, "nosuchrev: not a revision") {
		t.Errorf("bad revision: exit %d, %s", code, errOut)
	}
}

func TestHistory(t *testing.T) {
	hashes := negotiation(t)
	out, errOut, code := runCLI(t, "history", "amazon/round1.offer.hcl")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// c2: 4 years 1,635,000; c3: 1,705,000 (+70,000 = +4.28%). c4 does not touch the file.
	mustContain(t, out, "2025-03-12", "$1,635,000", "2025-03-15", "$1,705,000  +$70,000 (+4.3%)  Round 2: more base and equity")
	golden(t, "history.txt", maskHashes(out, hashes))
	for _, f := range []struct{ format, want, change string }{
		{"markdown", "| 2025-03-15 | ", "| +$70,000 (+4.3%) |"},
		{"html", "<th scope=\"row\">2025-03-15</th>", "<td>&#43;$70,000 (&#43;4.3%)</td>"},
	} {
		out, _, code := runCLI(t, "history", "--format", f.format, "amazon/round1.offer.hcl")
		if code != exitOK {
			t.Fatalf("%s: exit %d", f.format, code)
		}
		mustContain(t, out, f.want, "$1,705,000", f.change, "Round 2: more base and equity")
		golden(t, "history."+map[string]string{"markdown": "md", "html": "html"}[f.format], maskHashes(out, hashes))
	}

	out, _, _ = runCLI(t, "history", "--format", "json", "amazon/offer.offer.hcl")
	var h struct {
		Rows []struct {
			Commit   string
			FourYear float64  `json:"four_year_total"`
			Change   *float64 `json:"change"`
		}
	}
	if err := json.Unmarshal([]byte(out), &h); err != nil {
		t.Fatal(err)
	}
	if len(h.Rows) != 2 || h.Rows[0].Commit != hashes[0] || h.Rows[0].Change != nil || h.Rows[1].FourYear != 1410000 || *h.Rows[1].Change != 5000 {
		t.Errorf("history json: %s", out)
	}
	golden(t, "history.json", maskHashes(out, hashes))

	_, errOut, code = runCLI(t, "history", "amazon/nothing.offer.hcl")
	if code != exitUsage || !strings.Contains(errOut, "no commits") {
		t.Errorf("untracked file: exit %d %s", code, errOut)
	}
}

// indexLine matches git's "index abc123..def456 100644" lines, whose blob
// hashes the golden files leave out.
var indexLine = regexp.MustCompile(`(?m)^index [0-9a-f]+\.\.[0-9a-f]+.*\n`)

// TestTextconvThroughGit installs the diff driver with init-git (the test
// binary stands in for offer) and reads real git diff and git log -p.
func TestTextconvThroughGit(t *testing.T) {
	hashes := negotiation(t)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("OFFER_TEST_MAIN", "1")
	out, errOut, code := runCLI(t, "init-git", "--command", exe+" textconv")
	if code != exitOK {
		t.Fatalf("init-git: exit %d %s", code, errOut)
	}
	attrs, _ := os.ReadFile(".gitattributes")
	if string(attrs) != "*.offer.hcl diff=offer\n*.bands.hcl diff=offer\n" {
		t.Errorf(".gitattributes = %q", attrs)
	}
	if got := strings.TrimSpace(git(t, ".", "config", "--get", "diff.offer.textconv")); got != exe+" textconv" {
		t.Errorf("diff.offer.textconv = %q", got)
	}
	// A second run adds nothing.
	out, _, _ = runCLI(t, "init-git", "--command", exe+" textconv")
	if strings.Contains(out, "added to .gitattributes") {
		t.Errorf("second init-git added lines again:\n%s", out)
	}

	// c3 changed round1. Git hands textconv bare copies of the two versions,
	// so both are valued against the offer in the work tree (relocation
	// 30,000 since c4), and the change is the counter's own:
	// year 1 210,000 + 150,000 + 25,000 + 30,000 = 415,000 -> 215,000 + 150,000 + 27,500 + 30,000 = 422,500;
	// 4 years 1,640,000 -> 1,710,000 (+70,000, as in offer history).
	diff := indexLine.ReplaceAllString(git(t, ".", "diff", hashes[1], hashes[2]), "")
	mustContain(t, diff, "-#   year 1 total  $415,000", "+#   year 1 total  $422,500",
		"-#   4-year total  $1,640,000", "+#   4-year total  $1,710,000", "@@ -3,7 +3,7 @@ counter \"round1\" {",
		" # (offer amazon_l6 read from amazon/offer.offer.hcl in the work tree)")
	golden(t, "git_diff_textconv.txt", diff)

	logp := indexLine.ReplaceAllString(git(t, ".", "log", "-p", "--format=commit %s", "--", "amazon/offer.offer.hcl"), "")
	// c4: relocation 25,000 -> 30,000 moves year 1 350,000 -> 355,000 and 4 years 1,405,000 -> 1,410,000.
	mustContain(t, logp, "+  relocation = 30000", "-#   year 1 total  $350,000", "+#   year 1 total  $355,000",
		"+#   4-year total  $1,410,000")
	golden(t, "git_log_p_textconv.txt", logp)
}

func TestTextconvFile(t *testing.T) {
	out, _, code := runCLI(t, "textconv", filepath.Join(repoRoot, "examples", "amazon-l6-seattle", "offer.offer.hcl"))
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	// Year 1: 195,000 + 110,000 + 20,000 + 25,000 = 350,000; 4 years 1,405,000.
	mustContain(t, out, "relocation = 25000\n}", report.TextconvMarker, "# offer amazon_l6\n#   year 1 total  $350,000\n", "#   4-year total  $1,405,000\n")
	// A broken file still converts, saying what it could not read.
	p := filepath.Join(t.TempDir(), "b.offer.hcl")
	os.WriteFile(p, []byte("offer \"x\" {\n  base = \n"), 0o644)
	out, _, code = runCLI(t, "textconv", p)
	if code != exitOK || !strings.Contains(out, "# 1 error(s) in this version") {
		t.Errorf("broken file: exit %d\n%s", code, out)
	}
}

// A file name git would quote (é, a tab, a quote) is read as written:
// every row is valued (it printed "(nothing valued)" before -z).
func TestHistoryQuotedName(t *testing.T) {
	needGit(t)
	dir := t.TempDir()
	t.Chdir(dir)
	git(t, dir, "init", "-q")
	name := "é \"tab\"\tx.offer.hcl"
	for i, base := range []string{"100000", "110000"} {
		os.WriteFile(name, []byte("offer \"o\" {\n  base = "+base+"\n}\n"), 0o644)
		git(t, dir, "add", ".")
		git(t, dir, "commit", "-qm", fmt.Sprint("v", i))
	}
	out, errOut, code := runCLI(t, "history", name)
	if code != exitOK || strings.Contains(out, "nothing valued") || !strings.Contains(out, "+$40,000 (+10%)") {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
}

// aChangedBRemoved makes a repository, the working directory, whose one
// commit holds n/a.offer.hcl and n/b.offer.hcl; on disk a's base has
// changed and b is gone, for the test to put something in its place.
func aChangedBRemoved(t *testing.T) {
	t.Helper()
	needGit(t)
	dir := t.TempDir()
	t.Chdir(dir)
	git(t, dir, "init", "-q")
	os.Mkdir("n", 0o755)
	os.WriteFile("n/a.offer.hcl", []byte("offer \"a\" {\n  base = 100000\n}\n"), 0o644)
	os.WriteFile("n/b.offer.hcl", []byte("offer \"b\" {\n  base = 100000\n}\n"), 0o644)
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-qm", "v1")
	os.WriteFile("n/a.offer.hcl", []byte("offer \"a\" {\n  base = 110000\n}\n"), 0o644)
	os.Remove("n/b.offer.hcl")
}

// A changed file whose name is now a directory's is refused, as when named
// alone, whichever file of its folder diff --git reads first (a sibling
// read before it used to call it removed).
func TestDiffGitSinceFileNowADirectory(t *testing.T) {
	aChangedBRemoved(t)
	os.Mkdir("n/b.offer.hcl", 0o755)
	for _, args := range [][]string{{"diff", "--git", "HEAD"}, {"diff", "--git", "HEAD", "n/b.offer.hcl"}} {
		out, errOut, code := runCLI(t, args...)
		if code != exitFindings || strings.Contains(out, "removed") || !strings.Contains(errOut, "b.offer.hcl") {
			t.Errorf("%v: exit %d, want %d and b.offer.hcl refused\n%s%s", args, code, exitFindings, out, errOut)
		}
	}
}

// A committed file that is now a link to nothing is gone, whichever file
// of its folder diff --git reads first (it read b's failure beside a and
// reported it, or called b removed when b came first), and an editor's
// lock file beside them (Emacs's .#NAME, a link to nothing) is passed over,
// as by the commands that read a folder.
func TestDiffGitSinceLinksToNothing(t *testing.T) {
	aChangedBRemoved(t)
	for _, link := range []string{"n/b.offer.hcl", "n/.#a.offer.hcl"} {
		if err := os.Symlink("root@host.1234:1700000000", link); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"diff", "--git", "HEAD"}, {"diff", "--git", "HEAD", "n/b.offer.hcl"}} {
		out, errOut, code := runCLI(t, args...)
		if code != exitOK || !strings.Contains(out, "offer b: removed") {
			t.Errorf("%v: exit %d, want %d and offer b removed\n%s%s", args, code, exitOK, out, errOut)
		}
	}
}
