package lang

import (
	"fmt"
	"strconv"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/engine/tax"
)

// This file decodes *.tax.hcl files into engine/tax tables.

// JurisdictionDoc is a decoded jurisdiction block.
type JurisdictionDoc struct {
	Node
	Jurisdiction tax.Jurisdiction
}

// HubDoc is a decoded hub block.
type HubDoc struct {
	Node
	Location, Region string
}

// maxBrackets bounds a schedule's brackets; real schedules have a dozen.
const maxBrackets = 32

func (d *decoder) jurisdiction(n *Node) *JurisdictionDoc {
	doc := &JurisdictionDoc{Node: *n}
	j := &doc.Jurisdiction
	j.Code = n.Labels[0]
	if !validRegion(j.Code) {
		d.add(errorf("invalid-value", n.LabelRanges[0], "Invalid region code",
			fmt.Sprintf("%q is not a region code; write \"US\", a state such as \"US-CA\", or a city such as \"US-NY-NYC\".", j.Code)))
		return nil
	}
	year, err := strconv.Atoi(n.Labels[1])
	if err != nil || year < 1900 || year > 2200 {
		d.add(errorf("invalid-value", n.LabelRanges[1], "Invalid year",
			fmt.Sprintf("%q is not a tax year; write the year the figures apply to, such as \"2026\".", n.Labels[1])))
		return nil
	}
	j.Year = year
	j.Name = j.Code
	decodeInto(n, "name", &j.Name, d.str)
	decodeInto(n, "source", &j.Source, d.str)
	decodeInto(n, "local", &j.Local, d.boolean)
	for _, kid := range n.Children {
		switch kid.Type {
		case "income_tax":
			d.incomeTax(j, kid)
		case "contribution":
			if c, ok := d.contribution(kid); ok {
				j.Payroll = append(j.Payroll, c)
			}
		case "additional_medicare":
			j.AdditionalMedicare = d.additionalMedicare(kid)
		}
	}
	decodeInto(n, "retirement_deferral_limit", &j.Limits.RetirementDeferral, d.money)
	decodeInto(n, "retirement_compensation_limit", &j.Limits.RetirementCompensation, d.money)
	decodeInto(n, "espp_purchase_limit", &j.Limits.ESPPPurchase, d.money)
	if j.Income != nil {
		for _, name := range []string{"supplemental_rate", "supplemental_high_rate"} {
			if a := n.Attr(name); a != nil {
				if x, ok := d.dec(a, false, KindPercent); ok {
					if name == "supplemental_rate" {
						j.Income.SupplementalRate = x
					} else {
						j.Income.SupplementalHighRate = x
					}
				}
			}
		}
		decodeInto(n, "supplemental_high_over", &j.Income.SupplementalHighOver, d.money)
	}
	return doc
}

// validRegion reports whether code looks like "US", "US-CA" or "US-NY-NYC":
// parts of two to four capital letters or digits joined by "-".
func validRegion(code string) bool {
	part := 0
	for i := 0; i <= len(code); i++ {
		if i == len(code) || code[i] == '-' {
			if part < 2 || part > 4 {
				return false
			}
			part = 0
			continue
		}
		c := code[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
		part++
	}
	return true
}

func (d *decoder) incomeTax(j *tax.Jurisdiction, n *Node) {
	status := tax.Status(n.Labels[0])
	if !isStatus(status) {
		d.add(errorf("invalid-value", n.LabelRanges[0], "Unknown filing status",
			fmt.Sprintf("%q is not a filing status; write one of %s.", n.Labels[0], statusList())))
		return
	}
	var s tax.Schedule
	decodeInto(n, "standard_deduction", &s.StandardDeduction, d.money)
	over, rates := n.Attr("over"), n.Attr("rates")
	if over == nil || rates == nil {
		return // missing-attribute is reported by the schema
	}
	thresholds, ok1 := d.intList(over, 0, 1_000_000_000)
	vals, rngs, ok2 := d.elements(rates, KindPercentList)
	if !ok1 || !ok2 {
		return
	}
	if len(thresholds) == 0 || len(thresholds) > maxBrackets || len(thresholds) != len(vals) {
		d.add(errorf("invalid-value", rates.ValueRange, "Brackets do not match",
			fmt.Sprintf("over lists %d thresholds and rates %d rates; give one rate per threshold, at most %d.", len(thresholds), len(vals), maxBrackets)))
		return
	}
	for i, t := range thresholds {
		if (i == 0 && t != 0) || (i > 0 && t <= thresholds[i-1]) {
			d.add(errorf("invalid-value", over.ValueRange, "Thresholds out of order",
				"over must start at 0 and rise: each bracket starts above the one before."))
			return
		}
		rate, ok := d.decValue(rates, vals[i], rngs[i], false, KindPercentList)
		if !ok {
			return
		}
		s.Brackets = append(s.Brackets, tax.Bracket{Over: engine.Dollars(int64(t)), Rate: rate})
	}
	if j.Income == nil {
		j.Income = &tax.IncomeTax{Schedules: map[tax.Status]tax.Schedule{}}
	}
	j.Income.Schedules[status] = s
}

func (d *decoder) contribution(n *Node) (tax.Contribution, bool) {
	c := tax.Contribution{Name: n.Labels[0]}
	a := n.Attr("rate")
	if a == nil {
		return c, false
	}
	rate, ok := d.dec(a, false, KindPercent)
	if !ok {
		return c, false
	}
	c.Rate = rate
	decodeInto(n, "wage_base", &c.WageBase, d.money)
	decodeInto(n, "max", &c.Max, d.money)
	return c, true
}

func (d *decoder) additionalMedicare(n *Node) *tax.AdditionalMedicare {
	am := &tax.AdditionalMedicare{Over: map[tax.Status]engine.Money{}}
	decodeInto(n, "rate", &am.Rate, d.percent)
	for _, s := range tax.Statuses {
		if a := n.Attr(string(s)); a != nil {
			am.Over[s], _ = d.money(a)
		}
	}
	return am
}

func (d *decoder) hub(n *Node) *HubDoc {
	doc := &HubDoc{Node: *n, Location: n.Labels[0]}
	if a := n.Attr("region"); a != nil {
		doc.Region, _ = d.str(a)
		if doc.Region != "" && !validRegion(doc.Region) {
			d.add(errorf("invalid-value", a.ValueRange, "Invalid region code",
				fmt.Sprintf("%q is not a region code; write a state such as \"US-CA\" or a city such as \"US-NY-NYC\".", doc.Region)))
			return nil
		}
	}
	return doc
}

func isStatus(s tax.Status) bool {
	for _, t := range tax.Statuses {
		if s == t {
			return true
		}
	}
	return false
}

func statusList() string {
	s := ""
	for i, t := range tax.Statuses {
		if i > 0 {
			s += ", "
		}
		s += strconv.Quote(string(t))
	}
	return s
}

// region decodes a region code attribute; "" when invalid (reported).
func (d *decoder) region(a *AttrNode) string {
	s, ok := d.str(a)
	if !ok {
		return ""
	}
	if !validRegion(s) {
		d.add(errorf("invalid-value", a.ValueRange, "Invalid region code",
			fmt.Sprintf("%q is not a region code; write a state such as \"US-CO\" or a city such as \"US-NY-NYC\".", s)))
		return ""
	}
	return s
}

// household decodes the candidate's tax attributes.
func (d *decoder) household(doc *CandidateDoc, n *Node) {
	h := &doc.Household
	h.Status = tax.Single
	if a := n.Attr("filing_status"); a != nil {
		if s, ok := d.str(a); ok {
			if !isStatus(tax.Status(s)) {
				msg := fmt.Sprintf("%q is not a filing status; write one of %s.", s, statusList())
				var names []string
				for _, t := range tax.Statuses {
					names = append(names, string(t))
				}
				if sug := suggest(s, names); sug != "" {
					msg = fmt.Sprintf("%q is not a filing status. Did you mean %q?", s, sug)
				}
				d.add(errorf("invalid-value", a.ValueRange, "Unknown filing status", msg))
			} else {
				h.Status = tax.Status(s)
			}
		}
	}
	decodeInto(n, "other_income", &h.OtherIncome, d.money)
	decodeInto(n, "pre_tax_deductions", &h.PreTaxDeductions, d.money)
	decodeInto(n, "home", &doc.HomeLocation, d.str)
	if a := n.Attr("home_tax_region"); a != nil {
		h.Home = d.region(a)
	}
}
