package engine

// This file finds amounts past the engine's range (MaxAmount) in a worth,
// and the offer's figure that took them there, so that lang reports
// amount-too-large at that attribute and never shows a figure that is not
// the exact result.

// OutOfRange reports whether any figure of w lies past ±MaxAmount: a
// component an operation could not compute (OverRange), or a total of
// exact components that the range cannot hold (a year's, or the four
// years' sum of any line, as reports show them).
func (w Worth) OutOfRange() bool {
	if !w.Total.InRange() || !w.Avg.InRange() || !w.Hourly.InRange() {
		return true
	}
	var sums [11]Money // the four-year line of each figure, as reports show it
	for _, y := range w.Years {
		for i, m := range [...]Money{y.Base, y.SignOn, y.Equity, y.Other, y.Total, y.Refresh, y.Retirement, y.ESPP, y.Benefits, y.Guaranteed, y.Assumed} {
			if !m.InRange() {
				return true
			}
			sums[i] += m // four figures in range: no overflow
		}
	}
	for _, m := range sums {
		if !m.InRange() {
			return true
		}
	}
	return false
}

// RangeField names the field of o whose value took a figure of w, o's
// worth, past the range, as lang names fields ("equity.price",
// "bonus_target"): the first component out of range, in the order the
// years are computed, or, when only a total is (each figure is in range
// but their sum is not), the field behind its largest part (sumField); ok
// is false when w is in range.
func (w Worth) RangeField(o Offer) (field string, ok bool) {
	if !w.OutOfRange() {
		return "", false
	}
	for _, y := range w.Years {
		switch {
		case !y.Equity.InRange():
			return grantField(o.Equity), true
		case !y.Other.InRange():
			return "bonus_target", true
		case !y.Refresh.InRange():
			return "equity.refresh.value", true
		case !y.Retirement.InRange():
			return "retirement.match", true
		case !y.ESPP.InRange():
			return "espp.contribution", true
		}
	}
	return sumField(w, o), true
}

// sumField names, when each figure is in range but a total is not, the
// field behind the largest part of the four years: the figure to check.
func sumField(w Worth, o Offer) string {
	var parts [8]Money // base, sign-on, equity, other, refresh, retirement, ESPP, benefits
	for _, y := range w.Years {
		for i, m := range [...]Money{y.Base, y.SignOn, y.Equity, y.Other, y.Refresh, y.Retirement, y.ESPP, y.Benefits} {
			parts[i] += m // each at most MaxAmount: no overflow
		}
	}
	best := 0
	for i := range parts {
		if parts[i] > parts[best] {
			best = i
		}
	}
	other := "relocation"
	if o.BonusTarget.Sign() != 0 {
		other = "bonus_target"
	}
	return [...]string{"base", "sign_on", grantField(o.Equity), other, "equity.refresh.value", "retirement.match", "espp.contribution", "benefit"}[best]
}

// grantField is the field of a grant whose vest is out of range: its
// growth when the grant without growth vests in range every year, else
// the price of a grant in shares, or its value.
func grantField(g *Grant) string {
	if g == nil {
		return ""
	}
	if g.Growth.Sign() != 0 {
		flat := *g
		flat.Growth = Dec{}
		inRange := flat.GrantValue().Cmp(MaxAmount.Rat()) <= 0
		for y := 1; y <= Years && inRange; y++ {
			inRange = flat.Vested(y, Dec{}).InRange()
		}
		if inRange {
			return "equity.growth"
		}
	}
	if g.InShares() {
		return "equity.price"
	}
	return "equity.value"
}
