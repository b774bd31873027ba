package report

import (
	"fmt"
	"io"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
)

// This file renders offer diff: two versions of an offer file compared by
// what they pay (engine.Compare), in text, Markdown and HTML over the same
// grids (JSON: diff_json.go). Amounts of different
// currencies are never subtracted (engine.Amounts.Delta): both are shown.

// FileDiff is the comparison of two versions of one file.
type FileDiff struct {
	Old, New string // how to name each version to people: a path or REV:PATH
	Docs     []DocDiff
}

// DocDiff compares one offer or counter across two versions.
type DocDiff struct {
	Kind, Name string
	Status     string // "changed", "unchanged", "added", "removed"
	Currency   string
	Change     engine.Change
}

// offerCurrency is an offer's currency as written, USD when unstated.
func offerCurrency(o engine.Offer) string {
	if o.Currency == "" {
		return "USD"
	}
	return o.Currency
}

// DiffDocs pairs the offers and counters of two versions of a file by kind
// and name: changed or unchanged, added, removed.
func DiffDocs(oldLabel, newLabel string, before, after []*lang.Doc) FileDiff {
	fd := FileDiff{Old: oldLabel, New: newLabel}
	key := func(d *lang.Doc) string { return d.Kind + " " + d.Name }
	prev := map[string]*lang.Doc{}
	for _, d := range before {
		prev[key(d)] = d
	}
	seen := map[string]bool{}
	for _, d := range after {
		dd := DocDiff{Kind: d.Kind, Name: d.Name, Currency: offerCurrency(d.Analysis.Offer)}
		if b := prev[key(d)]; b != nil {
			seen[key(d)] = true
			dd.Change = engine.Compare(b.Analysis.Offer, d.Analysis.Offer)
			dd.Status = "unchanged"
			if dd.Change.Changed() {
				dd.Status = "changed"
			}
		} else {
			dd.Status, dd.Change.After = "added", d.Analysis.Worth
		}
		fd.Docs = append(fd.Docs, dd)
	}
	for _, d := range before {
		if !seen[key(d)] {
			fd.Docs = append(fd.Docs, DocDiff{Kind: d.Kind, Name: d.Name, Currency: offerCurrency(d.Analysis.Offer),
				Status: "removed", Change: engine.Change{Before: d.Analysis.Worth}})
		}
	}
	return fd
}

// WriteDiff writes the comparisons as text.
func WriteDiff(w io.Writer, fds []FileDiff) {
	if len(fds) == 0 {
		fmt.Fprintln(w, noFilesChanged)
		return
	}
	for i, fd := range fds {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "--- %s\n+++ %s\n", fd.Old, fd.New)
		if len(fd.Docs) == 0 {
			fmt.Fprintln(w, nothingValued)
		}
		for _, d := range fd.Docs {
			fmt.Fprintln(w, "\n"+d.headline())
			if levers := d.leverGrid(); levers != nil {
				fmt.Fprintln(w, "  Levers")
				levers.head = nil
				levers.indent("    ").writeText(w)
			}
			if totals := d.totalsGrid(); totals != nil {
				totals.head[0] = "  " + totals.head[0]
				totals.indent("    ").writeText(w)
			}
		}
	}
}

const (
	noFilesChanged = "No offer files changed."
	nothingValued  = "No offers or counters could be valued."
)

// headline says what happened to a document: "offer a: 4-year total $X ->
// $Y, +$Z (+n%)", or that it was added, removed or did not change.
func (d DocDiff) headline() string {
	cur := d.Currency
	ch := d.Change
	switch d.Status {
	case "added":
		return fmt.Sprintf("%s %s: added, 4-year total %s (year 1 %s)", d.Kind, d.Name, ch.After.Total.Format(cur), ch.After.Years[0].Total.Format(cur))
	case "removed":
		return fmt.Sprintf("%s %s: removed, 4-year total was %s (year 1 %s)", d.Kind, d.Name, ch.Before.Total.Format(cur), ch.Before.Years[0].Total.Format(cur))
	case "unchanged":
		return fmt.Sprintf("%s %s: no change (4-year total %s)", d.Kind, d.Name, ch.After.Total.Format(cur))
	}
	return fmt.Sprintf("%s %s: 4-year total %s -> %s, %s", d.Kind, d.Name, ch.Before.Total.Format(currencyOr(ch.BeforeCurrency, cur)), ch.After.Total.Format(cur), changeOnly(ch.Totals()))
}

// leverGrid lists a changed document's levers: before -> after, change;
// nil when there is none.
func (d DocDiff) leverGrid() *grid {
	if d.Status != "changed" || len(d.Change.Levers) == 0 {
		return nil
	}
	g := &grid{head: []string{"Lever", "Before -> after", "Change"}, align: alignLeft}
	for _, l := range d.Change.Levers {
		b, a, delta := leverTexts(l, d.Currency)
		g.add(l.Lever, b+" -> "+a, delta)
	}
	return g
}

// totalsGrid is a changed document's totals, each year and four years,
// before and after; nil unless the document changed.
func (d DocDiff) totalsGrid() *grid {
	if d.Status != "changed" {
		return nil
	}
	ch, cur := d.Change, d.Currency
	bcur := currencyOr(ch.BeforeCurrency, cur)
	g := &grid{head: []string{"Totals", "Before", "After", "Change"}}
	for i, y := range ch.After.Years {
		g.add(fmt.Sprintf("Year %d", y.Year), ch.Before.Years[i].Total.Format(bcur), y.Total.Format(cur), signedOnly(ch.Year(i+1)))
	}
	g.add("4 years", ch.Before.Total.Format(bcur), ch.After.Total.Format(cur), signedOnly(ch.Totals()))
	return g
}

// diffPage lays the comparisons out as one page: a section per file, its
// documents' headlines and tables.
func diffPage(fds []FileDiff) page {
	p := page{Title: "Offer diff", Subtitle: noFilesChanged}
	if len(fds) > 0 {
		p.Subtitle = fmt.Sprintf("%d %s compared by what they pay.", len(fds), plural(len(fds), "file", "files"))
	}
	for _, fd := range fds {
		s := pageSection{Title: fd.Old + " -> " + fd.New}
		if len(fd.Docs) == 0 {
			s.Parts = append(s.Parts, pagePart{Text: nothingValued})
		}
		for _, d := range fd.Docs {
			s.Parts = append(s.Parts, pagePart{Text: d.headline(), Strong: true})
			for _, g := range []*grid{d.leverGrid(), d.totalsGrid()} {
				if g != nil {
					s.Parts = append(s.Parts, pagePart{Table: g})
				}
			}
		}
		p.Sections = append(p.Sections, s)
	}
	return p
}

// WriteDiffMarkdown writes the comparisons as Markdown, over the same
// grids as the text.
func WriteDiffMarkdown(w io.Writer, fds []FileDiff) { diffPage(fds).writeMarkdown(w) }

// WriteDiffHTML writes the comparisons as one self-contained HTML page.
func WriteDiffHTML(w io.Writer, fds []FileDiff) error { return diffPage(fds).writeHTML(w) }

// currencyOr returns c, or def when c is "".
func currencyOr(c, def string) string {
	if c == "" {
		return def
	}
	return c
}

// changeOnly renders a change and its percent, or says that amounts in
// different currencies are not subtracted.
func changeOnly(a engine.Amounts) string {
	if d, ok := a.Delta(); ok {
		return engine.ChangeText(d, a.Before, a.AfterCurrency)
	}
	return "different currencies, not subtracted"
}

// signedOnly renders a change without its percent.
func signedOnly(a engine.Amounts) string {
	if d, ok := a.Delta(); ok {
		return d.Signed(a.AfterCurrency)
	}
	return "-"
}

// leverTexts renders a lever's before and after values and its change.
func leverTexts(l engine.LeverChange, cur string) (before, after, delta string) {
	unset := func(s string) string {
		if s == "" {
			return "(not set)"
		}
		return s
	}
	switch l.Kind {
	case engine.LeverMoney:
		a := l.Amounts()
		return l.Before.Format(currencyOr(a.BeforeCurrency, cur)), l.After.Format(currencyOr(a.AfterCurrency, cur)), changeOnly(a)
	case engine.LeverNumber:
		d := l.NumDelta()
		plus := ""
		if d.Sign() > 0 {
			plus = "+"
		}
		if l.Lever == "bonus_target" || l.Lever == "equity.growth" {
			return l.BeforeNum.String() + "%", l.AfterNum.String() + "%", plus + d.String() + " points"
		}
		return l.BeforeNum.String(), l.AfterNum.String(), plus + d.String()
	}
	return unset(l.BeforeText), unset(l.AfterText), ""
}
