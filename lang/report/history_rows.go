package report

import (
	"fmt"
	"path"
	"strings"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
)

// This file adds a file's rows to a history from its check result: a row
// per offer and counter, and for what cannot be valued a row that says
// why, never a row of empty figures.

// Valued reports whether the row has figures: a document that could be
// valued, though perhaps with errors (Errors says how many).
func (r HistoryRow) Valued() bool { return r.Name != "" && !r.unvalued }

// Failed reports whether a row could not be valued in full because of
// errors in the files at its commit: offer history then exits 1.
func (h *History) Failed() bool {
	for _, r := range h.Rows {
		if r.Errors > 0 || r.unvalued && r.Name != "" {
			return true
		}
	}
	return false
}

// AddResult adds what one file held at one commit (file names it as it
// was at that commit): a row for each offer and counter, and a row that
// says why for what could not be valued.
func (h *History) AddResult(commit, date, subject, file string, r *lang.Result) {
	var errs lang.Diagnostics
	for _, d := range r.Diags {
		if d.Severity == engine.Error {
			errs = append(errs, d)
		}
	}
	var docs []*lang.Doc
	n := len(h.Rows)
	for _, d := range r.Docs {
		if d.LeftOut == nil { // valued in full
			docs = append(docs, d)
		}
	}
	if h.Dir { // a file's history follows it into another directory
		h.scope = path.Dir(file)
	}
	h.Add(commit, date, subject, docs, len(errs))
	h.scope = ""
	if len(docs) == 0 {
		h.Rows = h.Rows[:n] // replaced by the rows below, which say why
	}
	for i := n; i < len(h.Rows); i++ {
		h.Rows[i].File = file
		if h.Rows[i].Errors > 0 {
			h.Rows[i].Reason = fmt.Sprintf("the file has %d error(s) elsewhere (%s)", len(errs), firstError(errs))
		}
	}
	for _, d := range r.Docs {
		row := HistoryRow{Commit: commit, Date: date, Subject: subject, File: file, Kind: d.Kind, Name: d.Name,
			Errors: len(errs), unvalued: true}
		switch {
		case !d.Resolved && d.Counter != nil && d.Counter.OfferRef != "":
			row.Reason = fmt.Sprintf("not valued: it answers offer.%s, which the directory does not hold at this commit", d.Counter.OfferRef)
		case !d.Resolved: // it names no offer
			row.Reason = "not valued: " + whyNoFigures(d.LeftOut, false, "")
		case d.Incomplete():
			row.Reason = fmt.Sprintf("not valued: %s (%s)", whyNoFigures(d.LeftOut, true, ""), firstError(d.LeftOut.Errors))
		default:
			continue
		}
		h.Rows = append(h.Rows, row)
	}
	if len(r.Docs) > 0 {
		return
	}
	row := HistoryRow{Commit: commit, Date: date, Subject: subject, File: file, Errors: len(errs), unvalued: true,
		Reason: "the file holds no offer or counter"}
	if len(errs) > 0 {
		row.Reason = fmt.Sprintf("not valued: the file has %d error(s) (%s)", len(errs), firstError(errs))
	}
	h.Rows = append(h.Rows, row)
}

// AddDeleted adds the row of a file a commit deleted.
func (h *History) AddDeleted(commit, date, subject, file string) {
	h.Rows = append(h.Rows, HistoryRow{Commit: commit, Date: date, Subject: subject, File: file, unvalued: true, deleted: true,
		Reason: "the commit deleted the file"})
}

// AddRefused adds the row of a file the reading rules refused at a commit
// (over the size limit, a committed link): it could not be valued, and its
// reason is the refusal's.
func (h *History) AddRefused(commit, date, subject, file string, r *lang.Refusal) {
	h.Rows = append(h.Rows, HistoryRow{Commit: commit, Date: date, Subject: subject, File: file, Errors: 1, unvalued: true,
		Reason: fmt.Sprintf("not read (%s): %s", r.Code, r.Message)})
}

// firstError names the first error and where it is.
func firstError(errs lang.Diagnostics) string {
	if len(errs) == 0 {
		return ""
	}
	d := errs[0]
	name := d.Subject.Filename
	if i := strings.LastIndex(name, ":"); i >= 0 { // REV:PATH
		name = name[i+1:]
	}
	return fmt.Sprintf("%s line %d: %s", path.Base(name), d.Subject.Start.Line, d.Summary)
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
