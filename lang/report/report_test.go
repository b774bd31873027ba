package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
)

// workspace checks the given files in one in-memory workspace.
func workspace(t *testing.T, files map[string]string) []*lang.Result {
	t.Helper()
	w := lang.NewWorkspace()
	for name, src := range files {
		w.Set(name, []byte(src))
	}
	return w.CheckAll()
}

const twoOffers = `
offer "a" {
  company = "A Corp"
  base    = 200000
  sign_on {
    year1 = 50000
  }
  equity {
    value    = 400000
    schedule = "even"
  }
}

offer "b" {
  company = "B Corp"
  base    = 250000
}
`

func TestRankHoverAndLens(t *testing.T) {
	// a: Y1 200,000 + 50,000 + 100,000 = 350,000; Y2-Y4 300,000; total 1,250,000
	// b: 250,000 a year; total 1,000,000
	c := Compare(workspace(t, map[string]string{"x.offer.hcl": twoOffers}), Options{})
	got := c.RankHover("offer", "b")
	want := "Ranks **2nd of 2** offers in this workspace over four years ($1,000,000); by year 2nd, 2nd, 2nd, 2nd. Pays most over four years: a ($1,250,000)."
	if got != want {
		t.Errorf("hover\n got %q\nwant %q", got, want)
	}
	if got := c.RankHover("offer", "a"); !strings.HasPrefix(got, "Ranks **1st of 2**") || strings.Contains(got, "Pays most") {
		t.Errorf("hover of the first: %q", got)
	}
	if c.RankHover("offer", "nope") != "" || c.RankHover("counter", "a") != "" {
		t.Error("hover for a document not compared")
	}
	if LensTitle(len(c.Documents)-1) != "Compare with 1 other offer" || LensTitle(3) != "Compare with 3 other offers" || LensTitle(0) != "" {
		t.Error("lens titles")
	}
	md := c.Markdown()
	for _, want := range []string{"| Year 1 | $350,000 #1 | $250,000 #2 |", "| · Equity | $100,000 | $0 |", "| 4 years | $1,250,000 #1 | $1,000,000 #2 |"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}

func TestUserTextIsEscaped(t *testing.T) {
	src := `offer "x" {
  company = "<script>alert(1)</script> | *bold* [link](http://e)"
  base    = 100000
}
offer "y" {
  company = "Y"
  base    = 90000
}`
	results := workspace(t, map[string]string{"x.offer.hcl": src})
	docs := Documents(results)
	var html bytes.Buffer
	if err := WriteHTML(&html, results, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(html.String(), "<script>") || !strings.Contains(html.String(), "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("company not escaped in HTML")
	}
	md := CompareSelection(Selection{Documents: docs}, Options{}).Markdown()
	if !strings.Contains(md, `\<script>alert(1)\</script> \| \*bold\* \[link\](http://e)`) {
		t.Errorf("company not escaped in Markdown:\n%s", md)
	}
}

func TestDrawBar(t *testing.T) {
	// 100 + 50 + 30 + 20 = 200 of a 400 top over 40 columns: 20 columns,
	// the parts ending at 100/400*40 = 10, 150 -> 15, 180 -> 18, 200 -> 20.
	y := engine.Year{Base: 100, SignOn: 50, Equity: 30, Other: 20, Total: 200}
	if got := drawBar(y, 400, 40); got != "██████████▓▓▓▓▓▒▒▒░░" {
		t.Errorf("bar %q", got)
	}
	full := drawBar(engine.Year{Base: 399, Other: 1, Total: 400}, 400, 40)
	if utf8.RuneCountInString(full) != 40 {
		t.Errorf("the top total spans %d columns, want 40", utf8.RuneCountInString(full))
	}
}

func TestNiceScale(t *testing.T) {
	for _, c := range []struct {
		max, top, step engine.Money
	}{
		{engine.Dollars(467150), engine.Dollars(500000), engine.Dollars(100000)},
		{engine.Dollars(883443), engine.Dollars(1000000), engine.Dollars(200000)}, // 5 steps of 200k
		{engine.Dollars(1100000), engine.Dollars(1250000), engine.Dollars(250000)},
		{engine.Dollars(350000), engine.Dollars(400000), engine.Dollars(100000)},
		{engine.Dollars(90), engine.Dollars(100), engine.Dollars(20)},
		{0, engine.Dollars(100), engine.Dollars(20)},
	} {
		s := newScale(c.max, 50, 300)
		if s.top != c.top || s.step != c.step {
			t.Errorf("scale for %s: top %s step %s, want %s %s", c.max, s.top, s.step, c.top, c.step)
		}
	}
	if got := compactMoney(engine.Dollars(1500000), "USD"); got != "$1.5M" {
		t.Errorf("compact %q", got)
	}
	if got := compactMoney(engine.Dollars(250000), "CHF"); got != "CHF 250k" {
		t.Errorf("compact %q", got)
	}
}

func TestLatestCounterByRound(t *testing.T) {
	src := twoOffers + `
counter "late" {
  offer = offer.a
  round = 3
  base  = 210000
}
counter "early" {
  offer = offer.a
  round = 1
  base  = 220000
}`
	sel := Select(workspace(t, map[string]string{"x.offer.hcl": src}), true)
	var names []string
	for _, d := range sel.Documents {
		names = append(names, d.Name)
	}
	if strings.Join(names, ",") != "a,late,b" {
		t.Fatalf("selected %v, want the offer a, its round-3 counter, then b", names)
	}
}

// A step that changes nothing reads "$0" in the timeline, as every other
// change does (engine.Money.Signed), not "+$0".
func TestTimelineZeroChange(t *testing.T) {
	zero, up := engine.Money(0), engine.Money(500000)
	negs := []lang.Negotiation{{Company: "A Corp", Steps: []lang.Step{
		{Kind: "offer", Name: "a", From: "employer", Total: 100000000, Currency: "USD"},
		{Kind: "offer", Name: "a_v2", From: "employer", Total: 100000000, Change: &zero, Currency: "USD"},
		{Kind: "offer", Name: "a_v3", From: "employer", Total: 100500000, Change: &up, Currency: "USD"},
	}}}
	var b bytes.Buffer
	WriteTimeline(&b, negs)
	got := b.String()
	if strings.Contains(got, "+$0") || !strings.Contains(got, "a_v2  $1,000,000    $0\n") || !strings.Contains(got, "+$5,000") {
		t.Errorf("timeline changes:\n%s", got)
	}
}

// The two-company grid of an HTML comparison marks each cell with its
// winner's color in the comparison chart: the page's CSS holds the chart's
// colors in order, and a cell naming a document gets that document's class.
func TestWinGridColors(t *testing.T) {
	css, err := templateFS.ReadFile("templates/page.html.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range documentColors {
		want := "td.win-" + string(rune('1'+i)) + "::before { content: \"\\25A0  \"; color: " + c + "; }"
		if !strings.Contains(string(css), want) {
			t.Errorf("page.html.tmpl lacks %s", want)
		}
	}
	c := Compare(workspace(t, map[string]string{"a.offer.hcl": twoOffers}), Options{})
	if got := c.winnerClass("b"); got != "win-2" {
		t.Errorf("winnerClass(b) = %q, want win-2", got)
	}
	if got := c.winnerClass("a, b (tie)"); got != "" {
		t.Errorf("a tie is marked %q", got)
	}
}

// An HTML report of nothing says so in the text report's words, not "0
// offers and counters from .".
func TestHTMLReportOfNothing(t *testing.T) {
	var html bytes.Buffer
	if err := WriteHTML(&html, nil, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	var text bytes.Buffer
	WriteReport(&text, nil, ReportOptions{})
	if w := "<p>" + strings.TrimSpace(text.String()) + "</p>"; !strings.Contains(html.String(), w) {
		t.Errorf("HTML lacks %q:\n%s", w, html.String())
	}
}
