package engine

import "sort"

// This file lists every rule as one value that says everything about it:
// its code, default severity, the title a finding shows, what it means,
// what to do, an example, and the check that finds it. The rule table of
// docs/rules.md, the SARIF rule metadata and the editor's diagnostic codes
// are built from these values (lang/rules.go); nothing is worded twice.

// Rule is one check over an offer (Check) or over a counter's change
// (CheckCounter). A few codes are found by another rule's check (below-band
// and above-band come from one placement); their own Check is nil.
type Rule struct {
	Code     string
	Severity Severity // the usual severity of its findings
	Title    string   // a finding's one-line summary: "Compensation cliff"
	Summary  string   // what a finding means, for the rule table
	Help     string   // what to do about it
	Example  string   // what triggers it

	Check        func(a *Analysis, bs *Bands) []Flag
	CheckCounter func(ca *CounterAnalysis) []Flag
}

// flag returns a finding of the rule with its usual severity.
func (r *Rule) flag(field, msg string) Flag {
	return Flag{Code: r.Code, Severity: r.Severity, Field: field, Message: msg}
}

// The rules on any offer, in the order they run.
var offerRules = []*Rule{UnknownBandRule, BaseOverCapRule, CliffRule, BelowBandRule, BelowMedianRule, EquityInSharesRule}

// The rules on a counter's change, in the order they run.
var counterRules = []*Rule{ApprovalRule, OutsideRoomRule, TooManyLeversRule, QuickResponseRule, BelowWalkAwayRule}

// Rules returns every rule, sorted by code.
func Rules() []*Rule { return append([]*Rule(nil), sortedRules...) }

// RuleFor returns the rule of a code, or nil when no engine rule has it.
func RuleFor(code string) *Rule { return rulesByCode[code] }

var (
	sortedRules []*Rule
	rulesByCode = map[string]*Rule{}
)

var (
	UnknownBandRule = &Rule{Code: "no-band", Severity: Info, Title: "No band for this offer",
		Summary: "No market band of the offer's company (or naming no company) matches its level, track and location, so its figures are not placed in a market. It replaces unknown-band, which # offer:ignore comments may still name.",
		Help:    "Nothing is wrong with the offer. To place it, add a band block for its level, track and location with company set to its employer to a *.bands.hcl file in the directory (or fix a misspelt level, track or location).",
		Example: "level \"L6\", track \"SDE\", location \"Denver\""}
	BaseOverCapRule = &Rule{Code: "base-over-cap", Severity: Warning, Title: "Base over the level's cap",
		Summary: "The base salary is above the base cap reported for the level at that company. On an offer it is a fact the employer wrote: the warning says what it means for the rest of the negotiation. On a counter it is an ask the employer is unlikely to grant.",
		Help:    "On a counter, ask for base at the cap and move the excess into sign-on or equity; the quick fix does that. On an offer, expect any further increase to come as sign-on or equity.",
		Example: "L6 base = 235000 against the 220,000 cap"}
	CliffRule = &Rule{Code: "cliff", Severity: Warning, Title: "Compensation cliff",
		Summary: "A year's total is below the best year's before it by at least the cliff threshold (a compensation cliff). The threshold is 1% of that best earlier year's total unless the candidate block sets cliff_tolerance (another percent) or cliff_tolerance_amount (an amount); a dip of exactly the threshold is a cliff, a smaller one is not. A later year that stays at the level of the dip is the same cliff. Scripts, emails, reports, charts and comparisons name the same cliffs.",
		Help:    "Plan for the drop: ask for more equity or a later-year sign-on; the message says how much would level the years (the quick fix asks for that grant). To ignore small dips, raise cliff_tolerance or set cliff_tolerance_amount in the candidate block.",
		Example: "sign-on 150,000/120,000 and a 300,000 grant on 5/15/40/40: year 3 pays 45,000 less than year 1"}
	BelowBandRule = &Rule{Code: "below-band", Severity: Warning, Title: "Below the band",
		Summary: "A component is below its market band.",
		Help:    "There is room to ask for more on that component; the message gives the band.",
		Example: "a year-1 total of 200,000 in a 230,000-320,000 band"}
	AboveBandRule = &Rule{Code: "above-band", Severity: Info, Title: "Above the band",
		Summary: "A component is above its market band.",
		Help:    "Expect little room to raise that component further; negotiate other levers.",
		Example: "a 270,000 sign-on in a 100,000-200,000 band"} // found by BelowBandRule's placement
	BelowMedianRule = &Rule{Code: "below-median", Severity: Info, Title: "Below the band median",
		Summary: "The year-1 total is under the band's median.",
		Help:    "There is room to negotiate; the message gives the percentile and the median.",
		Example: "a year-1 total at p36"}
	EquityInSharesRule = &Rule{Code: "equity-in-shares", Severity: Hint, Title: "Grant stated in shares",
		Summary: "The grant is stated as a share count.",
		Help:    "Its value moves with the share price; compare offers by value, and ask for the grant in dollars where you can.",
		Example: "shares = 2150 and price = 186.05"}

	ApprovalRule = &Rule{Code: "approval", Severity: Info, Title: "Who approves the increase",
		Summary: "Who usually signs off the counter's increase of the 4-year total.",
		Help:    "Nothing to fix. Up to 10% is the recruiter's call, over 10% up to 20% the hiring manager's, over 20% up to 30% a director's, above 30% a VP's or the compensation committee's (bounds inclusive; change them in a policy block of a band file). Above the first tier, give the recruiter the market figures and reasons to carry the ask upward.",
		Example: "a counter adding 230,000 to a 1,405,000 four-year total (+16.4%)"}
	OutsideRoomRule = &Rule{Code: "outside-room", Severity: Warning, Title: "Ask beyond the usual room",
		Summary: "An ask raises base, sign-on or the grant value by more than the usual room.",
		Help:    "Ask for the figure at the top of the room (the message gives it) or less, and put the rest on another lever; the quick fix sets base or the grant value to the top of the room.",
		Example: "base 195,000 -> 230,000 (+17.9%, the usual room is 5-15%)"}
	TooManyLeversRule = &Rule{Code: "too-many-levers", Severity: Warning, Title: "Too many levers for the round",
		Summary: "A round asks on too many levers: more than 3 in round 1, more than 1 in a later round.",
		Help:    "Keep the levers that move the 4-year total most and ask the rest in a later round. Levers: base, sign_on, equity, start, level (with promotion), flexibility (with relocation), bonus (with bonus_target).",
		Example: "round = 1 restating base, sign_on, equity and start"}
	QuickResponseRule = &Rule{Code: "quick-response", Severity: Warning, Title: "Counter sent within 48 hours",
		Summary: "The counter is sent less than 48 hours after the offer arrived.",
		Help:    "Take at least 48 hours: date the counter two days after the offer or later. Files hold dates only, so a counter dated the day the offer arrived or the day after is flagged, as is one dated before it.",
		Example: "received = \"2025-03-10\" and sent = \"2025-03-11\""}
	WalkAwayCurrencyRule = &Rule{Code: "walk-away-currency", Severity: Info, Title: "Walk-away in another currency",
		Summary: "The candidate block's walk_away is in its currency (default USD) and an offer or counter is in another, and no *.rates.hcl rate converts between them, so below-walk-away cannot compare them. The walk-away is never reused as an amount of the offer's currency.",
		Help:    "Add a *.rates.hcl file whose rates block states both currencies (what one unit of each is worth in its base currency), or set the candidate block's currency to the offer's. With a rate, below-walk-away compares through it and says the rate and its date.",
		Example: "walk_away = 180000 (USD) beside an offer with currency = \"EUR\" and no rates file"}
	BelowWalkAwayRule = &Rule{Code: "below-walk-away", Severity: Warning, Title: "Below your walk-away",
		Summary: "An offer's or a counter's 4-year average is under your walk-away number. A walk-away in another currency than the offer's is compared only through a *.rates.hcl rate, which the message states with its date (otherwise walk-away-currency says it cannot compare).",
		Help:    "Counter to close the gap, or be ready to decline; on a counter, even granting every ask leaves you under the number you set.",
		Example: "a 4-year average of 351,250 against walk_away = 360000"}
)

// The checks are attached here: they refer to their rule's code and
// severity, so the values cannot name them in their own initializers.
func init() {
	sortedRules = append(append([]*Rule{AboveBandRule, WalkAwayCurrencyRule}, offerRules...), counterRules...)
	sort.Slice(sortedRules, func(i, j int) bool { return sortedRules[i].Code < sortedRules[j].Code })
	for _, r := range sortedRules {
		rulesByCode[r.Code] = r
	}
	UnknownBandRule.Check = ruleUnknownBand
	BaseOverCapRule.Check = ruleBaseOverCap
	CliffRule.Check = ruleCliff
	BelowBandRule.Check = ruleBandPlacement
	BelowMedianRule.Check = ruleBelowMedian
	EquityInSharesRule.Check = ruleEquityInShares
	ApprovalRule.CheckCounter = ruleApproval
	OutsideRoomRule.CheckCounter = ruleOutsideRoom
	TooManyLeversRule.CheckCounter = ruleTooManyLevers
	QuickResponseRule.CheckCounter = ruleQuickResponse
	BelowWalkAwayRule.CheckCounter = ruleCounterBelowWalkAway
}
