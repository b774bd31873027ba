package lang

import (
	"fmt"
	"sort"
	"strings"

	"github.com/offerkit/offerkit/engine/negotiate"
)

// This file gathers, from a checked workspace, the facts the negotiation
// texts (engine/negotiate) may use, and nothing else.

// FactsError says why a workspace cannot give the facts for a text.
type FactsError struct{ Msg string }

func (e *FactsError) Error() string { return e.Msg }

// Facts returns the facts for the texts of a counter: the named one, or
// when name is "" the latest counter of the workspace (highest round, then
// latest sent date, then the last in file order). With no counter in the
// workspace, the facts are those of its only offer, without asks. The
// returned Doc is the counter's (or the offer's). The error is a
// *NoFiguresError when that block has no figures, else a *FactsError.
func (w *Workspace) Facts(name string) (*negotiate.Facts, *Doc, error) {
	return w.facts(name, "")
}

// OfferFacts returns the facts for texts about an offer alone, without
// asks: the asks stay placeholders.
func (w *Workspace) OfferFacts(offer string) (*negotiate.Facts, *Doc, error) {
	return w.facts("", offer)
}

func (w *Workspace) facts(name, offer string) (*negotiate.Facts, *Doc, error) {
	var offers, counters []*Doc
	for _, r := range w.CheckAll() {
		for _, d := range r.Docs {
			if d.Kind == "offer" {
				offers = append(offers, d)
			} else {
				counters = append(counters, d)
			}
		}
	}
	doc, err := pickDoc(name, offers, counters)
	if offer != "" {
		doc, err = pickOffer(offer, offers)
	}
	if err != nil {
		return nil, nil, err
	}
	if doc.Incomplete() {
		return nil, nil, &NoFiguresError{doc}
	}
	f := &negotiate.Facts{}
	if doc.Kind == "counter" {
		ca := doc.CounterAnalysis
		f.Offer, f.Countered, f.Delta = *doc.OfferAnalysis, doc.Analysis, ca.Delta
		c := ca.Counter
		f.Counter = &c
	} else {
		f.Offer = doc.Analysis
	}
	if cp, ok := w.Bands().Cap(f.Offer.Offer.Company, f.Offer.Offer.Level); ok {
		f.Cap = &cp
	}
	cand, cdoc := w.Candidate()
	f.Rates = w.ratesOrNil()
	f.Candidate, f.HasCandidate = cand.In(f.Offer.Offer.Currency, f.Rates), cdoc != nil
	answered := doc
	if doc.Kind == "counter" {
		for _, o := range offers {
			if o.Offer == doc.Offer {
				answered = o
			}
		}
	}
	versionFacts(f, answered, offers, counters)       // versions.go
	for _, o := range Competitors(offers, answered) { // versions.go: another company's offers only
		f.Competing = append(f.Competing, o.Analysis)
	}
	return f, doc, nil
}

func pickDoc(name string, offers, counters []*Doc) (*Doc, error) {
	var names []string
	for _, c := range counters {
		names = append(names, c.Name)
	}
	if name != "" {
		for _, c := range counters {
			if c.Name == name {
				if !c.Resolved { // the checker says why (LeftOut, set on every unresolved counter): exit 1, as lint does
					return nil, &NoFiguresError{c}
				}
				return c, nil
			}
		}
		return nil, notNamed("counter", name, names)
	}
	var resolved []*Doc
	for _, c := range counters {
		if c.Resolved {
			resolved = append(resolved, c)
		}
	}
	if len(resolved) > 0 {
		sort.SliceStable(resolved, func(i, j int) bool {
			a, b := resolved[i].Counter.Counter, resolved[j].Counter.Counter
			if a.Round != b.Round {
				return a.Round < b.Round
			}
			return a.Sent.Before(b.Sent)
		})
		return resolved[len(resolved)-1], nil
	}
	switch len(offers) {
	case 0:
		return nil, &FactsError{"the workspace has no offer; write an offer block first"}
	case 1:
		return offers[0], nil
	}
	return nil, &FactsError{"the workspace has several offers and no counter; write a counter answering the offer you mean"}
}

func pickOffer(name string, offers []*Doc) (*Doc, error) {
	var names []string
	for _, o := range offers {
		if o.Name == name {
			return o, nil
		}
		names = append(names, o.Name)
	}
	return nil, notNamed("offer", name, names)
}

// notNamed is the error for a --counter or --offer name no block of the
// kind has: it suggests the nearest name, or else lists them all.
func notNamed(kind, name string, names []string) *FactsError {
	msg := fmt.Sprintf("no %s is named %q", kind, name)
	if s := suggest(name, names); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	} else if len(names) > 0 {
		msg += "; " + kind + "s: " + strings.Join(names, ", ")
	}
	return &FactsError{msg}
}
