package main

import (
	"fmt"

	"github.com/offerkit/offerkit/lang/analysis"
)

// runCounter drafts the counter-proposal the editor's "Insert
// counter-proposal" action inserts (analysis.DraftCounter), and prints it
// or, with --write, inserts it after the offer in the offer's file.
func runCounter(e *env, args []string) int {
	if e.offer == "" {
		fmt.Fprintln(e.stderr, "offer counter: give the offer to counter with --offer NAME")
		return exitUsage
	}
	if e.force && !e.write {
		fmt.Fprintln(e.stderr, "offer counter: --force goes with --write")
		return exitUsage
	}
	w, code := loadWorkspace(e, args, load)
	if code != exitOK {
		return code
	}
	d, err := analysis.DraftCounter(w, e.offer)
	if err != nil {
		fmt.Fprintf(e.stderr, "offer counter: %v\n", err)
		return draftFailure(err)
	}
	if !e.write {
		fmt.Fprint(e.stdout, d.Text)
		return exitOK
	}
	return writeDraft(e, w, d)
}
