package tax

import (
	"fmt"
	"sync"
)

// This file holds what the estimate reads of the tables, worked out once
// per Tables (on first use) instead of once per offer: every rate in
// thousandths of a percent (arith.go), the tables of each code, and the
// notes said of tables reused for later years. Tables must not change
// once an estimate or lookup has used them.

type prepared struct {
	byCode map[string][]int // indices into Jurisdictions, for each code, in order
	rates  []rates          // by index into Jurisdictions
	notes  sync.Map         // reuse -> its note
}

// rates are one jurisdiction's rates in thousandths of a percent; -1
// where a rate has more decimals or is out of range (the exact path).
type rates struct {
	schedules                      map[Status][]int64 // each bracket's rate
	supplemental, supplementalHigh int64
	payroll                        []int64 // each contribution's rate
	additionalMedicare             int64
}

// preparing holds a Tables' prepared form, made once.
type preparing struct {
	once sync.Once
	p    *prepared
}

func (t *Tables) prepared() *prepared {
	t.prep.once.Do(func() { t.prep.p = prepare(t) })
	return t.prep.p
}

func prepare(t *Tables) *prepared {
	p := &prepared{byCode: map[string][]int{}, rates: make([]rates, len(t.Jurisdictions))}
	for i := range t.Jurisdictions {
		j := &t.Jurisdictions[i]
		p.byCode[j.Code] = append(p.byCode[j.Code], i)
		r := &p.rates[i]
		if it := j.Income; it != nil {
			r.schedules = make(map[Status][]int64, len(it.Schedules))
			for status, s := range it.Schedules {
				us := make([]int64, len(s.Brackets))
				for k, b := range s.Brackets {
					us[k] = milli(b.Rate)
				}
				r.schedules[status] = us
			}
			r.supplemental, r.supplementalHigh = milli(it.SupplementalRate), milli(it.SupplementalHighRate)
		}
		r.payroll = make([]int64, len(j.Payroll))
		for k, c := range j.Payroll {
			r.payroll[k] = milli(c.Rate)
		}
		if am := j.AdditionalMedicare; am != nil {
			r.additionalMedicare = milli(am.Rate)
		}
	}
	return p
}

// lookup is Lookup by index into Jurisdictions; -1 when code is unknown.
func (t *Tables) lookup(code string, year int) (best int, reused bool) {
	best = -1
	for _, i := range t.prepared().byCode[code] {
		c := &t.Jurisdictions[i]
		switch {
		case best < 0:
			best = i
		case c.Year <= year && (t.Jurisdictions[best].Year > year || c.Year > t.Jurisdictions[best].Year):
			best = i
		case t.Jurisdictions[best].Year > year && c.Year < t.Jurisdictions[best].Year:
			best = i
		}
	}
	if best < 0 {
		return -1, false
	}
	return best, t.Jurisdictions[best].Year != year
}

// Newest returns the newest year of the tables for code; 0 when there is
// none.
func (t *Tables) Newest(code string) int {
	newest := 0
	for _, i := range t.prepared().byCode[code] {
		newest = max(newest, t.Jurisdictions[i].Year)
	}
	return newest
}

// reuse is one table used for calendar years other than its own.
type reuse struct {
	table       int // index into Jurisdictions
	first, last int // the calendar years that used it
}

// note says "2027-2030 use the New York tables of 2024, not indexed for
// inflation"; each is written once per Tables: written per estimate
// instead, BenchmarkAfterTaxCorpus1000 allocates about 46,000 times per pass
// instead of 10,000 (-benchtime 50x; docs/performance.md).
func (p *prepared) note(t *Tables, r reuse) string {
	if s, ok := p.notes.Load(r); ok {
		return s.(string)
	}
	j := &t.Jurisdictions[r.table]
	span := fmt.Sprintf("%d uses", r.first)
	if r.last != r.first {
		span = fmt.Sprintf("%d-%d use", r.first, r.last)
	}
	s := fmt.Sprintf("%s the %s tables of %d, not indexed for inflation", span, j.Name, j.Year)
	p.notes.Store(r, s)
	return s
}
