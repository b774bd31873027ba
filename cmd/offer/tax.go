package main

import (
	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/report"
)

func runTax(e *env, w *lang.Workspace) int {
	rates, has := w.Rates()
	report.WriteTaxTables(e.stdout, w.Tax(), rates, has)
	return exitOK
}
