package engine

import "fmt"

// This file puts the candidate's amounts (a walk-away, unvested equity, a
// cliff threshold), which are in the candidate's own currency, beside an
// offer in another currency: through a rate the user's files state, or not
// at all. An amount is never reused as a figure of another currency.

// Converted says how a candidate's amounts were put in an offer's
// currency: from what, at which rate (To per unit of From) and whose.
type Converted struct {
	From, To     string
	Rate         Dec
	AsOf, Source string
	// The amounts as the candidate block states them, in From.
	WalkAway, UnvestedEquity Money
}

// Note states the conversion for a message: "converted from USD at
// 0.862069 EUR per USD, rates as of 2026-11-02".
func (c *Converted) Note() string {
	return "converted from " + c.From + " " + RateNote(c.Rate, c.From, c.To, c.AsOf)
}

// RateNote states a rate for a converted figure, the one wording every
// text uses: "at 0.862069 EUR per USD, rates as of 2026-11-02" (the rate
// to six decimals).
func RateNote(rate Dec, from, to, asOf string) string {
	return fmt.Sprintf("at %s %s per %s, rates as of %s", RoundDec(rate, 6), to, from, asOf)
}

// SameCurrency reports whether the candidate's amounts are in currency cur
// (as stated, or after In converted them).
func (c Candidate) SameCurrency(cur string) bool { return ISOCode(c.Currency) == ISOCode(cur) }

// In returns the candidate with its amounts in currency cur: unchanged
// when they already are; converted at the stated rate, each amount rounded
// to the cent once, when rates hold one (Converted says so); unchanged
// otherwise, and then SameCurrency(cur) is false and nothing may compare
// them with the offer's figures.
func (c Candidate) In(cur string, rates *Rates) Candidate {
	from, to := ISOCode(c.Currency), ISOCode(cur)
	if from == to || rates == nil {
		return c
	}
	rate, ok := rates.Rate(from, to)
	if !ok {
		return c
	}
	out := c
	out.WalkAway, out.UnvestedEquity = c.WalkAway.Times(rate), c.UnvestedEquity.Times(rate)
	if c.CliffTolerance.AmountSet {
		out.CliffTolerance.Amount = c.CliffTolerance.Amount.Times(rate)
	}
	out.Currency = to
	out.Converted = &Converted{From: from, To: to, Rate: rate, AsOf: rates.AsOf, Source: rates.Source,
		WalkAway: c.WalkAway, UnvestedEquity: c.UnvestedEquity}
	return out
}

// CliffToleranceFor is the cliff threshold for an offer in currency cur:
// the candidate's, except that an amount in another currency that no rate
// converts gives way to the default 1% (a threshold is never reused as an
// amount of another currency).
func (c Candidate) CliffToleranceFor(cur string) CliffTolerance {
	if c.CliffTolerance.AmountSet && !c.SameCurrency(cur) {
		return CliffTolerance{}
	}
	return c.CliffTolerance
}
