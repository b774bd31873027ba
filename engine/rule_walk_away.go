package engine

import "fmt"

// ruleCounterBelowWalkAway flags a counter whose four-year average is under
// the candidate's walk-away: even granted in full, it is less than the
// candidate said they would accept.
func ruleCounterBelowWalkAway(ca *CounterAnalysis) []Flag {
	return walkAway(ca.Delta.After, ca.Candidate, ca.Offer.Currency, "counter",
		"The counter's 4-year average of %s is %s under your walk-away of %s: even if every ask is granted, it pays less than you would accept. Ask for more, or be ready to decline.")
}

// OfferBelowWalkAway flags an offer whose four-year average is under the
// candidate's walk-away. The candidate's amounts must be in the offer's
// currency (Candidate.In); when they are not, it says it cannot compare.
func OfferBelowWalkAway(a Analysis, cand Candidate) []Flag {
	return walkAway(a.Worth, cand, a.Offer.Currency, "offer",
		"The offer's 4-year average of %s is %s under your walk-away of %s. Counter to close the gap, or be ready to decline.")
}

func walkAway(w Worth, cand Candidate, cur, what, format string) []Flag {
	if cand.WalkAway <= 0 {
		return nil
	}
	if !cand.SameCurrency(cur) {
		own := ISOCode(cand.Currency)
		return []Flag{WalkAwayCurrencyRule.flag("", fmt.Sprintf(
			"Your walk-away of %s is in %s and this %s is in %s, so they are not compared. To compare them, add a *.rates.hcl file stating %s (what one unit of it is worth in the base currency) and %s, or set the candidate block's currency.",
			cand.WalkAway.Format(own), own, what, ISOCode(cur), ISOCode(cur), own))}
	}
	if w.Avg >= cand.WalkAway {
		return nil
	}
	msg := fmt.Sprintf(format, w.Avg.Format(cur), (cand.WalkAway - w.Avg).Format(cur), cand.WalkAway.Format(cur))
	if cand.Converted != nil {
		msg += fmt.Sprintf(" (Your walk-away is %s, %s.)", cand.Converted.WalkAway.Format(cand.Converted.From), cand.Converted.Note())
	}
	return []Flag{BelowWalkAwayRule.flag("", msg)}
}
