package engine

import "fmt"

// ruleCounterBelowWalkAway flags a counter whose four-year average is under
// the candidate's walk-away: even granted in full, it is less than the
// candidate said they would accept.
func ruleCounterBelowWalkAway(ca *CounterAnalysis) []Flag {
	return walkAway(ca.Delta.After, ca.Candidate, ca.Offer.Currency,
		"The counter's 4-year average of %s is %s under your walk-away of %s: even if every ask is granted, it pays less than you would accept. Ask for more, or be ready to decline.")
}

// OfferBelowWalkAway flags an offer whose four-year average is under the
// candidate's walk-away.
func OfferBelowWalkAway(a Analysis, cand Candidate) []Flag {
	return walkAway(a.Worth, cand, a.Offer.Currency,
		"The offer's 4-year average of %s is %s under your walk-away of %s. Counter to close the gap, or be ready to decline.")
}

func walkAway(w Worth, cand Candidate, cur, format string) []Flag {
	if cand.WalkAway <= 0 || w.Avg >= cand.WalkAway {
		return nil
	}
	return []Flag{{Code: BelowWalkAwayRule.Code, Severity: BelowWalkAwayRule.Severity, Field: "",
		Message: fmt.Sprintf(format, w.Avg.Format(cur), (cand.WalkAway - w.Avg).Format(cur), cand.WalkAway.Format(cur))}}
}
