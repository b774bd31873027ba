package lang

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/engine/negotiate"
)

// This file holds the protocol-free editor features of counters: the code
// actions that insert a script or email block and the hover on an ask. (The
// counter's lens, with its approval tier, is lang/analysis's.) lsp/
// converts positions and wraps the results in protocol types.

// CounterAction is a code action on a counter: a title and one edit.
type CounterAction struct {
	Title string
	Edit  BlockEdit
}

// counterAt returns the checked counter whose block holds pos.
func counterAt(r *Result, pos hcl.Pos) *Doc {
	for _, d := range r.Docs {
		if d.Kind == "counter" && d.Node.Range.ContainsOffset(pos.Byte) {
			return d
		}
	}
	return nil
}

// leverAt returns the attribute or nested block of a counter that holds
// pos, as a lever name and its field ("equity.value" for a grant's value),
// with its range.
func leverAt(n *Node, pos hcl.Pos) (lever, field string, rng hcl.Range, ok bool) {
	for _, a := range n.Attrs {
		if l := engine.LeverOf(a.Name); l != "" && a.Range.ContainsOffset(pos.Byte) {
			return l, a.Name, a.Range, true
		}
	}
	for _, b := range n.Children {
		name := b.Type
		if l := engine.LeverOf(name); l != "" && b.Range.ContainsOffset(pos.Byte) {
			field := name
			if name == "equity" {
				field = "equity.value"
			}
			return l, field, b.Range, true
		}
	}
	return "", "", hcl.Range{}, false
}

// CounterActions returns the code actions at pos in a file: on a lever
// the counter restates, "Insert script for <lever>"; elsewhere in the
// counter, one for each lever it restates; and anywhere in it, "Draft
// round-1 email" (or "Draft follow-up email" from round 2) and "Draft
// acceptance email". Scripts and emails that already exist are replaced.
//
// r is the file's checked result (Check), so that an editor reuses the
// analysis it already holds.
func (w *Workspace) CounterActions(r *Result, pos hcl.Pos) []CounterAction {
	d := counterAt(r, pos)
	if d == nil || !d.Resolved || d.Incomplete {
		return nil
	}
	facts, _, err := w.Facts(d.Name)
	if err != nil {
		return nil
	}
	ct := d.Counter
	levers := ct.Counter.Levers()
	if l, _, _, ok := leverAt(&ct.Node, pos); ok {
		levers = []string{l}
	}
	var out []CounterAction
	for _, l := range levers {
		s, err := negotiate.ScriptFor(facts, l)
		if err != nil {
			continue
		}
		if e, err := ScriptEdit(r.File, ct, l, s.Text); err == nil {
			out = append(out, CounterAction{Title: "Insert script for " + l, Edit: e})
		}
	}
	kinds := []struct{ kind, title string }{{"round1", "Draft round-1 email"}, {"accept", "Draft acceptance email"}}
	if ct.Counter.Round > 1 {
		kinds[0] = struct{ kind, title string }{"followup", "Draft follow-up email"}
	}
	for _, k := range kinds {
		m, err := negotiate.EmailFor(facts, k.kind)
		if err != nil {
			continue
		}
		if e, err := EmailEdit(r.File, ct, k.kind, m.Subject, m.Body); err == nil {
			out = append(out, CounterAction{Title: k.title, Edit: e})
		}
	}
	return out
}

func plusSign(m engine.Money) string {
	if m > 0 {
		return "+"
	}
	return ""
}

func signedMoney(m engine.Money, cur string) string { return plusSign(m) + m.Format(cur) }

// AskHover returns, for pos on an ask of a counter (a lever it restates),
// markdown with the ask against the offer, its usual room and what the ask
// alone does to each year, and the range of the ask.
// r is the file's checked result.
func AskHover(r *Result, pos hcl.Pos) (string, hcl.Range, bool) {
	d := counterAt(r, pos)
	if d == nil || d.CounterAnalysis == nil {
		return "", hcl.Range{}, false
	}
	lever, _, rng, ok := leverAt(&d.Counter.Node, pos)
	if !ok {
		return "", hcl.Range{}, false
	}
	return HoverText(d.CounterAnalysis, lever), rng, true
}

// HoverText renders the hover of one lever of a counter.
func HoverText(ca *engine.CounterAnalysis, lever string) string {
	cur := ca.Offer.Currency
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**\n\n", engine.LeverTitles[lever])
	for _, l := range ca.Delta.Levers {
		if l.Lever != lever {
			continue
		}
		fmt.Fprintf(&b, "- %s: %s → %s (%s", l.Label, l.From.Format(cur), l.To.Format(cur), signedMoney(l.Change(), cur))
		if p, ok := l.Percent(); ok {
			fmt.Fprintf(&b, ", %s%s%%", plusSign(l.Change()), engine.RoundDec(p, 1))
		}
		b.WriteString(")\n")
		if room, ok := ca.Policy.Room[lever]; ok && (l.Field == lever || l.Field == "equity.value") {
			fmt.Fprintf(&b, "- usual room: %s (up to %s)", room.RoomText(), engine.TopOfRoom(l.From, room).Format(cur))
			if p, ok := l.Percent(); ok && p.Cmp(room.Hi) > 0 {
				b.WriteString(": this ask is beyond it")
			}
			b.WriteString("\n")
		}
	}
	if lever == "start" && ca.Delta.HasStart {
		fmt.Fprintf(&b, "- start: %s\n", engine.DelayText(ca.Delta.StartWeeks, ca.Delta.StartDays))
	}
	only := engine.DeltaOf(ca.Offer, ca.Counter.Only(lever))
	b.WriteString("\nThis ask alone, by year:\n\n| | Year 1 | Year 2 | Year 3 | Year 4 | 4 years |\n|---|---:|---:|---:|---:|---:|\n| change |")
	for _, c := range only.Years {
		fmt.Fprintf(&b, " %s |", signedMoney(c, cur))
	}
	fmt.Fprintf(&b, " %s |\n", signedMoney(only.Total, cur))
	return b.String()
}
