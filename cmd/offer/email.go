package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/offerkit/offerkit/engine/negotiate"
	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/analysis"
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
	return tf.draft(e, "offer email", args[1:], func(w *lang.Workspace, to analysis.DraftFor) (*analysis.Draft, error) {
		return analysis.DraftEmail(w, to, kind)
	}, func(d *analysis.Draft) { fmt.Fprintf(e.stdout, "Subject: %s\n\n%s", d.Subject, d.Text) })
}
