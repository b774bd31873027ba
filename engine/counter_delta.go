package engine

import "time"

// This file states what a counter changes against its offer, in the one
// change model (delta.go): the offer is Before, the countered offer After,
// and the levers are the money figures the counter restates.

// CounterDelta is a counter's change against its offer.
type CounterDelta struct {
	Change // Before: the offer; After: the countered offer (one currency)
	// StartWeeks and StartDays say how much later the asked start date is;
	// valid when HasStart.
	StartWeeks, StartDays int
	HasStart              bool
}

// Years returns the change of each year's total (counter minus offer).
func (d CounterDelta) Years() [Years]Money {
	var out [Years]Money
	for i := range out {
		out[i] = d.After.Years[i].Total - d.Before.Years[i].Total
	}
	return out
}

// Total returns the change of the four-year total.
func (d CounterDelta) Total() Money { return d.After.Total - d.Before.Total }

// Average returns the change of the four-year average.
func (d CounterDelta) Average() Money { return d.After.Avg - d.Before.Avg }

// Percent returns the change of the four-year total in percent of the
// offer's, exactly; ok is false when the offer's total is zero.
func (d CounterDelta) Percent() (Dec, bool) { return d.Totals().Percent() }

// Lever returns the change of one attribute path, if the counter restates it.
func (d CounterDelta) Lever(path string) (LeverChange, bool) {
	for _, l := range d.Levers {
		if l.Lever == path {
			return l, true
		}
	}
	return LeverChange{}, false
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
	d := CounterDelta{Change: Change{Before: before, After: afterWorth, BeforeCurrency: o.Currency, AfterCurrency: after.Currency}}
	add := func(set bool, group, path, label string, from, to Money) {
		if set {
			d.Levers = append(d.Levers, LeverChange{Lever: path, Kind: LeverMoney, Group: group, Label: label,
				Before: from, After: to, BeforeCurrency: o.Currency, AfterCurrency: after.Currency})
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
