package report

import (
	"fmt"
	"io"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
)

// This file renders offer history: what each offer and counter of a file
// paid at each commit, oldest first, with the change of its 4-year total
// from its previous row (never subtracted across currencies), in text,
// Markdown, HTML (one grid) and JSON.

// HistoryRow is what one offer or counter paid at one commit.
type HistoryRow struct {
	Commit, Date, Subject string
	Kind, Name            string // "" when nothing could be valued
	Currency              string
	Year1, Total          engine.Money
	Errors                int // errors in the file at that commit; figures leave out what could not be read
	// Change is the 4-year total against the previous row of the same
	// document; HasPrev is false on its first row.
	Change  engine.Amounts
	HasPrev bool
}

// History is a file's rows, built commit by commit, oldest first.
type History struct {
	File string
	Rows []HistoryRow
	last map[string]engine.Amounts // by "kind name": the latest total, as After
}

// NewHistory starts the history of file.
func NewHistory(file string) *History {
	return &History{File: file, last: map[string]engine.Amounts{}}
}

// Add adds a commit's valued documents (and the number of errors in the
// file at that commit); a commit where nothing was valued adds one row.
func (h *History) Add(commit, date, subject string, docs []*lang.Doc, errors int) {
	for _, d := range docs {
		w := d.Analysis.Worth
		r := HistoryRow{Commit: commit, Date: date, Subject: subject, Kind: d.Kind, Name: d.Name,
			Currency: offerCurrency(d.Analysis.Offer), Year1: w.Years[0].Total, Total: w.Total, Errors: errors}
		key := d.Kind + " " + d.Name
		if prev, ok := h.last[key]; ok {
			r.Change = engine.Amounts{Before: prev.After, After: w.Total, BeforeCurrency: prev.AfterCurrency, AfterCurrency: r.Currency}
			r.HasPrev = true
		}
		h.last[key] = engine.Amounts{After: w.Total, AfterCurrency: r.Currency}
		h.Rows = append(h.Rows, r)
	}
	if len(docs) == 0 {
		h.Rows = append(h.Rows, HistoryRow{Commit: commit, Date: date, Subject: subject, Errors: errors})
	}
}

// grid is the history's table, one row per commit and document.
func (h *History) grid() *grid {
	g := &grid{head: []string{"Date", "Commit", "Document", "Year 1", "4 years", "Change", "Subject"}, align: alignLeft}
	for _, r := range h.Rows {
		doc, y1, total, change := "(nothing valued)", "", "", ""
		if r.Name != "" {
			doc, y1, total = r.Kind+" "+r.Name, r.Year1.Format(r.Currency), r.Total.Format(r.Currency)
			if _, ok := r.Change.Delta(); ok && r.HasPrev {
				change = r.Change.Text()
			}
		}
		if r.Errors > 0 {
			total += fmt.Sprintf(" (%d errors)", r.Errors)
		}
		g.add(r.Date, r.Commit[:7], doc, y1, total, change, r.Subject)
	}
	return g
}

func (h *History) title() string { return fmt.Sprintf("History of %s (oldest first)", h.File) }

// WriteText writes the history as a table.
func (h *History) WriteText(w io.Writer) {
	fmt.Fprintln(w, h.title())
	h.grid().writeText(w)
}

func (h *History) page() page {
	return page{Title: "Offer history", Subtitle: h.title(), Sections: []pageSection{{Parts: []pagePart{{Table: h.grid()}}}}}
}

// WriteMarkdown writes the history as a Markdown table, the same grid as
// the text.
func (h *History) WriteMarkdown(w io.Writer) { h.page().writeMarkdown(w) }

// WriteHTML writes the history as one self-contained HTML page.
func (h *History) WriteHTML(w io.Writer) error { return h.page().writeHTML(w) }

// JSONHistoryRow is one row of offer history --format json. Change and
// ChangePercent are null on a document's first row and across currencies.
type JSONHistoryRow struct {
	Commit        string   `json:"commit"`
	Date          string   `json:"date"`
	Subject       string   `json:"subject"`
	Kind          string   `json:"kind,omitempty"`
	Name          string   `json:"name,omitempty"`
	Currency      string   `json:"currency,omitempty"`
	Year1         Money    `json:"year1_total"`
	FourYear      Money    `json:"four_year_total"`
	Change        *Money   `json:"change"`
	ChangePercent *Rounded `json:"change_percent"`
	Errors        int      `json:"errors"`
}

// JSONHistory is the whole of offer history --format json.
type JSONHistory struct {
	File string           `json:"file"`
	Rows []JSONHistoryRow `json:"rows"`
}

// JSON returns the history's JSON form.
func (h *History) JSON() JSONHistory {
	out := JSONHistory{File: h.File, Rows: []JSONHistoryRow{}}
	for _, r := range h.Rows {
		j := JSONHistoryRow{Commit: r.Commit, Date: r.Date, Subject: r.Subject, Kind: r.Kind, Name: r.Name,
			Currency: r.Currency, Year1: Money(r.Year1), FourYear: Money(r.Total), Errors: r.Errors}
		if d, ok := r.Change.Delta(); ok && r.HasPrev {
			j.Change, j.ChangePercent = moneyPtr(d), percentPtr(d, r.Change.Before)
		}
		out.Rows = append(out.Rows, j)
	}
	return out
}
