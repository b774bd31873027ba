package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/report"
)

func runReport(e *env, paths []string) int {
	drawChart, ok := e.wantChart("text", "offer: --chart draws in the text format; --format %s has its own (or none)")
	if !ok {
		return exitUsage
	}
	p, files, code := loadForCheck(e, paths)
	if code != exitOK {
		return code
	}
	results := p.CheckFiles(withRefused(p, files), 0)
	diags := allDiagnostics(p, results)
	opts := report.ReportOptions{Calendar: e.calendar}
	noChart := false // svg: no offer or counter to chart
	if e.afterTax {
		opts.Tax = p.AfterTaxAll(results, 0)
	}
	code = writeOutput(e, func(w io.Writer) error {
		switch e.format {
		case "json":
			writeJSON(&env{stdout: w}, report.ReportJSON(results, opts))
		case "html":
			return report.WriteHTML(w, results, report.HTMLOptions{Calendar: e.calendar})
		case "svg":
			err := report.WriteSVG(w, report.Documents(results))
			noChart = errors.Is(err, report.ErrNothingToChart)
			return err
		default:
			w = lang.PrintableWriter(w)
			report.WriteReport(w, results, opts)
			if drawChart {
				writeChart(w, func(w io.Writer) { report.WriteDocumentChart(w, report.Documents(results), report.ChartWidth) })
			}
		}
		return nil
	})
	if code != exitOK && !(noChart && diags.HasErrors()) {
		return code // with errors, nothing to chart is the errors' doing: exit 1 below
	}
	if errs := errorsIn(diags); len(errs) > 0 {
		lang.WriteText(e.stderr, errs, sourceOf(p))
		fmt.Fprintf(e.stderr, "offer report: %d error(s); a file or block with errors has no figures above. Run 'offer lint' for details.\n", len(errs))
		return exitFindings
	}
	return exitOK
}
