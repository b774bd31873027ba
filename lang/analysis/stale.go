package analysis

import "github.com/offerkit/offerkit/lang"

// This file decides what an editor shows while a file does not parse
// (a quote left open while typing): the figures decoded from a broken
// text are partial ("4-yr $0", "Missing base"), so the editor keeps
// showing the figures of the last text that parsed, marked stale, and
// only the syntax errors, which say what to fix.

// StaleNote ends a lens, hint or hover drawn from the last text that parsed.
const StaleNote = "stale until the file parses"

// Parses reports whether a checked file parsed: it has no syntax error.
func Parses(r *lang.Result) bool {
	if r == nil {
		return false
	}
	for _, d := range r.Diags {
		if d.Code == "syntax" {
			return false
		}
	}
	return true
}

// Diagnostics returns the diagnostics an editor shows for a checked file:
// all of them, or while the file does not parse only its syntax errors,
// since what a partial decode reports (a missing attribute, an unknown
// reference, a rule on $0) would go away with the syntax error.
func Diagnostics(r *lang.Result) lang.Diagnostics {
	if r == nil || Parses(r) {
		if r == nil {
			return nil
		}
		return r.Diags
	}
	var out lang.Diagnostics
	for _, d := range r.Diags {
		if d.Code == "syntax" {
			out = append(out, d)
		}
	}
	return out
}

// MarkStaleLenses marks the totals lenses of the last text that parsed.
func MarkStaleLenses(ls []Lens) []Lens {
	out := make([]Lens, 0, len(ls))
	for _, l := range ls {
		if l.Command == TotalsCommand {
			l.Title += sep + StaleNote
		}
		out = append(out, l)
	}
	return out
}

// MarkStaleHints marks the hints of the last text that parsed.
func MarkStaleHints(hs []InlayHint) []InlayHint {
	out := make([]InlayHint, 0, len(hs))
	for _, h := range hs {
		h.Label += " (stale)"
		h.Tooltip = h.Tooltip + " (" + StaleNote + ")"
		out = append(out, h)
	}
	return out
}

// MarkStaleHover marks a hover drawn from the last text that parsed.
func MarkStaleHover(h *Hover) *Hover {
	if h == nil {
		return nil
	}
	c := *h
	c.Markdown = "*Figures of the last text that parsed: " + StaleNote + ".*\n\n" + c.Markdown
	return &c
}
