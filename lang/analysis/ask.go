package analysis

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
)

// This file defines the hover on an ask of a counter: the ask against the
// offer, its usual room and what the ask alone does to each year.

// AskHover returns, for pos on an ask of a counter (a lever it restates),
// the hover's markdown and the range of the ask. r is the file's checked
// result.
func AskHover(r *lang.Result, pos hcl.Pos) (string, hcl.Range, bool) {
	d := counterAt(r, pos)
	if d == nil || d.CounterAnalysis == nil {
		return "", hcl.Range{}, false
	}
	lever, _, rng, ok := leverAt(&d.Counter.Node, pos)
	if !ok {
		return "", hcl.Range{}, false
	}
	return AskText(d.CounterAnalysis, lever), rng, true
}

// AskText renders the hover of one lever of a counter.
func AskText(ca *engine.CounterAnalysis, lever string) string {
	cur := ca.Offer.Currency
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**\n\n", engine.LeverTitles[lever])
	for _, l := range ca.Delta.Levers {
		if l.Group != lever {
			continue
		}
		change, _ := l.Delta() // a counter's levers are in the offer's currency
		fmt.Fprintf(&b, "- %s: %s → %s (%s", l.Label, l.Before.Format(cur), l.After.Format(cur), change.Signed(cur))
		if p, ok := engine.ChangePercent(change, l.Before); ok {
			fmt.Fprintf(&b, ", %s", engine.SignedPercent(p))
		}
		b.WriteString(")\n")
		if room, ok := ca.Policy.Room[lever]; ok && (l.Lever == lever || l.Lever == "equity.value") {
			fmt.Fprintf(&b, "- usual room: %s (up to %s)", room.RoomText(), engine.TopOfRoom(l.Before, room).Format(cur))
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
	for _, c := range only.Years() {
		fmt.Fprintf(&b, " %s |", c.Signed(cur))
	}
	fmt.Fprintf(&b, " %s |\n", only.Total().Signed(cur))
	return b.String()
}
