package lang

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/engine"
)

// This file holds the checklist items beyond the walk-away, the
// competing offer, the four-year view, the cliff plan and the acceptance
// email (checklist.go): the whole preparation, before, during and after
// the negotiation, each answered from the files (docs/counters.md).

// phaseOf places each item in its phase.
var phaseOf = map[string]string{
	"market_data": "before", "walk_away": "before", "competing_offer": "before", "value_propositions": "before",
	"recruiter_answers": "before", "alternative": "before",
	"first_number": "during", "response_time": "during", "components": "during", "reasons": "during",
	"in_writing": "during", "tone": "during",
	"four_year_view": "after", "hourly_rate": "after", "tax_and_vesting": "after", "cliff_plan": "after",
	"agreement_documented": "after", "acceptance_email": "after",
}

// Phases are the checklist's phases, in order.
var Phases = []string{"before", "during", "after"}

func rangeOf(r hcl.Range) *hcl.Range { return &r }

// notYet answers an item the negotiation has not reached; why says what to
// do meanwhile.
func (it CheckItem) notYet(why string) CheckItem {
	it.Status, it.Detail = CheckNotYet, []string{why}
	return it
}

// candidateMissing answers an item the candidate block should hold: add
// says what to add; the subject is the candidate block, when there is one.
func (it CheckItem) candidateMissing(doc *CandidateDoc, add string) CheckItem {
	it.Status, it.Detail = CheckMissing, []string{add}
	if doc != nil {
		it.Subject = rangeOf(doc.TypeRange)
	}
	return it
}

// every answers an item that each of docs must meet: not yet without docs
// (why says what to do), missing at each doc for which problems has lines
// (the last such doc is the subject), and done otherwise, with no subject
// or detail yet.
func (it CheckItem) every(docs []*Doc, why string, problems func(*Doc) []string) CheckItem {
	if len(docs) == 0 {
		return it.notYet(why)
	}
	it.Status = CheckDone
	for _, d := range docs {
		if lines := problems(d); len(lines) > 0 {
			it.Status = CheckMissing
			it.Subject = rangeOf(d.Node.LabelRange())
			it.Detail = append(it.Detail, lines...)
		}
	}
	return it
}

// market_data: every offer's company has an active band with a source.
func (w *Workspace) checkMarketData(offers []*Doc) CheckItem {
	it := CheckItem{ID: "market_data", Title: "Market data for each employer, with its source"}
	if len(offers) == 0 {
		return it.notYet("No offer yet: record the offer first.")
	}
	it.Status = CheckDone
	for _, o := range CurrentVersions(offers) {
		b := o.Analysis.Band
		if b == nil || b.Source == "" {
			it.Status = CheckMissing
			it.Subject = rangeOf(o.Node.LabelRange())
			it.Detail = append(it.Detail, fmt.Sprintf("offer %s: no band with a source judges it; add a band for %s %s %s with a source to a *.bands.hcl file.",
				o.Name, o.Analysis.Offer.Level, o.Analysis.Offer.Track, o.Analysis.Offer.Location))
			continue
		}
		if it.Subject == nil {
			it.Subject = rangeOf(o.Node.LabelRange())
		}
		it.Detail = append(it.Detail, fmt.Sprintf("offer %s: band %s (%s)", o.Name, b.Label(), b.Source))
	}
	return it
}

// value_propositions: the candidate block lists strengths.
func checkStrengths(c engine.Candidate, doc *CandidateDoc) CheckItem {
	it := CheckItem{ID: "value_propositions", Title: "What you bring, in your words"}
	if doc != nil && len(c.Strengths) > 0 {
		it.Status, it.Subject = CheckDone, rangeOf(doc.Attr("strengths").Range)
		it.Detail = []string{"strengths: " + strings.Join(c.Strengths, "; ") + " (the scripts say them)"}
		return it
	}
	return it.candidateMissing(doc, "Add strengths = [\"...\"] to the candidate block: two or three things you bring, which the scripts then say instead of a placeholder.")
}

// recruiter_answers: a script "questions" block, in the candidate block or
// a counter.
func checkAnswers(doc *CandidateDoc, counters []*Doc) CheckItem {
	it := CheckItem{ID: "recruiter_answers", Title: "Answers ready for the recruiter's questions"}
	if doc != nil {
		for _, s := range doc.Scripts {
			if s.Label == "questions" {
				it.Status, it.Subject = CheckDone, rangeOf(doc.TypeRange)
				it.Detail = []string{"script \"questions\" in the candidate block"}
				return it
			}
		}
	}
	for _, c := range counters {
		for _, s := range c.Counter.Scripts {
			if s.Label == "questions" {
				it.Status, it.Subject = CheckDone, rangeOf(s.DefRange())
				it.Detail = []string{"script \"questions\" in counter " + c.Name}
				return it
			}
		}
	}
	return it.candidateMissing(doc, "Run 'offer script questions' and keep the answers as a script \"questions\" block in the candidate block: how to answer \"what are you looking for?\" without naming a number first.")
}

// alternative: the candidate block says what happens without a deal.
func checkAlternative(c engine.Candidate, doc *CandidateDoc) CheckItem {
	it := CheckItem{ID: "alternative", Title: "Your alternative if there is no deal"}
	if doc != nil && c.Alternative != "" {
		it.Status, it.Subject = CheckDone, rangeOf(doc.Attr("alternative").Range)
		it.Detail = []string{"alternative: " + c.Alternative}
		return it
	}
	return it.candidateMissing(doc, "Add alternative = \"...\" to the candidate block: what you will do if no deal is reached. Knowing it is what lets you walk away.")
}

// first_number: the employer's first version predates the first counter
// (the employer named the first number).
func checkFirstNumber(offers, counters []*Doc) CheckItem {
	it := CheckItem{ID: "first_number", Title: "The employer named the first number"}
	if len(counters) == 0 {
		return it.notYet("No counter yet. Let the employer's offer come first; answer questions about numbers without naming one (offer script questions).")
	}
	first := counters[0]
	for _, c := range counters[1:] {
		if !c.Counter.Counter.Sent.IsZero() && (first.Counter.Counter.Sent.IsZero() || c.Counter.Counter.Sent.Before(first.Counter.Counter.Sent)) {
			first = c
		}
	}
	o := first.Offer
	sent, received := first.Counter.Counter.Sent, o.Offer.Received
	switch {
	case sent.IsZero() || received.IsZero():
		it.Status = CheckMissing
		it.Subject = rangeOf(first.Node.LabelRange())
		it.Detail = []string{fmt.Sprintf("Date the offer (received) and counter %s (sent) so the order shows.", first.Name)}
	case received.After(sent):
		it.Status = CheckMissing
		it.Subject = rangeOf(first.Node.LabelRange())
		it.Detail = []string{fmt.Sprintf("counter %s is dated %s, before offer %s arrived (%s): you named a number first.", first.Name, sent.Format("2006-01-02"), o.Name, received.Format("2006-01-02"))}
	default:
		it.Status = CheckDone
		it.Subject = rangeOf(o.Node.LabelRange())
		it.Detail = []string{fmt.Sprintf("offer %s arrived %s; the first counter, %s, was sent %s", o.Name, received.Format("2006-01-02"), first.Name, sent.Format("2006-01-02"))}
	}
	return it
}

// response_time: every counter waits 48 hours after the version it
// answers (the quick-response rule).
func checkResponseTime(counters []*Doc) CheckItem {
	it := CheckItem{ID: "response_time", Title: "48 hours before each answer"}
	it = it.every(counters, "No counter yet. Take at least 48 hours after each offer before you answer.", func(c *Doc) (lines []string) {
		if c.CounterAnalysis == nil {
			return nil
		}
		for _, f := range c.CounterAnalysis.Flags {
			if f.Code == engine.QuickResponseRule.Code {
				lines = append(lines, fmt.Sprintf("counter %s (round %d): %s", c.Name, c.Counter.Counter.Round, f.Message))
			}
		}
		return lines
	})
	if it.Status == CheckDone {
		it.Subject = rangeOf(counters[0].Node.LabelRange())
		it.Detail = []string{fmt.Sprintf("each of the %d counter(s) came 48 hours or more after the version it answers", len(counters))}
	}
	return it
}

// components: round 1 asks on at least two levers.
func checkComponents(counters []*Doc) CheckItem {
	it := CheckItem{ID: "components", Title: "Round 1 asks on more than one component"}
	var round1 []*Doc
	for _, c := range counters {
		if c.Counter.Counter.Round == 1 {
			round1 = append(round1, c)
		}
	}
	if len(round1) == 0 {
		return it.notYet("No round-1 counter yet. Ask on two or three levers (base, sign-on, equity) rather than one.")
	}
	c := round1[len(round1)-1]
	levers := restated(c)
	it.Subject = rangeOf(c.Node.LabelRange())
	if len(levers) >= 2 {
		it.Status = CheckDone
		it.Detail = []string{fmt.Sprintf("counter %s asks on %s", c.Name, strings.Join(levers, ", "))}
		return it
	}
	it.Status = CheckMissing
	it.Detail = []string{fmt.Sprintf("counter %s asks on %d lever(s) (%s); asking for one component leaves the others where they are. Add a second lever.", c.Name, len(levers), strings.Join(levers, ", "))}
	return it
}

// restated returns the levers a counter restates, in lever order.
func restated(c *Doc) []string {
	return c.Counter.Counter.Levers()
}

// reasons: every lever a counter restates has a reason.
func checkReasons(counters []*Doc) CheckItem {
	it := CheckItem{ID: "reasons", Title: "A reason for every ask"}
	it = it.every(counters, "No counter yet. Give each ask its reason: reasons = { base = \"...\" } in the counter.", func(c *Doc) []string {
		var missing []string
		for _, l := range restated(c) {
			if c.Counter.Counter.Reasons[l] == "" {
				missing = append(missing, l)
			}
		}
		if len(missing) == 0 {
			return nil
		}
		return []string{fmt.Sprintf("counter %s: no reason for %s; add reasons = { %s = \"...\" }", c.Name, strings.Join(missing, ", "), missing[0])}
	})
	if it.Status == CheckDone {
		it.Subject = rangeOf(counters[len(counters)-1].Node.LabelRange())
		it.Detail = []string{"every ask of every counter has its reason (the scripts and emails say them)"}
	}
	return it
}

// in_writing: every employer version carries received and a source.
func checkInWriting(offers []*Doc) CheckItem {
	it := CheckItem{ID: "in_writing", Title: "Every version of an offer in writing"}
	it = it.every(offers, "No offer yet. Ask for each offer in writing, and record when it came and how.", func(o *Doc) []string {
		if o.Offer.Offer.Received.IsZero() || o.Offer.Offer.Source == "" {
			return []string{fmt.Sprintf("offer %s: add received = \"YYYY-MM-DD\" and source = \"...\" (such as \"email from the recruiter\")", o.Name)}
		}
		return nil
	})
	if it.Status == CheckDone {
		it.Subject = rangeOf(offers[0].Node.LabelRange())
		it.Detail = []string{fmt.Sprintf("all %d version(s) say when and how they came", len(offers))}
	}
	return it
}

// tone: guidance only.
func checkTone() CheckItem {
	return CheckItem{ID: "tone", Title: "Keep the tone warm and specific", Status: CheckShown,
		Detail: []string{"offerkit cannot hear a call: say you want to join, ask for specific figures with their reasons, and keep each exchange short."}}
}

// hourly_rate: shown.
func checkHourly(offers, counters []*Doc) CheckItem {
	it := CheckItem{ID: "hourly_rate", Title: "The hourly equivalent", Status: CheckShown}
	it.Detail = []string{fmt.Sprintf("each 4-year average over %d hours a year:", engine.HoursPerYear)}
	for _, d := range append(append([]*Doc{}, offers...), counters...) {
		it.Detail = append(it.Detail, fmt.Sprintf("%s %s: %s an hour", d.Kind, d.Name, d.Analysis.Worth.Hourly.Format(d.Analysis.Offer.Currency)))
	}
	return it
}

// tax_and_vesting: the after-tax view and the withholding gap, shown.
func (w *Workspace) checkTax(offers []*Doc) CheckItem {
	it := CheckItem{ID: "tax_and_vesting", Title: "Vest timing and tax", Status: CheckShown}
	if len(offers) == 0 {
		return it.notYet("No offer yet.")
	}
	it.Detail = []string{"after tax (an estimate; offer report --after-tax has the detail):"}
	for _, o := range CurrentVersions(offers) {
		at := w.DocAfterTax(o)
		if !at.OK {
			it.Detail = append(it.Detail, fmt.Sprintf("offer %s: %s", o.Name, at.Why))
			continue
		}
		cur := o.Analysis.Offer.Currency
		line := fmt.Sprintf("offer %s: net %s over 4 years", o.Name, at.Estimate.Net.Format(cur))
		if at.Estimate.Owed > 0 {
			line += fmt.Sprintf("; withholding leaves about %s to pay at filing over those years", at.Estimate.Owed.Format(cur))
		}
		it.Detail = append(it.Detail, line)
	}
	return it
}

// agreement_documented: a version of an offer is accepted.
func (w *Workspace) checkAgreement() CheckItem {
	it := CheckItem{ID: "agreement_documented", Title: "The agreement recorded"}
	for _, c := range w.Chains() {
		if v := c.Accepted(); v != nil {
			it.Status = CheckDone
			it.Subject = rangeOf(v.Doc.Node.LabelRange())
			it.Detail = []string{fmt.Sprintf("offer %s accepted %s", v.Doc.Name, v.Doc.Version.Accepted.Format("2006-01-02"))}
			return it
		}
	}
	return it.notYet("No version accepted yet. When you accept, record it on the employer's final version: accepted = \"YYYY-MM-DD\".")
}

// planFor returns the offers a cliff plan is needed for: the accepted
// version once one is (the other offers are then moot), else the version
// of each chain that stands.
func (w *Workspace) planFor(offers []*Doc) []*Doc {
	for _, c := range w.Chains() {
		if v := c.Accepted(); v != nil {
			for _, o := range offers {
				if o.Offer == v.Doc {
					return []*Doc{o}
				}
			}
		}
	}
	return CurrentVersions(offers)
}
