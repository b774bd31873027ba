package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// With nothing to chart (every block has errors, so none has figures),
// --chart adds nothing to the tables: no blank line before a chart that
// is not there. With one block to chart, the chart follows a blank line.
func TestChartWithNothingToChart(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "bad.offer.hcl"), "offer \"o\" {\n  base = \"x\"\n}\n")
	for _, command := range []string{"report", "compare"} {
		without, _ := mustRun(t, 1, command, "--no-chart", dir)
		with, _ := mustRun(t, 1, command, "--chart", dir)
		if with != without {
			t.Errorf("offer %s --chart with nothing to chart added %q to\n%s", command, strings.TrimPrefix(with, without), without)
		}
	}
	good := filepath.Join("..", "..", "examples", "amazon-l6-seattle", "offer.offer.hcl")
	without, _ := mustRun(t, 0, "report", "--no-chart", good)
	with, _ := mustRun(t, 0, "report", "--chart", good)
	if chart, ok := strings.CutPrefix(with, without); !ok || !strings.HasPrefix(chart, "\n") || !strings.Contains(chart, "Year 4") {
		t.Errorf("offer report --chart: the chart does not follow the tables after a blank line:\n%s", with)
	}
}
