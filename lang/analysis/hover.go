package analysis

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/report"
)

// This file defines hovers: on an offer or counter label the four years by
// component; on an attribute its documentation, unit, band range and
// percentile; on schedule the yearly vesting; on a block type its
// documentation.

// HoverAt returns the hover at pos, or nil when there is nothing to say.
func HoverAt(r *lang.Result, pos hcl.Pos) *Hover {
	p := placeAt(r, pos)
	if p == nil {
		return nil
	}
	switch {
	case p.onName && p.doc != nil:
		return &Hover{Markdown: docHover(p.doc), Range: p.top.LabelRange()}
	case p.attr != nil:
		return &Hover{Markdown: attrHover(p, r.Bands), Range: p.attr.Range}
	case p.onType || p.onName:
		return &Hover{Markdown: blockHover(p), Range: p.node.TypeRange}
	}
	return nil
}

func docHover(d *lang.Doc) string {
	var b strings.Builder
	a := d.Analysis
	cur := currency(d)
	// Text from the file is escaped: a company such as
	// "[x](javascript:...)" or an image must show as written.
	fmt.Fprintf(&b, "**%s %s**", d.Kind, report.MarkdownEscape(d.Name))
	if who := strings.TrimSpace(strings.Join([]string{a.Offer.Company, a.Offer.Level, a.Offer.Track, a.Offer.Location}, " ")); who != "" {
		b.WriteString(" · " + report.MarkdownEscape(who))
	}
	if v := d.Version.Label(); v != "" {
		if d.Kind == "counter" {
			fmt.Fprintf(&b, " · answers %s, %s", d.Offer.Name, v)
		} else {
			b.WriteString(" · " + v)
		}
	}
	if d.Kind == "offer" {
		if t := d.Offer.Version.Accepted; !t.IsZero() {
			b.WriteString(" · accepted " + t.Format("2006-01-02"))
		} else if t := d.Offer.Version.Declined; !t.IsZero() {
			b.WriteString(" · declined " + t.Format("2006-01-02"))
		}
	}
	b.WriteString("\n\n")
	if !d.Resolved {
		b.WriteString("The offer this counter answers is not in the workspace, so its figures are unknown.\n")
		return b.String()
	}
	b.WriteString(YearTable(a.Worth, cur))
	fmt.Fprintf(&b, "\n4-year total %s, average %s a year, %s an hour.\n", a.Worth.Total.Format(cur), a.Worth.Avg.Format(cur), a.Worth.Hourly.Format(cur))
	if a.Band != nil {
		var parts []string
		for _, pos := range a.Positions {
			parts = append(parts, strings.ReplaceAll(pos.Component, "_", " ")+" "+placementText(pos))
		}
		fmt.Fprintf(&b, "\nBand %s (%s): %s.\n", a.Band.Label(), a.Band.Owner(), strings.Join(parts, ", "))
	}
	if c, ok := CounterChange(d); ok {
		fmt.Fprintf(&b, "\nAgainst offer %s: %s over 4 years", d.Offer.Name, c.Delta.Signed(cur))
		if c.HasPct {
			fmt.Fprintf(&b, " (%s)", engine.SignedPercent(c.Percent))
		}
		b.WriteString(".\n")
	}
	return b.String()
}

// component maps an attribute path to the band component it is judged by.
func component(path string) string {
	switch {
	case path == "base":
		return "base"
	case path == "equity.value" || path == "equity.shares" || path == "equity.price" || path == "equity":
		return "equity"
	case strings.HasPrefix(path, "sign_on"):
		return "sign_on"
	}
	return ""
}

func attrHover(p *place, bands *engine.Bands) string {
	var b strings.Builder
	s := p.node.Schema.Attr(p.attr.Name)
	if s == nil {
		return "**" + p.attr.Name + "**"
	}
	b.WriteString(AttrDoc(s))
	d := p.doc
	if d == nil || !d.Resolved {
		return b.String()
	}
	a := d.Analysis
	cur := currency(d)
	if c := component(p.path); c != "" {
		if pos, ok := a.Position(c); ok {
			fmt.Fprintf(&b, "\nBand %s %s: %s to %s (p%d to p%d); this %s is %s at %s.\n",
				a.Band.Label(), strings.ReplaceAll(c, "_", " "), pos.Range.Lo.Format(cur), pos.Range.Hi.Format(cur),
				a.Band.Percentiles[0], a.Band.Percentiles[1], d.Kind, pos.Value.Format(cur), placementText(pos))
		}
	}
	switch p.path {
	case "level", "track", "location":
		if a.Band != nil {
			fmt.Fprintf(&b, "\nBand: %s (base %s to %s).\n", a.Band.Label(), a.Band.Base.Lo.Format(cur), a.Band.Base.Hi.Format(cur))
		} else if bands != nil {
			b.WriteString("\nNo band matches this level, track and location.\n")
		}
	case "equity.schedule":
		b.WriteString("\n" + vestingText(a, cur))
	case "offer":
		if d.OfferAnalysis != nil {
			fmt.Fprintf(&b, "\nOffer %s: 4-yr %s, avg %s.\n", d.Offer.Name, d.OfferAnalysis.Worth.Total.Format(cur), d.OfferAnalysis.Worth.Avg.Format(cur))
		}
	}
	return b.String()
}

// vestingText renders the yearly vesting of the analysed grant.
func vestingText(a engine.Analysis, cur string) string {
	g := a.Offer.Equity
	if g == nil {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Schedule %s, %s:\n\n| Year | Vests | Value |\n|---|--:|--:|\n", g.Schedule.Label(), cadenceText(g.Schedule.Cadence))
	for i, y := range a.Worth.Years {
		fmt.Fprintf(&b, "| %d | %s%% | %s |\n", i+1, g.Schedule.PercentInYear(i+1), y.Equity.Format(cur))
	}
	return b.String()
}

func cadenceText(c engine.Cadence) string {
	names := map[int]string{1: "yearly", 2: "twice a year", 4: "quarterly", 12: "monthly"}
	if len(c) == 0 {
		return "vesting yearly"
	}
	var parts []string
	for i, n := range c {
		name := names[n]
		if name == "" {
			name = fmt.Sprintf("%d times a year", n)
		}
		if len(c) == 1 {
			return "vesting " + name
		}
		parts = append(parts, fmt.Sprintf("year %d %s", i+1, name))
	}
	return "vesting " + strings.Join(parts, ", ")
}

func blockHover(p *place) string {
	n := p.node
	if n.Schema == nil {
		return "**" + n.Type + "**"
	}
	s := fmt.Sprintf("**%s** block\n\n%s\n", n.Type, n.Schema.Doc)
	if d := p.doc; d != nil && d.Resolved {
		cur := currency(d)
		switch p.path {
		case "equity":
			s += "\n" + vestingText(d.Analysis, cur)
		case "sign_on":
			var parts []string
			for _, y := range d.Analysis.Worth.Years {
				parts = append(parts, fmt.Sprintf("Y%d %s", y.Year, y.SignOn.Format(cur)))
			}
			s += "\nPaid: " + strings.Join(parts, sep) + ".\n"
		}
	}
	return s
}
