package lang

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/engine/negotiate"
)

// This file checks a workspace's preparation for a negotiation: what is
// done and what is missing. `offer checklist` prints it; an editor can show
// each item as an info diagnostic at its Subject.

// CheckStatus is the state of one preparation.
type CheckStatus int

const (
	CheckDone CheckStatus = iota + 1
	CheckMissing
	// CheckShown is for what offerkit cannot observe (whether you looked at
	// something) and therefore shows in the checklist itself.
	CheckShown
	// CheckNotYet is for a step the negotiation has not reached.
	CheckNotYet
)

func (s CheckStatus) String() string {
	return map[CheckStatus]string{CheckDone: "done", CheckMissing: "missing", CheckShown: "shown", CheckNotYet: "not applicable yet"}[s]
}

// CheckItem is one preparation.
type CheckItem struct {
	ID      string // the contract: "market_data", "walk_away", ... (checklist_items.go)
	Phase   string // "before", "during", "after"
	Title   string
	Status  CheckStatus
	Detail  []string // lines saying what was found or what to do
	Subject *hcl.Range
}

// Evidence is where the files show the item done: "file:line"; "" when
// they do not.
func (it CheckItem) Evidence() string {
	if it.Status != CheckDone || it.Subject == nil {
		return ""
	}
	return fmt.Sprintf("%s:%d", it.Subject.Filename, it.Subject.Start.Line)
}

// Checklist says which preparations the workspace shows done and which
// are missing:
//   - walk-away: the candidate block sets walk_away;
//   - competing-offer: the workspace holds a second offer block;
//   - four-year-view: offerkit cannot know whether you looked at the
//     four-year figures, so the checklist shows them (status "shown");
//   - cliff: every offer whose yearly pay drops (a cliff flag) is answered
//     by a counter without one;
//   - acceptance-email: the latest counter (or the only offer) has an
//     email "accept" block whose body states every term: each figure and
//     date of the terms, or the term's text when it has none.
func (w *Workspace) Checklist() []CheckItem {
	var offers, counters []*Doc
	for _, r := range w.CheckAll() {
		for _, d := range r.Docs {
			if !d.Resolved {
				continue
			}
			if d.Kind == "offer" {
				offers = append(offers, d)
			} else {
				counters = append(counters, d)
			}
		}
	}
	cand, cdoc := w.Candidate()
	items := []CheckItem{
		w.checkMarketData(offers),
		w.checkWalkAway(),
		checkCompeting(offers),
		checkStrengths(cand, cdoc),
		checkAnswers(cdoc, counters),
		checkAlternative(cand, cdoc),
		checkFirstNumber(offers, counters),
		checkResponseTime(counters),
		checkComponents(counters),
		checkReasons(counters),
		checkInWriting(offers),
		checkTone(),
		checkFourYears(offers, counters),
		checkHourly(offers, counters),
		w.checkTax(offers),
		checkCliffs(w.planFor(offers), counters),
		w.checkAgreement(),
		w.checkAcceptance(),
	}
	for i := range items {
		items[i].Phase = phaseOf[items[i].ID]
	}
	return items
}

func (w *Workspace) checkWalkAway() CheckItem {
	it := CheckItem{ID: "walk_away", Title: "Walk-away number set"}
	cand, doc := w.Candidate()
	if doc != nil && cand.WalkAway > 0 {
		it.Status = CheckDone
		it.Detail = []string{fmt.Sprintf("walk_away = %s as a 4-year average (%s:%d)", cand.WalkAway.Format(engine.ISOCode(cand.Currency)), doc.File.Name, doc.TypeRange.Start.Line)}
		r := doc.Attr("walk_away").Range
		it.Subject = &r
		return it
	}
	it.Status = CheckMissing
	it.Detail = []string{"Add walk_away to a candidate block: the lowest 4-year average you would accept."}
	if doc != nil {
		r := doc.TypeRange
		it.Subject = &r
	}
	return it
}

func checkCompeting(offers []*Doc) CheckItem {
	it := CheckItem{ID: "competing_offer", Title: "A competing offer from another employer recorded"}
	if rivals := rivalOffers(offers); len(rivals) >= 2 {
		it.Status = CheckDone
		for _, o := range rivals {
			it.Detail = append(it.Detail, fmt.Sprintf("offer %s (%s)", o.Name, joinNonEmpty(o.Analysis.Offer.Company, o.Offer.File.Name)))
		}
		return it
	}
	it.Status = CheckMissing
	it.Detail = []string{"Only one employer's offer is recorded (versions of one employer's offer do not compete). If you hold another, add it as an offer block in this directory; scripts and emails mention another offer only when one is recorded."}
	return it
}

func joinNonEmpty(a, b string) string {
	if a == "" {
		return b
	}
	return a + ", " + b
}

func checkFourYears(offers, counters []*Doc) CheckItem {
	it := CheckItem{ID: "four_year_view", Title: "Every offer weighed over four years", Status: CheckShown}
	it.Detail = []string{"offerkit cannot know whether you have looked at it, so here it is (offer report has the detail):"}
	for _, d := range append(append([]*Doc{}, offers...), counters...) {
		wo := d.Analysis.Worth
		cur := d.Analysis.Offer.Currency
		var ys []string
		for _, y := range wo.Years {
			ys = append(ys, y.Total.Format(cur))
		}
		it.Detail = append(it.Detail, fmt.Sprintf("%s %s: %s; 4 years %s, average %s", d.Kind, d.Name, strings.Join(ys, " / "), wo.Total.Format(cur), wo.Avg.Format(cur)))
	}
	return it
}

func hasFlag(a engine.Analysis, code string) (engine.Flag, bool) {
	for _, f := range a.Flags {
		if f.Code == code {
			return f, true
		}
	}
	return engine.Flag{}, false
}

func checkCliffs(offers, counters []*Doc) CheckItem {
	it := CheckItem{ID: "cliff_plan", Title: "A plan for every cliff", Status: CheckDone}
	for _, o := range offers {
		f, ok := hasFlag(o.Analysis, "cliff")
		if !ok {
			continue
		}
		var levelled []string
		for _, c := range counters {
			if c.Offer == o.Offer {
				if _, still := hasFlag(c.Analysis, "cliff"); !still {
					levelled = append(levelled, c.Name)
				}
			}
		}
		if len(levelled) > 0 {
			it.Detail = append(it.Detail, fmt.Sprintf("offer %s has a cliff; counter %s levels it", o.Name, strings.Join(levelled, ", ")))
			continue
		}
		it.Status = CheckMissing
		r := o.Node.LabelRange()
		it.Subject = &r
		it.Detail = append(it.Detail, fmt.Sprintf("offer %s: %s No counter answering it levels the years yet.", o.Name, f.Message))
	}
	if len(it.Detail) == 0 {
		it.Detail = []string{"no offer's yearly pay drops below an earlier year's"}
	}
	return it
}

var factPattern = regexp.MustCompile(`[$€£¥₹][0-9][0-9,]*(\.[0-9]{2})?|[0-9]{4}-[0-9]{2}-[0-9]{2}|\[\[[^\]]*\]\]`)

// MissingTerms returns the terms an acceptance body leaves out: a term is
// stated when every figure and date in it appears in the body, or, for a
// term without figures, when its text does.
func MissingTerms(terms []string, body string) []string {
	var out []string
	lower := strings.ToLower(body)
	for _, t := range terms {
		value := t
		if i := strings.Index(t, ": "); i >= 0 {
			value = t[i+2:]
		}
		facts := factPattern.FindAllString(value, -1)
		if len(facts) == 0 {
			facts = []string{value}
		}
		for _, f := range facts {
			if !strings.Contains(lower, strings.ToLower(f)) {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

func (w *Workspace) checkAcceptance() CheckItem {
	it := CheckItem{ID: "acceptance_email", Title: "Acceptance email lists every agreed term", Status: CheckMissing}
	facts, doc, err := w.Facts("")
	if err != nil {
		it.Detail = []string{"No offer or counter to accept yet: " + err.Error() + "."}
		return it
	}
	accept, where := w.acceptEmail(doc)
	terms := negotiate.Terms(facts.Agreed()) // the employer's version being accepted, never the asks
	if accept == nil {
		what := fmt.Sprintf("counter %s or the offer it answers", doc.Name)
		if doc.Kind == "offer" {
			what = fmt.Sprintf("offer %s", doc.Name)
		}
		it.Detail = []string{fmt.Sprintf("No email \"accept\" block in %s. Draft it with 'offer email accept --write' (it is kept in the counter; with --offer NAME, in that offer).", what)}
		r := doc.Node.LabelRange()
		it.Subject = &r
		return it
	}
	r := accept.DefRange()
	it.Subject = &r
	missing := MissingTerms(terms, accept.Text)
	if len(missing) == 0 {
		it.Status = CheckDone
		it.Detail = []string{fmt.Sprintf("the acceptance email in %s states all %d terms", where, len(terms))}
	} else {
		it.Detail = append(it.Detail, fmt.Sprintf("the acceptance email in %s leaves out:", where))
		for _, m := range missing {
			it.Detail = append(it.Detail, "  "+m)
		}
	}
	if n := len(negotiate.PlaceholderPattern.FindAllString(accept.Text+accept.Subject, -1)); n > 0 {
		it.Detail = append(it.Detail, fmt.Sprintf("it still has %d placeholder(s) to fill in", n))
		it.Status = CheckMissing
	}
	return it
}

// acceptEmail returns the acceptance email kept for doc and where it is:
// in the counter, else in a version of the offer's chain (the current
// version first, then the latest to the first).
func (w *Workspace) acceptEmail(doc *Doc) (*TextDoc, string) {
	var accept *TextDoc
	if doc.Counter != nil {
		accept = lastLabelled(doc.Counter.Emails, "accept")
	}
	if accept != nil {
		return accept, "counter " + doc.Name
	}
	if doc.Offer == nil {
		return nil, ""
	}
	ch := w.ChainOf(doc.Offer.Name)
	if ch == nil {
		if e := lastLabelled(doc.Offer.Emails, "accept"); e != nil {
			return e, "offer " + doc.Offer.Name
		}
		return nil, ""
	}
	versions := []*Version{ch.Current()}
	for i := len(ch.Versions) - 1; i >= 0; i-- {
		versions = append(versions, ch.Versions[i])
	}
	for _, v := range versions {
		if e := lastLabelled(v.Doc.Emails, "accept"); e != nil {
			return e, "offer " + v.Doc.Name
		}
	}
	return nil, ""
}

// lastLabelled returns the last text block with the label, or nil.
func lastLabelled(texts []*TextDoc, label string) *TextDoc {
	var out *TextDoc
	for _, t := range texts {
		if t.Label == label {
			out = t
		}
	}
	return out
}

// ChecklistDiagnostic turns a missing preparation into an info diagnostic
// at its subject, for editors.
func ChecklistDiagnostic(item CheckItem) *Diagnostic {
	return &Diagnostic{Code: "checklist", Severity: engine.Info, Summary: "Preparation missing: " + item.Title,
		Detail: strings.Join(item.Detail, " "), Subject: *item.Subject}
}

// rivalOffers returns the offers that stand for their chains when at least
// two of them come from different companies, else nil.
func rivalOffers(offers []*Doc) []*Doc {
	cur := CurrentVersions(offers)
	for _, d := range cur {
		if len(Competitors(cur, d)) > 0 {
			return cur
		}
	}
	return nil
}
