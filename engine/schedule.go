package engine

import (
	"fmt"
	"math/big"
)

// Years is the horizon of every figure offerkit reports: the four years of a
// typical new-hire grant.
const Years = 4

// Schedule is a vesting schedule: the percentage of the grant that vests in
// each employment year. Percentages must add up to 100.
type Schedule struct {
	Name    string // preset name, or "" for an inline list
	Percent []Dec  // year 1 first
	Cadence Cadence
	Source  string
}

// Cadence says how often a schedule's yearly share vests within each year.
// Zero means once, at the end of the year. Per-year cadences (Amazon vests
// yearly in years 1-2 and every six months in years 3-4) list one entry per
// year; a shorter list repeats its last entry.
type Cadence []int

// EventsInYear returns how many vest events fall in employment year y (1-based).
func (c Cadence) EventsInYear(y int) int {
	if len(c) == 0 {
		return 1
	}
	if y-1 < len(c) {
		return c[y-1]
	}
	return c[len(c)-1]
}

// Validate checks that the percentages are non-negative and add up to 100.
func (s Schedule) Validate() error {
	if len(s.Percent) == 0 {
		return &FieldError{Field: "percent", Code: "schedule-sum", Msg: "a schedule needs at least one yearly percentage"}
	}
	sum := new(big.Rat)
	for i, p := range s.Percent {
		if p.Sign() < 0 {
			return &FieldError{Field: "percent", Code: "negative-value",
				Msg: fmt.Sprintf("year %d vests %s%%; a vesting percentage cannot be negative", i+1, p)}
		}
		sum.Add(sum, p.Rat())
	}
	if sum.Cmp(big.NewRat(100, 1)) != 0 {
		return &FieldError{Field: "percent", Code: "schedule-sum",
			Msg: fmt.Sprintf("the yearly percentages add up to %s, not 100", DecFromRat(sum))}
	}
	for _, n := range s.Cadence {
		if n < 1 || n > 12 {
			return &FieldError{Field: "cadence", Code: "invalid-value",
				Msg: fmt.Sprintf("%d vest events a year is not a cadence; use 1 (yearly), 2, 4 or 12 (monthly)", n)}
		}
	}
	return nil
}

// PercentInYear returns the share of the grant vesting in year y (1-based);
// zero past the end of the schedule.
func (s Schedule) PercentInYear(y int) Dec {
	if y < 1 || y > len(s.Percent) {
		return Dec{}
	}
	return s.Percent[y-1]
}

// PercentText renders the yearly percentages: "5/15/40/40".
func (s Schedule) PercentText() string {
	parts := ""
	for i, p := range s.Percent {
		if i > 0 {
			parts += "/"
		}
		parts += p.String()
	}
	return parts
}

// Label renders the schedule for people: "amazon (5/15/40/40)".
func (s Schedule) Label() string {
	if s.Name == "" {
		return s.PercentText()
	}
	return s.Name + " (" + s.PercentText() + ")"
}
