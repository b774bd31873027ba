package engine

import "fmt"

// ruleBaseOverCap flags a base salary above its level's cap and offers to
// move the excess into the year-1 sign-on.
func ruleBaseOverCap(a *Analysis, bs *Bands) []Flag {
	o := a.Offer
	c, ok := bs.Cap(o.Level)
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
