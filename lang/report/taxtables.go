package report

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/engine/tax"
)

// WriteTaxTables lists the active tax tables (offer tax): each
// jurisdiction's year, brackets, contributions and limits with its
// source, the hubs that map locations to regions, and the exchange rates.
func WriteTaxTables(w io.Writer, t *tax.Tables, rates engine.Rates, hasRates bool) {
	fmt.Fprintln(w, "Tax tables (the after-tax view is "+AfterTaxDisclaimer+")")
	js := slices.Clone(t.Jurisdictions)
	slices.SortStableFunc(js, func(a, b tax.Jurisdiction) int {
		if c := strings.Compare(a.Code, b.Code); c != 0 {
			return c
		}
		return a.Year - b.Year
	})
	for _, j := range js {
		fmt.Fprintf(w, "\n%s %d (%s)\n", j.Code, j.Year, j.Name)
		if j.Income != nil {
			for _, s := range tax.Statuses {
				sch, ok := j.Income.Schedules[s]
				if !ok {
					continue
				}
				var steps []string
				for _, b := range sch.Brackets {
					steps = append(steps, fmt.Sprintf("%s%% over %s", b.Rate, b.Over))
				}
				fmt.Fprintf(w, "  %s: standard deduction %s; %s\n", statusLabel(s), sch.StandardDeduction, strings.Join(steps, ", "))
			}
			if r := j.Income.SupplementalRate; r.Sign() != 0 {
				line := fmt.Sprintf("  supplemental withholding %s%%", r)
				if j.Income.SupplementalHighOver > 0 {
					line += fmt.Sprintf(", %s%% over %s", j.Income.SupplementalHighRate, j.Income.SupplementalHighOver)
				}
				fmt.Fprintln(w, line)
			}
		} else {
			fmt.Fprintln(w, "  no income tax")
		}
		for _, c := range j.Payroll {
			line := fmt.Sprintf("  %s: %s%% of wages", c.Name, c.Rate)
			if c.WageBase > 0 {
				line += " up to " + c.WageBase.String()
			}
			if c.Max > 0 {
				line += ", at most " + c.Max.String() + " a year"
			}
			fmt.Fprintln(w, line)
		}
		if am := j.AdditionalMedicare; am != nil {
			var over []string
			for _, s := range tax.Statuses {
				over = append(over, fmt.Sprintf("%s %s", statusLabel(s), am.Over[s]))
			}
			fmt.Fprintf(w, "  additional Medicare: %s%% over %s\n", am.Rate, strings.Join(over, ", "))
		}
		if l := j.Limits; l != (tax.Limits{}) {
			fmt.Fprintf(w, "  limits: 401(k) contributions %s, pay counted %s, ESPP purchases %s\n", l.RetirementDeferral, l.RetirementCompensation, l.ESPPPurchase)
		}
		fmt.Fprintf(w, "  source: %s\n", j.Source)
	}
	fmt.Fprintln(w, "\nLocations (hub -> region)")
	for _, loc := range slices.Sorted(maps.Keys(t.Hubs)) {
		fmt.Fprintf(w, "  %s -> %s\n", loc, t.Hubs[loc])
	}
	if !hasRates {
		fmt.Fprintln(w, "\nExchange rates: none (add a *.rates.hcl file to compare offers in other currencies)")
		return
	}
	fmt.Fprintf(w, "\nExchange rates (%s per unit, as of %s; %s)\n", rates.Base, rates.AsOf, rates.Source)
	for _, c := range slices.Sorted(maps.Keys(rates.PerUnit)) {
		fmt.Fprintf(w, "  %s %s\n", c, rates.PerUnit[c])
	}
}
