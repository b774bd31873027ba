package engine

// This file defines the analysis of a counter-proposal against the offer
// it answers: its change (counter_delta.go), the approval tier of that
// change, and the counter rules (rule_approval.go, rule_room.go,
// rule_levers.go, rule_quick_response.go, rule_walk_away.go). The rules an
// offer gets (Analyze) run on the countered offer too; these come on top.

// CounterAnalysis is everything offerkit knows about a counter as a move in
// a negotiation.
type CounterAnalysis struct {
	Offer     Offer // the offer answered, schedule resolved
	Counter   Counter
	Candidate Candidate
	Policy    Policy
	Delta     CounterDelta
	// Approval is the tier that signs off the four-year change, with its
	// index in Policy.Approval (-1 when the policy has no tiers).
	Approval      Tier
	ApprovalIndex int
	Flags         []Flag
}

// AnalyzeCounter computes counter c's change against offer o and runs the
// counter rules. The rules that judge any offer (Analyze) are not run here;
// run them on c.Apply(o).
func AnalyzeCounter(o Offer, c Counter, cand Candidate, bs *Bands) CounterAnalysis {
	after := c.Apply(o)
	return AnalyzeCounterWorth(o, c, Evaluate(o), Evaluate(after), cand, bs)
}

// AnalyzeCounterWorth is AnalyzeCounter for a caller that has already
// evaluated the offer (before) and the countered offer (after).
func AnalyzeCounterWorth(o Offer, c Counter, before, after Worth, cand Candidate, bs *Bands) CounterAnalysis {
	var ca CounterAnalysis
	AnalyzeCounterWorthInto(&ca, o, c, before, after, cand, bs)
	return ca
}

// AnalyzeCounterWorthInto is AnalyzeCounterWorth writing into ca, for a
// caller that keeps the analysis in memory of its own (see AnalyzeInto).
func AnalyzeCounterWorthInto(ca *CounterAnalysis, o Offer, c Counter, before, after Worth, cand Candidate, bs *Bands) {
	if bs == nil {
		bs = NewBands()
	}
	*ca = CounterAnalysis{Offer: o, Counter: c, Candidate: cand, Policy: bs.Policy, Delta: deltaOf(o, c.Apply(o), c, before, after)}
	pct, _ := ca.Delta.Percent()
	ca.Approval, ca.ApprovalIndex = bs.Policy.ApprovalFor(pct)
	for _, r := range counterRules {
		ca.Flags = append(ca.Flags, r.CheckCounter(ca)...)
	}
}

// ApprovalText says who signs off the change: "hiring manager (over 10% up
// to 20%)".
func (ca *CounterAnalysis) ApprovalText() string {
	if ca.ApprovalIndex < 0 {
		return ""
	}
	return ca.Approval.Who + " (" + ca.Policy.TierSpan(ca.ApprovalIndex) + ")"
}
