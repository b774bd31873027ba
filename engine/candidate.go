package engine

// Candidate holds what the negotiator knows about their own position.
type Candidate struct {
	WalkAway         Money // lowest acceptable 4-year average; 0 when not set
	UnvestedEquity   Money // left behind at the current employer
	TargetPercentile int   // where in the band to aim
	// CliffTolerance is how far a year must fall below the best earlier
	// year to count as a cliff (the zero value: 1% of that year).
	CliffTolerance CliffTolerance
	// Currency is the ISO code of the candidate's amounts (WalkAway,
	// UnvestedEquity, CliffTolerance.Amount); "" means USD. Converted is
	// set when In converted them from the candidate's own currency.
	Currency  string
	Converted *Converted

	// Strengths are what the candidate brings (value propositions), as the
	// scripts say them; Alternative is what they would do without a deal.
	Strengths   []string
	Alternative string
}

// DefaultTargetPercentile is the target when the candidate block says none.
const DefaultTargetPercentile = 75
