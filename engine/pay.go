package engine

import "math/big"

// This file adds the pay people count on beyond the four components of
// Total: refresher grants, a 401(k) match, an ESPP's discount and named
// benefits; and it keeps guaranteed pay (written in the offer) apart from
// assumed pay (refreshers, stock growth, a bonus paid at target, the ESPP
// discount). Total keeps its meaning: base, sign-on, the initial grant and
// other pay; Guaranteed + Assumed is Total plus the four new lines.

// Refresh is a refresher grant: Value granted at the start of employment
// year FirstYear and again every Every years after (never again when
// Every is 0), each vesting on Schedule from the year it is granted.
// Refreshers are valued at their grant value: no stock growth is assumed
// for grants made at prices no one knows yet.
type Refresh struct {
	Value     Money
	FirstYear int
	Every     int
	Schedule  Schedule
}

// Retirement is an employer's match of retirement contributions: Match
// percent of what the employee puts in, on contributions up to UpTo
// percent of base. The limits are the law's for the year (from the tax
// tables): contributions count up to DeferralLimit, and base up to
// CompensationLimit; zero means no limit is known.
type Retirement struct {
	Match             Dec
	UpTo              Dec
	DeferralLimit     Money
	CompensationLimit Money
}

// ESPP is an employee stock purchase plan: Contribution percent of base
// buys stock at Discount percent below the market price, up to
// PurchaseLimit of stock (at market value) a year. Its yearly gain is the
// discount on what the contributions buy.
type ESPP struct {
	Discount      Dec
	Contribution  Dec
	PurchaseLimit Money // 0: no limit known
}

// Benefit is a named benefit or stipend paid every year.
type Benefit struct {
	Name   string
	Yearly Money
}

// RefreshIn returns what the refresher grants vest in employment year y,
// rounded to the cent once.
func (r *Refresh) RefreshIn(y int) Money {
	if r == nil || r.Value == 0 || r.FirstYear < 1 {
		return 0
	}
	pct := new(big.Rat)
	for g := r.FirstYear; g <= y; {
		pct.Add(pct, r.Schedule.PercentInYear(y-g+1).Rat())
		if r.Every <= 0 {
			break
		}
		g += r.Every
	}
	v := new(big.Rat).Mul(r.Value.Rat(), pct)
	return RoundCents(v.Quo(v, big.NewRat(100, 1)))
}

// MatchIn returns the yearly employer match on base.
func (r *Retirement) MatchIn(base Money) Money {
	if r == nil {
		return 0
	}
	if r.CompensationLimit > 0 {
		base = min(base, r.CompensationLimit)
	}
	contrib := new(big.Rat).Mul(base.Rat(), r.UpTo.Rat())
	contrib.Quo(contrib, big.NewRat(100, 1))
	if r.DeferralLimit > 0 && contrib.Cmp(r.DeferralLimit.Rat()) > 0 {
		contrib = r.DeferralLimit.Rat()
	}
	m := contrib.Mul(contrib, r.Match.Rat())
	return RoundCents(m.Quo(m, big.NewRat(100, 1)))
}

// GainIn returns the yearly ESPP gain on base: contributions buy stock
// worth contributions / (1 - discount), capped at the purchase limit; the
// gain is that value less the contributions.
func (e *ESPP) GainIn(base Money) Money {
	if e == nil || e.Discount.Sign() <= 0 || e.Discount.Cmp(DecInt(100)) >= 0 {
		return 0
	}
	contrib := new(big.Rat).Mul(base.Rat(), e.Contribution.Rat())
	contrib.Quo(contrib, big.NewRat(100, 1))
	keep := new(big.Rat).Sub(big.NewRat(1, 1), new(big.Rat).Quo(e.Discount.Rat(), big.NewRat(100, 1)))
	value := new(big.Rat).Quo(contrib, keep)
	if e.PurchaseLimit > 0 && value.Cmp(e.PurchaseLimit.Rat()) > 0 {
		value = e.PurchaseLimit.Rat()
		contrib = new(big.Rat).Mul(value, keep)
	}
	return RoundCents(value.Sub(value, contrib))
}

// addPay fills year y's (1-based) refresh, retirement, ESPP and benefit
// lines and its guaranteed and assumed totals. The initial grant without
// growth or a price change is guaranteed; the rest of its vest is assumed.
func addPay(yr *Year, o Offer, y int) {
	if o.Equity != nil {
		yr.Refresh = o.Equity.Refresh.RefreshIn(y)
	}
	yr.Retirement = o.Retirement.MatchIn(o.Base)
	yr.ESPP = o.ESPP.GainIn(o.Base)
	for _, b := range o.Benefits {
		yr.Benefits += b.Yearly
	}
	atGrant := Money(0)
	if o.Equity != nil {
		flat := *o.Equity
		flat.Growth = Dec{}
		atGrant = flat.Vested(y, Dec{})
	}
	bonus := Money(0)
	if o.BonusTarget.Sign() != 0 {
		bonus = RoundCents(bonusExact(o))
		if y == 1 {
			bonus = yr.Other - o.Relocation - o.GuaranteedBonus
		}
	}
	yr.Guaranteed = yr.Base + yr.SignOn + atGrant + (yr.Other - bonus) + yr.Retirement + yr.Benefits
	yr.Assumed = bonus + (yr.Equity - atGrant) + yr.Refresh + yr.ESPP
}
