package analysis

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
)

// This file defines code actions: a quick fix for every diagnostic that
// carries an engine.Fix, and the "Insert counter-proposal" source action.

// Actions returns the code actions for a range of a checked file.
func Actions(ws *lang.Workspace, r *lang.Result, rng hcl.Range) []Action {
	if r == nil || r.File == nil {
		return nil
	}
	var out []Action
	for _, d := range r.Diags {
		if d.Fix == nil || !overlaps(d.Subject, rng) {
			continue
		}
		if a := FixAction(r, d); a != nil {
			out = append(out, *a)
		}
	}
	if p := placeAt(r, rng.Start); p != nil && p.doc != nil && p.doc.Kind == "offer" {
		out = append(out, CounterAction(ws, r, p.doc))
	}
	return out
}

// docOf returns the offer or counter a diagnostic is about.
func docOf(r *lang.Result, d *lang.Diagnostic) *lang.Doc {
	for _, doc := range r.Docs {
		if doc.Node != nil && within(doc.Node.Range, d.Subject.Start) {
			return doc
		}
	}
	return nil
}

// FixAction turns a diagnostic's engine.Fix into edits of the block it is
// about.
func FixAction(r *lang.Result, diag *lang.Diagnostic) *Action {
	doc := docOf(r, diag)
	if doc == nil || diag.Fix == nil {
		return nil
	}
	e := &editor{src: r.File.Src, name: r.File.Name}
	var edits []Edit
	paths := sortedKeys(diag.Fix.Set)
	for _, path := range paths {
		value := diag.Fix.Set[path].Decimal()
		if path == "equity.value" {
			if eq := doc.Node.Block("equity"); eq != nil && eq.Attr("value") == nil && eq.Attr("shares") != nil {
				edits = append(edits, e.sharesToValue(eq, value)...)
				continue
			}
		}
		edits = append(edits, e.setAttr(doc.Node, path, value, keepSignOn(doc))...)
	}
	return &Action{Title: diag.Fix.Title, Kind: QuickFix, Edits: edits, Diag: diag, Preferred: true}
}

// keepSignOn supplies, when a counter gains a sign_on block, the sign-on
// years it would otherwise drop: a counter's sign_on replaces the offer's
// as a whole.
func keepSignOn(doc *lang.Doc) func(string) []field {
	return func(block string) []field {
		if block != "sign_on" || doc.Kind != "counter" {
			return nil
		}
		var out []field
		for i, m := range doc.Analysis.Offer.SignOn {
			if i > 0 && m != 0 {
				out = append(out, field{fmt.Sprintf("year%d", i+1), m.Decimal()})
			}
		}
		return out
	}
}

// sharesToValue restates a grant given in shares as its value: the shares
// attribute becomes value, and price goes.
func (e *editor) sharesToValue(eq *lang.Node, value string) []Edit {
	sh := eq.Attr("shares")
	between := e.src[sh.NameRange.End.Byte:sh.ValueRange.Start.Byte] // " = " as written, with its padding
	width := len(sh.Name) + bytes.IndexByte(between, '=') - 1
	edits := []Edit{{Range: hcl.Range{Filename: e.name, Start: sh.Range.Start, End: sh.Range.End},
		NewText: pad("value", width) + " = " + value}}
	if p := eq.Attr("price"); p != nil {
		edits = append(edits, e.deleteAttr(p))
	}
	return edits
}

// CounterAction is the source action that adds a counter block after an
// offer, asking for each lever at the candidate's target percentile of the
// offer's band. Levers already at or above the target are left as offered,
// and base stays at or under the level's cap.
func CounterAction(ws *lang.Workspace, r *lang.Result, d *lang.Doc) Action {
	cand, _ := ws.Candidate()
	tp := cand.TargetPercentile
	a := d.Analysis
	o := a.Offer
	type lever struct{ path, value string }
	var levers []lever
	var comment string
	if b := a.Band; b != nil {
		comment = fmt.Sprintf("# Counter-proposal for offer %s: asks at the %s percentile of the %s band;\n# levers already there are left as offered.\n",
			d.Name, engine.Ordinal(tp), b.Label())
		if b.Base.Set() {
			t := engine.ValueAt(tp, b.Base, b.Percentiles)
			if c, ok := r.Bands.Cap(o.Level); ok && t > c.Base {
				t = c.Base
			}
			if t > o.Base {
				levers = append(levers, lever{"base", t.Decimal()})
			}
		}
		if b.SignOn.Set() {
			t := engine.ValueAt(tp, b.SignOn, b.Percentiles)
			if total := o.SignOn.Total(); t > total {
				s := o.SignOn
				s[0] += t - total
				for i, m := range s {
					if m != 0 {
						levers = append(levers, lever{fmt.Sprintf("sign_on.year%d", i+1), m.Decimal()})
					}
				}
			}
		}
		if b.Equity.Set() {
			if t := engine.ValueAt(tp, b.Equity, b.Percentiles); t > engine.FourYearGrant(o.Equity) {
				levers = append(levers, lever{"equity.value", t.Decimal()})
			}
		}
	} else {
		comment = fmt.Sprintf("# Counter-proposal for offer %s. No band matches it, so no targets are filled in:\n# restate the levers you ask to change.\n", d.Name)
	}
	var b strings.Builder
	b.WriteString(comment)
	fmt.Fprintf(&b, "counter %q {\n  offer = offer.%s\n  round = %d\n", counterName(ws, d.Name), d.Name, nextRound(ws, d.Name))
	blocks := map[string][]string{}
	var order []string
	for _, l := range levers {
		if head, rest, ok := strings.Cut(l.path, "."); ok {
			if blocks[head] == nil {
				order = append(order, head)
			}
			blocks[head] = append(blocks[head], "    "+rest+" = "+l.value+"\n")
			continue
		}
		b.WriteString("  " + l.path + " = " + l.value + "\n")
	}
	for _, head := range order {
		b.WriteString("\n  " + head + " {\n" + strings.Join(blocks[head], "") + "  }\n")
	}
	b.WriteString("}\n")
	text := b.String()
	if formatted, diags := lang.Format(r.File.Name, []byte(text)); !diags.HasErrors() {
		text = string(formatted)
	}
	e := &editor{src: r.File.Src, name: r.File.Name}
	at := e.nextLine(d.Node.Range.End.Byte)
	text = "\n" + text
	if at == len(e.src) && (at == 0 || e.src[at-1] != '\n') {
		text = "\n" + text
	}
	return Action{Title: "Insert counter-proposal for offer " + d.Name, Kind: SourceInsertCounter, Edits: []Edit{e.insert(at, text)}}
}

// counterName returns "<offer>_counter", numbered when taken.
func counterName(ws *lang.Workspace, offer string) string {
	taken := map[string]bool{}
	for _, f := range ws.Files() {
		for _, c := range f.Counters {
			taken[c.Name] = true
		}
	}
	name := offer + "_counter"
	for i := 2; taken[name]; i++ {
		name = fmt.Sprintf("%s_counter%d", offer, i)
	}
	return name
}

// nextRound returns one more than the highest round of the counters that
// answer the offer.
func nextRound(ws *lang.Workspace, offer string) int {
	var rounds []int
	for _, f := range ws.Files() {
		for _, c := range f.Counters {
			if c.OfferRef == offer {
				rounds = append(rounds, c.Counter.Round)
			}
		}
	}
	sort.Ints(rounds)
	if len(rounds) == 0 {
		return 1
	}
	return rounds[len(rounds)-1] + 1
}
