package report

import (
	"fmt"
	"io"
	"strings"

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
	File                  string // the file as it was named at that commit (git follows renames)
	// Reason says why the row's figures are missing or incomplete: the
	// file's errors, a counter's missing offer, a deleted file; "" for a
	// row valued in full.
	Reason       string
	Currency     string
	Year1, Total engine.Money
	Errors       int // errors in the file at that commit; figures leave out what could not be read
	// Change is the 4-year total against the previous row of the same
	// document; HasPrev is false on its first row.
	Change  engine.Amounts
	HasPrev bool

	unvalued bool // no figures: Reason says why
	deleted  bool // the commit deleted the file
}

// History is a file's rows, built commit by commit, oldest first.
type History struct {
	File string
	Dir  bool // the history of a directory: rows name their files
	// scope is the directory of the file being added: documents of one
	// name in two directories are two negotiations, never compared.
	scope string
	Rows  []HistoryRow
	last  map[string]engine.Amounts // by "kind name": the latest total, as After
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
		key := h.scope + "\x00" + d.Kind + " " + d.Name
		if prev, ok := h.last[key]; ok {
			r.Change = engine.Amounts{Before: prev.After, After: w.Total, BeforeCurrency: prev.AfterCurrency, AfterCurrency: r.Currency}
			r.HasPrev = true
		}
		h.last[key] = engine.Amounts{After: w.Total, AfterCurrency: r.Currency}
		h.Rows = append(h.Rows, r)
	}
	if len(docs) == 0 {
		h.Rows = append(h.Rows, HistoryRow{Commit: commit, Date: date, Subject: subject, Errors: errors,
			Reason: "the file holds no offer or counter that could be valued"})
	}
}

// grid is the history's table, one row per commit and document (the
// commit's subject on its first row only), and the notes that say why a
// row has no figures (or incomplete ones), numbered as the rows refer to
// them.
func (h *History) grid() (*grid, []string) {
	head := []string{"Date", "Commit", "Document", "Year 1", "4 years", "Change", "Subject"}
	if h.Dir {
		head = []string{"Date", "Commit", "File", "Document", "Year 1", "4 years", "Change", "Subject"}
	}
	g := &grid{head: head, align: alignLeft}
	var notes []string
	for i, r := range h.Rows {
		doc, y1, total, change := r.Kind+" "+r.Name, "", "", ""
		switch {
		case r.deleted:
			doc = "(deleted)"
		case r.Name == "":
			doc = "(not valued)"
		}
		if r.Valued() {
			y1, total = r.Year1.Format(r.Currency), r.Total.Format(r.Currency)
			if _, ok := r.Change.Delta(); ok && r.HasPrev {
				change = r.Change.Text()
			}
		}
		if r.Reason != "" {
			file := "" // a file's history names it in its title
			if h.Dir {
				file = r.File
			}
			notes = append(notes, fmt.Sprintf("[%d] %s: %s", len(notes)+1, strings.Join(nonEmpty(r.Commit[:7], file, r.Kind, r.Name), " "), r.Reason))
			doc += fmt.Sprintf(" [%d]", len(notes))
		}
		if r.Errors > 0 && r.Valued() {
			total += fmt.Sprintf(" (%d errors)", r.Errors)
		}
		// A commit's subject is said on its first row; the rows of its
		// other documents, which follow, would only repeat it.
		subject := r.Subject
		if i > 0 && h.Rows[i-1].Commit == r.Commit {
			subject = ""
		}
		cells := []string{r.Date, r.Commit[:7], doc, y1, total, change, subject}
		if h.Dir {
			cells = append(cells[:2], append([]string{r.File}, cells[2:]...)...)
		}
		g.add(cells...)
	}
	return g, notes
}

func (h *History) title() string { return fmt.Sprintf("History of %s (oldest first)", h.File) }

// WriteText writes the history as a table.
func (h *History) WriteText(w io.Writer) {
	fmt.Fprintln(w, h.title())
	g, notes := h.grid()
	g.writeText(w)
	for _, n := range notes {
		fmt.Fprintln(w, n)
	}
}

func (h *History) page() page {
	g, notes := h.grid()
	parts := []pagePart{{Table: g}}
	for _, n := range notes {
		parts = append(parts, pagePart{Text: n})
	}
	return page{Title: "Offer history", Subtitle: h.title(), Sections: []pageSection{{Parts: parts}}}
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
	File          string   `json:"file,omitempty"`
	Kind          string   `json:"kind,omitempty"`
	Name          string   `json:"name,omitempty"`
	Currency      string   `json:"currency,omitempty"`
	Year1         *Money   `json:"year1_total"`     // null when not valued
	FourYear      *Money   `json:"four_year_total"` // null when not valued
	Reason        string   `json:"reason,omitempty"`
	Change        *Money   `json:"change"`
	ChangePercent *Rounded `json:"change_percent"`
	Errors        int      `json:"errors"`
}

// JSONHistory is the whole of offer history --format json.
type JSONHistory struct {
	File string           `json:"file"` // the file, or in a directory's history the directory
	Rows []JSONHistoryRow `json:"rows"`
}

// JSON returns the history's JSON form.
func (h *History) JSON() JSONHistory {
	out := JSONHistory{File: h.File, Rows: []JSONHistoryRow{}}
	for _, r := range h.Rows {
		j := JSONHistoryRow{Commit: r.Commit, Date: r.Date, Subject: r.Subject, File: r.File, Kind: r.Kind, Name: r.Name,
			Currency: r.Currency, Reason: r.Reason, Errors: r.Errors}
		if r.Valued() {
			y1, total := Money(r.Year1), Money(r.Total)
			j.Year1, j.FourYear = &y1, &total
		}
		if d, ok := r.Change.Delta(); ok && r.HasPrev {
			j.Change, j.ChangePercent = moneyPtr(d), percentPtr(d, r.Change.Before)
		}
		out.Rows = append(out.Rows, j)
	}
	return out
}
