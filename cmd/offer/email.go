package main

import (
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/offerkit/offerkit/engine/negotiate"
	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/analysis"
)

func runEmail(e *env) int {
	fs := flag.NewFlagSet("offer email", flag.ContinueOnError)
	tf := declareTextFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: offer email round1|followup|accept [--counter NAME | --offer NAME] [--write [--force]] [--bands FILE] [PATH]\n\n"+
			"Drafts an email from the files in PATH's directory (default: the current directory):\n"+
			"  round1    the first counter, every ask with its reason\n"+
			"  followup  a later round's ask\n"+
			"  accept    the acceptance, listing the terms of the employer's version being accepted (never an ask)\n"+
			"[[...]] marks what the files do not say; replace it before you send the email.\n"+
			"With --write the email is kept as an email \"KIND\" block in the counter (with --offer, in that\n"+
			"offer block: the acceptance email of the version you accept, say), replacing one of the same kind.")
		fs.PrintDefaults()
	}
	args, code, ok := parseFlags(fs, e)
	if !ok {
		return code
	}
	if len(args) == 0 {
		fs.Usage()
		return exitUsage
	}
	kind := args[0]
	if !slices.Contains(negotiate.EmailKinds, kind) {
		fmt.Fprintf(e.stderr, "offer email: no email is named %q; use one of: %s\n", kind, strings.Join(negotiate.EmailKinds, ", "))
		return exitUsage
	}
	return tf.draft(e, "offer email", args[1:], func(w *lang.Workspace, to analysis.DraftFor) (*analysis.Draft, error) {
		return analysis.DraftEmail(w, to, kind)
	}, func(d *analysis.Draft) { fmt.Fprintf(e.stdout, "Subject: %s\n\n%s", d.Subject, d.Text) })
}
