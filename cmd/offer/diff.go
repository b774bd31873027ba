package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
)

func runDiff(e *env) int {
	fs := flag.NewFlagSet("offer diff", flag.ContinueOnError)
	format := formatFlag(fs, "text", "json")
	bands := bandsFlag(fs)
	rev := fs.String("git", "", "compare every offer file changed since this git revision with the work tree")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: offer diff [--format text|json] OLD NEW\n       offer diff [--format text|json] --git REV [PATH...]\n\nCompares two versions of offer files by what they pay: per offer and counter,\nthe levers that changed and by how much, each year's total before and after,\nand the 4-year change. OLD and NEW are files or git revisions REV:PATH\n(PATH from the top of the repository, or ./PATH from the current directory).\nExit status: 0 ok, 1 a version has errors (reported on stderr), 2 could not run.")
		fs.PrintDefaults()
	}
	args, code, ok := parseFlags(fs, e)
	if !ok {
		return code
	}
	if !checkFormat(e, *format, "text", "json") {
		return exitUsage
	}
	extra, err := readBandFiles(*bands)
	if err != nil {
		fmt.Fprintf(e.stderr, "offer diff: %v\n", err)
		return exitUsage
	}
	var pairs [][2]*snapshot
	if *rev != "" {
		pairs, err = changedSince(*rev, args, extra)
	} else if len(args) == 2 {
		var p [2]*snapshot
		if p[0], err = openSide(args[0], extra); err == nil {
			p[1], err = openSide(args[1], extra)
		}
		pairs = append(pairs, p)
	} else {
		fs.Usage()
		return exitUsage
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "offer diff: %v\n", err)
		return exitUsage
	}
	var out []fileDiff
	var errs lang.Diagnostics
	var srcs []*snapshot
	for _, p := range pairs {
		fd, ds := compareSnapshots(p[0], p[1])
		out = append(out, fd)
		errs = append(errs, ds...)
		srcs = append(srcs, p[0], p[1])
	}
	if *format == "json" {
		writeJSON(e, diffJSON(out))
	} else {
		writeDiffText(e.stdout, out)
	}
	if len(errs) > 0 {
		lang.WriteText(e.stderr, errs, snapshotSource(srcs))
		fmt.Fprintf(e.stderr, "offer diff: %d error(s); figures above leave out what could not be read.\n", len(errs))
		return exitFindings
	}
	return exitOK
}

func readBandFiles(paths []string) ([]*lang.File, error) {
	var out []*lang.File
	for _, p := range paths {
		src, err := lang.ReadFile(p, "")
		if err != nil {
			return nil, err
		}
		out = append(out, lang.DecodeAs(p, src, lang.BandsFile))
	}
	return out, nil
}

// openSide reads one side of a comparison: a file on disk, or REV:PATH.
func openSide(arg string, extra []*lang.File) (*snapshot, error) {
	if st, err := os.Stat(arg); err == nil && !st.IsDir() {
		return diskSnapshot(arg, extra)
	}
	rev, p, ok := splitRevPath(arg)
	if !ok {
		return nil, fmt.Errorf("%s: no such file, and not a git revision REV:PATH", arg)
	}
	root, err := gitRoot()
	if err != nil {
		return nil, err
	}
	s, err := gitSnapshot(root, rev, p, extra)
	if err == nil && s.name == "" {
		err = fmt.Errorf("%s: no such file at revision %s", p, rev)
	}
	return s, err
}

// changedSince pairs every offer file changed between rev and the work tree
// (limited to pathspecs when given) with its version at rev.
func changedSince(rev string, pathspecs []string, extra []*lang.File) ([][2]*snapshot, error) {
	root, err := gitRoot()
	if err != nil {
		return nil, err
	}
	if _, err := gitCmd("", "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("%s: not a revision of this repository", rev)
	}
	args := append([]string{"diff", "--name-only", "--no-renames", "-z", rev, "--"}, pathspecs...)
	out, err := gitCmd("", args...)
	if err != nil {
		return nil, err
	}
	cwd, _ := os.Getwd()
	var pairs [][2]*snapshot
	for _, name := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		if kind, ok := lang.KindOf(name); !ok || kind != lang.OfferFile {
			continue
		}
		old, err := gitSnapshot(root, rev, name, extra)
		if err != nil {
			return nil, err
		}
		local := filepath.Join(root, filepath.FromSlash(name))
		if rel, err := filepath.Rel(cwd, local); err == nil {
			local = rel
		}
		cur, err := diskSnapshot(local, extra)
		if err != nil {
			return nil, err
		}
		pairs = append(pairs, [2]*snapshot{old, cur})
	}
	return pairs, nil
}

// fileDiff is the comparison of two versions of one file.
type fileDiff struct {
	Old, New string
	Docs     []docDiff
}

// docDiff compares one offer or counter across two versions.
type docDiff struct {
	Kind, Name string
	Status     string // "changed", "unchanged", "added", "removed"
	Currency   string
	Change     engine.Change
}

// valued returns the offers and counters of a snapshot's file that could
// be valued, and the file's errors.
func valued(s *snapshot) ([]*lang.Doc, lang.Diagnostics) {
	if s.name == "" {
		return nil, nil
	}
	r := s.ws.Check(s.name)
	var errs lang.Diagnostics
	for _, d := range r.Diags {
		if d.Severity == engine.Error {
			errs = append(errs, d)
		}
	}
	var docs []*lang.Doc
	for _, d := range r.Docs {
		if d.Resolved {
			docs = append(docs, d)
		}
	}
	return docs, errs
}

func compareSnapshots(old, cur *snapshot) (fileDiff, lang.Diagnostics) {
	fd := fileDiff{Old: old.label, New: cur.label}
	before, e1 := valued(old)
	after, e2 := valued(cur)
	key := func(d *lang.Doc) string { return d.Kind + " " + d.Name }
	prev := map[string]*lang.Doc{}
	for _, d := range before {
		prev[key(d)] = d
	}
	seen := map[string]bool{}
	for _, d := range after {
		dd := docDiff{Kind: d.Kind, Name: d.Name, Currency: currency(d.Analysis.Offer)}
		if b := prev[key(d)]; b != nil {
			seen[key(d)] = true
			dd.Change = engine.Compare(b.Analysis.Offer, d.Analysis.Offer)
			dd.Status = "unchanged"
			if dd.Change.Changed() {
				dd.Status = "changed"
			}
		} else {
			dd.Status, dd.Change.After = "added", d.Analysis.Worth
		}
		fd.Docs = append(fd.Docs, dd)
	}
	for _, d := range before {
		if !seen[key(d)] {
			fd.Docs = append(fd.Docs, docDiff{Kind: d.Kind, Name: d.Name, Currency: currency(d.Analysis.Offer),
				Status: "removed", Change: engine.Change{Before: d.Analysis.Worth}})
		}
	}
	return fd, append(e1, e2...)
}

func snapshotSource(ss []*snapshot) func(string) []byte {
	return func(name string) []byte {
		for _, s := range ss {
			if f := s.ws.File(name); f != nil {
				return f.Src
			}
		}
		return nil
	}
}

func writeDiffText(w io.Writer, fds []fileDiff) {
	if len(fds) == 0 {
		fmt.Fprintln(w, "No offer files changed.")
		return
	}
	for i, fd := range fds {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "--- %s\n+++ %s\n", fd.Old, fd.New)
		if len(fd.Docs) == 0 {
			fmt.Fprintln(w, "No offers or counters could be valued.")
		}
		for _, d := range fd.Docs {
			writeDocDiff(w, d)
		}
	}
}

func writeDocDiff(w io.Writer, d docDiff) {
	cur := d.Currency
	ch := d.Change
	switch d.Status {
	case "added":
		fmt.Fprintf(w, "\n%s %s: added, 4-year total %s (year 1 %s)\n", d.Kind, d.Name, ch.After.Total.Format(cur), ch.After.Years[0].Total.Format(cur))
		return
	case "removed":
		fmt.Fprintf(w, "\n%s %s: removed, 4-year total was %s (year 1 %s)\n", d.Kind, d.Name, ch.Before.Total.Format(cur), ch.Before.Years[0].Total.Format(cur))
		return
	case "unchanged":
		fmt.Fprintf(w, "\n%s %s: no change (4-year total %s)\n", d.Kind, d.Name, ch.After.Total.Format(cur))
		return
	}
	bcur := currencyOr(ch.BeforeCurrency, cur)
	fmt.Fprintf(w, "\n%s %s: 4-year total %s -> %s, %s\n", d.Kind, d.Name, ch.Before.Total.Format(bcur), ch.After.Total.Format(cur), changeOnly(ch.Totals()))
	if len(ch.Levers) > 0 {
		fmt.Fprintln(w, "  Levers")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, l := range ch.Levers {
			b, a, delta := leverTexts(l, cur)
			fmt.Fprintf(tw, "    %s\t%s -> %s\t%s\n", l.Lever, b, a, delta)
		}
		tw.Flush()
	}
	rows := [][]string{{"  Totals", "Before", "After", "Change"}}
	for i, y := range ch.After.Years {
		rows = append(rows, []string{fmt.Sprintf("    Year %d", y.Year), ch.Before.Years[i].Total.Format(bcur), y.Total.Format(cur), signedOnly(ch.Year(i + 1))})
	}
	rows = append(rows, []string{"    4 years", ch.Before.Total.Format(bcur), ch.After.Total.Format(cur), signedOnly(ch.Totals())})
	writeTable(w, rows)
}

// currencyOr returns c, or def when c is "".
func currencyOr(c, def string) string {
	if c == "" {
		return def
	}
	return c
}

// changeOnly renders a change and its percent, or says that amounts in
// different currencies are not subtracted.
func changeOnly(a engine.Amounts) string {
	if d, ok := a.Delta(); ok {
		return engine.ChangeText(d, a.Before, a.AfterCurrency)
	}
	return "different currencies, not subtracted"
}

// signedOnly renders a change without its percent.
func signedOnly(a engine.Amounts) string {
	if d, ok := a.Delta(); ok {
		return d.Signed(a.AfterCurrency)
	}
	return "-"
}

// writeTable prints rows with the first column aligned left and the others
// right, two spaces apart.
func writeTable(w io.Writer, rows [][]string) {
	var width []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(width) {
				width = append(width, 0)
			}
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			if i == 0 {
				b.WriteString(c + pad)
			} else {
				b.WriteString("  " + pad + c)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

// leverTexts renders a lever's before and after values and its change.
func leverTexts(l engine.LeverChange, cur string) (before, after, delta string) {
	unset := func(s string) string {
		if s == "" {
			return "(not set)"
		}
		return s
	}
	switch l.Kind {
	case engine.LeverMoney:
		a := l.Amounts()
		return l.Before.Format(currencyOr(a.BeforeCurrency, cur)), l.After.Format(currencyOr(a.AfterCurrency, cur)), changeOnly(a)
	case engine.LeverNumber:
		d := l.NumDelta()
		plus := ""
		if d.Sign() > 0 {
			plus = "+"
		}
		unit := ""
		if l.Lever == "bonus_target" || l.Lever == "equity.growth" {
			unit = " points"
			return l.BeforeNum.String() + "%", l.AfterNum.String() + "%", plus + d.String() + unit
		}
		return l.BeforeNum.String(), l.AfterNum.String(), plus + d.String()
	}
	return unset(l.BeforeText), unset(l.AfterText), ""
}

type jsonLever struct {
	Lever   string   `json:"lever"`
	Before  any      `json:"before"`
	After   any      `json:"after"`
	Delta   any      `json:"delta,omitempty"`
	Percent *jsonPct `json:"percent,omitempty"`
}

// Delta and Percent are null when the two versions are in different
// currencies: such amounts are not subtracted.
type jsonYearChange struct {
	Year   int        `json:"year"`
	Before jsonMoney  `json:"before"`
	After  jsonMoney  `json:"after"`
	Delta  *jsonMoney `json:"delta"`
}

type jsonTotalChange struct {
	Before  jsonMoney  `json:"before"`
	After   jsonMoney  `json:"after"`
	Delta   *jsonMoney `json:"delta"`
	Percent *jsonPct   `json:"percent"`
}

func jsonMoneyPtr(m engine.Money) *jsonMoney {
	j := jsonMoney(m)
	return &j
}

type jsonDocDiff struct {
	Kind     string `json:"kind"`
	Name     string `json:"name"`
	Status   string `json:"status"`
	Currency string `json:"currency"`
	// BeforeCurrency is set when the old version was in another currency.
	BeforeCurrency string           `json:"before_currency,omitempty"`
	Levers         []jsonLever      `json:"levers"`
	Years          []jsonYearChange `json:"years"`
	FourYear       jsonTotalChange  `json:"four_year"`
}

type jsonFileDiff struct {
	Old       string        `json:"old"`
	New       string        `json:"new"`
	Documents []jsonDocDiff `json:"documents"`
}

// jsonDec renders a decimal as a JSON number (at most six decimals).
type jsonDec engine.Dec

func (d jsonDec) MarshalJSON() ([]byte, error) { return []byte(engine.Dec(d).String()), nil }

// jsonPct renders a percentage as a JSON number rounded to two decimals.
type jsonPct engine.Dec

func (d jsonPct) MarshalJSON() ([]byte, error) {
	return []byte(engine.RoundDec(engine.Dec(d), 2).String()), nil
}

// percentPtr returns delta as a percentage of of, or nil when of is zero.
func percentPtr(delta, of engine.Money) *jsonPct {
	p, ok := engine.PercentOf(delta, of)
	if !ok {
		return nil
	}
	j := jsonPct(p)
	return &j
}

func diffJSON(fds []fileDiff) any {
	out := struct {
		Files []jsonFileDiff `json:"files"`
	}{Files: []jsonFileDiff{}}
	for _, fd := range fds {
		jf := jsonFileDiff{Old: fd.Old, New: fd.New, Documents: []jsonDocDiff{}}
		for _, d := range fd.Docs {
			ch := d.Change
			jd := jsonDocDiff{Kind: d.Kind, Name: d.Name, Status: d.Status, Currency: d.Currency, Levers: []jsonLever{},
				FourYear: jsonTotalChange{Before: jsonMoney(ch.Before.Total), After: jsonMoney(ch.After.Total)}}
			if !ch.Totals().Comparable() {
				jd.BeforeCurrency = ch.BeforeCurrency
			}
			if delta, ok := ch.Totals().Delta(); ok {
				jd.FourYear.Delta, jd.FourYear.Percent = jsonMoneyPtr(delta), percentPtr(delta, ch.Before.Total)
			}
			for _, l := range ch.Levers {
				jl := jsonLever{Lever: l.Lever}
				switch l.Kind {
				case engine.LeverMoney:
					jl.Before, jl.After = jsonMoney(l.Before), jsonMoney(l.After)
					if delta, ok := l.Amounts().Delta(); ok {
						jl.Delta, jl.Percent = jsonMoney(delta), percentPtr(delta, l.Before)
					}
				case engine.LeverNumber:
					jl.Before, jl.After, jl.Delta = jsonDec(l.BeforeNum), jsonDec(l.AfterNum), jsonDec(l.NumDelta())
				default:
					jl.Before, jl.After = nullable(l.BeforeText), nullable(l.AfterText)
				}
				jd.Levers = append(jd.Levers, jl)
			}
			for i := range ch.After.Years {
				yc := jsonYearChange{Year: i + 1, Before: jsonMoney(ch.Before.Years[i].Total), After: jsonMoney(ch.After.Years[i].Total)}
				if delta, ok := ch.Year(i + 1).Delta(); ok {
					yc.Delta = jsonMoneyPtr(delta)
				}
				jd.Years = append(jd.Years, yc)
			}
			jf.Documents = append(jf.Documents, jd)
		}
		out.Files = append(out.Files, jf)
	}
	return out
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}
