package main

import (
	"flag"
	"fmt"
	"strings"
)

func runChecklist(e *env) int {
	fs := flag.NewFlagSet("offer checklist", flag.ContinueOnError)
	bands := bandsFlag(fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: offer checklist [--bands FILE] [PATH]\n\n"+
			"Says which preparations the negotiation in PATH's directory (default: the current directory)\n"+
			"shows done and which are missing: walk-away number, competing offer, the 4-year view,\n"+
			"a plan for any cliff, and an acceptance email that lists every term. See docs/counters.md.")
		fs.PrintDefaults()
	}
	args, code, ok := parseFlags(fs, e)
	if !ok {
		return code
	}
	w, ok := loadWorkspace(e, "offer checklist", args, *bands)
	if !ok {
		return exitUsage
	}
	items := w.Checklist()
	done := 0
	for _, it := range items {
		mark := map[string]string{"done": "[x]", "missing": "[ ]", "shown": "[i]"}[it.Status.String()]
		if it.Status.String() == "done" {
			done++
		}
		fmt.Fprintf(e.stdout, "%s %s (%s)\n", mark, it.Title, it.Status)
		for _, d := range it.Detail {
			fmt.Fprintf(e.stdout, "    %s\n", strings.TrimRight(d, " "))
		}
	}
	fmt.Fprintf(e.stdout, "%d of %d done.\n", done, len(items)-1)
	return exitOK
}
