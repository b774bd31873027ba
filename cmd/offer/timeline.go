package main

import (
	"fmt"

	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/report"
)

func runTimeline(e *env, w *lang.Workspace) int {
	negs := w.Timeline()
	if e.format == "json" {
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
