package lang

import (
	"sort"

	"github.com/offerkit/offerkit/engine"
)

// This file lays a negotiation out as a timeline: per company, every
// version of the employer's offer and every counter, in order.

// Step is one step of a negotiation: a version the employer sent or a
// counter the candidate sent.
type Step struct {
	Kind   string // "offer" or "counter"
	Name   string
	Doc    *Doc
	Date   string // received (versions) or sent (counters), "YYYY-MM-DD"; "" when not stated
	Round  int    // a counter's round; for a version, the round of the last counter before it (0 before any)
	From   string // "employer" or "candidate"
	Label  string // "revision 2 of amazon_l6" for a revision, "" otherwise
	Total  engine.Money
	Change *engine.Money // against the previous step; nil for the first step or across currencies
	// Approval is, for a counter, who signs off its change.
	Approval string
	Outcome  string // "accepted", "declined" or ""
	Currency string
}

// Negotiation is one company's steps.
type Negotiation struct {
	Company string
	Steps   []Step
}

// Timeline returns the workspace's negotiations, one per company (offers
// without a company each stand alone), in the order of their first steps.
// Steps are ordered by date; steps on the same day, or undated, keep their
// place in the chain (a version before its revisions, a counter after the
// version it answers). Offers that could not be read are left out.
func (w *Workspace) Timeline() []Negotiation {
	var docs []*Doc
	for _, r := range w.CheckAll() {
		docs = append(docs, r.Docs...)
	}
	type entry struct {
		step  Step
		key   string
		order int // position in the chain: version number, counters after their version
		date  string
		index int
	}
	var entries []entry
	for i, d := range docs {
		if d.Version == nil || d.Incomplete() {
			continue
		}
		e := entry{index: i}
		o := d.Analysis.Offer
		e.step = Step{Kind: d.Kind, Name: d.Name, Doc: d, Total: d.Analysis.Worth.Total, Currency: engine.ISOCode(o.Currency)}
		key := engine.CompanyKey(o.Company)
		if key == "" {
			key = "offer " + d.Offer.Name
			if d.Version.Root != nil {
				key = "offer " + d.Version.Root.Name
			}
		}
		e.key = key
		if d.Kind == "offer" {
			e.step.From, e.step.Label = "employer", d.Version.Label()
			e.step.Date = dateOf(o.Received)
			e.order = 2 * d.Version.Number
			switch {
			case !d.Offer.Version.Accepted.IsZero():
				e.step.Outcome = "accepted"
			case !d.Offer.Version.Declined.IsZero():
				e.step.Outcome = "declined"
			}
		} else {
			c := d.Counter.Counter
			e.step.From, e.step.Round = "candidate", c.Round
			e.step.Date = dateOf(c.Sent)
			e.order = 2*d.Version.Number + 1
			if d.CounterAnalysis != nil {
				e.step.Approval = d.CounterAnalysis.ApprovalText()
			}
		}
		e.date = e.step.Date
		entries = append(entries, e)
	}
	var out []Negotiation
	at := map[string]int{}
	for _, e := range entries {
		if _, ok := at[e.key]; !ok {
			at[e.key] = len(out)
			out = append(out, Negotiation{Company: e.step.Doc.Analysis.Offer.Company})
		}
	}
	for key, i := range at {
		var es []entry
		for _, e := range entries {
			if e.key == key {
				es = append(es, e)
			}
		}
		sort.SliceStable(es, func(a, b int) bool {
			ea, eb := es[a], es[b]
			if ea.date != "" && eb.date != "" && ea.date != eb.date {
				return ea.date < eb.date
			}
			if ea.order != eb.order {
				return ea.order < eb.order
			}
			return ea.index < eb.index
		})
		round := 0
		for j := range es {
			s := &es[j].step
			if s.Kind == "counter" {
				round = max(round, s.Round)
			} else {
				s.Round = round
			}
			if j > 0 {
				prev := es[j-1].step
				if ch, ok := (engine.Amounts{Before: prev.Total, After: s.Total, BeforeCurrency: prev.Currency, AfterCurrency: s.Currency}).Delta(); ok {
					s.Change = &ch
				}
			}
			out[i].Steps = append(out[i].Steps, *s)
		}
	}
	return out
}

func dateOf(t interface {
	IsZero() bool
	Format(string) string
}) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
