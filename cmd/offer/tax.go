package main

import (
	"github.com/offerkit/offerkit/lang/report"
)

func runTax(e *env) int {
	fs := newFlags(e, "offer tax", usageTax)
	paths, code, ok := parseFlags(fs, e)
	if !ok {
		return code
	}
	w, code := dirWorkspace(e, "offer tax", paths, nil)
	if code != exitOK {
		return code
	}
	rates, has := w.Rates()
	report.WriteTaxTables(e.stdout, w.Tax(), rates, has)
	return exitOK
}
