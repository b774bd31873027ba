package engine

import "fmt"

// ruleApproval says who has to sign off the counter's increase of the
// four-year total: the larger the increase, the higher it goes.
func ruleApproval(ca *CounterAnalysis) []Flag {
	d := ca.Delta
	pct, ok := d.Percent()
	if !ok || d.Total <= 0 || ca.ApprovalIndex < 0 {
		return nil
	}
	cur := ca.Offer.Currency
	msg := fmt.Sprintf("The counter adds %s over four years (+%s%% on %s). An increase %s is usually signed off by the %s.",
		d.Total.Format(cur), RoundDec(pct, 1), d.Offer.Total.Format(cur), ca.Policy.TierSpan(ca.ApprovalIndex), ca.Approval.Who)
	if ca.ApprovalIndex > 0 {
		msg += " Give the recruiter the market figures and reasons they need to carry the ask upward."
	}
	return []Flag{{Code: "approval", Severity: Info, Field: "", Message: msg}}
}
