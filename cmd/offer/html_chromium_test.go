package main

// This file renders the HTML report in headless Chromium and checks that
// the charts are there and say what the report says: every bar segment's
// data-value and every bar's data-total equal the figures of `offer report
// --format json`, the bars are drawn to scale, the cliff is marked, and the
// screenshot holds each component's colour. The test needs Debian's
// chromium (apt-get install -y chromium) and fails without it.
//
// `go test ./cmd/offer -run TestHTMLInChromium -readme-screenshot` also
// renders examples/amazon-l6-seattle and examples/competing-offers and
// writes docs/report.png for the README.

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

var readmeScreenshot = flag.Bool("readme-screenshot", false, "write docs/report.png from the examples")

// chromium returns the path of a Chromium binary, failing the test when
// there is none.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("chromium is not installed; this test needs it: apt-get install -y chromium")
	return ""
}

// runChromium runs headless Chromium over a local file with the flags a
// machine without network needs, and returns its standard output.
func runChromium(t *testing.T, bin, file string, extra ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
		"--user-data-dir=" + t.TempDir()}, extra...)
	args = append(args, "file://"+file)
	cmd := exec.CommandContext(ctx, bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", extra, err, stderr.String())
	}
	return stdout.Bytes()
}

type reportDoc struct {
	Name  string `json:"name"`
	Years []struct {
		Year   int             `json:"year"`
		Base   json.RawMessage `json:"base"`
		SignOn json.RawMessage `json:"sign_on"`
		Equity json.RawMessage `json:"equity"`
		Other  json.RawMessage `json:"other"`
		Total  json.RawMessage `json:"total"`
	} `json:"years"`
	Flags []struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"flags"`
}

var (
	barRe  = regexp.MustCompile(`<g class="bar[^"]*" data-doc="([^"]*)" data-year="(\d)" data-total="([^"]*)">([\s\S]*?)</g>`)
	segRe  = regexp.MustCompile(`<rect class="seg seg-\w+" x="[^"]*" y="[^"]*" width="[^"]*" height="([^"]*)" fill="[^"]*" data-component="(\w+)" data-value="([^"]*)">`)
	cliffR = regexp.MustCompile(`<g class="cliff" data-doc="([^"]*)" data-year="(\d)" data-below-year="(\d)" data-gap="([^"]*)">`)
	svgRe  = regexp.MustCompile(`<svg [^>]*class="chart chart-(\w+)" id="([^"]*)"[\s\S]*?</svg>`)
)

func TestHTMLInChromium(t *testing.T) {
	bin := chromium(t)
	dir := t.TempDir()
	compareOffers(t, dir)
	if *readmeScreenshot {
		writeReadmeScreenshot(t, bin)
	}
	t.Chdir(dir)

	var stdout, stderr bytes.Buffer
	if code := run([]string{"report", "--format", "html", "--calendar", "-o", "report.html", "offers"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("report --format html: exit %d\n%s", code, stderr.String())
	}
	stdout.Reset()
	if code := run([]string{"report", "--format", "json", "offers"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("report --format json: exit %d\n%s", code, stderr.String())
	}
	var rep struct{ Documents []reportDoc }
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Documents) != 5 {
		t.Fatalf("%d documents in the JSON report, want 5 (3 offers, 2 counters)", len(rep.Documents))
	}

	page := filepath.Join(dir, "report.html")
	dom := string(runChromium(t, bin, page, "--dump-dom"))
	if !strings.Contains(dom, "<h1>Offer report</h1>") {
		t.Fatalf("Chromium did not render the report:\n%.2000s", dom)
	}
	offline := strings.ReplaceAll(dom, `xmlns="http://www.w3.org/2000/svg"`, "")
	for _, bad := range []string{"<script", "<link", "<img", "<iframe", "src=", "http://", "https://", "@import", "url("} {
		if strings.Contains(offline, bad) {
			t.Errorf("the page is not self-contained: it holds %q", bad)
		}
	}

	charts := map[string]string{} // id -> svg text
	kinds := map[string]int{}
	for _, m := range svgRe.FindAllStringSubmatch(dom, -1) {
		charts[m[2]] = m[0]
		kinds[m[1]]++
	}
	if kinds["stacked"] != len(rep.Documents) || kinds["compare"] != 1 {
		t.Fatalf("charts %v, want one stacked chart per document and one comparison chart", kinds)
	}

	for i, d := range rep.Documents {
		svg := charts["chart-"+strconv.Itoa(i+1)]
		bars := barRe.FindAllStringSubmatch(svg, -1)
		if len(bars) != 4 {
			t.Fatalf("%s: %d bars, want 4", d.Name, len(bars))
		}
		var pxPerDollar float64
		for k, b := range bars {
			y := d.Years[k]
			if b[1] != d.Name || b[2] != strconv.Itoa(y.Year) || b[3] != string(y.Total) {
				t.Errorf("%s year %d: bar says doc %s year %s total %s, report says %s", d.Name, y.Year, b[1], b[2], b[3], y.Total)
			}
			want := map[string]string{"base": string(y.Base), "sign_on": string(y.SignOn), "equity": string(y.Equity), "other": string(y.Other)}
			for _, s := range segRe.FindAllStringSubmatch(b[4], -1) {
				if want[s[2]] != s[3] {
					t.Errorf("%s year %d %s: chart %s, report %s", d.Name, y.Year, s[2], s[3], want[s[2]])
				}
				delete(want, s[2])
				h, _ := strconv.ParseFloat(s[1], 64)
				v, _ := strconv.ParseFloat(s[3], 64)
				if pxPerDollar == 0 {
					pxPerDollar = h / v
				} else if math.Abs(h-v*pxPerDollar) > 0.02 {
					t.Errorf("%s year %d %s: %.2fpx for %s, not to the chart's scale (%.6f px/$)", d.Name, y.Year, s[2], h, s[3], pxPerDollar)
				}
			}
			for comp, v := range want {
				if v != "0" {
					t.Errorf("%s year %d: no %s segment for %s", d.Name, y.Year, comp, v)
				}
			}
		}
		// Every cliff flag of the report is marked on the chart.
		marked := map[string]bool{}
		for _, c := range cliffR.FindAllStringSubmatch(svg, -1) {
			marked[c[2]] = true
		}
		for _, f := range d.Flags {
			if f.Code == "cliff" {
				year := strings.Fields(f.Message)[1] // "Year 2 pays ..."
				if !marked[year] {
					t.Errorf("%s: cliff in year %s not marked on the chart (%v)", d.Name, year, marked)
				}
				delete(marked, year)
			}
		}
		if len(marked) > 0 {
			t.Errorf("%s: chart marks cliffs %v the report does not flag", d.Name, marked)
		}
	}

	// The comparison chart has one bar per document and year, with the
	// report's totals.
	cmpBars := barRe.FindAllStringSubmatch(charts["compare-chart"], -1)
	if len(cmpBars) != 4*len(rep.Documents) {
		t.Fatalf("comparison chart has %d bars, want %d", len(cmpBars), 4*len(rep.Documents))
	}
	totals := map[string]string{}
	for _, d := range rep.Documents {
		for _, y := range d.Years {
			totals[d.Name+"/"+strconv.Itoa(y.Year)] = string(y.Total)
		}
	}
	for _, b := range cmpBars {
		if totals[b[1]+"/"+b[2]] != b[3] {
			t.Errorf("comparison bar %s year %s: %s, report %s", b[1], b[2], b[3], totals[b[1]+"/"+b[2]])
		}
	}

	// The screenshot shows the charts: each component's colour and the
	// cliff's red cover real pixels.
	shot := filepath.Join(dir, "report.png")
	runChromium(t, bin, page, "--window-size=1300,2400", "--screenshot="+shot)
	counts := colourCounts(t, shot, map[string][3]uint8{
		"base": {0x4e, 0x79, 0xa7}, "sign_on": {0xf2, 0x8e, 0x2b}, "equity": {0x59, 0xa1, 0x4f}, "other": {0xb0, 0x7a, 0xa1}, "cliff": {0xd1, 0x24, 0x2f},
	})
	t.Logf("pixels by colour: %v", counts)
	for name, n := range counts {
		if n < 200 {
			t.Errorf("the screenshot has %d pixels of the %s colour; the chart did not render", n, name)
		}
	}
}

func colourCounts(t *testing.T, path string, colours map[string][3]uint8) map[string]int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for name := range colours {
		counts[name] = 0
	}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			for name, c := range colours {
				if uint8(r>>8) == c[0] && uint8(g>>8) == c[1] && uint8(bl>>8) == c[2] {
					counts[name]++
				}
			}
		}
	}
	return counts
}

// writeReadmeScreenshot renders two example negotiations and saves the
// top of the page as docs/report.png.
func writeReadmeScreenshot(t *testing.T, bin string) {
	root, _ := filepath.Abs("../..")
	out := filepath.Join(t.TempDir(), "examples.html")
	var stdout, stderr bytes.Buffer
	t.Chdir(filepath.Join(root, "examples"))
	if code := run([]string{"report", "--format", "html", "-o", out, "amazon-l6-seattle", "competing-offers"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("report of the examples: exit %d\n%s", code, stderr.String())
	}
	dst := filepath.Join(root, "docs", "report.png")
	runChromium(t, bin, out, "--window-size=1280,1420", "--screenshot="+dst)
	if _, _, err := image.DecodeConfig(mustOpen(t, dst)); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", dst)
}

func mustOpen(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
