package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
)

// textconvMarker starts the computed summary that textconv appends.
const textconvMarker = "# ---- offer textconv: computed figures, not part of the file ----"

func runTextconv(e *env) int {
	if len(e.args) != 1 || strings.HasPrefix(e.args[0], "-") {
		fmt.Fprintln(e.stderr, "Usage: offer textconv FILE\n\nPrints FILE followed by a summary of what each offer and counter in it pays, as\n# comment lines. Git runs it as the diff driver of offer files (see 'offer init-git'),\nso that 'git diff' and 'git log -p' show the totals change next to the lines.")
		if len(e.args) == 1 && (e.args[0] == "-h" || e.args[0] == "--help") {
			return exitOK
		}
		return exitUsage
	}
	file := e.args[0]
	src, err := lang.ReadFile(file, "")
	if err != nil {
		fmt.Fprintf(e.stderr, "offer textconv: %v\n", err)
		return exitUsage
	}
	e.stdout.Write(src)
	if len(src) > 0 && src[len(src)-1] != '\n' {
		fmt.Fprintln(e.stdout)
	}
	writeSummary(e.stdout, file, src)
	return exitOK
}

// writeSummary writes the figures of a file as comment lines, one figure per
// line so that a diff of two summaries shows exactly the figures that moved.
// It never fails: what cannot be valued is said so.
func writeSummary(w io.Writer, file string, src []byte) {
	fmt.Fprintln(w, textconvMarker)
	ws := lang.NewWorkspace()
	name := "textconv.offer.hcl"
	if kind, ok := lang.KindOf(file); ok && kind == lang.BandsFile {
		name = "textconv.bands.hcl"
	}
	f := ws.Set(name, src)
	if f.Kind == lang.BandsFile {
		fmt.Fprintf(w, "# band file: %d bands, %d caps, %d schedules\n", len(f.Bands), len(f.Caps), len(f.Schedules))
		return
	}
	for _, ct := range f.Counters {
		if ct.OfferRef != "" && ws.Offer(ct.OfferRef) == nil {
			if other, where := findOffer(file, ct.OfferRef); other != nil {
				ws.Set(other.Name, other.Src)
				fmt.Fprintf(w, "# (offer %s read from %s in the work tree)\n", ct.OfferRef, where)
			}
		}
	}
	r := ws.Check(name)
	if n := r.Diags.Count(engine.Error); n > 0 {
		fmt.Fprintf(w, "# %d error(s) in this version; figures leave out what could not be read\n", n)
	}
	valuedAny := false
	for _, d := range r.Docs {
		if !d.Resolved {
			fmt.Fprintf(w, "# %s %s: not valued, offer %s not found\n", d.Kind, d.Name, d.Counter.OfferRef)
			continue
		}
		valuedAny = true
		a := d.Analysis
		cur := currency(a.Offer)
		fmt.Fprintf(w, "# %s %s\n", d.Kind, d.Name)
		for _, y := range a.Worth.Years {
			fmt.Fprintf(w, "#   year %d total  %s\n", y.Year, y.Total.Format(cur))
		}
		fmt.Fprintf(w, "#   4-year total  %s\n", a.Worth.Total.Format(cur))
		if d.Kind == "counter" && d.OfferAnalysis != nil {
			fmt.Fprintf(w, "#   against offer %s  %s\n", d.Offer.Name, engine.ChangeText(a.Worth.Total-d.OfferAnalysis.Worth.Total, d.OfferAnalysis.Worth.Total, cur))
		}
	}
	if !valuedAny && len(r.Docs) == 0 {
		fmt.Fprintln(w, "# no offers or counters")
	}
}

// offerSource is a file holding an offer a counter answers.
type offerSource struct {
	Name string
	Src  []byte
}

// findOffer looks for the offer a counter answers when it is not in the
// counter's file. Git hands textconv a copy of an old version in a
// temporary directory, so the offer is looked up in the work tree: the
// offer files git tracks (git runs textconv from the top of the work tree),
// preferring the counter's own directory; without git, the files beside
// the counter.
func findOffer(file, offer string) (*offerSource, string) {
	var candidates []string
	if out, err := gitCmd("", "ls-files", "-z", "--", "*.offer.hcl"); err == nil {
		candidates = strings.Split(strings.TrimRight(string(out), "\x00"), "\x00")
	} else if dir := filepath.Dir(file); filepath.Clean(dir) != filepath.Clean(os.TempDir()) {
		candidates, _ = filepath.Glob(filepath.Join(dir, "*.offer.hcl"))
	}
	abs, _ := filepath.Abs(file)
	var found []*offerSource
	for _, c := range candidates {
		if c == "" {
			continue
		}
		if ca, _ := filepath.Abs(c); ca == abs {
			continue
		}
		src, err := lang.ReadFile(c, "")
		if err != nil || !bytes.Contains(src, []byte(offer)) {
			continue
		}
		f := lang.Decode(c, src)
		for _, o := range f.Offers {
			if o.Name == offer {
				found = append(found, &offerSource{Name: c, Src: src})
			}
		}
		if len(found) > 0 && filepath.Dir(c) == filepath.Dir(file) {
			return found[len(found)-1], filepath.ToSlash(c)
		}
	}
	if len(found) == 1 {
		return found[0], filepath.ToSlash(found[0].Name)
	}
	return nil, ""
}
