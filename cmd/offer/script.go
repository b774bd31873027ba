package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/engine/negotiate"
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
	facts, ok := tf.facts(e, "offer script", args[1:])
	if !ok {
		return exitUsage
	}
	if lever == "questions" {
		fmt.Fprint(e.stdout, negotiate.AnswersText(facts))
		return exitOK
	}
	s, err := negotiate.ScriptFor(facts, lever)
	if err != nil {
		fmt.Fprintf(e.stderr, "offer script: %v\n", err)
		return exitUsage
	}
	fmt.Fprint(e.stdout, s.Text)
	return exitOK
}
