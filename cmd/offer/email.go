package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/offerkit/offerkit/engine/negotiate"
)

func runEmail(e *env) int {
	fs := newFlags(e, "offer email", usageEmail)
	tf := declareTextFlags(fs)
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
