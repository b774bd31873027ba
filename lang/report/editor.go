package report

import (
	"fmt"
	"strings"

	"github.com/offerkit/offerkit/engine"
)

// This file holds the protocol-free pieces of the editor features built on
// a comparison: the rank line of an offer's hover and the title of the
// "Compare" code lens. The lsp package converts them; the lens's command
// returns Comparison.Markdown.

// Find returns the index of the document of the given kind ("offer" or
// "counter") and name, or -1.
func (c *Comparison) Find(kind, name string) int {
	for i, d := range c.Documents {
		if d.Kind == kind && d.Name == name {
			return i
		}
	}
	return -1
}

// RankHover returns Markdown saying where a document ranks among the
// compared ones: "Ranks **2nd of 3** offers in this workspace over four
// years ($1,405,000); by year 2nd, 2nd, 1st, 1st. Pays most over four
// years: northwind\_staff ($1,565,000)." It returns "" when the document is
// not compared, is alone, or the currencies differ.
func (c *Comparison) RankHover(kind, name string) string {
	i := c.Find(kind, name)
	if i < 0 || len(c.Documents) < 2 || c.Mixed {
		return ""
	}
	o := c.Offers[i]
	var years []string
	for _, r := range o.YearRank {
		years = append(years, engine.Ordinal(r))
	}
	s := fmt.Sprintf("Ranks **%s of %d** offers in this workspace over four years (%s); by year %s.",
		engine.Ordinal(o.TotalRank), len(c.Documents), c.money(o.Analysis.Worth.Total), strings.Join(years, ", "))
	if o.TotalRank != 1 {
		var best []string
		for _, j := range c.TotalWinners() {
			best = append(best, fmt.Sprintf("%s (%s)", MarkdownEscape(c.Documents[j].Label), c.money(c.Offers[j].Analysis.Worth.Total)))
		}
		s += " Pays most over four years: " + strings.Join(best, ", ") + "."
	}
	return s
}

// LensTitle returns the title of the code lens that compares a document
// with the others of its workspace: "Compare with 2 other offers"; "" when
// there is nothing to compare with.
func LensTitle(others int) string {
	switch {
	case others < 1:
		return ""
	case others == 1:
		return "Compare with 1 other offer"
	}
	return fmt.Sprintf("Compare with %d other offers", others)
}
