package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/offerkit/offerkit/lang"
)

// TestHistoryDir is the history of a whole negotiation (negotiation's
// four commits): one row per offer or counter per commit that changed its
// file, each valued with its directory at that commit.
func TestHistoryDir(t *testing.T) {
	hashes := negotiation(t)
	for _, dir := range []string{"amazon", "."} {
		out, errOut, code := runCLI(t, "history", dir)
		if code != exitOK {
			t.Fatalf("history %s: exit %d: %s", dir, code, errOut)
		}
		out = maskHashes(out, hashes)
		// c1 offer: 4 x 195,000 + 200,000 + 400,000 + 25,000 = 1,405,000.
		// c2 round1: 4 x 210,000 + 270,000 + 500,000 + 25,000 = 1,635,000.
		// c3 round1: 4 x 215,000 + 270,000 + 550,000 + 25,000 = 1,705,000 (+70,000).
		// c4 offer: relocation 30,000: 1,410,000 (+5,000); round1's file did not change: no row.
		mustContain(t, out,
			"commit1  amazon/offer.offer.hcl   offer amazon_l6  $350,000  $1,405,000",
			"commit2  amazon/round1.offer.hcl  counter round1   $410,000  $1,635,000",
			"commit3  amazon/round1.offer.hcl  counter round1   $417,500  $1,705,000  +$70,000 (+4.3%)",
			"commit4  amazon/offer.offer.hcl   offer amazon_l6  $355,000  $1,410,000  +$5,000 (+0.4%)")
		if n := strings.Count(out, "\n"); n != 6 || strings.Contains(out, "valued") {
			t.Errorf("history %s: %d lines\n%s", dir, n, out)
		}
		if dir == "amazon" {
			golden(t, "history_dir.txt", out)
		}
	}

	// A broken file, a counter whose offer is elsewhere, then a deletion:
	// each row says why it has no figures, and the exit status is 1.
	os.WriteFile("amazon/broken.offer.hcl", []byte("offer \"x\" {\n  base = \n}\n"), 0o644)
	os.WriteFile("amazon/garbled.offer.hcl", []byte("oops {\n"), 0o644)
	os.WriteFile("amazon/stray.offer.hcl", []byte("counter \"stray\" {\n  offer = offer.globex\n}\n"), 0o644)
	git(t, ".", "add", ".")
	git(t, ".", "commit", "-q", "-m", "Broken")
	git(t, ".", "rm", "-q", "amazon/broken.offer.hcl")
	git(t, ".", "commit", "-q", "-m", "Remove the broken file")
	out, _, code := runCLI(t, "history", ".")
	if code != exitFindings {
		t.Fatalf("exit %d, want 1\n%s", code, out)
	}
	flat := strings.Join(strings.Fields(out), " ") // the columns' padding aside
	// The commit's subject is said on its first row only: the rows of its
	// other files follow without it.
	mustContain(t, flat, "amazon/broken.offer.hcl offer x [1] Broken 2025", "amazon/garbled.offer.hcl (not valued) [2] 2025",
		"amazon/stray.offer.hcl counter stray [3] 2025", "amazon/broken.offer.hcl (deleted) [4] Remove the broken file",
		"amazon/broken.offer.hcl offer x: not valued: the block has errors, so its figures would leave out what could not be read (broken.offer.hcl line 2: Invalid expression)",
		"amazon/garbled.offer.hcl: not valued: the file has 2 error(s) (garbled.offer.hcl line 1:",
		"amazon/stray.offer.hcl counter stray: not valued: it answers offer.globex, which the directory does not hold at this commit",
		"amazon/broken.offer.hcl: the commit deleted the file")
	if strings.Contains(out, "$0") || strings.Contains(out, "nothing valued") {
		t.Errorf("a row without figures shows figures:\n%s", out)
	}
	if n := strings.Count(out, " Broken\n"); n != 1 {
		t.Errorf("the subject 'Broken' ends %d rows, want 1:\n%s", n, out)
	}
	md, _, _ := runCLI(t, "history", "--format", "markdown", ".")
	mustContain(t, md, "| amazon/broken.offer.hcl | offer x [1] |  |  |  | Broken |\n", "| amazon/garbled.offer.hcl | (not valued) [2] |  |  |  |  |\n")
	out, _, _ = runCLI(t, "history", "--format", "json", ".")
	var h struct {
		Rows []struct {
			File     string
			Name     string
			FourYear *float64 `json:"four_year_total"`
			Reason   string
			Subject  string
		}
	}
	if err := json.Unmarshal([]byte(out), &h); err != nil {
		t.Fatal(err)
	}
	if len(h.Rows) != 8 || h.Rows[4].File != "amazon/broken.offer.hcl" || h.Rows[4].FourYear != nil || h.Rows[4].Reason == "" ||
		h.Rows[6].Name != "stray" || h.Rows[6].FourYear != nil || h.Rows[0].FourYear == nil || *h.Rows[0].FourYear != 1405000 ||
		h.Rows[5].Subject != "Broken" || h.Rows[6].Subject != "Broken" { // JSON keeps each row's subject
		t.Errorf("json:\n%s", out)
	}

	os.Mkdir("empty", 0o755)
	if _, errOut, code := runCLI(t, "history", "empty"); code != exitUsage || !strings.Contains(errOut, "no commit changed an offer file") {
		t.Errorf("empty directory: exit %d %s", code, errOut)
	}
}

// TestHistoryDirKeepsNegotiationsApart: an offer of the same name in
// another directory is another negotiation; its first row has no change.
func TestHistoryDirKeepsNegotiationsApart(t *testing.T) {
	negotiation(t)
	os.Mkdir("other", 0o755)
	offer, _ := os.ReadFile("amazon/offer.offer.hcl")
	os.WriteFile("other/offer.offer.hcl", []byte(strings.Replace(string(offer), "base = 195000", "base = 185000", 1)), 0o644)
	git(t, ".", "add", ".")
	git(t, ".", "commit", "-q", "-m", "Another negotiation")
	out, errOut, code := runCLI(t, "history", ".")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "other/offer.offer.hcl") && (!strings.Contains(line, "$1,370,000") || strings.Contains(line, "%")) {
			t.Errorf("the other directory's offer compared with amazon/'s: %s", line)
		}
	}
}

// TestHistoryRefusedVersion: a version the reading rules refuse (here one
// over the size limit) is a row that cannot be valued, with the refusal as
// its reason, in a file's history and a directory's; the versions around
// it are valued (the later one's change against the earlier), and the
// exit status is 1, as for a version with errors.
func TestHistoryRefusedVersion(t *testing.T) {
	negotiation(t)
	offer, _ := os.ReadFile("amazon/offer.offer.hcl")
	os.WriteFile("amazon/offer.offer.hcl", append(offer, strings.Repeat("# padding\n", lang.MaxFileSize/10+1)...), 0o644)
	git(t, ".", "commit", "-q", "-am", "Too large")
	os.WriteFile("amazon/offer.offer.hcl", []byte(strings.Replace(string(offer), "base = 195000", "base = 200000", 1)), 0o644)
	git(t, ".", "commit", "-q", "-am", "More base")
	for _, arg := range []string{"amazon/offer.offer.hcl", "amazon"} {
		out, errOut, code := runCLI(t, "history", arg)
		flat := strings.Join(strings.Fields(out), " ")
		if code != exitFindings || errOut != "" {
			t.Errorf("history %s: exit %d, want 1 with nothing on stderr: %s", arg, code, errOut)
		}
		// 1,410,000 + 4 x 5,000 = 1,430,000.
		mustContain(t, flat, "(not valued) [1] Too large", "offer amazon_l6 $360,000 $1,430,000 +$20,000 (+1.4%) More base",
			": not read (file-too-large): The file is 4,194,")
	}
	out, _, _ := runCLI(t, "history", "--format", "json", "amazon/offer.offer.hcl")
	if !strings.Contains(out, `"reason": "not read (file-too-large)`) || !strings.Contains(out, `"errors": 1`) {
		t.Errorf("json:\n%s", out)
	}
	// A refused file committed with a sibling read before it: the
	// sibling's snapshot of the directory leaves it out, and it still
	// gets its row.
	round1, _ := os.ReadFile("amazon/round1.offer.hcl")
	os.WriteFile("amazon/round1.offer.hcl", append(round1, strings.Repeat("# padding\n", lang.MaxFileSize/10+1)...), 0o644)
	os.WriteFile("amazon/offer.offer.hcl", offer, 0o644)
	git(t, ".", "commit", "-q", "-am", "Round 1 too large")
	out, errOut, code := runCLI(t, "history", "amazon")
	flat := strings.Join(strings.Fields(out), " ")
	if code != exitFindings || errOut != "" {
		t.Errorf("history amazon, a refused file beside a change: exit %d, want 1 with nothing on stderr: %s", code, errOut)
	}
	mustContain(t, flat, "offer amazon_l6 $355,000 $1,410,000 -$20,000 (-1.4%) Round 1 too large",
		"amazon/round1.offer.hcl (not valued) [2]", "amazon/round1.offer.hcl: not read (file-too-large): The file is 4,194,")
}
