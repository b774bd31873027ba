package main

import (
	"fmt"

	"github.com/offerkit/offerkit/engine/negotiate"
	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/analysis"
)

func runEmail(e *env) int {
	fs := newFlags(e, "offer email", usageEmail)
	tf := declareTextFlags(fs)
	kind, rest, code, ok := parseKeyword(e, fs, "email", negotiate.EmailKinds)
	if !ok {
		return code
	}
	return tf.draft(e, "offer email", rest, func(w *lang.Workspace, to analysis.DraftFor) (*analysis.Draft, error) {
		return analysis.DraftEmail(w, to, kind)
	}, func(d *analysis.Draft) { fmt.Fprintf(e.stdout, "Subject: %s\n\n%s", d.Subject, d.Text) })
}
