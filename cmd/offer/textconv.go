package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/report"
)

func runTextconv(e *env, args []string) int {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintln(e.stderr, "Usage: offer textconv FILE\n\nPrints FILE followed by a summary of what each offer and counter in it pays, as\n# comment lines. Git runs it as the diff driver of offer files (see 'offer init-git'),\nso that 'git diff' and 'git log -p' show the totals change next to the lines.")
		if len(args) == 1 && (args[0] == "-h" || args[0] == "--help") {
			return exitOK
		}
		return exitUsage
	}
	file := args[0]
	src, err := lang.ReadFile(file, "")
	if err != nil {
		fmt.Fprintf(e.stderr, "offer textconv: %v\n", err)
		return fileFailure(err)
	}
	e.stdout.Write(src)
	if len(src) > 0 && src[len(src)-1] != '\n' {
		fmt.Fprintln(e.stdout)
	}
	writeSummary(e.stdout, file, src)
	return exitOK
}

// writeSummary appends the figures of a file (lang/report/textconv.go),
// reading the offer a counter answers from the work tree when the file
// does not hold it.
func writeSummary(w io.Writer, file string, src []byte) {
	ws := lang.NewWorkspace()
	name := "textconv.offer.hcl"
	if kind, ok := lang.KindOf(file); ok && kind == lang.BandsFile {
		name = "textconv.bands.hcl"
	}
	f := ws.Set(name, src)
	var notes []string
	for _, ct := range f.Counters {
		if f.Kind != lang.BandsFile && ct.OfferRef != "" && ws.Offer(ct.OfferRef) == nil {
			if other, where := findOffer(file, ct.OfferRef); other != nil {
				ws.Set(other.Name, other.Src)
				notes = append(notes, fmt.Sprintf("(offer %s read from %s in the work tree)", ct.OfferRef, where))
			}
		}
	}
	report.WriteSummary(w, ws, name, notes)
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
		all, _ := lang.FolderFiles(dir)
		for _, c := range all {
			if k, _ := lang.KindOf(c); k == lang.OfferFile {
				candidates = append(candidates, c)
			}
		}
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
