package main

import (
	"fmt"

	"github.com/offerkit/offerkit/engine/negotiate"
	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/analysis"
)

func runEmail(e *env, args []string) int {
	kind, rest, code := e.keyword(args, "email", negotiate.EmailKinds)
	if code != exitOK {
		return code
	}
	return draft(e, rest, func(w *lang.Workspace, to analysis.DraftFor) (*analysis.Draft, error) {
		return analysis.DraftEmail(w, to, kind)
	}, func(d *analysis.Draft) { fmt.Fprintf(e.stdout, "Subject: %s\n\n%s", d.Subject, d.Text) })
}
