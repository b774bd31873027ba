package lang

import (
	"regexp"
	"strings"
	"testing"

	"github.com/offerkit/offerkit/engine/negotiate"
	"github.com/offerkit/offerkit/lang/langtest"
)

// This file drives every script, every email and the answers to the
// recruiter's questions with files that lack one fact at a time, and
// checks that no sentence claims the missing fact: it is a [[placeholder]]
// or absent.

// factFiles is a whole negotiation; each lacking field drops one fact.
type factFiles struct {
	noCompeting, noReasons, noStrengths, noUnvested, noStart, noDeadline, noWalkAway, noCounter, noCandidate bool
}

func (ff factFiles) files() map[string]string {
	// The offer as received in the full negotiation, without the candidate
	// block that follows it there (me.offer.hcl below holds those facts).
	offer, _, _ := strings.Cut(exampleFile("full-negotiation/offer.offer.hcl"), "\ncandidate {")
	if ff.noDeadline {
		offer = langtest.Replace(offer, "  expires  = \"2025-03-21\"\n", "")
	}
	if ff.noStart {
		offer = langtest.Replace(offer, "  start    = \"2025-04-28\"\n", "")
	}
	files := map[string]string{"offer.offer.hcl": offer}
	if !ff.noCompeting {
		files["globex.offer.hcl"] = `offer "globex" {
  company      = "Globex"
  level        = "Staff"
  location     = "NYC"
  base         = 230000
  bonus_target = 10

  sign_on {
    year1 = 150000
  }

  equity {
    value = 500000
  }
}
`
	}
	if !ff.noCandidate {
		c := "candidate {\n"
		if !ff.noWalkAway {
			c += "  walk_away = 330000\n"
		}
		if !ff.noUnvested {
			c += "  unvested_equity = 120000\n"
		}
		if !ff.noStrengths {
			c += "  strengths = [\"six years of building payment systems\"]\n  alternative = \"stay in my current role\"\n"
		}
		files["me.offer.hcl"] = c + "}\n"
	}
	if !ff.noCounter {
		c := "counter \"round1\" {\n  offer = offer.amazon_l6\n  sent  = \"2025-03-06\"\n"
		if !ff.noReasons {
			c += "  reasons = {\n    base = \"the base sits under the middle of the band\"\n    flexibility = \"my family lives upstate\"\n  }\n"
		}
		c += "  base = 215000\n\n  flexibility {\n    office_days = 2\n  }\n"
		if !ff.noStart {
			c += "  start = \"2025-05-12\"\n"
		}
		files["round1.offer.hcl"] = c + "}\n"
	}
	return files
}

var (
	isoDate       = regexp.MustCompile(`\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b`)
	sentenceSplit = regexp.MustCompile(`[.?!:](\s|$)`)
)

// sentencesWith returns the sentences of text that contain any of words.
func sentencesWith(text string, words ...string) []string {
	var out []string
	for _, s := range sentenceSplit.Split(strings.Join(strings.Fields(text), " "), -1) {
		for _, w := range words {
			if strings.Contains(s, w) {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

func TestTextsStateOnlyTheFactsTheFilesHold(t *testing.T) {
	cases := []struct {
		lacks string
		ff    factFiles
		check func(name, text string) []string
	}{
		{"nothing", factFiles{}, nil},
		{"a competing offer", factFiles{noCompeting: true}, func(name, text string) (out []string) {
			low := strings.ToLower(text)
			for _, w := range []string{"another offer", "other offer", "competing", "other companies", "globex"} {
				if strings.Contains(low, w) {
					out = append(out, "mentions "+w)
				}
			}
			return out
		}},
		{"reasons and strengths", factFiles{noReasons: true, noStrengths: true}, func(name, text string) (out []string) {
			// Each sentence that gives the candidate's own reason holds a placeholder.
			for _, s := range sentencesWith(text, "I bring", "track record", "matters to me", "I would like to finish", "my experience with") {
				if !strings.Contains(s, "[[") {
					out = append(out, "a reason the files do not give: "+s)
				}
			}
			for _, w := range []string{"payment systems", "upstate", "middle of the band"} {
				if strings.Contains(text, w) {
					out = append(out, "quotes "+w)
				}
			}
			return out
		}},
		{"unvested equity", factFiles{noUnvested: true}, func(name, text string) (out []string) {
			for _, s := range sentencesWith(text, "By joining I give up") {
				if !strings.Contains(s, negotiate.PhUnvested) {
					out = append(out, "unvested equity the files do not give: "+s)
				}
			}
			return out
		}},
		{"a start date", factFiles{noStart: true}, func(name, text string) (out []string) {
			if d := isoDate.FindString(text); d != "" {
				out = append(out, "states a date: "+d)
			}
			if name == "email accept" && !strings.Contains(text, "Start date: "+negotiate.PhStart) {
				out = append(out, "the start date is not a placeholder")
			}
			return out
		}},
		{"a deadline", factFiles{noDeadline: true}, nil},  // every case checks deadlines (below)
		{"a walk-away", factFiles{noWalkAway: true}, nil}, // every case checks the walk-away is never told (below)
		{"a counter", factFiles{noCounter: true}, func(name, text string) (out []string) {
			if strings.HasPrefix(name, "script ") && name != "script questions" && !strings.Contains(strings.Join(strings.Fields(text), " "), "Ask: [[") {
				out = append(out, "an ask the files do not hold")
			}
			if (name == "email round1" || name == "email followup") && !strings.Contains(text, negotiate.PhAsks) {
				out = append(out, "asks the files do not hold")
			}
			if strings.Contains(text, "working through") || strings.Contains(text, "for the changes") {
				out = append(out, "thanks for a negotiation that did not happen")
			}
			return out
		}},
		{"a candidate block", factFiles{noCandidate: true}, func(name, text string) (out []string) {
			for _, s := range sentencesWith(text, "I bring", "track record", "By joining I give up") {
				if !strings.Contains(s, "[[") {
					out = append(out, "a fact of a candidate block that does not exist: "+s)
				}
			}
			return out
		}},
	}
	for _, c := range cases {
		w, _ := check(t, c.ff.files())
		name := "round1"
		if c.ff.noCounter {
			name = ""
		}
		var f *negotiate.Facts
		var err error
		if name == "" {
			f, _, err = w.OfferFacts("amazon_l6")
		} else {
			f, _, err = w.Facts(name)
		}
		if err != nil {
			t.Fatalf("lacking %s: %v", c.lacks, err)
		}
		texts := allTexts(f)
		if len(texts) < 10 {
			t.Fatalf("lacking %s: only %d texts", c.lacks, len(texts))
		}
		for _, tx := range texts {
			var problems []string
			if c.check != nil {
				problems = c.check(tx.name, tx.text)
			}
			problems = append(problems, alwaysTrue(tx.text)...)
			for _, p := range problems {
				t.Errorf("lacking %s: %s: %s\n%s", c.lacks, tx.name, p, tx.text)
			}
		}
	}
}

// alwaysTrue checks what no text may say whatever the files hold: a
// deadline or confidentiality (the texts never use them), the walk-away
// (it is the candidate's own), and counts whose words disagree.
func alwaysTrue(text string) (out []string) {
	low := strings.ToLower(strings.Join(strings.Fields(text), " "))
	for _, w := range []string{"deadline", "expire", "by the end of", "nda", "confidential", "walk-away", "walk away", "lowest i would accept"} {
		if regexp.MustCompile(`\b` + regexp.QuoteMeta(w) + `\b`).MatchString(low) {
			out = append(out, "says "+w)
		}
	}
	one := regexp.MustCompile(`\bone (point|offer|ask)\b`).MatchString(low)
	many := regexp.MustCompile(`\b(two|three|four|five|six|seven) (point|offer|ask)s\b`).MatchString(low)
	if one && regexp.MustCompile(`\bthese (points|offers|asks)\b|\bthem\b`).MatchString(low) {
		out = append(out, "one thing, then a plural")
	}
	if many && regexp.MustCompile(`\bthis (point|offer|ask)\b`).MatchString(low) {
		out = append(out, "several things, then a singular")
	}
	if regexp.MustCompile(`\bone \w+s\b`).MatchString(strings.ReplaceAll(low, "one of", "")) && !strings.Contains(low, "one is") {
		for _, m := range regexp.MustCompile(`\bone (\w+s)\b`).FindAllStringSubmatch(low, -1) {
			if m[1] != "years" && m[1] != "is" && m[1] != "has" && m[1] != "was" {
				out = append(out, "one "+m[1])
			}
		}
	}
	return out
}
