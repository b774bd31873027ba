package analysis

import (
	"strings"
	"testing"

	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/report"
)

// An Overview works out what is asked of it, once per state: the Compare
// lens counts the selected offers without comparing them, the rank on
// hover and the Compare command's table read one comparison, and a new
// state of the workspace needs a new Overview.
func TestOverviewWorksOutWhatIsAsked(t *testing.T) {
	ws := lang.NewWorkspace()
	ws.Set("neg/a.offer.hcl", []byte("offer \"a\" {\n  company = \"A\"\n  base    = 200000\n}\n"))
	ws.Set("neg/b.offer.hcl", []byte("offer \"b\" {\n  company = \"B\"\n  base    = 210000\n}\n\ncounter \"c\" {\n  offer = offer.b\n  base  = 230000\n}\n"))
	r := ws.Check("neg/a.offer.hcl")
	ov := NewOverview(ws)

	var compare string
	for _, l := range WorkspaceLenses(ov, r) {
		if l.Command == CompareCommand {
			compare = l.Title
		}
	}
	if compare != "Compare with 1 other offer" { // the counter is not compared
		t.Errorf("compare lens: %q", compare)
	}
	if ov.sel == nil || ov.cmp != nil {
		t.Errorf("after the lens: selection kept %v, comparison made %v (want only the selection)", ov.sel != nil, ov.cmp != nil)
	}

	// Offer a pays 800,000 over four years, b 840,000.
	h := WorkspaceHover(ov, r, at(t, r.File.Src, `"|a"`))
	if h == nil || !strings.Contains(h.Markdown, "Ranks **2nd of 2**") {
		t.Fatalf("hover: %+v", h)
	}
	cmp := ov.cmp
	md := ov.CompareMarkdown()
	if ov.cmp != cmp || md != report.Compare(ws.CheckAll(), report.Options{}).Markdown() {
		t.Errorf("the table was not the kept comparison's:\n%s", md)
	}

	if !ov.Current() {
		t.Error("the overview is not current")
	}
	ws.Remove("neg/b.offer.hcl")
	if ov.Current() {
		t.Error("the overview is current after a file left the workspace")
	}
}
