package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/report"
)

// moneyFlags are compare's flags about money: scenarios per company,
// the currency and exchange-rate moves.
type moneyFlags struct {
	scenarios multiFlag
	fx        multiFlag
	currency  string
}

func (m *moneyFlags) register(fs *flag.FlagSet) {
	fs.Var(&m.scenarios, "scenarios", "stock-price changes in percent to recompute under: -30,0,30 for every company, or Company=-30,0,30 for one (repeatable)")
	fs.Var(&m.fx, "fx", "exchange-rate changes in percent, CODE=-10,0,10 (repeatable; with --currency)")
	fs.StringVar(&m.currency, "currency", "", "convert every offer into this currency with the rates of *.rates.hcl files")
}

// options turns the flags into comparison options; the error says which
// flag is wrong.
func (m *moneyFlags) options(opts *report.Options) error {
	var all []engine.Dec
	var by []engine.CompanyChanges
	for _, s := range m.scenarios {
		cc, err := engine.ParseCompanyChanges(s)
		if err != nil {
			return fmt.Errorf("--scenarios: %v", err)
		}
		if cc.Company == "" {
			all = append(all, cc.Changes...)
		} else {
			by = append(by, cc)
		}
	}
	if len(all) > 0 && len(by) > 0 {
		return fmt.Errorf("--scenarios: give one list for every company or one list per company, not both")
	}
	if len(by) > 0 {
		opts.Moves = engine.Moves(nil, by)
	} else {
		opts.Scenarios = all
	}
	for _, s := range m.fx {
		code, list, ok := strings.Cut(s, "=")
		code = strings.ToUpper(strings.TrimSpace(code))
		if !ok || len(code) != 3 {
			return fmt.Errorf("--fx: %q is not CODE=-10,0,10 (an ISO 4217 code and percentages)", s)
		}
		changes, err := engine.ParsePriceChanges(list)
		if err != nil {
			return fmt.Errorf("--fx: %v", err)
		}
		if opts.FX == nil {
			opts.FX = map[string][]engine.Dec{}
		}
		opts.FX[code] = append(opts.FX[code], changes...)
	}
	if len(opts.FX) > 0 && m.currency == "" {
		return fmt.Errorf("--fx moves exchange rates, which only --currency uses; add --currency USD (or another code)")
	}
	return nil
}

// companiesKnown checks that every company the scenarios name is the
// company of a compared document.
func companiesKnown(moves []engine.Move, docs []*report.Document) error {
	if len(moves) == 0 {
		return nil
	}
	var known []string
	for _, d := range docs {
		known = append(known, d.Analysis.Offer.Company)
	}
	for _, n := range moves[0].Names {
		found := false
		for _, k := range known {
			found = found || engine.CompanyKey(k) == engine.CompanyKey(n)
		}
		if !found {
			return fmt.Errorf("--scenarios: no compared offer is from %q; companies: %s", n, strings.Join(known, ", "))
		}
	}
	return nil
}

// convert puts the selection in the --currency, with the project's rates.
func (m *moneyFlags) convert(p *lang.Project, sel *report.Selection) error {
	if m.currency == "" {
		return nil
	}
	rates, ok := p.Rates()
	if !ok {
		rates = engine.Rates{Base: m.currency}
	}
	return report.Convert(sel, m.currency, rates)
}
