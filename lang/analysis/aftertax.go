package analysis

import (
	"fmt"
	"strings"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/report"
)

// This file shows the after-tax estimate in the editor: a lens line with
// the 4-year net, and the hover's table of taxes and net pay by year. Both
// come from lang.Workspace.DocAfterTax, as offer report --after-tax does.

// netLensTitle is "net 4-yr $990,156.44 (after tax, est.)"; "" when the
// document gets no estimate (another currency).
func netLensTitle(ws *lang.Workspace, d *lang.Doc) string {
	at := ws.DocAfterTax(d)
	if !at.OK {
		return ""
	}
	return "net 4-yr " + at.Estimate.Net.Format(currency(d)) + " (after tax, est.)"
}

// afterTaxHover renders the estimate as a Markdown table with its
// assumptions.
func afterTaxHover(ws *lang.Workspace, d *lang.Doc) string {
	at := ws.DocAfterTax(d)
	if !at.OK {
		return ""
	}
	cur := currency(d)
	var b strings.Builder
	region := at.Region
	if region == "" || region == "US" {
		region = "federal tax only"
	}
	fmt.Fprintf(&b, "**After tax** (%s filer, %s; %s)\n\n", strings.ReplaceAll(string(at.Household.Status), "_", " "), region, report.AfterTaxDisclaimer)
	b.WriteString("| | Year 1 | Year 2 | Year 3 | Year 4 | 4 years |\n|---|--:|--:|--:|--:|--:|\n")
	row := func(name string, get func(i int) engine.Money) {
		var sum engine.Money
		cells := []string{name}
		for i := range at.Estimate.Years {
			cells = append(cells, get(i).Format(cur))
			sum += get(i)
		}
		b.WriteString("| " + strings.Join(append(cells, sum.Format(cur)), " | ") + " |\n")
	}
	row("Tax", func(i int) engine.Money { return at.Estimate.Years[i].Tax.Total() })
	row("**Net**", func(i int) engine.Money { return at.Estimate.Years[i].Net })
	for _, n := range at.Notes {
		fmt.Fprintf(&b, "\n%s.", n)
	}
	if len(at.Notes) > 0 {
		b.WriteString("\n")
	}
	return b.String()
}
