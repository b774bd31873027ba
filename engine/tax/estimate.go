package tax

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/offerkit/offerkit/engine"
)

// Household is what the estimate needs to know about the candidate.
type Household struct {
	Status Status
	// OtherIncome is the household's other taxable income in each
	// calendar year (a spouse's wages, interest); it raises the income tax
	// bracket the offer's pay falls in, and its own tax is left out.
	OtherIncome engine.Money
	// PreTaxDeductions are taken from wages before income tax each year
	// (a 401(k) contribution, health premiums). Payroll taxes still apply.
	PreTaxDeductions engine.Money
	// Home is the region code where the candidate lives; "" means where
	// the offer is. A city's income tax follows it.
	Home string
}

// Breakdown is the tax on some wages, by kind. State is income tax only;
// StatePayroll holds the state's payroll contributions.
type Breakdown struct {
	Federal, State, Local    engine.Money
	SocialSecurity, Medicare engine.Money
	StatePayroll             engine.Money
}

// Total returns every tax of b.
func (b Breakdown) Total() engine.Money {
	return b.Federal + b.State + b.Local + b.SocialSecurity + b.Medicare + b.StatePayroll
}

func (b Breakdown) plus(c Breakdown) Breakdown {
	return Breakdown{b.Federal + c.Federal, b.State + c.State, b.Local + c.Local,
		b.SocialSecurity + c.SocialSecurity, b.Medicare + c.Medicare, b.StatePayroll + c.StatePayroll}
}

// CalendarTax is one calendar year of the estimate.
type CalendarTax struct {
	Year         int
	Wages        engine.Money // what the offer pays in the calendar year
	Supplemental engine.Money // the part paid as supplemental wages (sign-on, bonus, equity, relocation)
	Tax          Breakdown    // the liability
	// Withheld is the income tax an employer would withhold: the tax on
	// base alone, plus the supplemental rates on the rest. Payroll taxes
	// are withheld as owed.
	Withheld engine.Money
	// Owed is the income tax liability less Withheld: what is left to pay
	// when the return is filed (negative: a refund).
	Owed engine.Money
}

// YearTax is one employment year of the estimate.
type YearTax struct {
	Gross engine.Money
	Tax   Breakdown
	Net   engine.Money
}

// Estimate is the after-tax view of an offer's four employment years.
type Estimate struct {
	Region   string // the work region's code
	Years    [engine.Years]YearTax
	Calendar []CalendarTax
	Net      engine.Money // over four years
	Owed     engine.Money // over every calendar year: income tax left to pay at filing
	// Notes say what the estimate assumed: a start date, a table reused
	// for another year, a region without state tables.
	Notes []string
}

// Wages is an offer's pay laid on calendar years, split by employment
// year: Parts[i][k] is what employment year i+1 pays in calendar year
// First+k, and Supplemental the same for its supplemental part.
type Wages struct {
	First        int
	Parts        [engine.Years][]engine.Money
	Supplemental [engine.Years][]engine.Money
}

// calendarYears returns how many calendar years w spans.
func (w Wages) calendarYears() int {
	n := 0
	for _, p := range w.Parts {
		n = max(n, len(p))
	}
	return n
}

// Estimate computes the tax on wages earned in region (a code such as
// "US-NY-NYC": the federal table "US", the state "US-NY" and, when the
// candidate lives there, the city). Every component is computed per
// calendar year, rounded to the cent once, then split across employment
// years by each one's share of that calendar year's wages.
func (t *Tables) Estimate(region string, w Wages, h Household) (Estimate, error) {
	if h.Status == "" {
		h.Status = Single
	}
	est := Estimate{Region: region}
	if !t.Has("US") {
		return est, fmt.Errorf("no federal tax table")
	}
	note := func(format string, args ...any) {
		s := fmt.Sprintf(format, args...)
		for _, n := range est.Notes {
			if n == s {
				return
			}
		}
		est.Notes = append(est.Notes, s)
	}
	federal, state, local := t.chain(region, h.Home)
	var reuse reused
	if state == "" && region != "US" {
		note("federal tax only: no tax tables for %s; add them in a *.tax.hcl file", region)
	}
	for k := 0; k < w.calendarYears(); k++ {
		year := w.First + k
		var wages, supp engine.Money
		for i := range w.Parts {
			if k < len(w.Parts[i]) {
				wages += w.Parts[i][k]
				supp += w.Supplemental[i][k]
			}
		}
		ct := CalendarTax{Year: year, Wages: wages, Supplemental: supp}
		fed, reused := t.Lookup(federal, year)
		if reused {
			reuse.add(fed, year)
		}
		taxable := wages + h.OtherIncome - h.PreTaxDeductions
		ct.Tax.Federal, ct.Withheld = incomeTax(fed.Income, h.Status, taxable, wages-supp, supp)
		ct.Tax.SocialSecurity, ct.Tax.Medicare = federalPayroll(fed, h.Status, wages)
		if state != "" {
			st, reused := t.Lookup(state, year)
			if reused {
				reuse.add(st, year)
			}
			var withheld engine.Money
			ct.Tax.State, withheld = incomeTax(st.Income, h.Status, taxable, wages-supp, supp)
			ct.Withheld += withheld
			ct.Tax.StatePayroll = contributions(st.Payroll, wages)
			if local != "" {
				lc, reused := t.Lookup(local, year)
				if reused {
					reuse.add(lc, year)
				}
				ct.Tax.Local, withheld = incomeTax(lc.Income, h.Status, taxable, wages-supp, supp)
				ct.Withheld += withheld
			}
		}
		ct.Owed = ct.Tax.Federal + ct.Tax.State + ct.Tax.Local - ct.Withheld
		est.Owed += ct.Owed
		est.Calendar = append(est.Calendar, ct)
	}
	est.Notes = append(est.Notes, reuse.notes()...)
	est.split(w)
	return est, nil
}

// reused collects, per table, the calendar years that borrowed it.
type reused struct {
	tables []*Jurisdiction
	years  [][]int
}

func (r *reused) add(j *Jurisdiction, year int) {
	if j.Income == nil && len(j.Payroll) == 0 {
		return // a table without taxes is the same every year
	}
	for i, t := range r.tables {
		if t == j {
			r.years[i] = append(r.years[i], year)
			return
		}
	}
	r.tables = append(r.tables, j)
	r.years = append(r.years, []int{year})
}

// notes says, per table: "2027-2030 use the New York tables of 2024, not
// indexed for inflation".
func (r *reused) notes() []string {
	var out []string
	for i, j := range r.tables {
		ys := r.years[i]
		span := fmt.Sprintf("%d uses", ys[0])
		if len(ys) > 1 {
			span = fmt.Sprintf("%d-%d use", ys[0], ys[len(ys)-1])
		}
		out = append(out, fmt.Sprintf("%s the %s tables of %d, not indexed for inflation", span, j.Name, j.Year))
	}
	return out
}

// chain returns the federal, state and local codes for work region and
// home: "US-NY-NYC" -> "US", "US-NY", "US-NY-NYC". A city's tax applies
// only where the candidate lives (home, or the work region when home is
// not given).
func (t *Tables) chain(region, home string) (federal, state, local string) {
	federal = "US"
	parts := strings.Split(region, "-")
	if len(parts) >= 2 {
		if s := parts[0] + "-" + parts[1]; t.Has(s) {
			state = s
		}
	}
	if home == "" {
		home = region
	}
	hp := strings.Split(home, "-")
	if state != "" && len(hp) >= 3 && hp[0]+"-"+hp[1] == state && t.Has(home) {
		local = home
	}
	return federal, state, local
}

// split spreads each calendar year's taxes over the employment years
// that paid wages in it, in proportion to their wages there, so that the
// employment years add up to the calendar years exactly.
func (est *Estimate) split(w Wages) {
	for k, ct := range est.Calendar {
		var shares [engine.Years]engine.Money
		for i := range w.Parts {
			if k < len(w.Parts[i]) {
				shares[i] = w.Parts[i][k]
			}
		}
		var parts [6][engine.Years]engine.Money
		for j, amount := range []engine.Money{ct.Tax.Federal, ct.Tax.State, ct.Tax.Local, ct.Tax.SocialSecurity, ct.Tax.Medicare, ct.Tax.StatePayroll} {
			apportionInto(parts[j][:], amount, shares[:])
		}
		for i := range est.Years {
			y := &est.Years[i]
			y.Gross += shares[i]
			y.Tax = y.Tax.plus(Breakdown{parts[0][i], parts[1][i], parts[2][i], parts[3][i], parts[4][i], parts[5][i]})
		}
	}
	est.Net = 0
	for i := range est.Years {
		y := &est.Years[i]
		y.Net = y.Gross - y.Tax.Total()
		est.Net += y.Net
	}
}

// apportion splits amount in proportion to weights, by differences of
// rounded running totals, so the parts add up to amount exactly.
func apportion(amount engine.Money, weights []engine.Money) []engine.Money {
	parts := make([]engine.Money, len(weights))
	apportionInto(parts, amount, weights)
	return parts
}

// apportionInto is apportion writing into parts (as long as weights),
// which split calls for every tax of every calendar year.
func apportionInto(parts []engine.Money, amount engine.Money, weights []engine.Money) {
	var whole engine.Money
	for _, w := range weights {
		whole += w
	}
	if whole == 0 {
		clear(parts)
		return
	}
	var run engine.Money
	prev := engine.Money(0)
	for i, w := range weights {
		run += w
		var at engine.Money
		if q, ok := mulDiv(int64(amount), int64(run), int64(whole)); ok && amount >= 0 {
			at = engine.Money(q)
		} else {
			num := new(big.Int).Mul(big.NewInt(int64(amount)), big.NewInt(int64(run)))
			at = engine.RoundCents(new(big.Rat).SetFrac(num, big.NewInt(int64(whole)*100)))
		}
		parts[i] = at - prev
		prev = at
	}
}
