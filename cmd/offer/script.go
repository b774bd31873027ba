package main

import (
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/analysis"
)

func runScript(e *env) int {
	fs := flag.NewFlagSet("offer script", flag.ContinueOnError)
	tf := declareTextFlags(fs)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: offer script LEVER|questions [--counter NAME | --offer NAME] [--write [--force]] [--bands FILE] [PATH]\n\n"+
			"Prints what to say about one lever of a counter, filled from the files in PATH's directory\n"+
			"(default: the current directory). Levers: %s.\n"+
			"'questions' prints answers to the recruiter's usual questions about money.\n"+
			"[[...]] marks what the files do not say; replace it before you use the text.\n"+
			"With --write the script is kept as a script \"LEVER\" block in the counter (with --offer, in\n"+
			"that offer block), and the answers as script \"questions\" in the candidate block (added when\n"+
			"missing), replacing a block with the same label, as the editor's action does.\n", strings.Join(engine.LeverNames, ", "))
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
	lever := args[0]
	if lever != "questions" && !slices.Contains(engine.LeverNames, lever) {
		fmt.Fprintf(e.stderr, "offer script: no lever is named %q; use one of: %s, questions\n", lever, strings.Join(engine.LeverNames, ", "))
		return exitUsage
	}
	return tf.draft(e, "offer script", args[1:], func(w *lang.Workspace, to analysis.DraftFor) (*analysis.Draft, error) {
		return analysis.DraftScript(w, to, lever)
	}, func(d *analysis.Draft) { fmt.Fprint(e.stdout, d.Text) })
}
