package lang

import "github.com/offerkit/offerkit/engine"

// This file holds what Workspace.Check adds for counters: the candidate
// facts the counter rules use, and where their flags go.

// candidate returns the workspace's candidate facts (the first candidate
// block), or the defaults.
func (c *checker) candidate() engine.Candidate {
	if len(c.ix.cands) > 0 {
		return c.ix.cands[0].Candidate
	}
	return engine.Candidate{TargetPercentile: engine.DefaultTargetPercentile}
}

// candidateFor is the candidate beside an offer in currency cur: its
// amounts converted at the workspace's rates when it states one
// (engine.Candidate.In), else as written in its own currency.
func (c *checker) candidateFor(cur string) engine.Candidate {
	return c.candidate().In(cur, c.ix.rates)
}

// counterFlags places counter flags that name an attribute the counter
// does not state (round 1 is the default when round is left out) on the
// counter's label.
func counterFlags(ct *CounterDoc, flags []engine.Flag) []engine.Flag {
	out := make([]engine.Flag, len(flags))
	for i, f := range flags {
		if (f.Field == "round" || f.Field == "sent") && ct.Attr(f.Field) == nil {
			f.Field = ""
		}
		out[i] = f
	}
	return out
}
