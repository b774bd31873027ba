package engine

import (
	"fmt"
	"slices"
	"strings"
)

// This file defines stock-price scenarios in which each company's stock
// moves on its own: Amazon's by -30% while Globex's doubles.

// Move is one scenario: the change of each company's stock price, in
// percent, on top of each offer's own growth assumption.
type Move struct {
	All       Dec            // the change for every company not named
	ByCompany map[string]Dec // by CompanyKey
	Names     []string       // the companies named, as the user wrote them, in order
}

// For returns the change that applies to company's stock.
func (m Move) For(company string) Dec {
	if d, ok := m.ByCompany[CompanyKey(company)]; ok {
		return d
	}
	return m.All
}

// Label says which stock moved: "-30%" when every company moves alike,
// "Amazon -30%, Globex +100%" otherwise.
func (m Move) Label() string {
	if len(m.Names) == 0 {
		return SignedPercent(m.All)
	}
	var parts []string
	for _, n := range m.Names {
		parts = append(parts, n+" "+SignedPercent(m.ByCompany[CompanyKey(n)]))
	}
	return strings.Join(parts, ", ")
}

// CompanyChanges is one company's list of price changes.
type CompanyChanges struct {
	Company string
	Changes []Dec
}

// Moves returns every combination of the companies' changes, the first
// company's changes varying slowest; other companies stay at 0%. With no
// company named, it returns one move per change of all.
func Moves(all []Dec, byCompany []CompanyChanges) []Move {
	if len(byCompany) == 0 {
		out := make([]Move, len(all))
		for i, d := range all {
			out[i] = Move{All: d}
		}
		return out
	}
	out := []Move{{ByCompany: map[string]Dec{}}}
	for _, cc := range byCompany {
		var next []Move
		for _, m := range out {
			for _, d := range cc.Changes {
				by := make(map[string]Dec, len(m.ByCompany)+1)
				for k, v := range m.ByCompany {
					by[k] = v
				}
				by[CompanyKey(cc.Company)] = d
				next = append(next, Move{ByCompany: by, Names: append(slices.Clip(m.Names), cc.Company)})
			}
		}
		out = next
	}
	return out
}

// ParseCompanyChanges reads "Amazon=-30,0,30": a company and its list of
// price changes. A value without "=" is a list for every company
// (company "").
func ParseCompanyChanges(s string) (CompanyChanges, error) {
	name, list, found := strings.Cut(s, "=")
	if !found {
		list, name = s, ""
	}
	name = strings.TrimSpace(name)
	if found && name == "" {
		return CompanyChanges{}, fmt.Errorf("%q names no company; write Company=-30,0,30", s)
	}
	changes, err := ParsePriceChanges(list)
	if err != nil {
		return CompanyChanges{}, err
	}
	return CompanyChanges{Company: name, Changes: changes}, nil
}

// CompareUnder compares analysed offers as CompareOffers does, and
// recomputes them under each move: each offer's equity changes by its own
// company's move.
func CompareUnder(offers []Analysis, moves []Move) Comparison {
	c := CompareOffers(offers, nil)
	c.addScenarios(offers, moves)
	return c
}

// addScenarios recomputes the offers under each move and ranks them.
func (c *Comparison) addScenarios(offers []Analysis, moves []Move) {
	for _, m := range moves {
		s := Scenario{Change: m.All, Move: m}
		var totals []Money
		for _, a := range offers {
			w := EvaluateScenario(a.Offer, m.For(a.Offer.Company))
			s.Worth = append(s.Worth, w)
			totals = append(totals, w.Total)
		}
		if !c.Mixed {
			s.Rank = Ranks(totals)
		}
		c.Scenarios = append(c.Scenarios, s)
	}
}
