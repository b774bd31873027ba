package main

import (
	"fmt"
	"slices"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/analysis"
)

func runScript(e *env, args []string) int {
	lever, rest, code := e.keyword(args, "lever", append(slices.Clone(engine.LeverNames), "questions"))
	if code != exitOK {
		return code
	}
	return draft(e, rest, func(w *lang.Workspace, to analysis.DraftFor) (*analysis.Draft, error) {
		return analysis.DraftScript(w, to, lever)
	}, func(d *analysis.Draft) { fmt.Fprint(e.stdout, d.Text) })
}
