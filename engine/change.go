package engine

// This file holds the one way offerkit states a change of money: its sign,
// its percent (rounded to one decimal, once) and its currency. Counters,
// revisions, diffs, history, hovers, lenses and reports all use it, so a
// zero change reads the same everywhere ("$0", "0%") and amounts in
// different currencies are never subtracted.

// Signed renders an amount as a change: "+$5,000", "-$5,000", and "$0"
// for no change.
func (m Money) Signed(currency string) string {
	if m > 0 {
		return "+" + m.Format(currency)
	}
	return m.Format(currency)
}

// ChangePercent returns delta as a percentage of of, rounded to one
// decimal; ok is false when of is zero.
func ChangePercent(delta, of Money) (Dec, bool) {
	p, ok := PercentOf(delta, of)
	if !ok {
		return Dec{}, false
	}
	return RoundDec(p, 1), true
}

// ChangeText renders a change with its percent of the amount before:
// "+$230,000 (+16.4%)", "$0 (0%)"; without the percent when the amount
// before was zero.
func ChangeText(delta, of Money, currency string) string {
	s := delta.Signed(currency)
	if p, ok := ChangePercent(delta, of); ok {
		s += " (" + SignedPercent(p) + ")"
	}
	return s
}

// Amounts is an amount before and after a change, each in its currency.
type Amounts struct {
	Before, After                 Money
	BeforeCurrency, AfterCurrency string // ISO codes; "" means USD
}

// Comparable reports whether the two amounts are in one currency, so that
// one can be subtracted from the other.
func (a Amounts) Comparable() bool { return ISOCode(a.BeforeCurrency) == ISOCode(a.AfterCurrency) }

// Delta returns After - Before; ok is false across currencies.
func (a Amounts) Delta() (Money, bool) {
	if !a.Comparable() {
		return 0, false
	}
	return a.After - a.Before, true
}

// Percent returns the change in percent of Before, exactly (round it with
// ChangePercent's rounding for people); ok is false across currencies or
// when Before is zero.
func (a Amounts) Percent() (Dec, bool) {
	d, ok := a.Delta()
	if !ok {
		return Dec{}, false
	}
	return PercentOf(d, a.Before)
}

// Text renders the change: "+$15,000 (+7.7%)" in one currency, and both
// amounts with no subtraction across currencies: "$400,000 -> €360,000
// (different currencies: not subtracted)".
func (a Amounts) Text() string {
	if d, ok := a.Delta(); ok {
		return ChangeText(d, a.Before, a.AfterCurrency)
	}
	return a.Before.Format(ISOCode(a.BeforeCurrency)) + " -> " + a.After.Format(ISOCode(a.AfterCurrency)) + " (different currencies: not subtracted)"
}
