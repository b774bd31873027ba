package engine

import "fmt"

// ruleBaseOverCap flags a base salary above its level's cap and offers to
// move the excess into the year-1 sign-on.
func ruleBaseOverCap(a *Analysis, bs *Bands) []Flag {
	o := a.Offer
	c, ok := bs.Cap(o.Company, o.Level)
	if !ok || o.Base <= c.Base {
		return nil
	}
	cur := o.Currency
	over := o.Base - c.Base
	return []Flag{{Code: BaseOverCapRule.Code, Severity: BaseOverCapRule.Severity, Field: "base",
		Message: fmt.Sprintf("Base %s is %s over the %s base cap of %s. Ask for base at the cap and the %s a year as sign-on or equity instead.",
			o.Base.Format(cur), over.Format(cur), o.Level, c.Base.Format(cur), over.Format(cur)),
		Fix: &Fix{
			Title: fmt.Sprintf("Move %s of base over the cap into the year-1 sign-on", over.Format(cur)),
			Set:   map[string]Money{"base": c.Base, "sign_on.year1": o.SignOn[0] + over},
		}}}
}

// AsReceived returns an offer's flags as findings about figures the
// employer wrote: a base over the cap is then the consequence for the
// negotiation, with no fix (the employer's figure is not the user's to
// change). The analysis' own flags, which counters share, are left alone.
func AsReceived(a *Analysis, bs *Bands) []Flag {
	var out []Flag
	for i, f := range a.Flags {
		if f.Code != BaseOverCapRule.Code {
			continue
		}
		if out == nil {
			out = append([]Flag(nil), a.Flags...)
		}
		o := a.Offer
		c, _ := bs.Cap(o.Company, o.Level)
		who := o.Level
		if c.Company != "" {
			who = c.Company + " " + o.Level
		}
		out[i] = Flag{Code: f.Code, Severity: f.Severity, Field: f.Field,
			Message: fmt.Sprintf("Base %s is above the %s cap people report for %s: expect the rest of any increase to come as sign-on or equity.",
				o.Base.Format(o.Currency), c.Base.Format(o.Currency), who)}
	}
	if out == nil {
		return a.Flags
	}
	return out
}
