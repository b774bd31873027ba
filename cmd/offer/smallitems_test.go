package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestChartCheckOnlyWithChartFlag: with standard output a character device
// (/dev/null, as a terminal is) and no --chart, the machine formats are
// written, not refused (issue 20: they exited 2 with "--chart draws in the
// text format").
func TestChartCheckOnlyWithChartFlag(t *testing.T) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	dir := "../../examples/competing-offers"
	for _, args := range [][]string{
		{"report", "--format", "json", dir}, {"report", "--format", "html", dir}, {"report", "--format", "svg", dir},
		{"compare", "--format", "json", dir}, {"compare", "--format", "markdown", dir},
	} {
		var stderr bytes.Buffer
		if code := run(args, strings.NewReader(""), null, &stderr); code != 0 {
			t.Errorf("%v to a character device: exit %d, %s", args, code, stderr.String())
		}
		var errOut bytes.Buffer
		withChart := append([]string{args[0], "--chart"}, args[1:]...)
		if code := run(withChart, strings.NewReader(""), null, &errOut); code != 2 || !strings.Contains(errOut.String(), "--chart draws") {
			t.Errorf("%v: exit %d, %q; want 2 and the --chart message", withChart, code, errOut.String())
		}
	}
}
