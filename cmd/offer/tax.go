package main

import (
	"fmt"
	"path/filepath"

	"github.com/offerkit/offerkit/lang/report"
)

func runTax(e *env) int {
	fs := newFlags(e, "offer tax", usageTax)
	paths, code, ok := parseFlags(fs, e)
	if !ok {
		return code
	}
	if len(paths) > 1 {
		fmt.Fprintln(e.stderr, "offer tax: give at most one directory")
		return exitUsage
	}
	p, _, ok := loadForCheck(e, paths, nil)
	if !ok {
		return exitUsage
	}
	reportRefused(e, p)
	dir := "."
	if len(paths) == 1 {
		dir = paths[0]
	}
	w := p.Workspace(filepath.Join(dir, "_"))
	rates, has := w.Rates()
	report.WriteTaxTables(e.stdout, w.Tax(), rates, has)
	return exitOK
}
