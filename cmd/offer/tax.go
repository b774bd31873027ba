package main

import (
	"flag"
	"fmt"
	"path/filepath"

	"github.com/offerkit/offerkit/lang/report"
)

func runTax(e *env) int {
	fs := flag.NewFlagSet("offer tax", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: offer tax [DIR]\n\nLists the tax tables active for the negotiation in DIR (default: the current\ndirectory): the built-in ones and its *.tax.hcl files, each figure's year and\nsource, the locations each region covers, and the exchange rates of its\n*.rates.hcl files. See docs/format.md#after-tax.")
		fs.PrintDefaults()
	}
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
