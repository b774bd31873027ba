package main

import (
	"fmt"
	"io"

	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/report"
)

func runCompare(e *env, paths []string) int {
	opts := report.Options{Counters: e.counters, Calendar: e.calendar}
	if err := e.money.options(&opts); err != nil {
		fmt.Fprintf(e.stderr, "offer: %v\n", err)
		return exitUsage
	}
	drawChart, ok := e.wantChart("table", "offer: --chart draws in the table format, not %s")
	if !ok {
		return exitUsage
	}
	p, results, code := loadChecked(e, paths)
	if code != exitOK {
		return code
	}
	sel := report.Select(results, e.counters)
	if err := companiesKnown(opts.Moves, sel.Documents); err != nil {
		fmt.Fprintf(e.stderr, "offer: %v\n", err)
		return exitUsage
	}
	if err := e.money.convert(p, &sel); err != nil {
		fmt.Fprintf(e.stderr, "offer compare: %v\n", err)
		return exitFindings
	}
	if e.afterTax {
		opts.AfterTax = p.DocAfterTax
	}
	cmp := report.CompareSelection(sel, opts)
	if err := cmp.RangeErr(); err != nil {
		fmt.Fprintf(e.stderr, "offer compare: %v\n", lang.Printable(err.Error()))
		return exitFindings
	}
	code = writeOutput(e, func(w io.Writer) error {
		switch e.format {
		case "json":
			writeJSON(&env{stdout: w}, cmp.JSON())
		case "markdown":
			cmp.WriteMarkdown(lang.PrintableWriter(w))
		case "html":
			return cmp.WriteHTML(w)
		default:
			w = lang.PrintableWriter(w)
			cmp.WriteText(w)
			if drawChart {
				writeChart(w, func(w io.Writer) { cmp.WriteChart(w, report.ChartWidth) })
			}
		}
		return nil
	})
	if code != exitOK {
		return code
	}
	if errs := errorsIn(allDiagnostics(p, results)); len(errs) > 0 {
		lang.WriteText(e.stderr, errs, sourceOf(p))
		msg := fmt.Sprintf("offer compare: %d error(s)", len(errs))
		if n := len(cmp.LeftOut); n > 0 {
			msg += fmt.Sprintf("; %d block(s) with errors left out of the comparison", n)
		}
		fmt.Fprintln(e.stderr, msg+". Run 'offer lint' for details.")
		return exitFindings
	}
	return exitOK
}
