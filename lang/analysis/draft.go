package analysis

import (
	"fmt"
	"sort"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/engine/negotiate"
	"github.com/offerkit/offerkit/lang"
)

// This file defines the actions that draft text into a file: "Insert
// counter-proposal" after an offer, and in a counter "Insert script for
// <lever>", "Draft round-1 email" (or follow-up) and "Draft acceptance
// email". They are lazy (Action.Resolve): the figures come from engine
// (engine.DraftCounter, engine/negotiate), the blocks from hclwrite
// (blocks.go).

const (
	// RefactorInsertCounter is the kind of "Insert counter-proposal": a
	// refactor, so that editors list it with the quick fixes (VS Code's
	// Ctrl+. lists refactors, and source actions only in "Source Action...").
	RefactorInsertCounter ActionKind = "refactor.insertCounter"
	// SourceDraft is the kind of the actions that insert a script or an
	// email into a counter.
	SourceDraft ActionKind = "source.draft"
)

// CounterAction is the source action that adds a counter-proposal block
// after an offer: engine.DraftCounter's asks (the candidate's target
// percentile of the offer's band, base under the level's cap), or, when no
// band matches the offer, a counter that asks for nothing yet.
func CounterAction(ws *lang.Workspace, r *lang.Result, d *lang.Doc) Action {
	return Action{Title: "Insert counter-proposal for offer " + d.Name, Kind: RefactorInsertCounter,
		resolve: func() ([]Edit, error) { e, _ := counterEdit(ws, r, d); return []Edit{e}, nil }}
}

// counterEdit inserts the drafted counter on the line after the offer; it
// returns the edit and the counter block's text.
func counterEdit(ws *lang.Workspace, r *lang.Result, d *lang.Doc) (Edit, string) {
	cand, _ := ws.Candidate()
	tp := cand.TargetPercentile
	a := d.Analysis
	var cap *engine.Cap
	if c, ok := r.Bands.Cap(a.Offer.Company, a.Offer.Level); ok {
		cap = &c
	}
	draft := engine.DraftCounter(a.Offer, a.Band, cap, tp)
	comment := []string{
		fmt.Sprintf("Counter-proposal for offer %s. No band matches it, so no targets are filled in:", d.Name),
		"restate the levers you ask to change.",
	}
	if b := a.Band; b != nil {
		comment = []string{
			fmt.Sprintf("Counter-proposal for offer %s: asks at the %s percentile of the %s band;", d.Name, engine.Ordinal(tp), b.Label()),
			"levers already there are left as offered.",
		}
	}
	block := blockText(counterBlock(counterName(ws, d.Name), d.Name, nextRound(ws, d.Name), draft, comment), "")
	e := &editor{src: r.File.Src, name: r.File.Name}
	at := e.nextLine(d.Node.Range.End.Byte)
	text := "\n" + block
	if at == len(e.src) && (at == 0 || e.src[at-1] != '\n') {
		text = "\n" + text
	}
	return e.insert(at, text), block
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

// counterAt returns the checked counter whose block holds pos.
func counterAt(r *lang.Result, pos hcl.Pos) *lang.Doc {
	for _, d := range r.Docs {
		if d.Kind == "counter" && d.Node.Range.ContainsOffset(pos.Byte) {
			return d
		}
	}
	return nil
}

// leverAt returns the attribute or nested block of a counter that holds
// pos, as a lever name and its field ("equity.value" for a grant's value),
// with its range.
func leverAt(n *lang.Node, pos hcl.Pos) (lever, field string, rng hcl.Range, ok bool) {
	for _, a := range n.Attrs {
		if l := engine.LeverOf(a.Name); l != "" && a.Range.ContainsOffset(pos.Byte) {
			return l, a.Name, a.Range, true
		}
	}
	for _, b := range n.Children {
		name := b.Type
		if l := engine.LeverOf(name); l != "" && b.Range.ContainsOffset(pos.Byte) {
			field := name
			if name == "equity" {
				field = "equity.value"
			}
			return l, field, b.Range, true
		}
	}
	return "", "", hcl.Range{}, false
}

// DraftActions returns the actions that write a counter's texts at pos: on
// a lever the counter restates, "Insert script for <lever>"; elsewhere in
// the counter, one for each lever it restates; and anywhere in it, "Draft
// round-1 email" (or "Draft follow-up email" from round 2) and "Draft
// acceptance email". In the accepted version of an offer, "Draft acceptance
// email" (kept in the offer block), and in the candidate block "Insert answers to the
// recruiter's questions". Scripts and emails that already exist are replaced.
// The facts the texts are built from are gathered once, when the first of
// them is resolved.
func DraftActions(ws *lang.Workspace, r *lang.Result, pos hcl.Pos) []Action {
	d := counterAt(r, pos)
	if d == nil {
		return keptTextActions(ws, r, pos) // write.go: in an offer or the candidate block
	}
	if !d.Resolved || d.Incomplete() {
		return nil
	}
	facts := sync.OnceValues(func() (*negotiate.Facts, error) {
		f, _, err := ws.Facts(d.Name)
		return f, err
	})
	ct := d.Counter
	levers := ct.Counter.Levers()
	if l, _, _, ok := leverAt(&ct.Node, pos); ok {
		levers = []string{l}
	}
	var out []Action
	for _, l := range levers {
		out = append(out, Action{Title: "Insert script for " + l, Kind: SourceDraft, resolve: func() ([]Edit, error) {
			f, err := facts()
			if err != nil {
				return nil, err
			}
			dr, err := draftScript(ws, f, d, l) // write.go: offer script --write too
			if err != nil {
				return nil, err
			}
			return []Edit{dr.Edit}, nil
		}})
	}
	kinds := []struct{ kind, title string }{{"round1", "Draft round-1 email"}, {"accept", "Draft acceptance email"}}
	if ct.Counter.Round > 1 {
		kinds[0] = struct{ kind, title string }{"followup", "Draft follow-up email"}
	}
	for _, k := range kinds {
		out = append(out, Action{Title: k.title, Kind: SourceDraft, resolve: func() ([]Edit, error) {
			f, err := facts()
			if err != nil {
				return nil, err
			}
			dr, err := draftEmail(f, d, k.kind) // write.go: offer email --write too
			if err != nil {
				return nil, err
			}
			return []Edit{dr.Edit}, nil
		}})
	}
	return out
}
