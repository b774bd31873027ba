package main

import (
	"encoding/json"
	"fmt"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
)

func runLint(e *env, paths []string) int {
	p, results, code := loadChecked(e, paths)
	if code != exitOK {
		return code
	}
	diags := allDiagnostics(p, results)
	switch e.format {
	case "json":
		writeJSON(e, lintJSON(diags))
	case "sarif":
		writeJSON(e, lintSARIF(diags, sourceOf(p)))
	case "github":
		writeGitHub(e.stdout, diags)
	default:
		lang.WriteText(e.stdout, diags, sourceOf(p))
		if len(diags) > 0 {
			fmt.Fprintf(e.stdout, "%s\n", summaryLine(diags))
		}
	}
	if diags.HasErrors() {
		return exitFindings
	}
	if n := diags.Count(engine.Warning); e.maxWarnings >= 0 && n > e.maxWarnings {
		fmt.Fprintf(e.stderr, "offer lint: %d warning(s), more than --max-warnings %d\n", n, e.maxWarnings)
		return exitFindings
	}
	return exitOK
}

func summaryLine(ds lang.Diagnostics) string {
	return fmt.Sprintf("%d error(s), %d warning(s), %d info, %d hint(s)",
		ds.Count(engine.Error), ds.Count(engine.Warning), ds.Count(engine.Info), ds.Count(engine.Hint))
}

type jsonPos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type jsonRange struct {
	Start jsonPos `json:"start"`
	End   jsonPos `json:"end"`
}

type jsonDiag struct {
	File     string    `json:"file"`
	Range    jsonRange `json:"range"`
	Severity string    `json:"severity"`
	Code     string    `json:"code"`
	Message  string    `json:"message"`
}

type jsonLint struct {
	Diagnostics []jsonDiag `json:"diagnostics"`
	Errors      int        `json:"errors"`
	Warnings    int        `json:"warnings"`
}

func lintJSON(ds lang.Diagnostics) jsonLint {
	out := jsonLint{Diagnostics: []jsonDiag{}, Errors: ds.Count(engine.Error), Warnings: ds.Count(engine.Warning)}
	for _, d := range ds {
		s := d.Subject
		out.Diagnostics = append(out.Diagnostics, jsonDiag{
			File:     s.Filename,
			Range:    jsonRange{jsonPos{s.Start.Line, s.Start.Column}, jsonPos{s.End.Line, s.End.Column}},
			Severity: d.Severity.String(), Code: d.Code, Message: d.Message(),
		})
	}
	return out
}

func writeJSON(e *env, v any) {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}
