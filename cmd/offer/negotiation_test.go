package main

import (
	"bytes"
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
			var out, errOut bytes.Buffer
			code := run(c.args, nil, &out, &errOut)
			if code != c.code {
				t.Fatalf("offer %s: exit %d, want %d\n%s%s", strings.Join(c.args, " "), code, c.code, out.String(), errOut.String())
			}
			got := strings.ReplaceAll(out.String(), dir+"/", "")
			golden := filepath.Join("testdata", "golden", "full-negotiation", c.golden)
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if got != string(want) {
				t.Errorf("offer %s differs from %s:\n%s", strings.Join(c.args, " "), golden, got)
			}
		})
	}
}
