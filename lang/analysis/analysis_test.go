package analysis

import (
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/lang"
)

// The example negotiation, worked by hand (built-in bands, amazon schedule
// 5/15/40/40 of a $400,000 grant = 20,000/60,000/160,000/160,000):
//
//	Y1 = 195,000 + 110,000 + 20,000 + 25,000 relocation = 350,000
//	Y2 = 195,000 +  90,000 + 60,000                      = 345,000
//	Y3 = Y4 = 195,000 + 160,000                          = 355,000
//	4 years = 1,405,000; average 351,250
//	year-1 total 350,000 is above the L6 SDE Seattle band (230,000-320,000): p100
//
// The counter round1 (base 210,000, sign-on 150,000/120,000, grant 500,000):
//
//	Y1 = 210,000 + 150,000 + 25,000 + 25,000  = 410,000
//	Y2 = 210,000 + 120,000 + 75,000           = 405,000
//	Y3 = Y4 = 210,000 + 200,000               = 410,000
//	4 years = 1,635,000 (+230,000 = +16.37% of 1,405,000 → +16.4%)
const (
	offerPath   = "neg/offer.offer.hcl"
	counterPath = "neg/round1.offer.hcl"
)

func read(t testing.TB, path string) []byte {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// example returns a workspace holding the example negotiation.
func example(t testing.TB) *lang.Workspace {
	ws := lang.NewWorkspace()
	ws.Set(offerPath, read(t, "../../examples/amazon-l6-seattle/offer.offer.hcl"))
	ws.Set(counterPath, read(t, "../../examples/amazon-l6-seattle/round1.offer.hcl"))
	return ws
}

// at returns the position of the n-th byte of the first occurrence of
// marker in src, where n is the index of "|" in marker (0 without one).
func at(t testing.TB, src []byte, marker string) hcl.Pos {
	t.Helper()
	n := strings.Index(marker, "|")
	needle := strings.Replace(marker, "|", "", 1)
	if n < 0 {
		n = 0
	}
	i := strings.Index(string(src), needle)
	if i < 0 {
		t.Fatalf("marker %q not in source", marker)
	}
	return lang.PosAt(src, i+n)
}

func whole(r *lang.Result) hcl.Range {
	return hcl.Range{Filename: r.File.Name, Start: lang.PosAt(r.File.Src, 0), End: lang.PosAt(r.File.Src, len(r.File.Src))}
}

func TestLenses(t *testing.T) {
	ws := example(t)
	got := Lenses(ws.Check(offerPath))
	if len(got) != 1 || got[0].Title != "4-yr $1,405,000 · avg $351,250 · p100" || got[0].Range.Start.Line != 2 {
		t.Fatalf("offer lens: %+v", got)
	}
	got = Lenses(ws.Check(counterPath))
	if len(got) != 1 || got[0].Title != "4-yr $1,635,000 · avg $408,750 · p100 · +$230,000 (+16.4%) vs amazon_l6" {
		t.Fatalf("counter lens: %+v", got)
	}
}

func TestInlayHints(t *testing.T) {
	ws := example(t)
	r := ws.Check(offerPath)
	got := InlayHints(r, whole(r))
	if len(got) != 8 {
		t.Fatalf("want 8 hints (4 years twice), got %+v", got)
	}
	src := r.File.Src
	// One hint per year, each short enough for VS Code's default limit of
	// 43 characters, each with its full amount.
	for i, want := range []string{"Y1 $350,000", "Y2 $345,000", "Y3 $355,000", "Y4 $355,000",
		"vests Y1 $20,000", "Y2 $60,000", "Y3 $160,000", "Y4 $160,000"} {
		wantPos := at(t, src, `offer "amazon_l6" {|`)
		if i >= 4 {
			wantPos = at(t, src, "equity {|")
		}
		if got[i].Label != want || got[i].Pos != wantPos || len(got[i].Label) > 43 {
			t.Errorf("hint %d: %+v, want %q at %v", i, got[i], want, wantPos)
		}
	}
	// A range that covers only line 1 holds no hint.
	if h := InlayHints(r, hcl.Range{Start: lang.PosAt(src, 0), End: lang.PosAt(src, 5)}); len(h) != 0 {
		t.Errorf("hints outside the range: %+v", h)
	}
}

func TestHover(t *testing.T) {
	ws := example(t)
	r := ws.Check(offerPath)
	src := r.File.Src
	h := HoverAt(r, at(t, src, `"amazon|_l6"`))
	if h == nil || !strings.Contains(h.Markdown, "| **Total** | **$350,000** | **$345,000** | **$355,000** | **$355,000** | **$1,405,000** |") ||
		!strings.Contains(h.Markdown, "| Equity | $20,000 | $60,000 | $160,000 | $160,000 | $400,000 |") {
		t.Fatalf("label hover: %+v", h)
	}
	// (195,000 - 180,000) / (220,000 - 180,000) = 37.5% → p38.
	h = HoverAt(r, at(t, src, "ba|se = 195000"))
	if h == nil || !strings.Contains(h.Markdown, "Yearly base salary.") ||
		!strings.Contains(h.Markdown, "Band L6 SDE Seattle base: $180,000 to $220,000 (p0 to p100); this offer is $195,000 at p38.") {
		t.Fatalf("base hover: %+v", h)
	}
	h = HoverAt(r, at(t, src, `schedule = "am|azon"`))
	if h == nil || !strings.Contains(h.Markdown, "| 3 | 40% | $160,000 |") || !strings.Contains(h.Markdown, "amazon (5/15/40/40)") {
		t.Fatalf("schedule hover: %+v", h)
	}
	h = HoverAt(r, at(t, src, "sign|_on {"))
	if h == nil || !strings.Contains(h.Markdown, "Paid: Y1 $110,000 · Y2 $90,000 · Y3 $0 · Y4 $0.") {
		t.Fatalf("sign_on hover: %+v", h)
	}
	rc := ws.Check(counterPath)
	h = HoverAt(rc, at(t, rc.File.Src, `"round|1"`))
	if h == nil || !strings.Contains(h.Markdown, "Against offer amazon_l6: +$230,000 over 4 years (+16.4%).") {
		t.Fatalf("counter hover: %+v", h)
	}
	if h := HoverAt(r, at(t, src, "# The offer|")); h != nil {
		t.Errorf("hover on a comment: %+v", h)
	}
}

func labels(cs []Completion) string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Label)
	}
	return strings.Join(out, ",")
}

func complete(t *testing.T, src, marker string) []Completion {
	t.Helper()
	ws := lang.NewWorkspace()
	ws.Set(offerPath, read(t, "../../examples/amazon-l6-seattle/offer.offer.hcl"))
	ws.Set("neg/new.offer.hcl", []byte(src))
	r := ws.Check("neg/new.offer.hcl")
	return Complete(ws, r, at(t, r.File.Src, marker))
}

func TestComplete(t *testing.T) {
	if got := labels(complete(t, "of\n", "of|")); got != "offer,counter,candidate" {
		t.Errorf("top level: %s", got)
	}
	got := complete(t, "offer \"x\" {\n  base = 1\n  lev\n  equity {\n  }\n}\n", "lev|")
	names := labels(got)
	if !strings.Contains(names, "level") || strings.Contains(names, "base") || strings.Contains(names, "equity") || !strings.Contains(names, "sign_on") {
		t.Errorf("offer attributes: %s", names)
	}
	for _, c := range got {
		if c.Label == "level" && (!strings.Contains(c.Doc, "The level, as the band files name it") || c.Replace.End.Byte-c.Replace.Start.Byte != 3) {
			t.Errorf("level item: %+v", c)
		}
	}
	if got := labels(complete(t, "offer \"x\" {\n  equity {\n    sch\n  }\n}\n", "sch|")); got != "value,shares,price,schedule,growth,refresh" {
		t.Errorf("equity attributes: %s", got)
	}
	if got := labels(complete(t, "offer \"x\" {\n  level = \"\n}\n", `level = "|`)); got != "L6,L7" {
		t.Errorf("levels: %s", got)
	}
	got = complete(t, "offer \"x\" {\n  location = \n}\n", "location = |")
	if labels(got) != "Austin,Bay Area,NYC,Seattle" || got[1].Insert != `"Bay Area"` {
		t.Errorf("locations: %+v", got)
	}
	if got := labels(complete(t, "offer \"x\" {\n  equity {\n    schedule = \"g\n  }\n}\n", `schedule = "g|`)); got != "amazon,even,google,meta" {
		t.Errorf("schedules: %s", got)
	}
	got = complete(t, "counter \"c\" {\n  offer = offer.am\n}\n", "offer.am|")
	if labels(got) != "offer.amazon_l6" || got[0].Replace.End.Byte-got[0].Replace.Start.Byte != len("offer.am") {
		t.Errorf("references: %+v", got)
	}
	if got := labels(complete(t, "offer \"x\" {\n  currency = \"E\n}\n", `currency = "E|`)); !strings.HasPrefix(got, "USD,EUR") {
		t.Errorf("currencies: %s", got)
	}
	// A string left open above the cursor does not hide the block.
	if got := labels(complete(t, "offer \"x\" {\n  company = \"Acme\n  bas\n}\n", "bas|")); !strings.Contains(got, "base") {
		t.Errorf("after an open string: %s", got)
	}
	if got := complete(t, "offer \"x\" {\n  # bas\n}\n", "# bas|"); len(got) != 0 {
		t.Errorf("completion in a comment: %s", labels(got))
	}
}

func TestSymbols(t *testing.T) {
	ws := example(t)
	syms := Symbols(ws.Check(offerPath))
	if len(syms) != 2 || syms[0].Name != "amazon_l6" || syms[0].Kind != SymbolOffer || syms[1].Kind != SymbolCandidate {
		t.Fatalf("symbols: %+v", syms)
	}
	var kids []string
	for _, c := range syms[0].Children {
		kids = append(kids, c.Name)
	}
	if strings.Join(kids, ",") != "company,level,track,location,received,expires,start,base,sign_on,equity,relocation" {
		t.Errorf("children: %v", kids)
	}
	if !strings.Contains(syms[0].Detail, "4-yr $1,405,000") {
		t.Errorf("detail: %q", syms[0].Detail)
	}
}

func TestDefinitionAndReferences(t *testing.T) {
	ws := example(t)
	ws.Set("neg/round2.offer.hcl", []byte("counter \"round2\" {\n  offer = offer.amazon_l6\n  round = 2\n}\n"))
	rc := ws.Check(counterPath)
	defs := Definition(ws, rc.File, at(t, rc.File.Src, "offer.ama|zon_l6"))
	if len(defs) != 1 || defs[0].Filename != offerPath || defs[0].Start.Line != 2 || defs[0].Start.Column != 7 {
		t.Fatalf("definition: %+v", defs)
	}
	ro := ws.Check(offerPath)
	refs := References(ws, ro.File, at(t, ro.File.Src, `"amazon_l6|"`), true)
	var got []string
	for _, r := range refs {
		got = append(got, r.Filename)
	}
	if strings.Join(got, ",") != offerPath+","+counterPath+",neg/round2.offer.hcl" {
		t.Fatalf("references: %v", got)
	}
	if refs := References(ws, ro.File, at(t, ro.File.Src, "base|"), true); refs != nil {
		t.Errorf("references on base: %v", refs)
	}
}

// A file whose tail does not parse still gets figures for the blocks
// before the error.
func TestSyntaxErrorKeepsParsedBlocks(t *testing.T) {
	src := string(read(t, "../../examples/amazon-l6-seattle/offer.offer.hcl")) + "\noffer \"broken\" {\n  base = \n"
	ws := lang.NewWorkspace()
	ws.Set(offerPath, []byte(src))
	r := ws.Check(offerPath)
	if !r.Diags.HasErrors() {
		t.Fatal("expected a syntax error")
	}
	if l := Lenses(r); len(l) == 0 || !strings.HasPrefix(l[0].Title, "4-yr $1,405,000") {
		t.Fatalf("lenses: %+v", l)
	}
	if h := HoverAt(r, at(t, r.File.Src, `"amazon|_l6"`)); h == nil {
		t.Fatal("no hover")
	}
}

// A counter may hold several script blocks; every one is a symbol, and a
// hover finds the attribute of any of them, not only of the last.
func TestRepeatedBlocks(t *testing.T) {
	ws := example(t)
	src := []byte(`counter "round2" {
  offer = offer.amazon_l6
  round = 2
  script "base" {
    text = "Base first."
  }
  script "sign_on" {
    text = "Then the sign-on."
  }
}
`)
	ws.Set("neg/round2.offer.hcl", src)
	r := ws.Check("neg/round2.offer.hcl")
	syms := Symbols(r)
	var kids []string
	for _, c := range syms[0].Children {
		kids = append(kids, c.Name)
	}
	if got := strings.Join(kids, ","); got != "offer,round,base,sign_on" {
		t.Fatalf("children: %s", got)
	}
	for _, marker := range []string{`te|xt = "Base first."`, `te|xt = "Then`} {
		if h := HoverAt(r, at(t, src, marker)); h == nil || !strings.Contains(h.Markdown, "The script, usually a heredoc") {
			t.Errorf("hover at %s: %+v", marker, h)
		}
	}
}

// The offer's hover adds the after-tax estimate that offer report
// --after-tax prints: the same net, from the same code path.
func TestHoverAfterTax(t *testing.T) {
	ws := example(t)
	r := ws.Check(offerPath)
	h := WorkspaceHover(NewOverview(ws), r, at(t, r.File.Src, `"amazon|_l6"`))
	var doc *lang.Doc
	for _, d := range r.Docs {
		if d.Name == "amazon_l6" {
			doc = d
		}
	}
	est := ws.DocAfterTax(doc)
	if !est.OK || h == nil || !strings.Contains(h.Markdown, "**After tax** (single filer, US-WA;") ||
		!strings.Contains(h.Markdown, "| **Net** |") || !strings.Contains(h.Markdown, est.Estimate.Net.Format("USD")+" |\n") {
		t.Fatalf("hover: %+v (net %v)", h, est.Estimate.Net)
	}
	found := false
	for _, l := range WorkspaceLenses(NewOverview(ws), r) {
		found = found || l.Title == "net 4-yr "+est.Estimate.Net.Format("USD")+" (after tax, est.)"
	}
	if !found {
		t.Errorf("no net lens: %+v", WorkspaceLenses(NewOverview(ws), r))
	}
}

// A counter that changes nothing reads "$0 (0%)", as every other change
// does, not "+$0 (+0%)".
func TestLensZeroChange(t *testing.T) {
	ws := lang.NewWorkspace()
	ws.Set("o.offer.hcl", []byte("offer \"o\" {\n  base = 200000\n}\n\ncounter \"c\" {\n  offer = offer.o\n  base  = 200000\n}\n"))
	r := ws.Check("o.offer.hcl")
	for _, d := range r.Docs {
		if d.Kind == "counter" {
			if got := LensTitle(d); !strings.Contains(got, "$0 (0%) vs o") || strings.Contains(got, "+$0") {
				t.Fatalf("lens = %q", got)
			}
			return
		}
	}
	t.Fatal("no counter")
}

// TestVersionLensAndHover: a revision's lens and hover say which version it
// is, and a counter's lens names the version it answers.
func TestVersionLensAndHover(t *testing.T) {
	w := lang.NewWorkspace()
	w.Set("a.offer.hcl", []byte("offer \"amazon_l6\" {\n  company = \"Amazon\"\n  base    = 200000\n}\n"))
	w.Set("b.offer.hcl", []byte("offer \"amazon_l6_r2\" {\n  revises  = offer.amazon_l6\n  base     = 210000\n  accepted = \"2025-03-20\"\n}\ncounter \"round2\" {\n  offer = offer.amazon_l6_r2\n  base  = 220000\n}\n"))
	r := w.Check("b.offer.hcl")
	lenses := Lenses(r)
	if len(lenses) != 2 || !strings.Contains(lenses[0].Title, "revision 2 of amazon_l6") || !strings.Contains(lenses[0].Title, "accepted") ||
		!strings.Contains(lenses[1].Title, "vs amazon_l6_r2 (revision 2 of amazon_l6)") {
		t.Fatalf("lenses %+v", lenses)
	}
	h := HoverAt(r, r.Docs[0].Node.LabelRange().Start)
	if h == nil || !strings.Contains(h.Markdown, "revision 2 of amazon_l6 · accepted 2025-03-20") {
		t.Fatalf("hover %+v", h)
	}
}

// Text from the file is escaped in the hover's Markdown, as offer.compare
// escapes it: a link or an image in a company name shows as written.
func TestHoverEscapesFileText(t *testing.T) {
	ws := lang.NewWorkspace()
	src := "offer \"o\" {\n  company = \"[x](javascript:alert(1)) ![i](http://example.invalid/p.png)\"\n  base    = 100000\n}\n"
	ws.Set("o.offer.hcl", []byte(src))
	r := ws.Check("o.offer.hcl")
	h := HoverAt(r, at(t, r.File.Src, `"|o"`))
	if h == nil || strings.Contains(h.Markdown, "[x](") || !strings.Contains(h.Markdown, `\[x\](javascript:alert(1))`) {
		t.Fatalf("hover: %+v", h)
	}
}

// The candidate block carries "Checklist N of 18": the items offer
// checklist shows done.
func TestChecklistLens(t *testing.T) {
	ws := example(t)
	r := ws.Check(offerPath)
	var titles []string
	for _, l := range WorkspaceLenses(NewOverview(ws), r) {
		titles = append(titles, l.Title)
	}
	if got := strings.Join(titles, " | "); !strings.HasSuffix(got, " | Checklist 5 of 18") {
		t.Fatalf("lenses: %s", got)
	}
	// A file without the candidate block has no checklist lens.
	for _, l := range WorkspaceLenses(NewOverview(ws), ws.Check(counterPath)) {
		if strings.HasPrefix(l.Title, "Checklist") {
			t.Fatalf("counter file lens: %s", l.Title)
		}
	}
}
