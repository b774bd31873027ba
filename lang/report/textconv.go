package report

import (
	"fmt"
	"io"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
)

// TextconvMarker starts the computed summary that offer textconv appends
// to a file.
const TextconvMarker = "# ---- offer textconv: computed figures, not part of the file ----"

// WriteSummary writes the figures of file name in ws as comment lines, one
// figure per line, so that a diff of two summaries shows exactly the
// figures that moved. notes (where an answered offer was read from) follow
// the marker. It never fails: what cannot be valued is said so.
func WriteSummary(w io.Writer, ws *lang.Workspace, name string, notes []string) {
	fmt.Fprintln(w, TextconvMarker)
	f := ws.File(name)
	if f != nil && f.Kind == lang.BandsFile {
		fmt.Fprintf(w, "# band file: %d bands, %d caps, %d schedules\n", len(f.Bands), len(f.Caps), len(f.Schedules))
		return
	}
	for _, n := range notes {
		fmt.Fprintf(w, "# %s\n", n)
	}
	r := ws.Check(name)
	if n := r.Diags.Count(engine.Error); n > 0 {
		fmt.Fprintf(w, "# %d error(s) in this version; figures leave out what could not be read\n", n)
	}
	for _, d := range r.Docs {
		if !d.Resolved {
			fmt.Fprintf(w, "# %s %s: not valued, offer %s not found\n", d.Kind, d.Name, d.Counter.OfferRef)
			continue
		}
		a := d.Analysis
		cur := offerCurrency(a.Offer)
		fmt.Fprintf(w, "# %s %s\n", d.Kind, d.Name)
		for _, y := range a.Worth.Years {
			fmt.Fprintf(w, "#   year %d total  %s\n", y.Year, y.Total.Format(cur))
		}
		fmt.Fprintf(w, "#   4-year total  %s\n", a.Worth.Total.Format(cur))
		if ch, ok := d.CounterChange(); ok {
			fmt.Fprintf(w, "#   against offer %s  %s\n", d.Offer.Name, ch.Text())
		}
	}
	if len(r.Docs) == 0 {
		fmt.Fprintln(w, "# no offers or counters")
	}
}
