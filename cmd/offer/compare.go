package main

import (
	"fmt"
	"io"

	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/report"
)

func runCompare(e *env) int {
	fs := newFlags(e, "offer compare", usageCompare)
	format := formatFlag(e, fs, "table", "markdown", "json", "html")
	bands := bandsFlag(fs)
	counters := fs.Bool("counters", false, "add each offer's latest counter (the highest round)")
	var money moneyFlags
	money.register(fs)
	calendar := fs.Bool("calendar", false, "also compare pay by calendar year (needs start dates)")
	output := outputFlag(fs)
	chart := chartFlags(fs)
	paths, code, ok := parseFlags(fs, e)
	if !ok {
		return code
	}
	opts := report.Options{Counters: *counters, Calendar: *calendar}
	if err := money.options(&opts); err != nil {
		fmt.Fprintf(e.stderr, "offer: %v\n", err)
		return exitUsage
	}
	drawChart, ok := chart.want(e, *output != "", *format, "table", "offer: --chart draws in the table format, not %s")
	if !ok {
		return exitUsage
	}
	p, results, code := loadChecked(e, paths, *bands)
	if code != exitOK {
		return code
	}
	sel := report.Select(results, *counters)
	if err := companiesKnown(opts.Moves, sel.Documents); err != nil {
		fmt.Fprintf(e.stderr, "offer: %v\n", err)
		return exitUsage
	}
	if err := money.convert(p, &sel); err != nil {
		fmt.Fprintf(e.stderr, "offer compare: %v\n", err)
		return exitFindings
	}
	if money.afterTax {
		opts.AfterTax = p.DocAfterTax
	}
	cmp := report.CompareSelection(sel, opts)
	if err := cmp.RangeErr(); err != nil {
		fmt.Fprintf(e.stderr, "offer compare: %v\n", lang.Printable(err.Error()))
		return exitFindings
	}
	written := writeOutput(e, *output, func(w io.Writer) error {
		switch *format {
		case "json":
			writeJSON(&env{stdout: w}, cmp.JSON())
		case "markdown":
			cmp.WriteMarkdown(lang.PrintableWriter(w))
		case "html":
			return cmp.WriteHTML(w)
		default:
			w = lang.PrintableWriter(w)
			cmp.WriteText(w)
			if drawChart && len(cmp.Documents) > 0 {
				fmt.Fprintln(w)
				cmp.WriteChart(w, report.ChartWidth)
			}
		}
		return nil
	})
	if !written {
		return exitUsage
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
