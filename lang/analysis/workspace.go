package analysis

import (
	"fmt"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/report"
)

// This file adds to the per-file features what needs the whole workspace:
// an offer's rank among the workspace's offers, the "Compare" lens and its
// table, a counter's approval tier, the hover on an ask (ask.go) and the
// counter's script and email actions (draft.go), and the preparation
// checklist.

// CompareCommand is the command of the "Compare with N other offers" lens;
// its one argument is the file name, and it returns Markdown.
const CompareCommand = "offer.compare"

// Overview is a workspace seen whole at one state of its files
// (lang.Workspace.Gen): the offers it compares (report.Select), which the
// count on the Compare lens reads, and their comparison, which an offer's
// rank on hover and the Compare command's table read. Working them out
// checks every file of the workspace, so an editor keeps one Overview per
// state instead of working them out for each request. Each is worked out
// on first need (the lens needs no comparison), and again after a panic
// rather than kept empty; an Overview is safe for concurrent use.
type Overview struct {
	ws  *lang.Workspace
	gen uint64
	mu  sync.Mutex
	sel *report.Selection
	cmp *report.Comparison
}

// NewOverview returns the overview of a workspace in its current state;
// nil for a nil workspace.
func NewOverview(ws *lang.Workspace) *Overview {
	if ws == nil {
		return nil
	}
	return &Overview{ws: ws, gen: ws.Gen()}
}

// Current reports whether the workspace is still in the state the
// overview was made for.
func (o *Overview) Current() bool { return o != nil && o.ws.Gen() == o.gen }

// Gen is the state of the workspace the overview was made for.
func (o *Overview) Gen() uint64 { return o.gen }

// selection returns the offers the comparison holds (no counters).
func (o *Overview) selection() report.Selection {
	o.mu.Lock()
	defer o.mu.Unlock()
	return *o.selectionLocked()
}

func (o *Overview) selectionLocked() *report.Selection {
	if o.sel == nil {
		sel := report.Select(o.ws.CheckAll(), false)
		o.sel = &sel
	}
	return o.sel
}

func (o *Overview) comparison() *report.Comparison {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.cmp == nil {
		o.cmp = report.CompareSelection(*o.selectionLocked(), report.Options{})
	}
	return o.cmp
}

// CompareMarkdown returns the side-by-side table of the workspace's
// offers, the Compare lens's command.
func (o *Overview) CompareMarkdown() string { return o.comparison().Markdown() }

// WorkspaceHover is HoverAt with what needs the workspace: on an offer's
// label, its rank among the offers; on an ask of a counter, the ask against
// the offer, its usual room and what it alone does to each year.
func WorkspaceHover(ov *Overview, r *lang.Result, pos hcl.Pos) *Hover {
	h := HoverAt(r, pos)
	if h == nil || ov == nil || r.File == nil {
		return h
	}
	p := placeAt(r, pos)
	switch {
	case p != nil && p.onName && p.doc != nil && p.doc.Kind == "offer":
		if rank := ov.comparison().RankHover("offer", p.doc.Name); rank != "" {
			h.Markdown += "\n" + rank + "\n"
		}
		if md := afterTaxHover(ov.ws, p.doc); md != "" {
			h.Markdown += "\n---\n\n" + md
		}
	case p != nil && p.attr != nil || p != nil && p.onType:
		if md, _, ok := AskHover(r, pos); ok {
			h.Markdown += "\n---\n\n" + md
		}
	}
	return h
}

// WorkspaceLenses is Lenses with what needs the workspace: a counter's lens
// names who approves its increase, and each offer gets a "Compare with N
// other offers" lens when the workspace holds other offers.
func WorkspaceLenses(ov *Overview, r *lang.Result) []Lens {
	out := Lenses(r)
	if ov == nil || r == nil {
		return out
	}
	ws := ov.ws
	approval := map[string]string{}
	for _, d := range r.Docs {
		if d.Kind == "counter" && d.CounterAnalysis != nil && d.CounterAnalysis.ApprovalIndex >= 0 {
			approval[d.Name] = d.CounterAnalysis.Approval.Who
		}
	}
	offers := 0
	for _, d := range r.Docs {
		if d.Kind == "offer" {
			offers++
		}
	}
	var others int
	if offers > 0 {
		others = len(ov.selection().Documents) - 1 // the offers the compare table shows
	}
	var with []Lens
	for _, l := range out {
		for _, d := range r.Docs {
			if !d.Resolved || d.Node.DefRange() != l.Range {
				continue
			}
			if who, ok := approval[d.Name]; ok && d.Kind == "counter" {
				l.Title += sep + "approval: " + who
			}
			with = append(with, l)
			if title := report.LensTitle(others); d.Kind == "offer" && title != "" {
				with = append(with, Lens{Range: l.Range, Title: title, Command: CompareCommand, Args: []any{r.File.Name}})
			}
			if title := netLensTitle(ws, d); d.Kind == "offer" && title != "" {
				with = append(with, Lens{Range: l.Range, Title: title, Command: TotalsCommand})
			}
		}
	}
	return append(with, checklistLens(ws, r)...)
}

// checklistLens is "Checklist 11 of 18" above the workspace's candidate
// block, when this file holds it: how much of the preparation the files
// show done (offer checklist has the items).
func checklistLens(ws *lang.Workspace, r *lang.Result) []Lens {
	_, cand := ws.Candidate()
	if cand == nil || r.File == nil || cand.File != r.File {
		return nil
	}
	items := ws.Checklist()
	done := 0
	for _, it := range items {
		if it.Status == lang.CheckDone {
			done++
		}
	}
	return []Lens{{Range: cand.DefRange(), Title: fmt.Sprintf("Checklist %d of %d", done, len(items)), Command: TotalsCommand}}
}

// WorkspaceActions is Actions with the counter's "Insert script for
// <lever>", "Draft round-1 email" (or follow-up) and "Draft acceptance
// email" actions (DraftActions). The actions that write text are lazy.
func WorkspaceActions(ws *lang.Workspace, r *lang.Result, rng hcl.Range) []Action {
	out := Actions(ws, r, rng)
	if ws == nil || r == nil || r.File == nil {
		return out
	}
	return append(out, DraftActions(ws, r, rng.Start)...)
}

// ChecklistDiagnostics returns the missing preparations whose place is in
// the named file, as info diagnostics with the code "checklist".
func ChecklistDiagnostics(ws *lang.Workspace, filename string) lang.Diagnostics {
	return ChecklistDiagnosticsOf(ws.Checklist(), filename)
}

// ChecklistDiagnosticsOf is ChecklistDiagnostics for a checklist already
// worked out.
func ChecklistDiagnosticsOf(items []lang.CheckItem, filename string) lang.Diagnostics {
	var out lang.Diagnostics
	for _, item := range items {
		if item.Status != lang.CheckMissing || item.Subject == nil || item.Subject.Filename != filename {
			continue
		}
		out = append(out, lang.ChecklistDiagnostic(item))
	}
	return out
}
