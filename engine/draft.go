package engine

// DraftCounter drafts a counter-proposal to an offer: it asks for each
// lever the offer's band states at the candidate's target percentile of
// that band, and leaves a lever the offer already meets as offered.
//
//   - Base: the target, but never above the level's cap (cap may be nil).
//   - Sign-on: the band ranges the sign-on over all years, so the shortfall
//     is added to year 1 and the later years stay as offered.
//   - Equity: the band ranges the part of the grant that vests within four
//     years, and the ask is that figure as the grant's value.
//
// Each figure aimed at is rounded up to a whole thousand (people ask for
// $228,000, not $228,461.54), but never past the band's top (the counter
// would draw the above-band flag of its own making), then held under the
// cap.
//
// Without a band there is nothing to aim at: the counter asks for nothing.
func DraftCounter(o Offer, band *Band, cap *Cap, target int) Counter {
	c := Counter{Offer: o.Name}
	if band == nil {
		return c
	}
	at := func(r Range) Money {
		v := ValueAt(target, r, band.Percentiles)
		if up := roundAskUp(v); up <= r.Hi || v > r.Hi {
			return up
		}
		return r.Hi // rounding would carry the ask past the band's top
	}
	if band.Base.Set() {
		t := at(band.Base)
		if cap != nil && t > cap.Base {
			t = cap.Base
		}
		if t > o.Base {
			c.Base = &t
		}
	}
	if band.SignOn.Set() {
		if t, total := at(band.SignOn), o.SignOn.Total(); t > total {
			s := o.SignOn
			s[0] += t - total
			c.SignOn = &s
		}
	}
	if band.Equity.Set() {
		if t := at(band.Equity); t > FourYearGrant(o.Equity) {
			c.Equity = &GrantChange{Value: &t}
		}
	}
	return c
}

// askStep is what a drafted ask is rounded up to: a whole thousand of the
// offer's currency.
const askStep = Money(1000 * 100)

// roundAskUp rounds a positive amount up to a whole thousand.
func roundAskUp(m Money) Money {
	if m <= 0 || m%askStep == 0 {
		return m
	}
	return (m/askStep + 1) * askStep
}
