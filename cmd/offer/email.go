package main

import (
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/offerkit/offerkit/engine/negotiate"
)

func runEmail(e *env) int {
	fs := flag.NewFlagSet("offer email", flag.ContinueOnError)
	tf := declareTextFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: offer email round1|followup|accept [--counter NAME | --offer NAME] [--bands FILE] [PATH]\n\n"+
			"Drafts an email from the files in PATH's directory (default: the current directory):\n"+
			"  round1    the first counter, every ask with its reason\n"+
			"  followup  a later round's ask\n"+
			"  accept    the acceptance, listing every agreed term (the counter's, or the offer's when there is none)\n"+
			"[[...]] marks what the files do not say; replace it before you send the email.")
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
	facts, ok := tf.facts(e, "offer email", args[1:])
	if !ok {
		return exitUsage
	}
	m, err := negotiate.EmailFor(facts, kind)
	if err != nil {
		fmt.Fprintf(e.stderr, "offer email: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(e.stdout, "Subject: %s\n\n%s", m.Subject, m.Body)
	return exitOK
}
