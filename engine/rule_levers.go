package engine

import (
	"fmt"
	"strings"
)

// MaxLevers is how many levers a round should ask on: two to three in the
// first round, one in each later round.
func MaxLevers(round int) int {
	if round <= 1 {
		return 3
	}
	return 1
}

// ruleTooManyLevers flags a round that asks on more levers than it should.
func ruleTooManyLevers(ca *CounterAnalysis) []Flag {
	levers := ca.Counter.Levers()
	round := ca.Counter.Round
	if round < 1 {
		round = 1
	}
	max := MaxLevers(round)
	if len(levers) <= max {
		return nil
	}
	var names []string
	for _, l := range levers {
		names = append(names, strings.ToLower(LeverTitles[l]))
	}
	msg := fmt.Sprintf("Round %d asks on %d levers (%s). ", round, len(levers), JoinAnd(names))
	if round == 1 {
		msg += "Keep a first round to 2-3 levers, the ones that move the four-year total most, and keep the rest for a later round."
	} else {
		msg += "A later round carries one ask: keep the lever with the most impact left and drop the others."
	}
	return []Flag{{Code: TooManyLeversRule.Code, Severity: TooManyLeversRule.Severity, Field: "round", Message: msg}}
}
