package lang

import (
	"strings"
	"testing"

	"github.com/offerkit/offerkit/engine/negotiate"
)

// An email with several asks cites the candidate once: each lever's script
// cites the strengths ("I bring ...", "My track record includes ..."), but
// a recruiter reading them again under the next ask reads filler. Over
// every example and test workspace, each round-1 and follow-up email holds
// at most one such sentence and each strength at most once when the
// candidate lists strengths, and each sentence at most once when it does
// not (then they hold two different placeholders, [[your specialised
// experience]] and [[your achievement]], both for the user to fill in);
// an email whose asks cite them at all still cites them.
func TestEmailsSayStrengthsOnce(t *testing.T) {
	cited := 0
	for _, dir := range textDirs(t) {
		for _, c := range textCases(t, loadDir(t, dir)) {
			for _, kind := range []string{"round1", "followup"} {
				m, err := negotiate.EmailFor(c.facts, kind)
				if err != nil {
					continue
				}
				flat := strings.Join(strings.Fields(m.Body), " ")
				brings, record := strings.Count(flat, "I bring "), strings.Count(flat, "My track record includes ")
				n := brings + record
				if brings > 1 || record > 1 || n > 1 && len(c.facts.Candidate.Strengths) > 0 {
					t.Errorf("%s, %s, email %s cites the candidate %d times:\n%s", dir, c.title, kind, n, m.Body)
				}
				for _, s := range c.facts.Candidate.Strengths {
					if k := strings.Count(flat, s); k > 1 {
						t.Errorf("%s, %s, email %s says %q %d times:\n%s", dir, c.title, kind, s, k, m.Body)
					}
				}
				cited += n
			}
		}
	}
	if cited == 0 {
		t.Fatal("no email cites the candidate at all: the test checks nothing")
	}
}
