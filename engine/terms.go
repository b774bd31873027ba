package engine

import (
	"fmt"
	"strings"
	"time"
)

// This file defines the terms of an offer that are not yearly figures: the
// flexibility lever (remote work, office days, relocation items), a written
// promotion timeline, and how much later a start date is.

// Flexibility is where and how the work is done, and what a relocation
// package covers beyond its cash amount.
type Flexibility struct {
	Remote          bool     // fully remote
	OfficeDays      int      // days a week in the office (hybrid); valid when HasOfficeDays
	HasOfficeDays   bool     //
	RelocationItems []string // items the relocation package covers ("Temporary housing")
}

// IsZero reports whether no flexibility term is stated.
func (f Flexibility) IsZero() bool {
	return !f.Remote && !f.HasOfficeDays && len(f.RelocationItems) == 0
}

// Terms renders the stated terms for people: "fully remote", "2 office days
// a week", "relocation covering moving costs and temporary housing".
func (f Flexibility) Terms() []string {
	var out []string
	if f.Remote {
		out = append(out, "fully remote")
	}
	if f.HasOfficeDays {
		out = append(out, fmt.Sprintf("%d office %s a week", f.OfficeDays, plural(f.OfficeDays, "day", "days")))
	}
	if len(f.RelocationItems) > 0 {
		out = append(out, "a relocation package covering "+JoinAnd(f.RelocationItems))
	}
	return out
}

// Promotion is a written promotion timeline: a review for Level within
// Months of the start date.
type Promotion struct {
	Level  string
	Months int
}

// Text renders the timeline: "a written review for L7 within 12 months".
func (p Promotion) Text() string {
	switch {
	case p.Level != "" && p.Months > 0:
		return fmt.Sprintf("a written promotion review for %s within %d months", p.Level, p.Months)
	case p.Level != "":
		return fmt.Sprintf("a written promotion path to %s", p.Level)
	case p.Months > 0:
		return fmt.Sprintf("a written promotion review within %d months", p.Months)
	}
	return "a written promotion timeline"
}

// StartDelay says how much later one start date is than another, in whole
// weeks and the days left over. ok is false when either date is missing.
func StartDelay(offered, asked time.Time) (weeks, days int, ok bool) {
	if offered.IsZero() || asked.IsZero() {
		return 0, 0, false
	}
	d := int(asked.Sub(offered).Hours() / 24)
	return d / 7, d % 7, true
}

// DelayText renders a StartDelay: "4 weeks later", "2 weeks and 3 days
// earlier", "the same day".
func DelayText(weeks, days int) string {
	if weeks == 0 && days == 0 {
		return "the same day"
	}
	dir := "later"
	if weeks < 0 || days < 0 {
		dir, weeks, days = "earlier", -weeks, -days
	}
	var parts []string
	if weeks != 0 {
		parts = append(parts, fmt.Sprintf("%d %s", weeks, plural(weeks, "week", "weeks")))
	}
	if days != 0 {
		parts = append(parts, fmt.Sprintf("%d %s", days, plural(days, "day", "days")))
	}
	return strings.Join(parts, " and ") + " " + dir
}

// JoinAnd joins words as a list in a sentence: "a", "a and b", "a, b and c".
func JoinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func plural(n int, one, many string) string {
	if n == 1 || n == -1 {
		return one
	}
	return many
}
