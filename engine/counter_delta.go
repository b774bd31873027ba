package engine

import "time"

// This file defines what a counter changes against its offer: each money
// figure it restates, every year's total and the four-year total.

// CounterLever is one money figure a counter restates, against the offer.
type CounterLever struct {
	Lever    string // one of LeverNames
	Field    string // the attribute path: "base", "sign_on", "equity.value", "relocation", "bonus_target", "bonus.guaranteed_year1", "bonus.refresher"
	Label    string // for people: "base", "sign-on (all years)", "grant value"
	From, To Money
}

// Change returns the asked increase (negative for a decrease).
func (l CounterLever) Change() Money { return l.To - l.From }

// Percent returns the change in percent of the offered figure; ok is false
// when the offer had nothing on this figure.
func (l CounterLever) Percent() (Dec, bool) { return PercentOf(l.Change(), l.From) }

// CounterDelta is a counter's change against its offer.
type CounterDelta struct {
	Offer, Counter Worth          // the offer's and the countered offer's worth
	Years          [Years]Money   // counter minus offer, by year
	Total          Money          // change of the four-year total
	Average        Money          // change of the four-year average
	Levers         []CounterLever // the money figures the counter restates, in lever order
	// StartWeeks and StartDays say how much later the asked start date is;
	// valid when HasStart.
	StartWeeks, StartDays int
	HasStart              bool
}

// Percent returns the change of the four-year total in percent of the
// offer's; ok is false when the offer's total is zero.
func (d CounterDelta) Percent() (Dec, bool) { return PercentOf(d.Total, d.Offer.Total) }

// Lever returns the change of one attribute path, if the counter restates it.
func (d CounterDelta) Lever(field string) (CounterLever, bool) {
	for _, l := range d.Levers {
		if l.Field == field {
			return l, true
		}
	}
	return CounterLever{}, false
}

// DeltaOf computes what counter c changes against offer o. The offer must
// be the one c answers, with its schedule resolved.
func DeltaOf(o Offer, c Counter) CounterDelta {
	after := c.Apply(o)
	return deltaOf(o, after, c, Evaluate(o), Evaluate(after))
}

// deltaOf is DeltaOf with the offer's and the countered offer's worth
// already computed.
func deltaOf(o, after Offer, c Counter, before, afterWorth Worth) CounterDelta {
	d := CounterDelta{Offer: before, Counter: afterWorth}
	for i := range d.Years {
		d.Years[i] = d.Counter.Years[i].Total - d.Offer.Years[i].Total
	}
	d.Total = d.Counter.Total - d.Offer.Total
	d.Average = d.Counter.Avg - d.Offer.Avg
	add := func(set bool, lever, field, label string, from, to Money) {
		if set {
			d.Levers = append(d.Levers, CounterLever{Lever: lever, Field: field, Label: label, From: from, To: to})
		}
	}
	add(c.Base != nil, "base", "base", "base", o.Base, after.Base)
	add(c.SignOn != nil, "sign_on", "sign_on", "sign-on (all years)", o.SignOn.Total(), after.SignOn.Total())
	add(c.Equity != nil, "equity", "equity.value", "grant value", GrantValueOf(o.Equity), GrantValueOf(after.Equity))
	add(c.Relocation != nil, "flexibility", "relocation", "relocation", o.Relocation, after.Relocation)
	if c.BonusTarget != nil { // TargetBonus is exact arithmetic: only when needed
		add(true, "bonus", "bonus_target", "target bonus a year", TargetBonus(o), TargetBonus(after))
	}
	if c.Bonus != nil {
		add(c.Bonus.GuaranteedYear1 != nil, "bonus", "bonus.guaranteed_year1", "guaranteed first-year bonus", o.GuaranteedBonus, after.GuaranteedBonus)
		add(c.Bonus.Refresher != nil, "bonus", "bonus.refresher", "refresher grant a year", o.Refresher, after.Refresher)
	}
	if c.Start != nil {
		d.StartWeeks, d.StartDays, d.HasStart = StartDelay(o.Start, *c.Start)
	}
	return d
}

// GrantValueOf returns a grant's value at grant time, rounded to the cent;
// zero for no grant.
func GrantValueOf(g *Grant) Money {
	if g == nil {
		return 0
	}
	if !g.InShares() && g.Value <= maxMoney && g.Value >= -maxMoney {
		return g.Value // a value in cents is already whole cents
	}
	return RoundCents(g.GrantValue())
}

// TargetBonus returns the yearly target bonus of an offer, rounded to the
// cent.
func TargetBonus(o Offer) Money { return o.Base.Percent(o.BonusTarget) }

// DaysBetween returns the whole days from a to b (negative when b is
// earlier).
func DaysBetween(a, b time.Time) int { return int(b.Sub(a).Hours() / 24) }

// Only returns the counter restating only one of its levers (one of
// LeverNames): what that ask alone does to each year.
func (c Counter) Only(lever string) Counter {
	out := Counter{Name: c.Name, Offer: c.Offer, Round: c.Round, Sent: c.Sent}
	switch lever {
	case "base":
		out.Base = c.Base
	case "sign_on":
		out.SignOn = c.SignOn
	case "equity":
		out.Equity = c.Equity
	case "start":
		out.Start = c.Start
	case "level":
		out.Level, out.Promotion = c.Level, c.Promotion
	case "flexibility":
		out.Flexibility, out.Relocation = c.Flexibility, c.Relocation
	case "bonus":
		out.BonusTarget, out.Bonus = c.BonusTarget, c.Bonus
	}
	return out
}

// LeverOf returns the lever an attribute or block of a counter belongs to
// ("relocation" is flexibility, "promotion" is level), or "".
func LeverOf(field string) string {
	switch field {
	case "base", "sign_on", "equity", "start", "level", "flexibility", "bonus":
		return field
	case "promotion":
		return "level"
	case "relocation":
		return "flexibility"
	case "bonus_target":
		return "bonus"
	}
	return ""
}
