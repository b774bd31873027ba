package lang

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/engine/negotiate"
	"github.com/offerkit/offerkit/lang/langtest"
)

// This file holds the golden tests of every script and email over the
// examples and testdata/negotiate, and the test that no generated text
// states a claim the files do not hold. Run `go test ./lang -run Texts
// -update` to rewrite the golden files after a deliberate change.

// loadDir reads one directory as a workspace.
func loadDir(t *testing.T, dir string) *Workspace {
	t.Helper()
	p, files, err := Load([]string{dir}, nil)
	if err != nil || len(files) == 0 {
		t.Fatalf("load %s: %v (%d files)", dir, err, len(files))
	}
	return p.Workspace(filepath.Join(dir, "_"))
}

// exampleFile returns the text of a file of examples/, for the tests that
// take an example's offer as it stands.
func exampleFile(path string) string {
	src, err := os.ReadFile(filepath.Join("../examples", path))
	if err != nil {
		panic(err)
	}
	return string(src)
}

// textCase is every text offerkit writes for one counter, or for one offer
// alone.
type textCase struct {
	title string
	facts *negotiate.Facts
}

func textCases(t *testing.T, w *Workspace) []textCase {
	var out []textCase
	for _, r := range w.CheckAll() {
		for _, d := range r.Docs {
			var f *negotiate.Facts
			var err error
			if d.Kind == "counter" {
				f, _, err = w.Facts(d.Name)
			} else {
				f, _, err = w.OfferFacts(d.Name)
			}
			if err != nil {
				t.Fatalf("%s %s: %v", d.Kind, d.Name, err)
			}
			out = append(out, textCase{d.Kind + " " + d.Name, f})
		}
	}
	return out
}

// allTexts renders every script, email and the answers for a case.
func allTexts(f *negotiate.Facts) []struct{ name, text string } {
	var out []struct{ name, text string }
	for _, l := range engine.LeverNames {
		s, err := negotiate.ScriptFor(f, l)
		text := s.Text
		if err != nil {
			text = "error: " + err.Error() + "\n"
		}
		out = append(out, struct{ name, text string }{"script " + l, text})
	}
	for _, k := range negotiate.EmailKinds {
		m, err := negotiate.EmailFor(f, k)
		text := "Subject: " + m.Subject + "\n\n" + m.Body
		if err != nil {
			text = "error: " + err.Error() + "\n"
		}
		out = append(out, struct{ name, text string }{"email " + k, text})
	}
	out = append(out, struct{ name, text string }{"answers", negotiate.AnswersText(f)})
	return out
}

func textDirs(t *testing.T) []string {
	dirs, _ := filepath.Glob("../examples/*")
	more, _ := filepath.Glob("testdata/negotiate/*")
	dirs = append(dirs, more...)
	var out []string
	for _, d := range dirs {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			out = append(out, d)
		}
	}
	if len(out) < 6 {
		t.Fatalf("found only %d workspaces", len(out))
	}
	return out
}

func TestTextsGolden(t *testing.T) {
	for _, dir := range textDirs(t) {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			var b strings.Builder
			for _, c := range textCases(t, loadDir(t, dir)) {
				for _, tx := range allTexts(c.facts) {
					fmt.Fprintf(&b, "=== %s: %s\n%s\n", c.title, tx.name, tx.text)
				}
			}
			golden := filepath.Join("testdata", "negotiate", name+".golden")
			langtest.Golden(t, golden, b.String())
		})
	}
}

var moneyInText = regexp.MustCompile(`\$[0-9]{1,3}(,[0-9]{3})*(\.[0-9]{2})?`)

// knownEmployers are names a text must not contain unless the files do.
var knownEmployers = []string{"Amazon", "Google", "Meta", "Microsoft", "Apple", "Netflix", "Northwind", "Contoso", "Stripe", "Uber"}

// TestTextsMakeNoClaimsAbsentFromTheFiles checks every generated text
// with claimProblems.
func TestTextsMakeNoClaimsAbsentFromTheFiles(t *testing.T) {
	checked := 0
	for _, dir := range textDirs(t) {
		w := loadDir(t, dir)
		for _, c := range textCases(t, w) {
			for _, tx := range allTexts(c.facts) {
				checked++
				for _, p := range claimProblems(c.facts, tx.name, tx.text) {
					t.Errorf("%s: %s: %s: %s", dir, c.title, tx.name, p)
				}
			}
		}
	}
	if checked < 50 {
		t.Fatalf("checked only %d texts", checked)
	}
}

// The check itself must catch invented claims.
func TestClaimProblemsCatchesInventions(t *testing.T) {
	w := loadDir(t, "../examples/amazon-l6-seattle")
	f, _, err := w.Facts("round1")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{
		"I would ask for a base of $212,345.",
		"My offer from Google is higher.",
		"I am under NDA about my pay.",
		"I have a deadline on Friday.",
		"I hold another offer with more equity.",
	} {
		if len(claimProblems(f, "script base", bad)) == 0 {
			t.Errorf("no problem found in %q", bad)
		}
	}
	if ps := claimProblems(f, "script base", "I would ask for a base of $210,000 (+$15,000)."); len(ps) != 0 {
		t.Errorf("figures of the files flagged: %v", ps)
	}
}

// claimProblems lists what a text claims that the facts do not hold: a
// dollar figure that is neither one of the files' figures nor a difference
// of two; an employer the files do not name; a confidentiality agreement
// or a deadline; another offer when the workspace holds none.
func claimProblems(f *negotiate.Facts, name, text string) []string {
	var out []string
	allowed := allowedFigures(f)
	companies := map[string]bool{}
	for _, a := range append([]engine.Analysis{f.Offer}, f.Competing...) {
		companies[a.Offer.Company] = true
	}
	text = strings.Join(strings.Fields(text), " ") // undo wrapping
	for _, m := range moneyInText.FindAllString(text, -1) {
		if !allowed[m] {
			out = append(out, m+" is not a figure of the files")
		}
	}
	for _, e := range knownEmployers {
		if strings.Contains(text, e) && !anyContains(companies, e) {
			out = append(out, "names "+e+", which the files do not")
		}
	}
	lower := strings.ToLower(text)
	for _, banned := range []string{"nda", "non-disclosure", "confidential", "deadline", "expire", "by the end of"} {
		if regexp.MustCompile(`\b` + banned + `\b`).MatchString(lower) {
			out = append(out, fmt.Sprintf("claims %q", banned))
		}
	}
	if len(f.Competing) == 0 {
		for _, claim := range []string{"another offer", "other offer", "competing", "other companies", "other opportunities"} {
			if strings.Contains(lower, claim) {
				out = append(out, fmt.Sprintf("mentions %q with no other offer in the files", claim))
			}
		}
	}
	return out
}

func anyContains(set map[string]bool, s string) bool {
	for k := range set {
		if strings.Contains(k, s) {
			return true
		}
	}
	return false
}

// allowedFigures returns every dollar figure the facts hold, and every
// difference of two of them, formatted as the texts format money.
func allowedFigures(f *negotiate.Facts) map[string]bool {
	var ms []engine.Money
	addOffer := func(a engine.Analysis) {
		o := a.Offer
		ms = append(ms, o.Base, o.SignOn.Total(), o.Relocation, o.GuaranteedBonus, o.Refresher, engine.TargetBonus(o),
			engine.GrantValueOf(o.Equity), engine.FourYearGrant(o.Equity), engine.FourYearGrant(o.Equity).Div(engine.Years))
		ms = append(ms, o.SignOn[:]...)
		for _, y := range a.Worth.Years {
			ms = append(ms, y.Total)
		}
		ms = append(ms, a.Worth.Total, a.Worth.Avg)
		for _, p := range a.Positions {
			ms = append(ms, p.Value, p.Range.Lo, p.Range.Hi)
		}
	}
	addOffer(f.Offer)
	if f.Counter != nil {
		addOffer(f.Countered)
	}
	for _, c := range f.Competing {
		n := len(ms)
		addOffer(c)
		// A competing offer in another currency is quoted converted at a
		// rate of the files, as "about" a whole amount.
		if from, to := engine.ISOCode(c.Offer.Currency), engine.ISOCode(f.Offer.Offer.Currency); from != to && f.Rates != nil {
			if rate, ok := f.Rates.Rate(from, to); ok {
				for _, m := range ms[n:] {
					ms = append(ms, m.Times(rate).Whole())
				}
			}
		}
	}
	if f.HasCandidate {
		ms = append(ms, f.Candidate.UnvestedEquity, f.Candidate.WalkAway)
	}
	if f.Cap != nil {
		ms = append(ms, f.Cap.Base)
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i] < ms[j] })
	out := map[string]bool{}
	for i, a := range ms {
		out[a.Format("USD")] = true
		for _, b := range ms[:i] {
			out[(a - b).Format("USD")] = true
		}
	}
	return out
}

// TestNoFiguresSaysWhose: a text asked of a block without figures says why
// as the checker does, naming the block that has the errors: a counter
// whose offer is broken is not said to have errors itself.
func TestNoFiguresSaysWhose(t *testing.T) {
	broken := langtest.Replace(firstVersion, "base = 195000", "base = \"lots\"")
	w, _ := check(t, map[string]string{"a.offer.hcl": broken, "b.offer.hcl": revision2, "r1.offer.hcl": round1})
	for _, c := range []struct{ name, want string }{
		{"round1", `counter "round1" has no figures: the offer it answers has errors; run 'offer lint' and fix the errors first`},
		{"amazon_l6_r2", `offer "amazon_l6_r2" has no figures: a version it revises has errors; run 'offer lint' and fix the errors first`},
		{"amazon_l6", `offer "amazon_l6" has no figures: the block has errors; run 'offer lint' and fix the errors first`},
	} {
		facts := w.OfferFacts
		if c.name == "round1" {
			facts = w.Facts
		}
		var none *NoFiguresError
		if _, _, err := facts(c.name); err == nil || err.Error() != c.want || !errors.As(err, &none) {
			t.Errorf("facts of %q: %#v\nwant *NoFiguresError: %s", c.name, err, c.want)
		}
	}
}
