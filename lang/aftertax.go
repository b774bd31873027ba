package lang

import (
	"fmt"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/engine/tax"
)

// AfterTax is the after-tax estimate of one offer or counter.
type AfterTax struct {
	Estimate tax.Estimate
	// OK is false when no estimate could be made (an offer outside the
	// US); Why then says why, and Diagnostic carries it with its code.
	OK  bool
	Why string
	// Household is what the estimate assumed of the candidate.
	Household tax.Household
	Region    string // "" when only federal tax applies
	Notes     []string
}

// Tax-estimate diagnostic codes: the estimate leaves something out, said
// where the figures are shown.
const (
	CodeTaxNotUS       = "tax-not-us"
	CodeTaxFederalOnly = "tax-federal-only"
)

// EstimateAfterTax estimates the tax on the pay of o (worth w) with the
// active tax tables t: the region comes from the offer's tax_region, else
// its location's hub. It never fails: what it could not do is in Why and
// Notes.
func EstimateAfterTax(t *tax.Tables, o engine.Offer, w engine.Worth, taxRegion string, h tax.Household) AfterTax {
	out := AfterTax{Household: h}
	if h.Status == "" {
		out.Household.Status = tax.Single
	}
	if o.Currency != "" && o.Currency != "USD" {
		out.Why = fmt.Sprintf("no after-tax figures: the offer is in %s, and offerkit's tax tables cover the United States only", o.Currency)
		return out
	}
	if !t.Has("US") {
		out.Why = "no after-tax figures: no federal tax table is active"
		return out
	}
	out.Notes = make([]string, 0, 4) // a location, a start, a table or two reused
	region := TaxRegion(t, o.Location, taxRegion)
	if region == "" {
		out.Notes = append(out.Notes, fmt.Sprintf("federal tax only: %q is not a known location; set tax_region (such as \"US-CO\") and add its tables in a *.tax.hcl file", o.Location))
		region = "US"
	}
	out.Region = region
	wages, note, err := tax.OfferWages(o, w, t.Newest("US"))
	if err != nil {
		out.Why = "no after-tax figures: " + err.Error()
		return out
	}
	if note != "" {
		out.Notes = append(out.Notes, note)
	}
	est, err := t.Estimate(region, wages, out.Household)
	if err != nil {
		out.Why = "no after-tax figures: " + err.Error()
		return out
	}
	out.Estimate, out.OK = est, true
	out.Notes = append(out.Notes, est.Notes...)
	return out
}

// DocAfterTax estimates the after-tax pay of a checked offer or counter
// with the workspace's tax tables and candidate. A counter is taxed where
// the offer it answers is.
func (w *Workspace) DocAfterTax(d *Doc) AfterTax {
	t := w.Tax()
	_, cand := w.Candidate()
	region := ""
	if d.Offer != nil {
		region = d.Offer.TaxRegion
	}
	return EstimateAfterTax(t, d.Analysis.Offer, d.Analysis.Worth, region, cand.HouseholdFor(t))
}

// DocAfterTax estimates a checked document's pay after tax with the
// tables and candidate of its directory's workspace.
func (p *Project) DocAfterTax(d *Doc) AfterTax {
	return p.Workspace(d.Node.Range.Filename).DocAfterTax(d)
}

// AfterTaxAll estimates every offer and counter of results on workers
// goroutines (0: GOMAXPROCS), as CheckFiles checks them, and returns the
// estimate of a document: offer report --after-tax shows one for each,
// and estimating them one by one while writing used one core of two. Each
// goroutine takes a result at a time, as CheckFiles does, and finds its
// workspace once. A document not among results is estimated when asked.
func (p *Project) AfterTaxAll(results []*Result, workers int) func(*Doc) AfterTax {
	var docs []*Doc
	for _, r := range results {
		if r != nil {
			docs = append(docs, r.Docs...)
		}
	}
	ests, byDoc := make([]AfterTax, len(docs)), make(map[*Doc]*AfterTax, len(docs)) // filled here, only read after
	for i, d := range docs {
		byDoc[d] = &ests[i]
	}
	parallel(len(results), workers, func(i int) {
		if r := results[i]; r != nil && len(r.Docs) > 0 {
			w := p.Workspace(r.Docs[0].Node.Range.Filename)
			for _, d := range r.Docs {
				*byDoc[d] = w.DocAfterTax(d)
			}
		}
	})
	return func(d *Doc) AfterTax {
		if at := byDoc[d]; at != nil {
			return *at
		}
		return p.DocAfterTax(d)
	}
}
