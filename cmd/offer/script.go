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
	lever, rest, code, ok := parseKeyword(e, fs, "lever", append(slices.Clone(engine.LeverNames), "questions"))
	if !ok {
		return code
	}
	return tf.draft(e, "offer script", rest, func(w *lang.Workspace, to analysis.DraftFor) (*analysis.Draft, error) {
		return analysis.DraftScript(w, to, lever)
	}, func(d *analysis.Draft) { fmt.Fprint(e.stdout, d.Text) })
}
