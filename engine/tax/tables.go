// Package tax estimates the income and payroll tax on an offer's pay, per
// calendar year, from tables of brackets and rates that are data (lang
// reads them from *.tax.hcl files). It is an estimate, never tax advice:
// it knows the standard deduction, the brackets, Social Security and
// Medicare, and the state payroll contributions its tables list; it leaves
// out itemized deductions, credits, the alternative minimum tax and every
// other special rule. Like engine, it is pure: plain values in, figures out.
package tax

import (
	"github.com/offerkit/offerkit/engine"
)

// Status is how the candidate files their return.
type Status string

// The filing statuses.
const (
	Single          Status = "single"
	MarriedJoint    Status = "married_joint"
	MarriedSeparate Status = "married_separate"
	HeadOfHousehold Status = "head_of_household"
)

// Statuses lists every filing status, in the order documents show them.
var Statuses = []Status{Single, MarriedJoint, MarriedSeparate, HeadOfHousehold}

// Bracket is one step of a progressive schedule: Rate percent on the
// taxable income above Over (up to the next bracket's Over).
type Bracket struct {
	Over engine.Money
	Rate engine.Dec // percent
}

// Schedule is a progressive income tax for one filing status.
type Schedule struct {
	StandardDeduction engine.Money
	Credit            engine.Money // a flat credit against the tax (California's personal exemption credit)
	Brackets          []Bracket    // ascending by Over; the first starts at 0
}

// IncomeTax is one jurisdiction's income tax for one year.
type IncomeTax struct {
	Schedules map[Status]Schedule
	// SupplementalRate is the flat withholding rate on supplemental wages
	// (sign-on, bonus, vested stock); zero when the table gives none.
	SupplementalRate engine.Dec
	// Above SupplementalHighOver of supplemental wages in a calendar year,
	// SupplementalHighRate applies instead (the federal 37% over $1 million).
	SupplementalHighRate engine.Dec
	SupplementalHighOver engine.Money
}

// Contribution is a payroll tax or contribution: Rate percent of wages up
// to WageBase (none when zero), at most Max a year (none when zero).
type Contribution struct {
	Name     string // SocialSecurity, Medicare, "CA SDI", "WA Cares"
	Rate     engine.Dec
	WageBase engine.Money
	Max      engine.Money
}

// AdditionalMedicare is the extra Medicare tax on wages above a threshold
// that depends on the filing status.
type AdditionalMedicare struct {
	Rate engine.Dec
	Over map[Status]engine.Money
}

// Jurisdiction is one table: the federal rules, a state, or a city, for
// one year. A region of the tables names the jurisdictions it pays.
type Jurisdiction struct {
	Code   string // "US", "US-CA", "US-NY", "US-NY-NYC"
	Name   string // "United States", "California", "New York City"
	Year   int
	Source string // where the figures come from, with its date

	Income *IncomeTax // nil: no income tax
	// Payroll holds the contributions withheld from wages: for the
	// federal table, those named SocialSecurity and Medicare; for a
	// state, its state payroll contributions.
	Payroll            []Contribution
	AdditionalMedicare *AdditionalMedicare // federal only
	// Limits are the law's yearly limits that cap pay lines (federal
	// table only); zero when the table gives none.
	Limits Limits
	// Local marks a city's income tax, which follows where the candidate
	// lives, not where they work; it taxes the state's taxable income.
	Local bool
}

// Limits are yearly limits of the law that cap retirement and ESPP pay.
type Limits struct {
	RetirementDeferral     engine.Money // 402(g): what an employee may contribute
	RetirementCompensation engine.Money // 401(a)(17): the pay a plan may count
	ESPPPurchase           engine.Money // 423(b)(8): stock bought a year, at market value
}

// Tables are every jurisdiction known, for every year given. Tables must
// not change once an estimate or lookup has used them (prepared.go).
type Tables struct {
	Jurisdictions []Jurisdiction
	// Hubs maps an offer location to its region code ("Seattle" -> "US-WA").
	Hubs map[string]string

	prep preparing
}

// Lookup returns the table for code to use for calendar year year: the
// newest one not after year, or the oldest when every table is later.
// reused is true when the table is of another year than asked for.
func (t *Tables) Lookup(code string, year int) (j *Jurisdiction, reused bool) {
	i, reused := t.lookup(code, year)
	if i < 0 {
		return nil, false
	}
	return &t.Jurisdictions[i], reused
}

// Has reports whether the tables know code at all.
func (t *Tables) Has(code string) bool {
	return len(t.prepared().byCode[code]) > 0
}
