package lang

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang/langtest"
)

// suppressed is the example's Amazon offer (above band, with a cliff) with
// ignore comments: cliff (with a reason) and above-band (without) stacked
// over the block on lines 2-3, one trailing an unknown attribute (line 14),
// one with a typo'd code (line 15) and a below-band one (line 27) over the
// relocation line, which has no finding.
func suppressed() string {
	return langtest.Replace(exampleFile("amazon-l6-seattle/offer.offer.hcl"),
		"offer \"amazon_l6\" {", "# offer:ignore cliff the year-2 dip is covered by a retention bonus\n# offer:ignore above-band\noffer \"amazon_l6\" {",
		"  base = 195000\n", "  base = 195000\n  bogus = 1 # offer:ignore unknown-attribute kept for the recruiter's notes\n  # offer:ignore clif typo in the code\n",
		"  relocation", "  # offer:ignore below-band nothing on the next line is below its band\n  relocation")
}

func TestSuppress(t *testing.T) {
	w := NewWorkspace()
	w.Set("a.offer.hcl", []byte(suppressed()))
	r := w.Check("a.offer.hcl")
	var got []string
	for _, d := range r.Diags {
		got = append(got, d.Code+"@"+itoa(d.Subject.Start.Line))
	}
	// cliff (line 4) and above-band (line 4) are silenced by the stacked
	// comments, unknown-attribute (line 14) by the trailing one.
	want := []string{"ignore-missing-reason@3", "unused-ignore@15", "unused-ignore@27"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("diagnostics = %v, want %v", got, want)
	}
	for _, d := range r.Diags {
		if d.Subject.Filename != "a.offer.hcl" || d.Severity != engine.Warning {
			t.Errorf("%s: filename %q severity %s", d.Code, d.Subject.Filename, d.Severity)
		}
	}
	if msg := r.Diags[1].Detail; !strings.Contains(msg, `Did you mean "cliff"?`) {
		t.Errorf("typo'd code: %q", msg)
	}
	if msg := r.Diags[2].Detail; !strings.Contains(msg, "line 28") {
		t.Errorf("unused ignore: %q", msg)
	}
	// The comment's range covers the comment only.
	if rng := r.Diags[0].Subject; rng.Start.Column != 1 || rng.End.Column != len("# offer:ignore above-band")+1 {
		t.Errorf("range = %v", rng)
	}
}

func TestSuppressWithoutIgnoresPassesThrough(t *testing.T) {
	ds := Diagnostics{{Code: "cliff", Subject: hcl.Range{Filename: "a.offer.hcl", Start: hcl.Pos{Line: 1}}}}
	if got := Suppress("a.offer.hcl", []byte("offer \"x\" {}\n"), ds); len(got) != 1 {
		t.Errorf("got %v", got)
	}
}

func TestSyntaxCannotBeSilenced(t *testing.T) {
	src := []byte("# offer:ignore syntax I know\noffer \"x\" {\n")
	ds := Diagnostics{{Code: "syntax", Severity: engine.Error, Subject: hcl.Range{Filename: "a.offer.hcl", Start: hcl.Pos{Line: 2, Column: 1, Byte: 28}}}}
	got := Suppress("a.offer.hcl", src, ds)
	if len(got) != 2 || got[0].Code != "unused-ignore" || got[1].Code != "syntax" || !strings.Contains(got[0].Detail, "cannot be silenced") {
		t.Fatalf("got %v", codes(got))
	}
}

func TestIgnoreDirectiveForms(t *testing.T) {
	src := "// offer:ignore a,b two codes\n# offer:ignored not ours\n#offer:ignore\nx = 1\n"
	igs := Ignores("f.offer.hcl", []byte(src))
	if len(igs) != 2 {
		t.Fatalf("ignores = %+v", igs)
	}
	if strings.Join(igs[0].Codes, ",") != "a,b" || igs[0].Reason != "two codes" || igs[0].Line != 4 {
		t.Errorf("first = %+v", igs[0])
	}
	if len(igs[1].Codes) != 0 || igs[1].Line != 4 {
		t.Errorf("second = %+v", igs[1])
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func BenchmarkCheckWithIgnores(b *testing.B) {
	w := NewWorkspace()
	w.Set("a.offer.hcl", []byte(suppressed()))
	for b.Loop() {
		w.Check("a.offer.hcl")
	}
}
