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
		if l.Lever != lever {
			continue
		}
		fmt.Fprintf(&b, "- %s: %s → %s (%s", l.Label, l.From.Format(cur), l.To.Format(cur), l.Change().Signed(cur))
		if p, ok := l.Percent(); ok {
			fmt.Fprintf(&b, ", %s", engine.SignedPercent(engine.RoundDec(p, 1)))
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
		fmt.Fprintf(&b, " %s |", c.Signed(cur))
	}
	fmt.Fprintf(&b, " %s |\n", only.Total.Signed(cur))
	return b.String()
}
