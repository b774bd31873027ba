package engine

import "time"

// Counter is a counter-proposal: the levers of an offer it asks to change.
// A nil field is a lever the counter leaves as offered.
type Counter struct {
	Name  string
	Offer string // the name of the offer it answers
	Round int
	Sent  time.Time

	Base        *Money
	SignOn      *SignOn // replaces the offer's sign-on as a whole
	Equity      *GrantChange
	Relocation  *Money
	BonusTarget *Dec
	Start       *time.Time
	Level       *string
}

// GrantChange restates parts of an equity grant; unset parts keep the
// offer's. Stating Value drops a share count, and stating Shares drops a
// value.
type GrantChange struct {
	Value    *Money
	Shares   *Dec
	Price    *Dec
	Schedule *Schedule
	Growth   *Dec
}

// Apply returns the offer as the counter would make it.
func (c Counter) Apply(o Offer) Offer {
	out := o
	out.Name = c.Name
	if c.Base != nil {
		out.Base = *c.Base
	}
	if c.SignOn != nil {
		out.SignOn = *c.SignOn
	}
	if c.Relocation != nil {
		out.Relocation = *c.Relocation
	}
	if c.BonusTarget != nil {
		out.BonusTarget = *c.BonusTarget
	}
	if c.Start != nil {
		out.Start = *c.Start
	}
	if c.Level != nil {
		out.Level = *c.Level
	}
	if c.Equity != nil {
		g := Grant{}
		if o.Equity != nil {
			g = *o.Equity
		}
		ch := c.Equity
		if ch.Value != nil {
			g.Value, g.Shares = *ch.Value, Dec{}
		}
		if ch.Shares != nil {
			g.Shares, g.Value = *ch.Shares, 0
		}
		if ch.Price != nil {
			g.Price = *ch.Price
		}
		if ch.Schedule != nil {
			g.Schedule = *ch.Schedule
		}
		if ch.Growth != nil {
			g.Growth = *ch.Growth
		}
		out.Equity = &g
	}
	return out
}

// Levers lists the levers the counter restates, in a fixed order.
func (c Counter) Levers() []string {
	var out []string
	add := func(set bool, name string) {
		if set {
			out = append(out, name)
		}
	}
	add(c.Base != nil, "base")
	add(c.SignOn != nil, "sign_on")
	add(c.Equity != nil, "equity")
	add(c.Relocation != nil, "relocation")
	add(c.BonusTarget != nil, "bonus")
	add(c.Start != nil, "start")
	add(c.Level != nil, "level")
	return out
}
