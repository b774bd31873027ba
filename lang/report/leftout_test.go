package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// What has no figures, and why, is decided once by the checker
// (lang.LeftOut) and stated the same way by every format: report's JSON,
// compare's JSON, the text and the HTML report. The cases are those where
// a second guess by error ranges went wrong: a counter with an unknown
// attribute (which does not change its figures) whose offer has errors, a
// revision whose earlier version has errors in another file, and a counter
// whose offer is missing.
func TestLeftOutAgreesWithTheChecker(t *testing.T) {
	results := workspace(t, map[string]string{
		"a.offer.hcl": "offer \"a\" {\n  company = \"A Corp\"\n  base    = \"lots\"\n}\n",
		"b.offer.hcl": "counter \"b\" {\n  offer = offer.a\n  round = 1\n  bogus = 1\n  base  = 250000\n}\n",
		"r.offer.hcl": "offer \"r\" {\n  revises = offer.a\n  base    = 240000\n}\n",
		"g.offer.hcl": "counter \"g\" {\n  offer = offer.gone\n  round = 1\n  base  = 1\n}\n",
	})
	type errJSON struct {
		File string
		Line int
		Code string
	}
	type entry struct {
		Kind, Name, File, Reason string
		Line                     int
		Errors                   []errJSON
	}
	want := map[string]entry{
		"a": {"offer", "a", "a.offer.hcl", "the block has errors", 1, []errJSON{{"a.offer.hcl", 3, "wrong-type"}}},
		"b": {"counter", "b", "b.offer.hcl", "the offer it answers has errors", 1, []errJSON{{"a.offer.hcl", 3, "wrong-type"}}},
		"r": {"offer", "r", "r.offer.hcl", "a version it revises has errors", 1, []errJSON{{"a.offer.hcl", 3, "wrong-type"}}},
		"g": {"counter", "g", "g.offer.hcl", "the offer it answers was not found", 1, []errJSON{{"g.offer.hcl", 2, "unknown-reference"}}},
	}
	check := func(format string, raw any, names ...string) {
		t.Helper()
		b, _ := json.Marshal(raw)
		var out struct {
			LeftOut []entry `json:"left_out"`
		}
		if err := json.Unmarshal(b, &out); err != nil {
			t.Fatal(err)
		}
		got := map[string]entry{}
		for _, e := range out.LeftOut {
			got[e.Name] = e
		}
		for _, n := range names {
			g, w := got[n], want[n]
			if g.Kind != w.Kind || g.File != w.File || g.Reason != w.Reason || g.Line != w.Line || len(g.Errors) != len(w.Errors) ||
				len(g.Errors) > 0 && g.Errors[0] != w.Errors[0] {
				t.Errorf("%s, %s left out as %+v, want %+v", format, n, g, w)
			}
		}
		if len(out.LeftOut) != len(names) {
			t.Errorf("%s lists %d left out, want %d: %s", format, len(out.LeftOut), len(names), b)
		}
	}
	check("report json", ReportJSON(results, ReportOptions{}), "a", "b", "r", "g")
	// compare --counters leaves out the standing version of a's chain (r)
	// and its latest counter (b); a counter whose offer is missing is in no
	// chain.
	cmp := Compare(results, Options{Counters: true})
	check("compare json", cmp.JSON(), "r", "b")
	for _, n := range []string{"r", "b"} {
		if w := " (" + want[n].File + "): " + want[n].Reason + ";"; !strings.Contains(strings.Join(cmp.notes(), "\n"), w) {
			t.Errorf("compare's notes do not say %q:\n%s", w, strings.Join(cmp.notes(), "\n"))
		}
	}

	var text bytes.Buffer
	WriteReport(&text, results, ReportOptions{})
	var html bytes.Buffer
	if err := WriteHTML(&html, results, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	// One wording in both: the reason and, for a block valued over errors,
	// what they do to its figures; the text adds where the errors are.
	for n, tail := range map[string]string{"a": leftOutFigures, "b": leftOutFigures, "r": leftOutFigures, "g": ""} {
		inText := "No figures: " + want[n].Reason + " (on standard error)" + tail + ".\n"
		inHTML := "No figures: " + want[n].Reason + tail + ". Run"
		if !strings.Contains(text.String(), inText) || !strings.Contains(html.String(), inHTML) {
			t.Errorf("text does not say %q or HTML %q of %s:\n%s\n%s", inText, inHTML, n, text.String(), html.String())
		}
	}
	if !strings.Contains(html.String(), "<h2>counter g, round 1, answering offer gone</h2>") {
		t.Errorf("HTML does not name the counter whose offer is missing:\n%s", html.String())
	}
	// --chart draws no bars for them either.
	var chart bytes.Buffer
	WriteDocumentChart(&chart, Documents(results), ChartWidth)
	if chart.Len() != 0 {
		t.Errorf("the chart draws documents without figures:\n%s", chart.String())
	}
}

// A history row that cannot be valued gives the checker's reason and the
// error behind it, which for a counter lies in its offer's file.
func TestHistoryRowSaysWhyFromTheChecker(t *testing.T) {
	results := workspace(t, map[string]string{
		"a.offer.hcl": "offer \"a\" {\n  company = \"A Corp\"\n  base    = \"lots\"\n}\n",
		"b.offer.hcl": "counter \"b\" {\n  offer = offer.a\n  base  = 250000\n}\n",
		"n.offer.hcl": "counter \"n\" {\n  base = 250000\n}\n",
	})
	h := NewHistory(".")
	for _, r := range results {
		h.AddResult("c1", "2025-01-01", "s", r.File.Name, r)
	}
	want := map[string]string{
		"a": "not valued: the block has errors, so its figures would leave out what could not be read (a.offer.hcl line 3: Wrong type for base)",
		"b": "not valued: the offer it answers has errors, so its figures would leave out what could not be read (a.offer.hcl line 3: Wrong type for base)",
		"n": "not valued: the counter names no offer",
	}
	for _, row := range h.Rows {
		if row.Reason != want[row.Name] {
			t.Errorf("%s: %q, want %q", row.Name, row.Reason, want[row.Name])
		}
	}
	if len(h.Rows) != 3 {
		t.Errorf("%d rows, want 3: %+v", len(h.Rows), h.Rows)
	}
}

// A file with errors and no block is named in the text and HTML reports
// with the checker's reason, in the same words, as report's JSON lists it
// in left_out.
func TestReportsNameAFileWithNoBlock(t *testing.T) {
	results := workspace(t, map[string]string{
		"a.offer.hcl": "offer \"a\" {\n  company = \"A Corp\"\n  base    = 200000\n}\n",
		"z.offer.hcl": "}}} garbage\n",
	})
	var b strings.Builder
	WriteReport(&b, results, ReportOptions{})
	if !strings.Contains(b.String(), "z.offer.hcl\nNo figures: the file has errors (on standard error).\n") || !strings.Contains(b.String(), "offer a") {
		t.Errorf("report:\n%s", b.String())
	}
	var html strings.Builder
	if err := WriteHTML(&html, results, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{
		"<p>1 offer or counter from a.offer.hcl, z.offer.hcl.</p>",
		"<section class=\"doc\" id=\"file-1\">\n<h2>z.offer.hcl</h2>\n<p class=\"note\">No figures: the file has errors. Run <code>offer lint</code> and fix them.</p>",
		"<h2>offer a (A Corp)</h2>",
	} {
		if !strings.Contains(html.String(), w) {
			t.Errorf("HTML lacks %q:\n%s", w, html.String())
		}
	}
}
