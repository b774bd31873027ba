package main

import (
	"fmt"

	"github.com/offerkit/offerkit/lang/report"
)

func runTimeline(e *env) int {
	fs := newFlags(e, "offer timeline", usageTimeline)
	bands := bandsFlag(fs)
	format := formatFlag(e, fs, "text", "json")
	args, code, ok := parseFlags(fs, e)
	if !ok {
		return code
	}
	w, code := loadWorkspace(e, "offer timeline", args, *bands)
	if code != exitOK {
		return code
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
