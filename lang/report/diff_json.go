package report

import "github.com/offerkit/offerkit/engine"

// This file is the JSON form of offer diff. A delta and its percent are
// null when the two versions are in different currencies: such amounts are
// not subtracted.

// JSONLeverChange is one lever that changed.
type JSONLeverChange struct {
	Lever   string   `json:"lever"`
	Before  any      `json:"before"`
	After   any      `json:"after"`
	Delta   any      `json:"delta,omitempty"`
	Percent *Rounded `json:"percent,omitempty"`
}

// JSONYearChange is one year's total before and after.
type JSONYearChange struct {
	Year   int    `json:"year"`
	Before Money  `json:"before"`
	After  Money  `json:"after"`
	Delta  *Money `json:"delta"`
}

// JSONTotalChange is the 4-year total before and after.
type JSONTotalChange struct {
	Before  Money    `json:"before"`
	After   Money    `json:"after"`
	Delta   *Money   `json:"delta"`
	Percent *Rounded `json:"percent"`
}

// JSONDocDiff is one offer or counter across two versions.
type JSONDocDiff struct {
	Kind     string `json:"kind"`
	Name     string `json:"name"`
	Status   string `json:"status"`
	Currency string `json:"currency"`
	// BeforeCurrency is set when the old version was in another currency.
	BeforeCurrency string            `json:"before_currency,omitempty"`
	Levers         []JSONLeverChange `json:"levers"`
	Years          []JSONYearChange  `json:"years"`
	FourYear       JSONTotalChange   `json:"four_year"`
}

// JSONFileDiff is one file across two versions.
type JSONFileDiff struct {
	Old       string        `json:"old"`
	New       string        `json:"new"`
	Documents []JSONDocDiff `json:"documents"`
}

// JSONDiff is the whole of offer diff --format json.
type JSONDiff struct {
	Files []JSONFileDiff `json:"files"`
}

// DiffJSON returns the JSON form of the comparisons.
func DiffJSON(fds []FileDiff) JSONDiff {
	out := JSONDiff{Files: []JSONFileDiff{}}
	for _, fd := range fds {
		jf := JSONFileDiff{Old: fd.Old, New: fd.New, Documents: []JSONDocDiff{}}
		for _, d := range fd.Docs {
			jf.Documents = append(jf.Documents, docDiffJSON(d))
		}
		out.Files = append(out.Files, jf)
	}
	return out
}

func docDiffJSON(d DocDiff) JSONDocDiff {
	ch := d.Change
	jd := JSONDocDiff{Kind: d.Kind, Name: d.Name, Status: d.Status, Currency: d.Currency, Levers: []JSONLeverChange{},
		FourYear: JSONTotalChange{Before: Money(ch.Before.Total), After: Money(ch.After.Total)}}
	if !ch.Totals().Comparable() {
		jd.BeforeCurrency = ch.BeforeCurrency
	}
	if delta, ok := ch.Totals().Delta(); ok {
		jd.FourYear.Delta, jd.FourYear.Percent = moneyPtr(delta), percentPtr(delta, ch.Before.Total)
	}
	for _, l := range ch.Levers {
		jl := JSONLeverChange{Lever: l.Lever}
		switch l.Kind {
		case engine.LeverMoney:
			jl.Before, jl.After = Money(l.Before), Money(l.After)
			if delta, ok := l.Amounts().Delta(); ok {
				jl.Delta, jl.Percent = Money(delta), percentPtr(delta, l.Before)
			}
		case engine.LeverNumber:
			jl.Before, jl.After, jl.Delta = Number(l.BeforeNum), Number(l.AfterNum), Number(l.NumDelta())
		default:
			jl.Before, jl.After = nullable(l.BeforeText), nullable(l.AfterText)
		}
		jd.Levers = append(jd.Levers, jl)
	}
	for i := range ch.After.Years {
		yc := JSONYearChange{Year: i + 1, Before: Money(ch.Before.Years[i].Total), After: Money(ch.After.Years[i].Total)}
		if delta, ok := ch.Year(i + 1).Delta(); ok {
			yc.Delta = moneyPtr(delta)
		}
		jd.Years = append(jd.Years, yc)
	}
	return jd
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}
