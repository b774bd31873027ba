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

	Bonus       *BonusChange // guaranteed first-year bonus, refresher grants
	Flexibility *Flexibility // replaces the offer's flexibility terms as a whole
	Promotion   *Promotion   // replaces the offer's promotion timeline

	// Reasons give, by lever ("base", "equity"), why the counter asks for
	// it, in the candidate's words; the scripts and emails read them.
	Reasons map[string]string
}

// BonusChange restates the bonus lever's terms; unset parts keep the
// offer's.
type BonusChange struct {
	GuaranteedYear1 *Money
	Refresher       *Money
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
	Refresh  *Refresh // replaces the offer's refresher grants
}

// Apply returns the offer as the counter would make it.
func (c Counter) Apply(o Offer) Offer {
	out := o
	out.Name = c.Name
	restate(&out.Base, c.Base)
	restate(&out.SignOn, c.SignOn)
	restate(&out.Relocation, c.Relocation)
	restate(&out.BonusTarget, c.BonusTarget)
	restate(&out.Start, c.Start)
	restate(&out.Level, c.Level)
	if c.Bonus != nil {
		restate(&out.GuaranteedBonus, c.Bonus.GuaranteedYear1)
		restate(&out.Refresher, c.Bonus.Refresher)
	}
	restate(&out.Flexibility, c.Flexibility)
	if c.Promotion != nil {
		p := *c.Promotion
		out.Promotion = &p
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
		restate(&g.Price, ch.Price)
		restate(&g.Schedule, ch.Schedule)
		if ch.Refresh != nil {
			r := *ch.Refresh
			g.Refresh = &r
		}
		restate(&g.Growth, ch.Growth)
		out.Equity = &g
	}
	return out
}

// restate sets *field to what the counter states, when it states it.
func restate[T any](field *T, stated *T) {
	if stated != nil {
		*field = *stated
	}
}

// LeverNames are the seven levers of a negotiation, in the order counters,
// scripts and emails take them. Each gathers attributes of the offer
// language: "level" covers level and promotion, "flexibility" covers the
// flexibility block and relocation, "bonus" covers the bonus block and
// bonus_target.
var LeverNames = []string{"base", "sign_on", "equity", "start", "level", "flexibility", "bonus"}

// LeverTitles name the levers for people.
var LeverTitles = map[string]string{
	"base": "Base salary", "sign_on": "Sign-on bonus", "equity": "Equity grant", "start": "Start date",
	"level": "Level", "flexibility": "Flexibility", "bonus": "Bonus",
}

// Levers lists the levers the counter restates, in the order of
// LeverNames.
func (c Counter) Levers() []string {
	var out []string
	for _, l := range LeverNames {
		if c.restates(l) {
			out = append(out, l)
		}
	}
	return out
}

// restates reports whether the counter restates one of LeverNames.
func (c Counter) restates(lever string) bool {
	switch lever {
	case "base":
		return c.Base != nil
	case "sign_on":
		return c.SignOn != nil
	case "equity":
		return c.Equity != nil
	case "start":
		return c.Start != nil
	case "level":
		return c.Level != nil || c.Promotion != nil
	case "flexibility":
		return c.Flexibility != nil || c.Relocation != nil
	case "bonus":
		return c.BonusTarget != nil || c.Bonus != nil
	}
	return false
}
