package engine

import (
	"math/big"
	"time"
)

// This file holds the one model of a change between two versions of an
// offer: which levers differ, by how much, and what that does to each year
// and to the four-year total. "offer diff" and "offer history" compare two
// drafts of one offer (Compare); a counter against its offer is the same
// Change, with the levers the counter restates (DeltaOf, counter_delta.go).
// Amounts carry their currencies and are never subtracted across them
// (Amounts.Delta, change.go).

// LeverKind says what kind of value a lever holds.
type LeverKind int

const (
	LeverMoney  LeverKind = iota + 1 // Before/After are amounts
	LeverNumber                      // BeforeNum/AfterNum: a percentage, a share count, a price
	LeverText                        // BeforeText/AfterText: a level, a date, a schedule
)

// LeverChange is one lever that differs between two versions of an offer.
// Lever names the attribute as the offer language spells it: "base",
// "sign_on.year1", "equity", "equity.schedule", "bonus_target", "start";
// a counter's levers name what the counter restates: "sign_on" (all
// years), "equity.value", "relocation", "bonus.refresher".
type LeverChange struct {
	Lever string
	Kind  LeverKind
	// Group is the negotiation lever it belongs to, one of LeverNames
	// ("relocation" is "flexibility"); set on a counter's levers.
	Group string
	// Label names it for people: "sign-on (all years)", "grant value";
	// set on a counter's levers.
	Label string

	Before, After Money // LeverMoney

	BeforeNum, AfterNum Dec // LeverNumber

	// BeforeText and AfterText render LeverText values; "" is "not set".
	BeforeText, AfterText string

	// The currencies of Before and After (money levers); "" means USD.
	BeforeCurrency, AfterCurrency string
}

// Amounts returns a money lever's amounts with their currencies.
func (l LeverChange) Amounts() Amounts {
	return Amounts{Before: l.Before, After: l.After, BeforeCurrency: l.BeforeCurrency, AfterCurrency: l.AfterCurrency}
}

// Delta returns After - Before of a money lever; ok is false across
// currencies.
func (l LeverChange) Delta() (Money, bool) { return l.Amounts().Delta() }

// Percent returns the change of a money lever in percent of Before,
// exactly; ok is false across currencies or when Before is zero.
func (l LeverChange) Percent() (Dec, bool) { return l.Amounts().Percent() }

// NumDelta returns AfterNum - BeforeNum for a number lever (percentage
// points for bonus_target and equity.growth).
func (l LeverChange) NumDelta() Dec {
	return DecFromRat(new(big.Rat).Sub(l.AfterNum.Rat(), l.BeforeNum.Rat()))
}

// Change is the difference between two versions of an offer.
type Change struct {
	Before, After Worth
	Levers        []LeverChange // in the order of the offer language's attributes
	// The currencies of the two versions; "" means USD. Amounts of
	// different currencies are never subtracted (Amounts.Delta).
	BeforeCurrency, AfterCurrency string
}

// Totals returns the four-year totals before and after.
func (c Change) Totals() Amounts {
	return Amounts{Before: c.Before.Total, After: c.After.Total, BeforeCurrency: c.BeforeCurrency, AfterCurrency: c.AfterCurrency}
}

// Year returns year y's totals (1-based) before and after.
func (c Change) Year(y int) Amounts {
	return Amounts{Before: c.Before.Years[y-1].Total, After: c.After.Years[y-1].Total, BeforeCurrency: c.BeforeCurrency, AfterCurrency: c.AfterCurrency}
}

// Compare returns what changed from before to after.
func Compare(before, after Offer) Change {
	c := Change{Before: Evaluate(before), After: Evaluate(after), BeforeCurrency: before.Currency, AfterCurrency: after.Currency}
	text := func(lever, b, a string) {
		if b != a {
			c.Levers = append(c.Levers, LeverChange{Lever: lever, Kind: LeverText, BeforeText: b, AfterText: a})
		}
	}
	money := func(lever string, b, a Money) {
		if b != a || (b != 0 && ISOCode(before.Currency) != ISOCode(after.Currency)) {
			c.Levers = append(c.Levers, LeverChange{Lever: lever, Kind: LeverMoney, Before: b, After: a,
				BeforeCurrency: before.Currency, AfterCurrency: after.Currency})
		}
	}
	number := func(lever string, b, a Dec) {
		if b.Cmp(a) != 0 {
			c.Levers = append(c.Levers, LeverChange{Lever: lever, Kind: LeverNumber, BeforeNum: b, AfterNum: a})
		}
	}
	text("company", before.Company, after.Company)
	text("level", before.Level, after.Level)
	text("track", before.Track, after.Track)
	text("location", before.Location, after.Location)
	text("currency", ISOCode(before.Currency), ISOCode(after.Currency))
	text("start", dateText(before.Start), dateText(after.Start))
	money("base", before.Base, after.Base)
	number("bonus_target", before.BonusTarget, after.BonusTarget)
	for i := range before.SignOn {
		money(signOnYears[i], before.SignOn[i], after.SignOn[i])
	}
	bg, ag := grantOrZero(before.Equity), grantOrZero(after.Equity)
	money("equity", RoundCents(before.Equity.GrantValue()), RoundCents(after.Equity.GrantValue()))
	number("equity.shares", bg.Shares, ag.Shares)
	number("equity.price", bg.Price, ag.Price)
	text("equity.schedule", scheduleText(before.Equity), scheduleText(after.Equity))
	number("equity.growth", bg.Growth, ag.Growth)
	money("relocation", before.Relocation, after.Relocation)
	return c
}

var signOnYears = [Years]string{"sign_on.year1", "sign_on.year2", "sign_on.year3", "sign_on.year4"}

// Changed reports whether any lever or any figure differs.
func (c Change) Changed() bool { return len(c.Levers) > 0 || c.Before != c.After }

func grantOrZero(g *Grant) Grant {
	if g == nil {
		return Grant{}
	}
	return *g
}

func scheduleText(g *Grant) string {
	if g == nil || len(g.Schedule.Percent) == 0 {
		return ""
	}
	return g.Schedule.Label()
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
