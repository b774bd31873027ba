package lang

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/engine/tax"
)

// DefaultTaxName is the name diagnostics and `offer tax` give the built-in
// tax file.
const DefaultTaxName = "(built-in)/default.tax.hcl"

//go:embed defaults/default.tax.hcl
var defaultTaxSrc []byte

// DefaultTaxSource returns the text of the built-in tax file.
func DefaultTaxSource() []byte { return defaultTaxSrc }

var (
	defaultTaxOnce sync.Once
	defaultTaxFile *File
)

// DefaultTaxFile returns the decoded built-in tax file.
func DefaultTaxFile() *File {
	defaultTaxOnce.Do(func() { defaultTaxFile = DecodeAs(DefaultTaxName, defaultTaxSrc, TaxFile) })
	return defaultTaxFile
}

// MergeTax builds the active tax tables from tax files, later files
// replacing a jurisdiction of the same code and year, and a hub of the
// same location, from earlier ones.
func MergeTax(files []*File) *tax.Tables {
	t := &tax.Tables{Hubs: map[string]string{}}
	for _, f := range files {
		for _, j := range f.Jurisdictions {
			replaced := false
			for i := range t.Jurisdictions {
				if t.Jurisdictions[i].Code == j.Jurisdiction.Code && t.Jurisdictions[i].Year == j.Jurisdiction.Year {
					t.Jurisdictions[i], replaced = j.Jurisdiction, true
				}
			}
			if !replaced {
				t.Jurisdictions = append(t.Jurisdictions, j.Jurisdiction)
			}
		}
		for _, h := range f.Hubs {
			t.Hubs[hubKey(h.Location)] = h.Region
		}
	}
	return t
}

// hubKey compares locations the way bands do: case and spacing aside.
func hubKey(location string) string {
	return strings.Join(strings.Fields(strings.ToLower(location)), " ")
}

// hub returns the region of location among hubs (keyed by hubKey). An
// ASCII location is keyed in a buffer on the stack, which the map lookup
// reads without a copy: the after-tax estimate looks up every offer's
// location, and hubKey's three strings were a tenth of its allocations.
func hub(hubs map[string]string, location string) string {
	var buf [64]byte
	key, space := buf[:0], false
	for i := 0; i < len(location); i++ {
		c := location[i]
		switch {
		case c >= 0x80 || len(key) == len(buf):
			return hubs[hubKey(location)]
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			space = len(key) > 0
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			if len(key) == len(buf) {
				return hubs[hubKey(location)]
			}
			key, space = append(key, ' '), false
		}
		key = append(key, c)
	}
	return hubs[string(key)]
}

// TaxRegion returns the region an offer at location pays tax in: its own
// tax_region when set, else its location's hub; "" when neither.
func TaxRegion(t *tax.Tables, location, taxRegion string) string {
	if taxRegion != "" {
		return taxRegion
	}
	return hub(t.Hubs, location)
}

// HouseholdFor returns the candidate's household for the after-tax
// estimates, with home (a location) resolved through the tables' hubs.
// A nil candidate files single and lives where each offer is.
func (c *CandidateDoc) HouseholdFor(t *tax.Tables) tax.Household {
	if c == nil {
		return tax.Household{Status: tax.Single}
	}
	h := c.Household
	if h.Home == "" && c.HomeLocation != "" {
		h.Home = hub(t.Hubs, c.HomeLocation)
	}
	return h
}

// Tax returns the active tax tables: the built-in ones, replaced block by
// block by the workspace's *.tax.hcl files in name order. Once merged,
// they are read under the read lock: offer report --after-tax asks for
// them once per document, from every goroutine that estimates.
func (w *Workspace) Tax() *tax.Tables {
	w.mu.RLock()
	t := w.tax
	w.mu.RUnlock()
	if t != nil {
		return t
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.tax == nil {
		files := []*File{DefaultTaxFile()}
		for _, f := range w.sortedFiles() {
			if f.Kind == TaxFile {
				files = append(files, f)
			}
		}
		w.tax = MergeTax(files)
	}
	return w.tax
}

// applyLimits caps an offer's retirement match and ESPP with the law's
// limits from the built-in federal table of the newest year.
func applyLimits(o *engine.Offer) {
	if o.Retirement == nil && o.ESPP == nil {
		return
	}
	l := builtInLimits()
	if o.Retirement != nil {
		r := *o.Retirement
		r.DeferralLimit, r.CompensationLimit = l.RetirementDeferral, l.RetirementCompensation
		o.Retirement = &r
	}
	if o.ESPP != nil {
		e := *o.ESPP
		e.PurchaseLimit = l.ESPPPurchase
		o.ESPP = &e
	}
}

var (
	limitsOnce sync.Once
	limits     tax.Limits
)

// builtInLimits returns the limits of the newest built-in federal table.
func builtInLimits() tax.Limits {
	limitsOnce.Do(func() {
		t := MergeTax([]*File{DefaultTaxFile()})
		if j, _ := t.Lookup("US", 1<<30); j != nil {
			limits = j.Limits
		}
	})
	return limits
}
