package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFullNegotiation holds every view of examples/full-negotiation (an
// offer, two counters, the employer's revision and accepted final version,
// and a competing offer with its own band file) to golden files:
// the timeline, report, compare, every script, the three emails and the
// drafted counter to the revision.
// `go test ./cmd/offer -run FullNegotiation -update` rewrites them.
func TestFullNegotiation(t *testing.T) {
	const dir = "../../examples/full-negotiation"
	cases := []struct {
		golden string
		args   []string
		code   int
	}{
		{"timeline.txt", []string{"timeline", dir}, 0},
		{"timeline.json", []string{"timeline", "--format", "json", dir}, 0},
		{"lint.txt", []string{"lint", dir}, 0},
		{"report.txt", []string{"report", dir}, 0},
		{"compare.txt", []string{"compare", dir}, 0},
		{"email-round1.txt", []string{"email", "round1", "--counter", "round1", dir}, 0},
		{"email-followup.txt", []string{"email", "followup", "--counter", "round2", dir}, 0},
		{"email-accept.txt", []string{"email", "accept", dir}, 0},
		{"script-questions.txt", []string{"script", "questions", dir}, 0},
		{"counter.txt", []string{"counter", "--offer", "amazon_l6_r2", dir}, 0},
	}
	for _, lever := range []string{"base", "sign_on", "equity", "start", "level", "flexibility", "bonus"} {
		cases = append(cases, struct {
			golden string
			args   []string
			code   int
		}{"script-" + lever + ".txt", []string{"script", lever, "--counter", "round2", dir}, 0})
	}
	for _, c := range cases {
		t.Run(c.golden, func(t *testing.T) {
			out, errOut, code := runCLI(t, c.args...)
			if code != c.code {
				t.Fatalf("offer %s: exit %d, want %d\n%s%s", strings.Join(c.args, " "), code, c.code, out, errOut)
			}
			got := strings.ReplaceAll(out, dir+"/", "")
			golden(t, filepath.Join("full-negotiation", c.golden), got)
		})
	}
}

// A text asked of a block with no figures because the files have errors
// exits 1 (the files have errors), saying why; a name that does not exist
// stays 2.
func TestDraftOfABlockWithoutFigures(t *testing.T) {
	dir := copyExample(t, "full-negotiation")
	p := filepath.Join(dir, "offer.offer.hcl")
	src, _ := os.ReadFile(p)
	broken := strings.Replace(string(src), "base = 200000", "base = \"lots\"", 1)
	if broken == string(src) {
		t.Fatal("the example changed; update the test's edit")
	}
	os.WriteFile(p, []byte(broken), 0o644)
	// A counter whose offer is not in the folder has no figures either
	// (lint exits 1 on it): exit 1, not 2 as for a name no block has.
	alone := t.TempDir()
	src, _ = os.ReadFile(filepath.Join("..", "..", "examples", "amazon-l6-seattle", "round1.offer.hcl"))
	os.WriteFile(filepath.Join(alone, "round1.offer.hcl"), src, 0o644)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"counter", "--offer", "amazon_l6_r2", dir}, exitFindings, `offer "amazon_l6_r2" has no figures`},
		{[]string{"script", "base", "--counter", "round1", dir}, exitFindings, `counter "round1" has no figures`},
		{[]string{"email", "accept", "--offer", "amazon_l6_final", dir}, exitFindings, `offer "amazon_l6_final" has no figures`},
		{[]string{"counter", "--offer", "nosuch", dir}, exitUsage, `no offer is named "nosuch"`},
		{[]string{"script", "base", "--counter", "nosuch", dir}, exitUsage, "nosuch"},
		{[]string{"script", "base", "--counter", "round1", alone}, exitFindings, `counter "round1" has no figures: the offer it answers was not found; run 'offer lint'`},
		{[]string{"email", "accept", "--counter", "round1", alone}, exitFindings, `counter "round1" has no figures: the offer it answers was not found`},
		{[]string{"counter", "--offer", "amazon_l6", alone}, exitUsage, `no offer is named "amazon_l6"`},
	} {
		out, errOut, code := runCLI(t, c.args...)
		if code != c.code || !strings.Contains(errOut, c.want) {
			t.Errorf("offer %s: exit %d, want %d and %q\n%s%s", strings.Join(c.args, " "), code, c.code, c.want, out, errOut)
		}
	}
}
