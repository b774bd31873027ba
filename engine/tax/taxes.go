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
// the schedule's rates throughout.
func incomeTax(it *IncomeTax, status Status, taxable, regular, supplemental engine.Money) (owed, withheld engine.Money) {
	if it == nil {
		return 0, 0
	}
	s := it.Schedules[status]
	owed = s.tax(taxable)
	if it.SupplementalRate.Sign() == 0 {
		return owed, s.tax(regular + supplemental)
	}
	withheld = s.tax(regular)
	high := engine.Money(0)
	if it.SupplementalHighOver > 0 && supplemental > it.SupplementalHighOver {
		high = supplemental - it.SupplementalHighOver
	}
	withheld += percentOf(supplemental-high, it.SupplementalRate) + percentOf(high, it.SupplementalHighRate)
	return owed, withheld
}

// tax applies the schedule to income before its standard deduction,
// exactly, rounding once.
func (s Schedule) tax(income engine.Money) engine.Money {
	taxable := income - s.StandardDeduction
	if taxable <= 0 {
		return 0
	}
	if owed, ok := s.taxFast(taxable); ok {
		return max(owed-s.Credit, 0)
	}
	total := new(big.Rat)
	s.eachBracket(taxable, func(part engine.Money, b Bracket) bool {
		total.Add(total, new(big.Rat).Mul(part.Rat(), b.Rate.Rat()))
		return true
	})
	total.Quo(total, big.NewRat(100, 1))
	owed := engine.RoundCents(total) - s.Credit
	return max(owed, 0)
}

// taxFast is tax in integers (arith.go); ok is false outside its range.
func (s Schedule) taxFast(taxable engine.Money) (engine.Money, bool) {
	if taxable > maxFast {
		return 0, false
	}
	var sum int64
	ok := s.eachBracket(taxable, func(part engine.Money, b Bracket) bool {
		u, ok := milli(b.Rate)
		sum += int64(part) * u
		return ok && b.Over >= 0
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
func federalPayroll(fed *Jurisdiction, status Status, wages engine.Money) (ss, medicare engine.Money) {
	for _, c := range fed.Payroll {
		switch c.Name {
		case SocialSecurity:
			ss += contributions([]Contribution{c}, wages)
		case Medicare:
			medicare += contributions([]Contribution{c}, wages)
		}
	}
	if am := fed.AdditionalMedicare; am != nil && wages > am.Over[status] {
		medicare += percentOf(wages-am.Over[status], am.Rate)
	}
	return ss, medicare
}

// The names of the federal table's two payroll taxes.
const (
	SocialSecurity = "social_security"
	Medicare       = "medicare"
)

// contributions sums each contribution on wages.
func contributions(cs []Contribution, wages engine.Money) engine.Money {
	var total engine.Money
	for _, c := range cs {
		base := wages
		if c.WageBase > 0 {
			base = min(base, c.WageBase)
		}
		amount := percentOf(base, c.Rate)
		if c.Max > 0 {
			amount = min(amount, c.Max)
		}
		total += amount
	}
	return total
}
