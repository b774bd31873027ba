package analysis

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/lang"
)

// fix runs the quick fix for the first diagnostic with the given code and
// returns the edited text, after checking that it parses and that the
// diagnostic is gone.
func fix(t *testing.T, ws *lang.Workspace, name, code string) string {
	t.Helper()
	r := ws.Check(name)
	var action *Action
	for _, a := range Actions(ws, r, whole(r)) {
		if a.Kind == QuickFix && a.Diag.Code == code {
			action = &a
			break
		}
	}
	if action == nil {
		t.Fatalf("no quick fix for %s among %v", code, r.Diags)
	}
	out := Apply(r.File.Src, action.Edits)
	ws.Set(name, out)
	after := ws.Check(name)
	for _, d := range after.Diags {
		if d.Severity == 1 || d.Code == code {
			t.Errorf("after the fix: %s %s", d.Code, d.Message())
		}
	}
	return string(out)
}

// checkOne checks src as the one file of a new workspace.
func checkOne(name, src string) (*lang.Workspace, *lang.Result) {
	ws := lang.NewWorkspace()
	ws.Set(name, []byte(src))
	return ws, ws.Check(name)
}

func TestBaseOverCapOnAnOffer(t *testing.T) {
	// Base 230,000 is 10,000 over the L6 cap of 220,000. The offer is what
	// the employer wrote: a warning saying what it means, and no fix that
	// would rewrite the employer's figure (the counter's fix is below).
	src := "offer \"o\" {\n  company  = \"Amazon\"\n  level    = \"L6\"\n  track    = \"SDE\"\n  location = \"Seattle\"\n  base     = 230000 # as offered\n\n  sign_on {\n    year1 = 110000\n    year2 = 90000\n  }\n}\n"
	ws, r := checkOne("d/o.offer.hcl", src)
	found := false
	for _, d := range r.Diags {
		if d.Code == "base-over-cap" {
			found = true
			if d.Severity.String() != "warning" || d.Fix != nil || !strings.Contains(d.Detail, "expect the rest of any increase to come as sign-on or equity") {
				t.Errorf("%s %s fix=%v", d.Severity, d.Detail, d.Fix)
			}
		}
	}
	if !found {
		t.Fatal("no base-over-cap")
	}
	for _, a := range Actions(ws, r, whole(r)) {
		if a.Kind == QuickFix && a.Diag != nil && a.Diag.Code == "base-over-cap" {
			t.Errorf("a quick fix rewrites the employer's figure: %s", a.Title)
		}
	}
}

func TestFixBaseOverCapInCounterKeepsSignOn(t *testing.T) {
	// The counter has no sign_on block, so the fix adds one; a counter's
	// sign_on replaces the offer's whole sign-on, so year 2 (90,000) is
	// restated with year 1 at 110,000 + 10,000.
	ws := lang.NewWorkspace()
	ws.Set(offerPath, read(t, "../../examples/amazon-l6-seattle/offer.offer.hcl"))
	src := "counter \"c\" {\n  offer = offer.amazon_l6\n  base  = 230000\n}\n"
	ws.Set("neg/c.offer.hcl", []byte(src))
	got := fix(t, ws, "neg/c.offer.hcl", "base-over-cap")
	want := "counter \"c\" {\n  offer = offer.amazon_l6\n  base  = 220000\n\n  sign_on {\n    year1 = 120000\n    year2 = 90000\n  }\n}\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestFixEquityInShares(t *testing.T) {
	// 2,000 shares at 186.05 = 372,100.
	src := "offer \"o\" {\n  base = 195000\n\n  equity {\n    shares   = 2000\n    price    = 186.05\n    schedule = \"even\"\n  }\n}\n"
	ws, _ := checkOne("d/o.offer.hcl", src)
	got := fix(t, ws, "d/o.offer.hcl", "equity-in-shares")
	want := "offer \"o\" {\n  base = 195000\n\n  equity {\n    value    = 372100\n    schedule = \"even\"\n  }\n}\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestFixCliff(t *testing.T) {
	// Year 2 is 5,000 under year 1. Raising the grant by g adds 5% g to
	// year 1 and 15% g to year 2, so g = 5,000 / 10% = 50,000: 450,000.
	ws := example(t)
	got := fix(t, ws, offerPath, "cliff")
	want := strings.Replace(string(read(t, "../../examples/amazon-l6-seattle/offer.offer.hcl")), "value    = 400000", "value    = 450000", 1)
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestFixInsertsAttributeIntoOneLineBlock(t *testing.T) {
	// An offer with equity written on one line and no value: the cliff fix
	// cannot apply, so exercise insertAttr directly through setAttr.
	src := "offer \"o\" {\n  base = 1\n  equity { schedule = \"amazon\" }\n}\n"
	_, r := checkOne("d/o.offer.hcl", src)
	e := &editor{src: r.File.Src, name: r.File.Name}
	out := string(Apply(r.File.Src, e.setAttr(&r.File.Offers[0].Node, "equity.value", "400000", nil)))
	want := "offer \"o\" {\n  base = 1\n  equity {\n    schedule = \"amazon\"\n    value = 400000\n  }\n}\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	if f := lang.Decode("x.offer.hcl", []byte(out)); f.Diags.HasErrors() {
		t.Errorf("does not parse: %v", f.Diags)
	}
}

func TestInsertCounter(t *testing.T) {
	// Target p75 of L6 SDE Seattle: base 180,000 + 75% × 40,000 = 210,000;
	// grant 300,000 + 75% × 200,000 = 450,000 (above the 400,000 offered);
	// sign-on 100,000 + 75% × 100,000 = 175,000 (under the 200,000
	// offered, so left as offered). round1 answers the offer already.
	ws := example(t)
	r := ws.Check(offerPath)
	var action *Action
	cursor := at(t, r.File.Src, "base = 195000")
	for _, a := range Actions(ws, r, hcl.Range{Start: cursor, End: cursor}) {
		if a.Kind == RefactorInsertCounter {
			action = &a
		}
	}
	if action == nil || action.Title != "Insert counter-proposal for offer amazon_l6" {
		t.Fatalf("no counter action: %+v", action)
	}
	// Listing the action drafts nothing; resolving it writes the block.
	if !action.Lazy() || action.Edits != nil {
		t.Fatalf("the counter action is not lazy: %+v", action)
	}
	if err := action.Resolve(); err != nil || action.Lazy() {
		t.Fatalf("resolve: %v", err)
	}
	src := string(r.File.Src)
	out := string(Apply(r.File.Src, action.Edits))
	block := `
# Counter-proposal for offer amazon_l6: asks at the 75th percentile of the L6 SDE Seattle band;
# levers already there are left as offered.
counter "amazon_l6_counter" {
  offer = offer.amazon_l6
  round = 2
  base  = 210000

  equity {
    value = 450000
  }
}
`
	cut := strings.Index(src, "}\n\ncandidate") + 2
	if want := src[:cut] + block + src[cut:]; out != want {
		t.Fatalf("got\n%s\nwant\n%s", out, want)
	}
	ws.Set(offerPath, []byte(out))
	r = ws.Check(offerPath)
	// Base +15,000 a year is +60,000 over four years, and the whole extra
	// 50,000 of grant vests within them: +110,000 = +7.83% of 1,405,000.
	if r.Diags.HasErrors() || len(r.Docs) != 2 || LensTitle(r.Docs[1]) != "4-yr $1,515,000 · avg $378,750 · p100 · +$110,000 (+7.8%) vs amazon_l6" {
		t.Fatalf("after insert: %v %+v", r.Diags, LensTitle(r.Docs[1]))
	}
}

func TestInsertCounterWithSignOn(t *testing.T) {
	// Built-in L6 SDE Seattle band at p75 (no candidate block: the default
	// target): base 210,000 (under the 220,000 cap); sign-on 175,000 over
	// the 90,000 offered, the 85,000 short added to year 1 (50,000 →
	// 135,000); no grant offered, so the grant asked is 450,000.
	src := "offer \"o\" {\n  company  = \"Amazon\"\n  level    = \"L6\"\n  track    = \"SDE\"\n  location = \"Seattle\"\n  base     = 195000\n\n  sign_on {\n    year1 = 50000\n    year2 = 40000\n  }\n}"
	ws, r := checkOne("d/o.offer.hcl", src)
	a := CounterAction(ws, r, r.Docs[0])
	if err := a.Resolve(); err != nil {
		t.Fatal(err)
	}
	want := src + "\n\n# Counter-proposal for offer o: asks at the 75th percentile of the L6 SDE Seattle band;\n# levers already there are left as offered.\n" +
		"counter \"o_counter\" {\n  offer = offer.o\n  round = 1\n  base  = 210000\n\n  sign_on {\n    year1 = 135000\n    year2 = 40000\n  }\n\n  equity {\n    value = 450000\n  }\n}\n"
	got := string(Apply(r.File.Src, a.Edits))
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// hclwrite writes the block as offer fmt would.
	if formatted, diags := lang.Format("o.offer.hcl", []byte(got)); diags.HasErrors() || string(formatted) != got {
		t.Errorf("the inserted counter is not canonical: %v\n%s", diags, formatted)
	}
}

func TestFixDeprecatedRefresher(t *testing.T) {
	ws := lang.NewWorkspace()
	ws.Set("o.offer.hcl", []byte(`offer "o" {
  company = "Globex"
  base    = 200000

  equity {
    value = 400000
  }

  bonus {
    refresher = 40000
  }
}
`))
	got := fix(t, ws, "o.offer.hcl", "deprecated-refresher")
	want := `offer "o" {
  company = "Globex"
  base    = 200000

  equity {
    value = 400000

    refresh {
      value = 40000
    }
  }

  bonus {
  }
}
`
	if got != want {
		t.Fatalf("after the fix:\n%s", got)
	}
	// The refresher now counts: 40,000 granted in years 2, 3 and 4 on the
	// grant's even schedule vests 10,000, 20,000 and 30,000.
	r := ws.Check("o.offer.hcl")
	if y := r.Docs[0].Analysis.Worth.Years; y[1].Refresh != 1000000 || y[3].Refresh != 3000000 {
		t.Errorf("refresh = %v %v", y[1].Refresh, y[3].Refresh)
	}
}
