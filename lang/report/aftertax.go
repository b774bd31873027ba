package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/engine/tax"
	"github.com/offerkit/offerkit/lang"
)

// This file shows the after-tax estimate of a document (offer report
// --after-tax, offer compare --after-tax and the editor's hover): one grid
// of the four employment years, the withholding by calendar year, and what
// the estimate assumed.

// AfterTaxDisclaimer is said wherever after-tax figures are shown.
const AfterTaxDisclaimer = "an estimate, not tax advice: standard deduction and brackets only (no credits, itemized deductions or AMT)"

// AfterTaxGrid lays an estimate out by employment year: gross, each tax,
// the total tax and the net, with a 4-year column.
func AfterTaxGrid(est tax.Estimate, currency string) *grid {
	g := &grid{head: yearHead()}
	row := func(name string, get func(tax.YearTax) engine.Money) {
		cells := []string{name}
		var sum engine.Money
		for _, y := range est.Years {
			cells = append(cells, get(y).Format(currency))
			sum += get(y)
		}
		g.add(append(cells, sum.Format(currency))...)
	}
	row("Gross", func(y tax.YearTax) engine.Money { return y.Gross })
	row("  Federal", func(y tax.YearTax) engine.Money { return y.Tax.Federal })
	row("  State", func(y tax.YearTax) engine.Money { return y.Tax.State })
	row("  Local", func(y tax.YearTax) engine.Money { return y.Tax.Local })
	row("  Social Security", func(y tax.YearTax) engine.Money { return y.Tax.SocialSecurity })
	row("  Medicare", func(y tax.YearTax) engine.Money { return y.Tax.Medicare })
	row("  State payroll", func(y tax.YearTax) engine.Money { return y.Tax.StatePayroll })
	row("Total tax", func(y tax.YearTax) engine.Money { return y.Tax.Total() })
	row("Net", func(y tax.YearTax) engine.Money { return y.Net })
	return g
}

// WriteAfterTax writes the after-tax section of a document's report.
func WriteAfterTax(w io.Writer, at lang.AfterTax, currency string) {
	if !at.OK {
		fmt.Fprintf(w, "After tax: %s\n", at.Why)
		return
	}
	fmt.Fprintf(w, "After tax (%s filer, %s), %s:\n", statusLabel(at.Household.Status), regionLabel(at), AfterTaxDisclaimer)
	AfterTaxGrid(at.Estimate, currency).writeText(w)
	fmt.Fprintf(w, "4-year net %s\n", at.Estimate.Net.Format(currency))
	for _, ct := range at.Estimate.Calendar {
		if ct.Wages == 0 {
			continue
		}
		fmt.Fprintf(w, "%d: wages %s, income tax %s, withheld about %s: %s\n", ct.Year, ct.Wages.Format(currency),
			(ct.Tax.Federal + ct.Tax.State + ct.Tax.Local).Format(currency), ct.Withheld.Format(currency), owedText(ct, currency))
	}
	for _, n := range at.Notes {
		fmt.Fprintf(w, "Note: %s\n", n)
	}
}

// owedText says what the withholding leaves to settle at filing.
func owedText(ct tax.CalendarTax, currency string) string {
	switch {
	case ct.Owed > 0:
		return fmt.Sprintf("you will owe about %s in April %d", ct.Owed.Format(currency), ct.Year+1)
	case ct.Owed < 0:
		return fmt.Sprintf("a refund of about %s in %d", (-ct.Owed).Format(currency), ct.Year+1)
	}
	return "nothing more to pay"
}

func statusLabel(s tax.Status) string { return strings.ReplaceAll(string(s), "_", " ") }

// regionLabel names the region the estimate used.
func regionLabel(at lang.AfterTax) string {
	if at.Region == "" || at.Region == "US" {
		return "federal tax only"
	}
	return at.Region
}

// JSONTax is one year's taxes in offer report --format json --after-tax.
type JSONTax struct {
	Federal        Money `json:"federal"`
	State          Money `json:"state"`
	Local          Money `json:"local"`
	SocialSecurity Money `json:"social_security"`
	Medicare       Money `json:"medicare"`
	StatePayroll   Money `json:"state_payroll"`
	Total          Money `json:"total"`
}

// TaxJSON returns the JSON form of a breakdown.
func TaxJSON(b tax.Breakdown) *JSONTax {
	return &JSONTax{Money(b.Federal), Money(b.State), Money(b.Local), Money(b.SocialSecurity), Money(b.Medicare), Money(b.StatePayroll), Money(b.Total())}
}

// JSONWithholding is one calendar year's income tax against its
// withholding.
type JSONWithholding struct {
	Year      int   `json:"year"`
	Wages     Money `json:"wages"`
	IncomeTax Money `json:"income_tax"`
	Withheld  Money `json:"withheld"`
	Owed      Money `json:"owed"`
}

// JSONAfterTax is a document's after-tax estimate beyond the yearly
// figures: its region, filing status, notes and withholding.
type JSONAfterTax struct {
	Region       string            `json:"region"`
	FilingStatus string            `json:"filing_status"`
	Notes        []string          `json:"notes"`
	Withholding  []JSONWithholding `json:"withholding"`
	Estimate     string            `json:"estimate"`
	Unavailable  string            `json:"unavailable,omitempty"`
	FourYearOwed Money             `json:"four_year_owed"`
}

// AfterTaxJSON returns the document-level JSON of an estimate.
func AfterTaxJSON(at lang.AfterTax) *JSONAfterTax {
	out := &JSONAfterTax{Region: at.Region, FilingStatus: string(at.Household.Status), Notes: append([]string{}, at.Notes...),
		Withholding: []JSONWithholding{}, Estimate: AfterTaxDisclaimer}
	if !at.OK {
		out.Unavailable = at.Why
		return out
	}
	for _, ct := range at.Estimate.Calendar {
		out.Withholding = append(out.Withholding, JSONWithholding{ct.Year, Money(ct.Wages),
			Money(ct.Tax.Federal + ct.Tax.State + ct.Tax.Local), Money(ct.Withheld), Money(ct.Owed)})
	}
	out.FourYearOwed = Money(at.Estimate.Owed)
	return out
}

// afterTaxJSON returns a document's after-tax JSON and its four-year net,
// and sets each employment year's taxes and net through year (k counts
// from 0); the net is nil when the estimate is unavailable. Report and
// compare attach the estimate through it.
func afterTaxJSON(at lang.AfterTax, year func(k int) *NetYear) (*JSONAfterTax, *Money) {
	j := AfterTaxJSON(at)
	if !at.OK {
		return j, nil
	}
	for k, y := range at.Estimate.Years {
		net := Money(y.Net)
		*year(k) = NetYear{TaxJSON(y.Tax), &net}
	}
	net := Money(at.Estimate.Net)
	return j, &net
}

// WritePayLines writes, under a document's yearly table, the pay beyond
// the total (refreshers, retirement match, ESPP, benefits) and the split
// of each year into guaranteed and assumed pay, when the offer has any of
// them; and what leaving before the sign-on's repayment date would cost.
func WritePayLines(w io.Writer, a engine.Analysis, currency string) {
	show := false
	for _, y := range a.Worth.Years {
		show = show || y.Assumed != 0 || y.Refresh != 0 || y.Retirement != 0 || y.ESPP != 0 || y.Benefits != 0
	}
	if show {
		g := &grid{head: yearHead()}
		row := func(name string, get func(engine.Year) engine.Money, always bool) {
			cells := []string{name}
			var sum engine.Money
			for _, y := range a.Worth.Years {
				cells = append(cells, get(y).Format(currency))
				sum += get(y)
			}
			if sum != 0 || always {
				g.add(append(cells, sum.Format(currency))...)
			}
		}
		row("Refresh", func(y engine.Year) engine.Money { return y.Refresh }, false)
		row("Retirement", func(y engine.Year) engine.Money { return y.Retirement }, false)
		row("ESPP", func(y engine.Year) engine.Money { return y.ESPP }, false)
		row("Benefits", func(y engine.Year) engine.Money { return y.Benefits }, false)
		row("Guaranteed", func(y engine.Year) engine.Money { return y.Guaranteed }, true)
		row("Assumed", func(y engine.Year) engine.Money { return y.Assumed }, true)
		fmt.Fprintln(w, "Beyond the total, and what is guaranteed (written in the offer) against assumed (refreshers, stock growth, bonus at target, ESPP):")
		g.writeText(w)
	}
	if m := a.Offer.SignOnRepayMonths; m > 0 && a.Offer.SignOn[0] > 0 {
		fmt.Fprintf(w, "Leaving within %d months of the start means repaying up to the year-1 sign-on of %s.\n",
			m, a.Offer.SignOn[0].Format(currency))
	}
}
