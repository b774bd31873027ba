package main

import (
	"fmt"

	"github.com/offerkit/offerkit/lang/analysis"
)

// runCounter drafts the counter-proposal the editor's "Insert
// counter-proposal" action inserts (analysis.DraftCounter), and prints it
// or, with --write, inserts it after the offer in the offer's file.
func runCounter(e *env) int {
	fs := newFlags(e, "offer counter", usageCounter)
	offer := fs.String("offer", "", "the offer to counter (required)")
	write := fs.Bool("write", false, "insert the counter on the line after the offer, in the offer's file, instead of printing it")
	force := fs.Bool("force", false, "with --write, also rewrite a read-only file")
	bands := bandsFlag(fs)
	args, code, ok := parseFlags(fs, e)
	if !ok {
		return code
	}
	if *offer == "" {
		fmt.Fprintln(e.stderr, "offer counter: give the offer to counter with --offer NAME")
		return exitUsage
	}
	if *force && !*write {
		fmt.Fprintln(e.stderr, "offer counter: --force goes with --write")
		return exitUsage
	}
	w, code := loadWorkspace(e, "offer counter", args, *bands)
	if code != exitOK {
		return code
	}
	d, err := analysis.DraftCounter(w, *offer)
	if err != nil {
		fmt.Fprintf(e.stderr, "offer counter: %v\n", err)
		return exitUsage
	}
	if !*write {
		fmt.Fprint(e.stdout, d.Text)
		return exitOK
	}
	return writeDraft(e, "offer counter", w, d, *force)
}
