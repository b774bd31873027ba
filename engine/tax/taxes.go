package tax

// This file computes each kind of tax on a year's wages: income tax by
// bracket (and what is withheld), federal payroll taxes and state
// contributions.

import (
	"math/big"

	"github.com/offerkit/offerkit/engine"
)

// incomeTax returns the tax on taxable income (after the standard
// deduction of status) and what an employer withholds: the tax the
// schedule puts on regular wages alone, plus the supplemental rates on
// supplemental wages. A table without a supplemental rate withholds at
// the schedule's rates throughout. r holds the table's rates in
// thousandths of a percent (prepared.go).
func incomeTax(it *IncomeTax, r *rates, status Status, taxable, regular, supplemental engine.Money) (owed, withheld engine.Money) {
	if it == nil {
		return 0, 0
	}
	s, us := it.Schedules[status], r.schedules[status]
	owed = s.tax(taxable, us)
	if it.SupplementalRate.Sign() == 0 {
		return owed, s.tax(regular+supplemental, us)
	}
	withheld = s.tax(regular, us)
	high := engine.Money(0)
	if it.SupplementalHighOver > 0 && supplemental > it.SupplementalHighOver {
		high = supplemental - it.SupplementalHighOver
	}
	withheld += percentOf(supplemental-high, it.SupplementalRate, r.supplemental) + percentOf(high, it.SupplementalHighRate, r.supplementalHigh)
	return owed, withheld
}

// tax applies the schedule to income before its standard deduction,
// exactly, rounding once. us holds each bracket's rate in thousandths of
// a percent (nil: the exact path).
func (s Schedule) tax(income engine.Money, us []int64) engine.Money {
	taxable := income - s.StandardDeduction
	if taxable <= 0 {
		return 0
	}
	if owed, ok := s.taxFast(taxable, us); ok {
		return max(owed-s.Credit, 0)
	}
	return s.taxExact(taxable)
}

// taxExact is tax in rationals, for any amount and rate.
func (s Schedule) taxExact(taxable engine.Money) engine.Money {
	total := new(big.Rat)
	s.eachBracket(taxable, func(part engine.Money, b Bracket) bool {
		total.Add(total, new(big.Rat).Mul(part.Rat(), b.Rate.Rat()))
		return true
	})
	total.Quo(total, big.NewRat(100, 1))
	owed := engine.RoundCents(total) - s.Credit
	return max(owed, 0)
}

// taxFast is tax in integers (arith.go), before the credit: the brackets
// as eachBracket walks them, with the rates us; ok is false outside its
// range (an amount past maxFast, a rate of more decimals, a bracket
// below zero or out of order).
func (s Schedule) taxFast(taxable engine.Money, us []int64) (engine.Money, bool) {
	if taxable > maxFast || len(us) != len(s.Brackets) || len(us) > maxFastBrackets {
		return 0, false
	}
	var sum int64
	i := 0
	ok := s.eachBracket(taxable, func(part engine.Money, b Bracket) bool {
		if us[i] < 0 || b.Over < 0 || part < 0 {
			return false
		}
		sum += int64(part) * us[i]
		i++
		return true
	})
	if !ok {
		return 0, false
	}
	return engine.Money(roundDiv(sum, 100*rateScale)), true
}

// eachBracket calls f with the part of taxable income in each bracket it
// reaches, from the lowest, while f returns true; it reports whether f
// always did.
func (s Schedule) eachBracket(taxable engine.Money, f func(part engine.Money, b Bracket) bool) bool {
	for i, b := range s.Brackets {
		if taxable <= b.Over {
			break
		}
		top := taxable
		if i+1 < len(s.Brackets) && s.Brackets[i+1].Over < taxable {
			top = s.Brackets[i+1].Over
		}
		if !f(top-b.Over, b) {
			return false
		}
	}
	return true
}

// federalPayroll returns Social Security and Medicare (the federal
// table's contributions named "social_security" and "medicare"), with the
// additional Medicare tax over the status's threshold.
func federalPayroll(fed *Jurisdiction, r *rates, status Status, wages engine.Money) (ss, medicare engine.Money) {
	for k, c := range fed.Payroll {
		switch c.Name {
		case SocialSecurity:
			ss += contribution(c, r.payroll[k], wages)
		case Medicare:
			medicare += contribution(c, r.payroll[k], wages)
		}
	}
	if am := fed.AdditionalMedicare; am != nil && wages > am.Over[status] {
		medicare += percentOf(wages-am.Over[status], am.Rate, r.additionalMedicare)
	}
	return ss, medicare
}

// The names of the federal table's two payroll taxes.
const (
	SocialSecurity = "social_security"
	Medicare       = "medicare"
)

// contributions sums each contribution on wages; us holds their rates
// in thousandths of a percent.
func contributions(cs []Contribution, us []int64, wages engine.Money) engine.Money {
	var total engine.Money
	for k, c := range cs {
		total += contribution(c, us[k], wages)
	}
	return total
}

// contribution is c on wages, at u thousandths of a percent (c.Rate).
func contribution(c Contribution, u int64, wages engine.Money) engine.Money {
	base := wages
	if c.WageBase > 0 {
		base = min(base, c.WageBase)
	}
	amount := percentOf(base, c.Rate, u)
	if c.Max > 0 {
		amount = min(amount, c.Max)
	}
	return amount
}
