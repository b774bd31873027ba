package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/report"
)

func runReport(e *env) int {
	fs := newFlags(e, "offer report", usageReport)
	format := formatFlag(e, fs, "text", "json", "html", "svg")
	bands := bandsFlag(fs)
	output := outputFlag(fs)
	calendar := fs.Bool("calendar", false, "also show pay by calendar year and the vest dates (needs start dates)")
	afterTax := fs.Bool("after-tax", false, "also show each year's taxes and net pay (an estimate)")
	chart := chartFlags(fs)
	paths, code, ok := parseFlags(fs, e)
	if !ok {
		return code
	}
	drawChart, ok := chart.want(e, *output != "", *format, "text", "offer: --chart draws in the text format; --format %s has its own (or none)")
	if !ok {
		return exitUsage
	}
	p, files, code := loadForCheck(e, paths, *bands)
	if code != exitOK {
		return code
	}
	results := p.CheckFiles(withRefused(p, files), 0)
	diags := allDiagnostics(p, results)
	opts := report.ReportOptions{Calendar: *calendar}
	noChart := false // svg: no offer or counter to chart
	if *afterTax {
		opts.Tax = p.AfterTaxAll(results, 0)
	}
	written := writeOutput(e, *output, func(w io.Writer) error {
		switch *format {
		case "json":
			writeJSON(&env{stdout: w}, report.ReportJSON(results, opts))
		case "html":
			return report.WriteHTML(w, report.Documents(results), report.HTMLOptions{Calendar: *calendar})
		case "svg":
			err := report.WriteSVG(w, report.Documents(results))
			noChart = errors.Is(err, report.ErrNothingToChart)
			return err
		default:
			w = lang.PrintableWriter(w)
			report.WriteReport(w, results, opts)
			if drawChart {
				if docs := report.Documents(results); len(docs) > 0 {
					fmt.Fprintln(w)
					report.WriteDocumentChart(w, docs, report.ChartWidth)
				}
			}
		}
		return nil
	})
	if !written && !(noChart && diags.HasErrors()) {
		return exitUsage // with errors, nothing to chart is the errors' doing: exit 1 below
	}
	if errs := errorsIn(diags); len(errs) > 0 {
		lang.WriteText(e.stderr, errs, sourceOf(p))
		fmt.Fprintf(e.stderr, "offer report: %d error(s); a file or block with errors has no figures above. Run 'offer lint' for details.\n", len(errs))
		return exitFindings
	}
	return exitOK
}
