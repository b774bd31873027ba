package tax

import (
	"fmt"
	"math/big"
	"slices"
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
	p := t.prepared()
	federal, state, local := t.chain(region, h.Home)
	var reuse reused
	if state == "" && region != "US" {
		note("federal tax only: no tax tables for %s; add them in a *.tax.hcl file", region)
	}
	n := w.calendarYears()
	est.Calendar = make([]CalendarTax, 0, n)
	for k := 0; k < n; k++ {
		year := w.First + k
		var wages, supp engine.Money
		for i := range w.Parts {
			if k < len(w.Parts[i]) {
				wages += w.Parts[i][k]
				supp += w.Supplemental[i][k]
			}
		}
		ct := CalendarTax{Year: year, Wages: wages, Supplemental: supp}
		taxable := wages + h.OtherIncome - h.PreTaxDeductions
		i := reuse.lookup(t, federal, year)
		fed, r := &t.Jurisdictions[i], &p.rates[i]
		ct.Tax.Federal, ct.Withheld = incomeTax(fed.Income, r, h.Status, taxable, wages-supp, supp)
		ct.Tax.SocialSecurity, ct.Tax.Medicare = federalPayroll(fed, r, h.Status, wages)
		if state != "" {
			i := reuse.lookup(t, state, year)
			st, r := &t.Jurisdictions[i], &p.rates[i]
			var withheld engine.Money
			ct.Tax.State, withheld = incomeTax(st.Income, r, h.Status, taxable, wages-supp, supp)
			ct.Withheld += withheld
			ct.Tax.StatePayroll = contributions(st.Payroll, r.payroll, wages)
			if local != "" {
				i := reuse.lookup(t, local, year)
				ct.Tax.Local, withheld = incomeTax(t.Jurisdictions[i].Income, &p.rates[i], h.Status, taxable, wages-supp, supp)
				ct.Withheld += withheld
			}
		}
		ct.Owed = ct.Tax.Federal + ct.Tax.State + ct.Tax.Local - ct.Withheld
		est.Owed += ct.Owed
		est.Calendar = append(est.Calendar, ct)
	}
	est.Notes = slices.Grow(est.Notes, len(reuse.tables))
	for _, r := range reuse.tables {
		est.Notes = append(est.Notes, p.note(t, r))
	}
	est.split(w)
	return est, nil
}

// reused collects the tables used for calendar years other than their
// own, in the order first used. A code can reuse two of its tables (its
// oldest before their year, its newest after it), so the list has no
// bound; buf holds the usual few without allocating.
type reused struct {
	buf    [3]reuse
	tables []reuse
}

// lookup is t.lookup of code for year (the code is known), noting the
// table when it is of another year.
func (r *reused) lookup(t *Tables, code string, year int) int {
	i, other := t.lookup(code, year)
	if other {
		r.add(t, i, year)
	}
	return i
}

func (r *reused) add(t *Tables, i, year int) {
	if j := &t.Jurisdictions[i]; j.Income == nil && len(j.Payroll) == 0 {
		return // a table without taxes is the same every year
	}
	for k := range r.tables {
		if u := &r.tables[k]; u.table == i {
			u.first, u.last = min(u.first, year), max(u.last, year)
			return
		}
	}
	if r.tables == nil {
		r.tables = r.buf[:0]
	}
	r.tables = append(r.tables, reuse{table: i, first: year, last: year})
}

// chain returns the federal, state and local codes for work region and
// home: "US-NY-NYC" -> "US", "US-NY", "US-NY-NYC". A city's tax applies
// only where the candidate lives (home, or the work region when home is
// not given).
func (t *Tables) chain(region, home string) (federal, state, local string) {
	federal = "US"
	if s, ok := codePrefix(region, 2); ok && t.Has(s) {
		state = s
	}
	if home == "" {
		home = region
	}
	if state != "" && strings.Count(home, "-") >= 2 && t.Has(home) {
		if s, _ := codePrefix(home, 2); s == state {
			local = home
		}
	}
	return federal, state, local
}

// codePrefix returns the first n dash-separated parts of code ("US-NY" of
// "US-NY-NYC" for 2); ok is false when code has fewer parts.
func codePrefix(code string, n int) (string, bool) {
	end := 0
	for part := 0; part < n; part++ {
		if part > 0 {
			end++ // the dash
		}
		i := strings.IndexByte(code[end:], '-')
		if i < 0 {
			return code, part == n-1
		}
		end += i
	}
	return code[:end], true
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
