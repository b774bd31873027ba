package main

import (
	"fmt"
	"sort"
	"text/tabwriter"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/report"
)

func runBands(e *env, w *lang.Workspace) int {
	writeBands(e, w.Bands())
	return exitOK
}

func writeBands(e *env, bs *engine.Bands) {
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "Bands (company, the offers they judge; percentiles; base, equity over 4 years, sign-on, year-1 total)\n")
	for _, b := range bs.Bands {
		company := b.Company
		if company == "" {
			company = "any company"
		}
		if b.Equivalent != "" {
			company += " (~ " + b.Equivalent + ")"
		}
		fmt.Fprintf(w, "  %s\t%s\t%s\tp%d-p%d\tbase %s\tequity %s\tsign-on %s\tyear 1 %s\t%s\n",
			company, b.Level+" "+b.Track, b.Location, b.Percentiles[0], b.Percentiles[1],
			rangeText(b.Base), rangeText(b.Equity), rangeText(b.SignOn), rangeText(b.Year1Total), b.Source)
	}
	w.Flush()
	fmt.Fprintf(e.stdout, "\nCaps (yearly base)\n")
	var levels []string
	for k := range bs.Caps {
		levels = append(levels, k)
	}
	sort.Strings(levels)
	for _, k := range levels {
		c := bs.Caps[k]
		company := c.Company
		if company == "" {
			company = "any company"
		}
		fmt.Fprintf(w, "  %s\t%s\t%s\t%s\n", company, c.Level, c.Base, c.Source)
	}
	w.Flush()
	fmt.Fprintf(e.stdout, "\nSchedules (percent vesting per year; vest events per year)\n")
	for _, name := range lang.ScheduleNames(bs) {
		s := bs.Schedules[name]
		fmt.Fprintf(w, "  %s\t%s\t%s\t%s\n", name, s.PercentText(), cadenceText(s.Cadence), s.Source)
	}
	w.Flush()
	report.WritePolicy(e.stdout, bs)
	if bs.Source.Name != "" {
		fmt.Fprintf(e.stdout, "\nSource: %s (as of %s)\n", bs.Source.Name, bs.Source.AsOf)
	}
}

func rangeText(r engine.Range) string {
	if !r.Set() {
		return "-"
	}
	return r.Lo.String() + "-" + r.Hi.String()
}

func cadenceText(c engine.Cadence) string {
	if len(c) == 0 {
		return "yearly"
	}
	s := ""
	for i, n := range c {
		if i > 0 {
			s += "/"
		}
		s += fmt.Sprint(n)
	}
	return s
}
