package main

import (
	"flag"
	"fmt"

	"github.com/offerkit/offerkit/lang/report"
)

func runTimeline(e *env) int {
	fs := flag.NewFlagSet("offer timeline", flag.ContinueOnError)
	bands := bandsFlag(fs)
	format := fs.String("format", "text", "output format: text or json")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: offer timeline [--format text|json] [--bands FILE] [PATH]\n\n"+
			"Lists, per company, every version of the employer's offer and every counter in PATH's\n"+
			"directory (default: the current directory) in order: date, round, who sent it, 4-year total,\n"+
			"change against the previous step, approval tier for counters, outcome. See docs/counters.md.")
		fs.PrintDefaults()
	}
	args, code, ok := parseFlags(fs, e)
	if !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(e.stderr, "offer timeline: unknown format %q (text or json)\n", *format)
		return exitUsage
	}
	w, ok := loadWorkspace(e, "offer timeline", args, *bands)
	if !ok {
		return exitUsage
	}
	negs := w.Timeline()
	if *format == "json" {
		writeJSON(e, report.TimelineJSON(negs))
		return exitOK
	}
	if len(negs) == 0 {
		fmt.Fprintln(e.stdout, "No offer in the workspace could be read; run 'offer lint'.")
		return exitFindings
	}
	report.WriteTimeline(e.stdout, negs)
	return exitOK
}
