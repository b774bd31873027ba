package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/analysis"
)

func runScript(e *env) int {
	fs := newFlags(e, "offer script", fmt.Sprintf(usageScript, strings.Join(engine.LeverNames, ", ")))
	tf := declareTextFlags(fs)
	args, code, ok := parseFlags(fs, e)
	if !ok {
		return code
	}
	if len(args) == 0 {
		fs.Usage()
		return exitUsage
	}
	lever := args[0]
	if lever != "questions" && !slices.Contains(engine.LeverNames, lever) {
		fmt.Fprintf(e.stderr, "offer script: no lever is named %q; use one of: %s, questions\n", lever, strings.Join(engine.LeverNames, ", "))
		return exitUsage
	}
	return tf.draft(e, "offer script", args[1:], func(w *lang.Workspace, to analysis.DraftFor) (*analysis.Draft, error) {
		return analysis.DraftScript(w, to, lever)
	}, func(d *analysis.Draft) { fmt.Fprint(e.stdout, d.Text) })
}
