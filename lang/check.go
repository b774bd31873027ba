package lang

import (
	"fmt"

	"github.com/offerkit/offerkit/engine"
)

// Doc is the analysis of one offer or counter block.
type Doc struct {
	Kind     string // "offer" or "counter"
	Name     string
	Node     *Node
	Offer    *OfferDoc   // the offer block, or for a counter the offer it answers (nil if unresolved)
	Counter  *CounterDoc // set for counters
	Analysis engine.Analysis
	// OfferAnalysis is, for a counter, the analysis of the offer it answers.
	OfferAnalysis *engine.Analysis
	Resolved      bool // false when a counter's offer could not be found
	// LeftOut says why the block has no figures (leftout.go): set when it
	// is incomplete or unresolved, nil when it has figures.
	LeftOut *LeftOut
	// CounterAnalysis is, for a resolved counter, its change against the
	// offer, the approval tier and the counter rules' flags.
	CounterAnalysis *engine.CounterAnalysis
	// Version is the offer's place in its chain of versions (for a counter,
	// that of the version it answers); nil for an unresolved counter.
	Version *Version
}

// Incomplete reports whether the block (or, for a counter, its offer, or a
// version the offer revises) has errors: it was valued, but its figures
// leave out what could not be read, and no flags are raised on them. It is
// LeftOut on a resolved block; an unresolved counter has no figures at all.
func (d *Doc) Incomplete() bool { return d.Resolved && d.LeftOut != nil }

// NoFigures says, for an Incomplete block, why nothing is drafted from it
// and what to do: the checker's reason (which may be the offer a counter
// answers, or a version an offer revises), not "it has errors".
func (d *Doc) NoFigures() string {
	return fmt.Sprintf("%s %q has no figures: %s; run 'offer lint' and fix the errors first", d.Kind, d.Name, d.LeftOut.Reason)
}

// NoFiguresError is the error of a text asked of a block that has no
// figures (Incomplete): the files have errors, which the user fixes; it
// says so as NoFigures does.
type NoFiguresError struct{ Doc *Doc }

func (e *NoFiguresError) Error() string { return e.Doc.NoFigures() }

// Result is what the workspace knows about one file.
type Result struct {
	File  *File
	Diags Diagnostics
	Docs  []*Doc
	Bands *engine.Bands
	// LeftOut says, for a file with errors and no block, why it has no
	// figures; nil otherwise.
	LeftOut *LeftOut
}

// Check analyses one file in the context of the workspace.
func (w *Workspace) Check(name string) *Result {
	w.mu.Lock()
	bs := w.activeBands()
	ix, m := w.index(), w.memo
	f := w.files[name]
	w.mu.Unlock()
	if f == nil {
		return &Result{Bands: bs}
	}
	c := &checker{ix: ix, f: f, bands: bs, memo: m}
	return c.run()
}

// CheckAll checks every file, in name order.
func (w *Workspace) CheckAll() []*Result {
	var out []*Result
	for _, f := range w.Files() {
		out = append(out, w.Check(f.Name))
	}
	return out
}

type checker struct {
	memo  *memo
	ix    *index
	f     *File
	bands *engine.Bands
	diags Diagnostics
}

func (c *checker) add(d *Diagnostic) { c.diags = append(c.diags, d) }

func (c *checker) run() *Result {
	r := &Result{File: c.f, Bands: c.bands}
	c.duplicates()
	for _, o := range c.f.Offers {
		r.Docs = append(r.Docs, c.offerDoc(o))
	}
	for _, ct := range c.f.Counters {
		r.Docs = append(r.Docs, c.counterDoc(ct))
	}
	r.Diags = append(append(make(Diagnostics, 0, len(c.f.Diags)+len(c.diags)), c.f.Diags...), c.diags...)
	r.Diags.Sort()
	r.Diags = Suppress(c.f.Name, c.f.Src, r.Diags) // "# offer:ignore" comments (suppress.go)
	r.LeftOut = fileLeftOut(r)
	return r
}

// duplicates reports names used twice in the workspace and a second
// candidate block, on every occurrence after the first.
func (c *checker) duplicates() {
	dup := func(key blockKey, n *Node, what, extra string) {
		first := c.ix.firstSeen[key]
		if first == nil || first == n {
			return
		}
		c.add(errorf("duplicate-name", n.LabelRange(), "Duplicate "+what+" name",
			fmt.Sprintf("Another %s is named %q (%s:%d). Rename one of them%s.", what, n.Labels[0], c.ix.firstIn[first].Name, first.LabelRange().Start.Line, extra)))
	}
	for _, o := range c.f.Offers {
		dup(blockKey{"offer", o.Name}, &o.Node, "offer", "; references and the command line use the name")
	}
	for _, ct := range c.f.Counters {
		dup(blockKey{"counter", ct.Name}, &ct.Node, "counter", "")
	}
	if len(c.ix.cands) < 2 {
		return
	}
	first := c.ix.cands[0]
	for _, cd := range c.f.Candidates {
		if cd != first {
			c.add(errorf("duplicate-block", cd.TypeRange, "Second candidate block",
				fmt.Sprintf("A workspace has one candidate block; the first is at %s:%d. Merge them.", first.File.Name, first.TypeRange.Start.Line)))
		}
	}
}

// schedule resolves a grant's schedule against the active presets.
// It returns the diagnostic of an unknown preset rather than adding it, so
// that a counter resolving its offer does not report the offer's problem.
func (c *checker) schedule(ref ScheduleRef) (engine.Schedule, *Diagnostic) {
	switch {
	case ref.Inline != nil:
		return *ref.Inline, nil
	case !ref.Set:
		return c.bands.Schedules["even"], nil
	case ref.Name == "":
		return engine.Schedule{}, nil // an inline list that did not decode; already reported
	}
	if s, ok := c.bands.Schedules[ref.Name]; ok {
		return s, nil
	}
	names := ScheduleNames(c.bands)
	msg := fmt.Sprintf("No schedule preset is named %q.", ref.Name)
	if s := suggest(ref.Name, names); s != "" {
		msg += fmt.Sprintf(" Did you mean %q?", s)
	}
	msg += " Presets: " + joinNames(names) + "; or write yearly percentages such as [25, 25, 25, 25], or add a schedule block to a *.bands.hcl file."
	return engine.Schedule{}, errorf("unknown-schedule", ref.Range, "Unknown schedule", msg)
}

// effectiveOffer returns the offer with its schedule resolved, and the
// diagnostic of a schedule that does not resolve.
func (c *checker) effectiveOffer(o *OfferDoc) (engine.Offer, *Diagnostic) {
	v := c.ix.versions[o]
	off := v.Offer
	var diag *Diagnostic
	if off.Equity != nil {
		g := *off.Equity
		g.Schedule, diag = c.schedule(v.Schedule)
		if g.Refresh != nil {
			g.Refresh = c.refresh(g.Refresh, o.RefreshSchedule, g.Schedule, &diag)
		}
		off.Equity = &g
	}
	applyLimits(&off)
	return off, diag
}

// refresh resolves a refresher's schedule (the grant's when unset); an
// unknown preset's diagnostic goes to diag when it holds none yet.
func (c *checker) refresh(r *engine.Refresh, ref ScheduleRef, grant engine.Schedule, diag **Diagnostic) *engine.Refresh {
	out := *r
	out.Schedule = grant
	if ref.Set {
		s, d := c.schedule(ref)
		out.Schedule = s
		if d != nil && *diag == nil {
			*diag = d
		}
	}
	return &out
}

func (c *checker) offerDoc(o *OfferDoc) *Doc {
	effective, diag := c.effectiveOffer(o)
	if diag != nil && (!o.Version.IsRevision() || o.Schedule.Set) {
		c.add(diag)
	}
	v := c.ix.versions[o]
	for _, d := range v.diags {
		c.add(d)
	}
	cand := c.candidateFor(effective.Currency)
	a := *c.offerAnalysis(o, effective, cand)
	doc := &Doc{Kind: "offer", Name: o.Name, Node: &o.Node, Offer: o, Analysis: a, Resolved: true, Version: v}
	doc.LeftOut = c.offerLeftOut(o, &a)
	if !doc.Incomplete() {
		c.flags(&o.Node, engine.AsReceived(&a, c.bands), nil)     // the employer's figures: consequences, no fixes
		c.flags(&o.Node, engine.OfferBelowWalkAway(a, cand), nil) // counter_check.go
	}
	return doc
}

func (c *checker) counterDoc(ct *CounterDoc) *Doc {
	doc := &Doc{Kind: "counter", Name: ct.Name, Node: &ct.Node, Counter: ct}
	if ct.OfferRef == "" {
		doc.LeftOut = &LeftOut{"the counter names no offer", c.blockErrors(ct.File, &ct.Node)}
		return doc
	}
	o := c.ix.offers[ct.OfferRef]
	if o == nil {
		names := c.ix.offerList
		msg := fmt.Sprintf("No offer block is named %q in this workspace.", ct.OfferRef)
		if s := suggest(ct.OfferRef, names); s != "" {
			msg += fmt.Sprintf(" Did you mean offer.%s?", s)
		} else if len(names) > 0 {
			msg += " Offers: " + joinNames(names) + "."
		} else {
			msg += " Add the offer's file to the workspace, or write the offer block first."
		}
		c.add(errorf("unknown-reference", ct.OfferRange, "Unknown offer", msg))
		doc.LeftOut = &LeftOut{"the offer it answers was not found", c.blockErrors(ct.File, &ct.Node)}
		return doc
	}
	base, _ := c.effectiveOffer(o) // the offer's own file reports its schedule
	counter := ct.Counter
	if counter.Equity != nil && ct.Schedule.Set {
		if s, diag := c.schedule(ct.Schedule); diag != nil {
			c.add(diag)
		} else {
			ch := *counter.Equity
			ch.Schedule = &s
			counter.Equity = &ch
		}
	}
	if counter.Equity != nil && counter.Equity.Refresh != nil {
		grant := engine.Schedule{}
		if counter.Equity.Schedule != nil {
			grant = *counter.Equity.Schedule
		} else if base.Equity != nil {
			grant = base.Equity.Schedule
		}
		var diag *Diagnostic
		ch := *counter.Equity
		ch.Refresh = c.refresh(ch.Refresh, ct.RefreshSchedule, grant, &diag)
		counter.Equity = &ch
		if diag != nil {
			c.add(diag)
		}
	}
	cand := c.candidateFor(base.Currency) // a counter restates no currency: one candidate serves the offer and the counter
	engine.AnalyzeInto(&doc.Analysis, counter.Apply(base), c.bands, cand.CliffToleranceFor(base.Currency))
	a := &doc.Analysis
	doc.Offer, doc.OfferAnalysis, doc.Resolved, doc.Version = o, c.offerAnalysis(o, base, cand), true, c.ix.versions[o]
	doc.LeftOut = c.counterLeftOut(ct, o, &doc.Analysis)
	ca := new(engine.CounterAnalysis)
	engine.AnalyzeCounterWorthInto(ca, base, counter, doc.OfferAnalysis.Worth, a.Worth, cand, c.bands)
	doc.CounterAnalysis = ca
	if !doc.Incomplete() {
		c.flags(&ct.Node, a.Flags, ct)
		c.flags(&ct.Node, counterFlags(ct, ca.Flags), ct) // counter_check.go
	}
	return doc
}

// flags turns engine flags into diagnostics on the block. On a counter,
// flags about a lever the counter does not restate belong to the offer and
// are left to it.
func (c *checker) flags(n *Node, flags []engine.Flag, ct *CounterDoc) {
	store := make([]Diagnostic, 0, len(flags)) // one allocation for the block's flags
	for _, fl := range flags {
		rng, found := n.FieldRange(fl.Field)
		if ct != nil && fl.Field != "" && !found && !restates(n, fl.Field) {
			continue
		}
		store = append(store, Diagnostic{Code: fl.Code, Severity: fl.Severity, Summary: flagTitle(fl.Code), Detail: fl.Message, Subject: rng, Fix: fl.Fix})
		c.add(&store[len(store)-1])
	}
}

// offerAnalysis analyses an offer once per index: a workspace's counters
// and the offer's own file share the result. cand is the candidate in the
// offer's currency (candidateFor), for the cliff tolerance.
func (c *checker) offerAnalysis(o *OfferDoc, effective engine.Offer, cand engine.Candidate) *engine.Analysis {
	c.ix.mu.Lock()
	a := c.ix.analyses[o]
	c.ix.mu.Unlock()
	if a != nil {
		return a
	}
	tolerance := cand.CliffToleranceFor(effective.Currency)
	var key string
	if c.memo != nil && !o.Version.IsRevision() { // nil in a project made for checking, which checks each file once; a revision's figures depend on other blocks
		key = toleranceKey(tolerance) + string(o.File.Src[o.Range.Start.Byte:o.Range.End.Byte])
		a = c.memo.get(key)
	}
	if a == nil {
		a = new(engine.Analysis)
		engine.AnalyzeInto(a, effective, c.bands, tolerance)
		if key != "" {
			c.memo.put(key, a)
		}
	}
	c.ix.mu.Lock()
	c.ix.analyses[o] = a
	c.ix.mu.Unlock()
	return a
}

// toleranceKey tells apart, in the memo, analyses made under different
// cliff tolerances of the candidate block; "" for the default.
func toleranceKey(t engine.CliffTolerance) string {
	switch {
	case t.AmountSet:
		return "\x00cliff amount " + t.Amount.Decimal() + "\x00"
	case t.PercentSet:
		return "\x00cliff percent " + t.Percent.String() + "\x00"
	}
	return ""
}

func restates(n *Node, field string) bool {
	for i := 0; i < len(field); i++ {
		if field[i] == '.' {
			field = field[:i]
			break
		}
	}
	return n.Attr(field) != nil || n.Block(field) != nil
}

// flagTitle is a finding's one-line summary: its engine rule's title.
func flagTitle(code string) string {
	if r := engine.RuleFor(code); r != nil {
		return r.Title
	}
	return code
}

// saturated reports figures past the engine's range (engine.MaxAmount),
// which the engine marks instead of capping, with an amount-too-large
// error at the attribute whose value took them there (engine's
// RangeField; the block's label when the block does not state it): the
// figures are not shown, and the block is left out with that error.
func (c *checker) saturated(n *Node, a *engine.Analysis) *LeftOut {
	field, over := a.Worth.RangeField(a.Offer)
	if !over {
		return nil
	}
	rng, _ := n.FieldRange(field)
	d := errorf("amount-too-large", rng, "Amount too large",
		fmt.Sprintf("With this value a figure passes %s, the largest amount offerkit computes exactly, so it cannot be shown. Check the share count, price, growth and bonus for a slip of several digits.", engine.MaxAmount.Format("USD")))
	c.add(d)
	return &LeftOut{"the block has errors", Diagnostics{d}}
}
