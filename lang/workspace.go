package lang

import (
	"fmt"
	"sort"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/engine"
)

// Workspace is one negotiation: every offer and band file of a directory,
// read together so that a counter in one file can answer an offer in
// another. Each file is parsed and decoded once per change (Set); Check
// combines the decoded files, which is cheap.
//
// A Workspace is safe for concurrent use.
type Workspace struct {
	mu       sync.RWMutex
	files    map[string]*File
	defaults *File
	extra    []*File       // band files given on the command line or by the editor
	bands    *engine.Bands // merged; nil when stale
}

// NewWorkspace returns a workspace holding only the built-in bands.
func NewWorkspace() *Workspace {
	return &Workspace{files: map[string]*File{}, defaults: Decode(DefaultBandsName, defaultBandsSrc)}
}

// SetExtraBands sets band files that apply on top of the built-in bands and
// under the workspace's own band files (the --bands flag).
func (w *Workspace) SetExtraBands(files []*File) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.extra = files
	w.bands = nil
}

// Set adds or replaces a file and returns its decoded form.
func (w *Workspace) Set(name string, src []byte) *File {
	f := Decode(name, src)
	w.mu.Lock()
	defer w.mu.Unlock()
	if old := w.files[name]; (old != nil && old.Kind == BandsFile) || f.Kind == BandsFile {
		w.bands = nil
	}
	w.files[name] = f
	return f
}

// Remove drops a file.
func (w *Workspace) Remove(name string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if f := w.files[name]; f != nil && f.Kind == BandsFile {
		w.bands = nil
	}
	delete(w.files, name)
}

// File returns a file by name, or nil.
func (w *Workspace) File(name string) *File {
	w.mu.RLock()
	defer w.mu.RUnlock()
	return w.files[name]
}

// Files returns every file, sorted by name.
func (w *Workspace) Files() []*File {
	w.mu.RLock()
	defer w.mu.RUnlock()
	return w.sortedFiles()
}

func (w *Workspace) sortedFiles() []*File {
	out := make([]*File, 0, len(w.files))
	for _, f := range w.files {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Bands returns the active market data: the built-in bands overridden by
// the workspace's band files in name order.
func (w *Workspace) Bands() *engine.Bands {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.activeBands()
}

func (w *Workspace) activeBands() *engine.Bands {
	if w.bands == nil {
		files := append([]*File{w.defaults}, w.extra...)
		for _, f := range w.sortedFiles() {
			if f.Kind == BandsFile {
				files = append(files, f)
			}
		}
		w.bands = MergeBands(files)
	}
	return w.bands
}

// Candidate returns the workspace's candidate facts (the first candidate
// block), with the default target when there is none.
func (w *Workspace) Candidate() (engine.Candidate, *CandidateDoc) {
	w.mu.RLock()
	defer w.mu.RUnlock()
	for _, f := range w.sortedFiles() {
		if len(f.Candidates) > 0 {
			return f.Candidates[0].Candidate, f.Candidates[0]
		}
	}
	return engine.Candidate{TargetPercentile: engine.DefaultTargetPercentile}, nil
}

// Offer returns the offer block with the given name, or nil.
func (w *Workspace) Offer(name string) *OfferDoc {
	w.mu.RLock()
	defer w.mu.RUnlock()
	return w.offer(name)
}

func (w *Workspace) offer(name string) *OfferDoc {
	for _, f := range w.sortedFiles() {
		for _, o := range f.Offers {
			if o.Name == name {
				return o
			}
		}
	}
	return nil
}

// Dependents returns the names of the files whose results depend on the
// named file, besides the file itself: files with counters answering its
// offers, and every file when it is a band file.
func (w *Workspace) Dependents(name string) []string {
	w.mu.RLock()
	defer w.mu.RUnlock()
	f := w.files[name]
	var out []string
	for _, other := range w.sortedFiles() {
		if other.Name == name {
			continue
		}
		if f == nil || f.Kind == BandsFile || dependsOn(other, f) {
			out = append(out, other.Name)
		}
	}
	return out
}

func dependsOn(f, on *File) bool {
	for _, c := range f.Counters {
		for _, o := range on.Offers {
			if c.OfferRef == o.Name {
				return true
			}
		}
	}
	// Duplicate names and candidate blocks are workspace-wide findings.
	return len(on.Candidates) > 0 && len(f.Candidates) > 0 || sharesNames(f, on)
}

func sharesNames(a, b *File) bool {
	names := map[string]bool{}
	for _, o := range a.Offers {
		names["offer."+o.Name] = true
	}
	for _, c := range a.Counters {
		names["counter."+c.Name] = true
	}
	for _, o := range b.Offers {
		if names["offer."+o.Name] {
			return true
		}
	}
	for _, c := range b.Counters {
		if names["counter."+c.Name] {
			return true
		}
	}
	return false
}

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
}

// Result is what the workspace knows about one file.
type Result struct {
	File  *File
	Diags Diagnostics
	Docs  []*Doc
	Bands *engine.Bands
}

// Check analyses one file in the context of the workspace.
func (w *Workspace) Check(name string) *Result {
	w.mu.Lock()
	bs := w.activeBands()
	w.mu.Unlock()
	w.mu.RLock()
	defer w.mu.RUnlock()
	f := w.files[name]
	if f == nil {
		return &Result{Bands: bs}
	}
	c := &checker{w: w, f: f, bands: bs}
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
	w     *Workspace
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
	r.Diags = append(append(Diagnostics{}, c.f.Diags...), c.diags...)
	r.Diags.Sort()
	r.Diags = Suppress(c.f.Name, c.f.Src, r.Diags) // "# offer:ignore" comments (suppress.go)
	return r
}

// duplicates reports names used twice in the workspace and a second
// candidate block, on every occurrence after the first.
func (c *checker) duplicates() {
	type place struct {
		file string
		rng  hcl.Range
	}
	first := map[string]place{}
	var cands []place
	for _, f := range c.w.sortedFiles() {
		for _, o := range f.Offers {
			key := "offer " + o.Name
			if p, dup := first[key]; dup && f == c.f {
				c.add(errorf("duplicate-name", o.LabelRange(), "Duplicate offer name",
					fmt.Sprintf("Another offer is named %q (%s:%d). Rename one of them; references and the command line use the name.", o.Name, p.file, p.rng.Start.Line)))
			} else if !dup {
				first[key] = place{f.Name, o.LabelRange()}
			}
		}
		for _, ct := range f.Counters {
			key := "counter " + ct.Name
			if p, dup := first[key]; dup && f == c.f {
				c.add(errorf("duplicate-name", ct.LabelRange(), "Duplicate counter name",
					fmt.Sprintf("Another counter is named %q (%s:%d). Rename one of them.", ct.Name, p.file, p.rng.Start.Line)))
			} else if !dup {
				first[key] = place{f.Name, ct.LabelRange()}
			}
		}
		for _, cd := range f.Candidates {
			if len(cands) > 0 && f == c.f {
				c.add(errorf("duplicate-block", cd.TypeRange, "Second candidate block",
					fmt.Sprintf("A workspace has one candidate block; the first is at %s:%d. Merge them.", cands[0].file, cands[0].rng.Start.Line)))
			}
			cands = append(cands, place{f.Name, cd.TypeRange})
		}
	}
}

// schedule resolves a grant's schedule against the active presets.
func (c *checker) schedule(ref ScheduleRef) (engine.Schedule, bool) {
	switch {
	case ref.Inline != nil:
		return *ref.Inline, true
	case !ref.Set:
		return c.bands.Schedules["even"], true
	}
	if s, ok := c.bands.Schedules[ref.Name]; ok {
		return s, true
	}
	names := ScheduleNames(c.bands)
	msg := fmt.Sprintf("No schedule preset is named %q.", ref.Name)
	if s := suggest(ref.Name, names); s != "" {
		msg += fmt.Sprintf(" Did you mean %q?", s)
	}
	msg += " Presets: " + joinNames(names) + "; or write yearly percentages such as [25, 25, 25, 25], or add a schedule block to a *.bands.hcl file."
	c.add(errorf("unknown-schedule", ref.Range, "Unknown schedule", msg))
	return engine.Schedule{}, false
}

// effectiveOffer returns the offer with its schedule resolved.
func (c *checker) effectiveOffer(o *OfferDoc, report bool) engine.Offer {
	off := o.Offer
	if off.Equity != nil {
		g := *off.Equity
		saved := c.diags
		g.Schedule, _ = c.schedule(o.Schedule)
		if !report {
			c.diags = saved
		}
		off.Equity = &g
	}
	return off
}

func (c *checker) offerDoc(o *OfferDoc) *Doc {
	off := c.effectiveOffer(o, true)
	a := engine.Analyze(off, c.bands)
	c.flags(&o.Node, a.Flags, nil)
	return &Doc{Kind: "offer", Name: o.Name, Node: &o.Node, Offer: o, Analysis: a, Resolved: true}
}

func (c *checker) counterDoc(ct *CounterDoc) *Doc {
	doc := &Doc{Kind: "counter", Name: ct.Name, Node: &ct.Node, Counter: ct}
	if ct.OfferRef == "" {
		return doc
	}
	o := c.w.offer(ct.OfferRef)
	if o == nil {
		var names []string
		for _, f := range c.w.sortedFiles() {
			for _, o := range f.Offers {
				names = append(names, o.Name)
			}
		}
		msg := fmt.Sprintf("No offer block is named %q in this workspace.", ct.OfferRef)
		if s := suggest(ct.OfferRef, names); s != "" {
			msg += fmt.Sprintf(" Did you mean offer.%s?", s)
		} else if len(names) > 0 {
			msg += " Offers: " + joinNames(names) + "."
		} else {
			msg += " Add the offer's file to the workspace, or write the offer block first."
		}
		c.add(errorf("unknown-reference", ct.OfferRange, "Unknown offer", msg))
		return doc
	}
	base := c.effectiveOffer(o, false)
	counter := ct.Counter
	if counter.Equity != nil && ct.Schedule.Set {
		if s, ok := c.schedule(ct.Schedule); ok {
			ch := *counter.Equity
			ch.Schedule = &s
			counter.Equity = &ch
		}
	}
	baseAnalysis := engine.Analyze(base, c.bands)
	a := engine.Analyze(counter.Apply(base), c.bands)
	doc.Offer, doc.Analysis, doc.OfferAnalysis, doc.Resolved = o, a, &baseAnalysis, true
	c.flags(&ct.Node, a.Flags, ct)
	return doc
}

// flags turns engine flags into diagnostics on the block. On a counter,
// flags about a lever the counter does not restate belong to the offer and
// are left to it.
func (c *checker) flags(n *Node, flags []engine.Flag, ct *CounterDoc) {
	for _, fl := range flags {
		rng, found := n.FieldRange(fl.Field)
		if ct != nil && fl.Field != "" && !found && !restates(n, fl.Field) {
			continue
		}
		c.add(&Diagnostic{Code: fl.Code, Severity: fl.Severity, Summary: flagSummaries[fl.Code], Detail: fl.Message, Subject: rng, Fix: fl.Fix})
	}
}

func restates(n *Node, field string) bool {
	for i := 0; i < len(field); i++ {
		if field[i] == '.' {
			field = field[:i]
			break
		}
	}
	return n.Attrs[field] != nil || n.Blocks[field] != nil
}

// IsFlag reports whether a diagnostic code is an engine flag (a finding
// about the offer's figures) rather than a problem with the file.
func IsFlag(code string) bool { _, ok := flagSummaries[code]; return ok }

// flagSummaries are the one-line summaries of engine flags.
var flagSummaries = map[string]string{
	"cliff":            "Compensation cliff",
	"base-over-cap":    "Base over the level's cap",
	"below-median":     "Below the band median",
	"below-band":       "Below the band",
	"above-band":       "Above the band",
	"equity-in-shares": "Grant stated in shares",
	"unknown-band":     "No matching band",
}
