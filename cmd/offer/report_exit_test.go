package main

// What offer report and lint do with a document's severities: a figure
// the employer wrote is never an error (exit 0, a warning that states the
// consequence), another company's offer is not judged by Amazon's cap, and
// a block that did not decode gets no figures in any format (exit 1).

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const googleL7 = `offer "google_l7" {
  company  = "Google"
  level    = "L7"
  track    = "SWE"
  location = "Bay Area"
  base     = 360000
}
`

const amazonL6NYC = `offer "amazon_l6_nyc" {
  company  = "Amazon"
  level    = "L6"
  track    = "SDE"
  location = "NYC"
  base     = 225000
}
`

func TestEmployerFiguresAreNotErrors(t *testing.T) {
	// Google L7, base $360,000 (over Amazon's $350,000 L7 cap): no
	// mention of Amazon or of a cap, exit 0 for lint and report.
	dir := writeFiles(t, map[string]string{"g.offer.hcl": googleL7})
	for _, cmd := range []string{"lint", "report"} {
		out, errOut, code := runCLI(t, cmd, dir)
		if code != exitOK || strings.Contains(out+errOut, "Amazon") || strings.Contains(out+errOut, "cap") {
			t.Errorf("offer %s on Google L7: exit %d\n%s%s", cmd, code, out, errOut)
		}
	}
	// Amazon L6 NYC, base $225,000: over the $220,000 cap, inside the NYC
	// band. A warning that says what follows, exit 0 for lint and report,
	// and the report's figures are all there.
	dir = writeFiles(t, map[string]string{"a.offer.hcl": amazonL6NYC})
	const consequence = "Base $225,000 is above the $220,000 cap people report for Amazon L6: expect the rest of any increase to come as sign-on or equity."
	out, errOut, code := runCLI(t, "lint", dir)
	if code != exitOK || !strings.Contains(strings.Join(strings.Fields(out), " "), "warning[base-over-cap]") ||
		strings.Contains(out, "error[") {
		t.Errorf("lint: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = runCLI(t, "report", dir)
	if code != exitOK || errOut != "" || !strings.Contains(out, "warning[base-over-cap] line 6: "+consequence) ||
		!strings.Contains(out, "4-year total $900,000") || strings.Contains(out, "leave out") {
		t.Errorf("report: exit %d\n%s%s", code, out, errOut)
	}
}

func TestReportOfBrokenDocument(t *testing.T) {
	// base has no value: the offer decodes with an error, so no format
	// shows a figure of it, and report exits 1 with the error on stderr.
	dir := writeFiles(t, map[string]string{"b.offer.hcl": "offer \"broken\" {\n  company = \"Amazon\"\n  level   = \"L6\"\n  base    = \n}\n"})
	for _, format := range []string{"text", "json", "html"} {
		out, errOut, code := runCLI(t, "report", "--format", format, dir)
		if code != exitFindings || !strings.Contains(errOut, "error[syntax]") {
			t.Errorf("%s: exit %d, stderr %s", format, code, errOut)
		}
		if strings.Contains(out, "$0") || strings.Contains(out, "\"total\": 0") {
			t.Errorf("%s: figures of a block that did not decode:\n%s", format, out)
		}
		switch format {
		case "text", "html":
			if !strings.Contains(out, "No figures: the block has errors") {
				t.Errorf("%s does not say why there are no figures:\n%s", format, out)
			}
		case "json":
			// The block is listed as left out, with why and its error,
			// and nowhere among the documents.
			var rep struct {
				Documents []struct{ Name string }
				LeftOut   []struct {
					File, Kind, Name, Reason string
					Line                     int
					Errors                   []struct {
						Line int
						Code string
					}
				} `json:"left_out"`
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatalf("json: %v\n%s", err, out)
			}
			sk := rep.LeftOut
			if len(rep.Documents) != 0 || len(sk) != 1 || sk[0].File != filepath.Join(dir, "b.offer.hcl") ||
				sk[0].Kind != "offer" || sk[0].Name != "broken" || sk[0].Line != 1 || sk[0].Reason != "the block has errors" ||
				len(sk[0].Errors) != 1 || sk[0].Errors[0].Code != "syntax" || sk[0].Errors[0].Line != 4 {
				t.Errorf("json does not list the broken block as left out:\n%s", out)
			}
		}
	}
	// Nothing to chart because of the errors is exit 1 (the files have
	// errors), not 2 (usage), and -o writes nothing.
	if _, errOut, code := runCLI(t, "report", "--format", "svg", dir); code != exitFindings || !strings.Contains(errOut, "no offer or counter without errors") ||
		!strings.Contains(errOut, "error[syntax]") {
		t.Errorf("svg: exit %d, want %d: %s", code, exitFindings, errOut)
	}
	svg := filepath.Join(t.TempDir(), "chart.svg")
	if _, errOut, code := runCLI(t, "report", "--format", "svg", "-o", svg, dir); code != exitFindings {
		t.Errorf("svg -o: exit %d, want %d: %s", code, exitFindings, errOut)
	}
	if _, err := os.Stat(svg); err == nil {
		t.Errorf("svg -o wrote %s with nothing to chart", svg)
	}
	// A file that does not parse, beside a counter whose offer is missing:
	// both listed.
	dir = writeFiles(t, map[string]string{"s.offer.hcl": "offer \"x\" {\n  base = 1\n", "c.offer.hcl": "counter \"c\" {\n  offer = offer.gone\n  base  = 1\n}\n"})
	out, _, code := runCLI(t, "report", "--format", "json", dir)
	for _, want := range []string{`"name": "c",`, `"reason": "the offer it answers was not found"`, `"code": "unknown-reference"`, `"name": "x",`, `"reason": "the block has errors"`} {
		if code != exitFindings || !strings.Contains(out, want) {
			t.Errorf("json: exit %d, lacks %s:\n%s", code, want, out)
		}
	}
	// The text report names the counter too, and says why it has no figures.
	out, _, code = runCLI(t, "report", dir)
	if code != exitFindings || !strings.Contains(out, "counter c, round 1, answering offer gone\n"+filepath.Join(dir, "c.offer.hcl")+"\nNo figures: the offer it answers was not found") {
		t.Errorf("text: exit %d, no word of the counter whose offer is missing:\n%s", code, out)
	}
	// Beside a good offer, the good one keeps its figures.
	dir = writeFiles(t, map[string]string{"b.offer.hcl": "offer \"broken\" {\n  base = \n}\n", "a.offer.hcl": amazonL6NYC})
	out, _, code = runCLI(t, "report", "--format", "html", dir)
	if code != exitFindings || !strings.Contains(out, "$900,000") || !strings.Contains(out, "No figures: the block has errors") {
		t.Errorf("html with one good and one broken offer: exit %d", code)
	}
}
