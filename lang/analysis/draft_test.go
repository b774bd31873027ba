package analysis

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
)

// applyAndCheck applies an edit, checks that only the edited span changed
// and that the result parses and decodes cleanly, and returns the new
// file's counter.
func applyAndCheck(t *testing.T, name string, src []byte, e Edit) (*lang.File, *lang.CounterDoc) {
	t.Helper()
	if e.Range.Filename != name {
		t.Fatalf("edit for %q", e.Range.Filename)
	}
	out := Apply(src, []Edit{e})
	// Everything before the edit and after it is byte-identical.
	if !bytes.Equal(out[:e.Range.Start.Byte], src[:e.Range.Start.Byte]) ||
		!bytes.Equal(out[e.Range.Start.Byte+len(e.NewText):], src[e.Range.End.Byte:]) {
		t.Fatalf("the edit changed text outside its range")
	}
	// The edit's positions agree with its byte offsets.
	if p := lang.PosAt(src, e.Range.Start.Byte); p != e.Range.Start {
		t.Fatalf("start %+v, want %+v", e.Range.Start, p)
	}
	if p := lang.PosAt(src, e.Range.End.Byte); p != e.Range.End {
		t.Fatalf("end %+v, want %+v", e.Range.End, p)
	}
	f := lang.Decode(name, out)
	for _, d := range f.Diags {
		if d.Code != "unfilled-placeholder" {
			t.Fatalf("result has %s at %d:%d: %s\n%s", d.Code, d.Subject.Start.Line, d.Subject.Start.Column, d.Message(), out)
		}
	}
	if len(f.Counters) != 1 {
		t.Fatalf("%d counters after the edit:\n%s", len(f.Counters), out)
	}
	return f, f.Counters[0]
}

func TestScriptEdit(t *testing.T) {
	text := "Offer: $195,000 a year. Ask: $210,000.\n\nI bring [[your specialised experience]].\nA literal ${x} and %{y} stay.\nEOT\n"
	for _, c := range []struct{ name, src string }{
		{"brace on its own line", "counter \"c\" {\n  offer = offer.o\n  base  = 210000\n}\n# after\n"},
		{"indented with tabs", "counter \"c\" {\n\toffer = offer.o\n}\n"},
		{"one-line counter", "counter \"c\" { offer = offer.o }\n"},
		{"no final newline", "counter \"c\" {\n  offer = offer.o\n}"},
		{"existing script replaced", "counter \"c\" {\n  offer = offer.o\n\n  script \"base\" {\n    text = \"old\"\n  }\n  # keep me\n}\n"},
		{"other script kept", "counter \"c\" {\n  offer = offer.o\n  script \"equity\" {\n    text = \"keep\"\n  }\n}\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := lang.Decode("a.offer.hcl", []byte(c.src))
			e, err := ctScript(f, f.Counters[0], "base", text)
			if err != nil {
				t.Fatal(err)
			}
			_, ct := applyAndCheck(t, "a.offer.hcl", f.Src, e)
			var got string
			n := 0
			for _, s := range ct.Scripts {
				if s.Label == "base" {
					got = s.Text
					n++
				}
			}
			if n != 1 || got != text {
				t.Fatalf("%d base scripts, text %q\n%s", n, got, Apply(f.Src, []Edit{e}))
			}
			if strings.Contains(c.src, "keep") && !strings.Contains(string(Apply(f.Src, []Edit{e})), "keep") {
				t.Fatal("lost other content")
			}
		})
	}
}

func TestEmailEdit(t *testing.T) {
	src := "counter \"c\" {\n  offer = offer.o\n  base  = 210000\n}\n"
	f := lang.Decode("a.offer.hcl", []byte(src))
	subject := `Re: "Acme" offer - [[your name]]`
	body := "Dear [[recruiter's name]],\n\n- Base salary: $210,000 a year\n"
	e, err := ctEmail(f, f.Counters[0], "accept", subject, body)
	if err != nil {
		t.Fatal(err)
	}
	want := "\n  email \"accept\" {\n    subject = \"Re: \\\"Acme\\\" offer - [[your name]]\"\n    body    = <<-EOT\n      Dear [[recruiter's name]],\n\n      - Base salary: $210,000 a year\n    EOT\n  }\n"
	if e.NewText != want || e.Range.Start.Line != 4 || e.Range.Start.Column != 1 || e.Range.Start != e.Range.End {
		t.Fatalf("edit %+v\n%q", e.Range, e.NewText)
	}
	f2, ct := applyAndCheck(t, "a.offer.hcl", f.Src, e)
	if len(ct.Emails) != 1 || ct.Emails[0].Subject != subject || ct.Emails[0].Text != body {
		t.Fatalf("emails %+v", ct.Emails)
	}
	// Drafting again replaces the block: the file keeps one accept email.
	e2, _ := ctEmail(f2, ct, "accept", "New", "Body\n")
	_, ct2 := applyAndCheck(t, "a.offer.hcl", f2.Src, e2)
	if len(ct2.Emails) != 1 || ct2.Emails[0].Subject != "New" {
		t.Fatalf("emails %+v", ct2.Emails)
	}
}

func TestEditRefusesBrokenCounter(t *testing.T) {
	f := lang.Decode("a.offer.hcl", []byte("counter \"c\" {\n  offer = offer.o\n"))
	if len(f.Counters) == 1 {
		if _, err := ctScript(f, f.Counters[0], "base", "x"); err == nil {
			t.Fatal("edited a counter without a closing brace")
		}
	}
}

const actionsSrc = `offer "o" {
  company  = "Acme"
  level    = "L6"
  track    = "SDE"
  location = "Seattle"
  base     = 200000
  equity {
    value    = 300000
    schedule = "even"
  }
}

counter "c" {
  offer = offer.o
  base  = 220000
  equity {
    value = 360000
  }
}
`

func TestDraftActions(t *testing.T) {
	w := lang.NewWorkspace()
	w.Set("a.offer.hcl", []byte(actionsSrc))
	titles := func(pos hcl.Pos) string {
		var s []string
		for _, a := range DraftActions(w, w.Check("a.offer.hcl"), pos) {
			s = append(s, a.Title)
			if !a.Lazy() || a.Edits != nil {
				t.Fatalf("%s: not lazy", a.Title)
			}
			if err := a.Resolve(); err != nil || len(a.Edits) != 1 {
				t.Fatalf("%s: %v %v", a.Title, err, a.Edits)
			}
			applyAndCheck(t, "a.offer.hcl", []byte(actionsSrc), a.Edits[0])
		}
		return strings.Join(s, "; ")
	}
	if got := titles(at(t, []byte(actionsSrc), "base  = 220000")); got != "Insert script for base; Draft round-1 email; Draft acceptance email" {
		t.Fatalf("on base: %s", got)
	}
	if got := titles(at(t, []byte(actionsSrc), "value = 360000")); got != "Insert script for equity; Draft round-1 email; Draft acceptance email" {
		t.Fatalf("in equity: %s", got)
	}
	if got := titles(at(t, []byte(actionsSrc), "counter \"c\"")); got != "Insert script for base; Insert script for equity; Draft round-1 email; Draft acceptance email" {
		t.Fatalf("on header: %s", got)
	}
	if got := titles(at(t, []byte(actionsSrc), "base     = 200000")); got != "" {
		t.Fatalf("on an offer not accepted: %s", got)
	}
}

// TestKeptTextActions: in an offer, the acceptance email goes in the offer
// block; in the candidate block, the answers to the recruiter's questions
// replace the ones kept there. Both are what the command line writes.
func TestKeptTextActions(t *testing.T) {
	src := strings.Replace(actionsSrc[:strings.Index(actionsSrc, "counter")], "  base     = 200000\n", "  base     = 200000\n  accepted = \"2025-03-20\"\n", 1) + "candidate {\n  walk_away = 250000\n\n  script \"questions\" {\n    text = \"old\"\n  }\n}\n"
	w := lang.NewWorkspace()
	w.Set("a.offer.hcl", []byte(src))
	resolve := func(anchor, title string) *lang.File {
		t.Helper()
		acts := DraftActions(w, w.Check("a.offer.hcl"), at(t, []byte(src), anchor))
		if len(acts) != 1 || acts[0].Title != title {
			t.Fatalf("at %q: %+v", anchor, acts)
		}
		if err := acts[0].Resolve(); err != nil {
			t.Fatal(err)
		}
		f := lang.Decode("a.offer.hcl", Apply([]byte(src), acts[0].Edits))
		for _, d := range f.Diags {
			if d.Code != "unfilled-placeholder" {
				t.Fatalf("%s: %s", d.Code, d.Message())
			}
		}
		return f
	}
	f := resolve("level    = \"L6\"", "Draft acceptance email")
	if len(f.Offers[0].Emails) != 1 || f.Offers[0].Emails[0].Label != "accept" || !strings.Contains(f.Offers[0].Emails[0].Text, "Base salary: $200,000") {
		t.Fatalf("offer emails: %+v", f.Offers[0].Emails)
	}
	f = resolve("walk_away", "Insert answers to the recruiter's questions")
	c := f.Candidates[0]
	if len(c.Scripts) != 1 || c.Scripts[0].Label != "questions" || c.Scripts[0].Text == "old" || !strings.Contains(c.Scripts[0].Text, "Q: ") {
		t.Fatalf("candidate scripts: %+v", c.Scripts)
	}
}

func TestCounterLensAndHover(t *testing.T) {
	w := lang.NewWorkspace()
	w.Set("a.offer.hcl", []byte(actionsSrc))
	// Offer: 200,000 + 75,000 a year = 1,100,000. Counter: 220,000 + 90,000 = 310,000 a year = 1,240,000.
	// +140,000 / 1,100,000 = 12.7%: hiring manager (the lens shows it; lang/analysis and lsp test the title).
	var ca *engine.CounterAnalysis
	for _, d := range w.Check("a.offer.hcl").Docs {
		if d.Kind == "counter" {
			ca = d.CounterAnalysis
		}
	}
	if ca == nil || ca.Delta.Total() != engine.Dollars(140000) || ca.Approval.Who != "hiring manager" {
		t.Fatalf("counter analysis %+v", ca)
	}
	md, rng, ok := AskHover(w.Check("a.offer.hcl"), at(t, []byte(actionsSrc), "220000"))
	// base +20,000 = +10%, room 5-15% (up to 230,000); alone +20,000 each year, +80,000 over 4.
	if !ok || rng.Start.Line != 15 || !strings.Contains(md, "base: $200,000 → $220,000 (+$20,000, +10%)") ||
		!strings.Contains(md, "usual room: 5-15% (up to $230,000)") || strings.Contains(md, "beyond") ||
		!strings.Contains(md, "| change | +$20,000 | +$20,000 | +$20,000 | +$20,000 | +$80,000 |") {
		t.Fatalf("hover %v %+v\n%s", ok, rng, md)
	}
	md, _, ok = AskHover(w.Check("a.offer.hcl"), at(t, []byte(actionsSrc), "value = 360000"))
	// grant +60,000 = +20%, room 20-50%; alone +15,000 each year.
	if !ok || !strings.Contains(md, "grant value: $300,000 → $360,000 (+$60,000, +20%)") || !strings.Contains(md, "| +$15,000 | +$60,000 |") {
		t.Fatalf("equity hover\n%s", md)
	}
	if _, _, ok := AskHover(w.Check("a.offer.hcl"), at(t, []byte(actionsSrc), "offer = offer.o")); ok {
		t.Fatal("hover on the offer reference")
	}
}

func ctScript(f *lang.File, ct *lang.CounterDoc, label, text string) (Edit, error) {
	return scriptEdit(f, &ct.Node, &ct.Texts, "counter "+ct.Name, label, text)
}

func ctEmail(f *lang.File, ct *lang.CounterDoc, kind, subject, body string) (Edit, error) {
	return emailEdit(f, &ct.Node, &ct.Texts, "counter "+ct.Name, kind, subject, body)
}

// DraftCounter of an offer with errors says why it has no figures, as a
// *lang.NoFiguresError (the command line exits 1 on it), and of a name
// that is no offer's, which offers there are.
func TestDraftCounterWithoutFigures(t *testing.T) {
	ws := lang.NewWorkspace()
	ws.Set("d/o.offer.hcl", []byte("offer \"o\" {\n  base = \"lots\"\n}\n"))
	_, err := DraftCounter(ws, "o")
	var none *lang.NoFiguresError
	if want := `offer "o" has no figures: the block has errors; run 'offer lint' and fix the errors first`; err == nil || err.Error() != want || !errors.As(err, &none) || none.Doc.Name != "o" {
		t.Errorf("DraftCounter: %#v\nwant *lang.NoFiguresError: %s", err, want)
	}
	_, err = DraftCounter(ws, "p")
	if want := `no offer is named "p"; offers: o`; err == nil || err.Error() != want || errors.As(err, &none) {
		t.Errorf("DraftCounter of no offer: %v\nwant %s", err, want)
	}
}
