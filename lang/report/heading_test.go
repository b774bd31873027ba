package report

import (
	"bytes"
	"strings"
	"testing"
)

// TestTextAndHTMLHeadingsAgree holds the text report's block headings to
// the HTML report's: both name a revision's version and an accepted
// version's outcome, in the same words, also for a block without figures;
// a counter names the version of the offer it answers in brackets after it.
func TestTextAndHTMLHeadingsAgree(t *testing.T) {
	results := workspace(t, map[string]string{"a.offer.hcl": `
offer "acme" {
  company = "Acme"
  base    = 200000
}

offer "acme_r2" {
  revises = offer.acme
  base    = 210000
}

offer "acme_final" {
  revises  = offer.acme_r2
  accepted = "2025-03-19"
  base     = 215000
}

counter "ask" {
  offer = offer.acme_r2
  round = 2
  base  = 220000
}
`, "b.offer.hcl": `
offer "beta" {
  revises = offer.acme
  base    = "lots"
}
`})
	var text, html bytes.Buffer
	WriteReport(&text, results, ReportOptions{})
	if err := WriteHTML(&html, results, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"offer acme (Acme)",
		"offer acme_r2 (Acme), revision 2 of acme",
		"offer acme_final (Acme), revision 3 of acme, accepted 2025-03-19",
		"counter ask (Acme), round 2, answering offer acme_r2 (revision 2 of acme)",
		"offer beta (Acme), revision 2 of acme", // no figures: the block has errors
	} {
		if !strings.Contains(text.String(), "\n"+want+"\n") && !strings.HasPrefix(text.String(), want+"\n") {
			t.Errorf("text report has no heading %q:\n%s", want, text.String())
		}
		if !strings.Contains(html.String(), "<h2>"+want+"</h2>") {
			t.Errorf("HTML report has no heading %q", want)
		}
	}
}

// TestCompareFormatsSayWhereTheCalendarIsExplained holds offer compare's
// text, Markdown and HTML to the one aside of the calendar-year table.
func TestCompareFormatsSayWhereTheCalendarIsExplained(t *testing.T) {
	c := Compare(workspace(t, map[string]string{"x.offer.hcl": strings.Replace(twoOffers, `base    = 250000`, "base    = 250000\n  start   = \"2025-06-02\"", 1)}), Options{Calendar: true})
	const aside = "docs/compare.md says how each component is placed"
	var text, html bytes.Buffer
	c.WriteText(&text)
	if err := c.WriteHTML(&html); err != nil {
		t.Fatal(err)
	}
	for format, out := range map[string]string{"text": text.String(), "Markdown": c.Markdown(), "HTML": html.String()} {
		if !strings.Contains(out, "Pay by calendar year") || !strings.Contains(out, aside) {
			t.Errorf("%s has no %q under the calendar-year table:\n%s", format, aside, out)
		}
	}
}
