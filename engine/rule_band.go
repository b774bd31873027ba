package engine

import "fmt"

var componentNames = map[string]string{
	"base":        "Base",
	"equity":      "The equity grant",
	"sign_on":     "The sign-on bonus",
	"year1_total": "The year-1 total",
}

// ruleUnknownBand flags an offer whose level, track and location match no
// band, naming the nearest ones.
func ruleUnknownBand(a *Analysis, bs *Bands) []Flag {
	o := a.Offer
	if a.Band != nil || o.Level == "" {
		return nil
	}
	who := "that names no company"
	if o.Company != "" {
		who = "for " + o.Company + " (or naming no company)"
	}
	msg := fmt.Sprintf("No band %s covers %s %s %s, so the offer is not placed in a market.", who, o.Level, o.Track, o.Location)
	if near := nearestOf(bs, o); len(near) > 0 {
		msg += " Nearest bands that could judge it:"
		for i, b := range near {
			if i > 0 {
				msg += ","
			}
			msg += " " + b.Label()
		}
		msg += "."
	}
	company := ""
	if o.Company != "" {
		company = fmt.Sprintf(" with company = %q", o.Company)
	}
	msg += fmt.Sprintf(" To place it, add band %q %q %q%s to a *.bands.hcl file in this directory.", o.Level, o.Track, o.Location, company)
	return []Flag{{Code: UnknownBandRule.Code, Severity: UnknownBandRule.Severity, Field: "location", Message: msg}}
}

// ruleBandPlacement flags each component that sits outside its band.
// Its message is built in one buffer, not with fmt, for the reason and
// figure Money.appendFormat gives (BenchmarkLintCorpus1000Load: 442,000
// allocations per 1,000 files against 662,000 with fmt).
func ruleBandPlacement(a *Analysis, _ *Bands) []Flag {
	n := 0
	for _, p := range a.Positions {
		if p.Placement == BelowBand || p.Placement == AboveBand {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Flag, 0, n)
	cur := a.Offer.Currency
	var buf [320]byte
	for _, p := range a.Positions {
		if p.Placement != BelowBand && p.Placement != AboveBand {
			continue
		}
		field := p.Component
		if field == "year1_total" {
			field = ""
		}
		// "%s of %s is %s below the %s band (%s to %s): there is room to ask for more."
		// "%s of %s is %s above the %s band (%s to %s): expect little room to move it further."
		b := append(buf[:0], componentNames[p.Component]...)
		b = append(b, " of "...)
		b = p.Value.appendFormat(b, cur)
		b = append(b, " is "...)
		if p.Placement == BelowBand {
			b = (p.Range.Lo - p.Value).appendFormat(b, cur)
			b = append(b, " below the "...)
		} else {
			b = (p.Value - p.Range.Hi).appendFormat(b, cur)
			b = append(b, " above the "...)
		}
		b = append(b, a.Band.Level...)
		b = append(b, ' ')
		b = append(b, a.Band.Track...)
		b = append(b, ' ')
		b = append(b, a.Band.Location...)
		b = append(b, " band ("...)
		b = p.Range.Lo.appendFormat(b, cur)
		b = append(b, " to "...)
		b = p.Range.Hi.appendFormat(b, cur)
		if p.Placement == BelowBand {
			b = append(b, "): there is room to ask for more."...)
			out = append(out, Flag{Code: BelowBandRule.Code, Severity: BelowBandRule.Severity, Field: field, Message: string(b)})
		} else {
			b = append(b, "): expect little room to move it further."...)
			out = append(out, Flag{Code: AboveBandRule.Code, Severity: AboveBandRule.Severity, Field: field, Message: string(b)})
		}
	}
	return out
}

// ruleBelowMedian flags a first-year total under the band's median.
func ruleBelowMedian(a *Analysis, _ *Bands) []Flag {
	if !a.HasPercentile || a.Percentile >= 50 {
		return nil
	}
	p, _ := a.Position("year1_total")
	median := ValueAt(50, p.Range, a.Band.Percentiles)
	cur := a.Offer.Currency
	return []Flag{{Code: BelowMedianRule.Code, Severity: BelowMedianRule.Severity, Field: "",
		Message: fmt.Sprintf("The year-1 total of %s is at the %s percentile of the %s band, %s under its median of %s: there is room to negotiate.",
			p.Value.Format(cur), Ordinal(a.Percentile), a.Band.Label(), (median - p.Value).Format(cur), median.Format(cur))}}
}

// Ordinal renders 1 as "1st", 22 as "22nd", 61 as "61st".
func Ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

// nearestOf returns the bands nearest an offer's labels among those that
// could judge it: its company's and those that name no company.
func nearestOf(bs *Bands, o Offer) []*Band {
	var out []*Band
	for _, b := range bs.Nearest(o.Level, o.Track, o.Location, 20) {
		if b.Company == "" || SameCompany(b.Company, o.Company) {
			out = append(out, b)
		}
		if len(out) == 3 {
			break
		}
	}
	return out
}
