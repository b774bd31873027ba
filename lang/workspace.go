package lang

import (
	"fmt"
	"slices"
	"strings"
	"sync"

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
	size     int // bytes of the files' texts, for the limits
	defaults *File
	extra    []*File       // band files given on the command line or by the editor
	bands    *engine.Bands // merged; nil when stale
	idx      *index        // nil when stale
	memo     *memo         // offer analyses by block text; replaced when the bands change
	release  bool          // drop each file's syntax once decoded (release.go)
}

// memo keeps the analyses of offer blocks across changes of other blocks:
// an offer's analysis depends only on its block's text and on the bands,
// so editing one offer of a long file re-analyses that offer alone.
type memo struct {
	mu sync.Mutex
	m  map[string]*engine.Analysis
}

// maxMemo bounds the memo; past it, it starts again empty.
const maxMemo = 20000

func (m *memo) get(key string) *engine.Analysis {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.m[key]
}

func (m *memo) put(key string, a *engine.Analysis) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.m) >= maxMemo {
		m.m = map[string]*engine.Analysis{}
	}
	m.m[key] = a
}

// index is what Check needs from the whole workspace, rebuilt after a
// change the first time it is needed, so that checking every file of a
// large workspace stays linear.
type index struct {
	files     []*File              // sorted by name
	offers    map[string]*OfferDoc // first offer of each name
	offerList []string             // every offer name, for suggestions
	firstSeen map[blockKey]*Node   // first block of each offer and counter name
	firstIn   map[*Node]*File
	cands     []*CandidateDoc
	versions  map[*OfferDoc]*Version // every offer's place in its chain (versions.go)
	chains    []*Chain
	chainOf   map[*OfferDoc]*Chain

	mu       sync.Mutex
	analyses map[*OfferDoc]*engine.Analysis // offers as analysed, for the counters answering them
}

// blockKey names an offer or counter block: kind is "offer" or "counter".
type blockKey struct{ kind, name string }

func (w *Workspace) index() *index {
	if w.idx != nil {
		return w.idx
	}
	files := w.sortedFiles()
	nOffers, nCounters := 0, 0
	for _, f := range files {
		nOffers, nCounters = nOffers+len(f.Offers), nCounters+len(f.Counters)
	}
	ix := &index{files: files, offers: make(map[string]*OfferDoc, nOffers), firstSeen: make(map[blockKey]*Node, nOffers+nCounters),
		firstIn: make(map[*Node]*File, nOffers+nCounters), analyses: make(map[*OfferDoc]*engine.Analysis, nOffers)}
	for _, f := range ix.files {
		for _, o := range f.Offers {
			if _, dup := ix.offers[o.Name]; !dup {
				ix.offers[o.Name] = o
				ix.offerList = append(ix.offerList, o.Name)
				ix.firstSeen[blockKey{"offer", o.Name}] = &o.Node
				ix.firstIn[&o.Node] = f
			}
		}
		for _, c := range f.Counters {
			if _, dup := ix.firstSeen[blockKey{"counter", c.Name}]; !dup {
				ix.firstSeen[blockKey{"counter", c.Name}] = &c.Node
				ix.firstIn[&c.Node] = f
			}
		}
		ix.cands = append(ix.cands, f.Candidates...)
	}
	ix.resolveVersions()
	w.idx = ix
	return ix
}

// NewWorkspace returns a workspace holding only the built-in bands.
func NewWorkspace() *Workspace {
	return &Workspace{files: map[string]*File{}, defaults: defaultBands()}
}

var (
	defaultsOnce   sync.Once
	defaultsFile   *File
	mergedOnce     sync.Once
	defaultsMerged *engine.Bands
)

// defaultMerged returns the built-in bands alone, merged once and shared:
// engine.Bands is not changed after merging.
func defaultMerged() *engine.Bands {
	mergedOnce.Do(func() { defaultsMerged = MergeBands([]*File{defaultBands()}) })
	return defaultsMerged
}

// defaultBands decodes the built-in band file once; a decoded File is never
// changed afterwards, so workspaces share it.
func defaultBands() *File {
	defaultsOnce.Do(func() { defaultsFile = Decode(DefaultBandsName, defaultBandsSrc) })
	return defaultsFile
}

// SetExtraBands sets band files that apply on top of the built-in bands and
// under the workspace's own band files (the --bands flag).
func (w *Workspace) SetExtraBands(files []*File) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.extra = files
	w.bands, w.idx = nil, nil
}

// Limits on one workspace, so that a directory of unexpected files cannot
// exhaust memory.
const (
	MaxWorkspaceBytes = 64 << 20
	MaxWorkspaceFiles = 10000
)

// overLimits reports whether adding src to a workspace whose other files
// hold size bytes in count files would take it past its limits.
func overLimits(size, count int, src []byte) bool {
	return size+len(src) > MaxWorkspaceBytes || count+1 > MaxWorkspaceFiles
}

// Set adds or replaces a file and returns its decoded form. A file that
// would take the workspace past its limits is kept empty, with a
// diagnostic.
func (w *Workspace) Set(name string, src []byte) *File {
	w.mu.RLock()
	prev := w.files[name]
	size, count := w.size, len(w.files) // of the other files
	if prev != nil {
		size, count = size-len(prev.Src), count-1
	}
	w.mu.RUnlock()
	var f *File
	if overLimits(size, count, src) {
		f = tooLarge(name)
	} else {
		kind := kindOrOffer(name)
		if prev != nil && prev.Kind != kind {
			prev = nil
		}
		f = decodeAfter(prev, name, src, kind)
		if w.release {
			f.release()
		}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.put(name, f)
	w.idx = nil // also drops analyses made with the old bands
	return f
}

// put stores a decoded file, keeping the workspace's byte count; w.mu held.
func (w *Workspace) put(name string, f *File) {
	old := w.files[name]
	if (old != nil && old.Kind == BandsFile) || f.Kind == BandsFile {
		w.bands = nil
	}
	if old != nil {
		w.size -= len(old.Src)
	}
	w.size += len(f.Src)
	w.files[name] = f
}

// Remove drops a file.
func (w *Workspace) Remove(name string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if f := w.files[name]; f != nil {
		if f.Kind == BandsFile {
			w.bands = nil
		}
		w.size -= len(f.Src)
	}
	delete(w.files, name)
	w.idx = nil
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
	slices.SortFunc(out, func(a, b *File) int { return strings.Compare(a.Name, b.Name) }) // names are unique
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
		if !w.release { // a project made for checking checks each file once
			w.memo = &memo{m: map[string]*engine.Analysis{}}
		}
		files := append([]*File{w.defaults}, w.extra...)
		for _, f := range w.sortedFiles() {
			if f.Kind == BandsFile {
				files = append(files, f)
			}
		}
		if len(files) == 1 {
			w.bands = defaultMerged()
		} else {
			w.bands = MergeBands(files)
		}
	}
	return w.bands
}

// Candidate returns the workspace's candidate facts (the first candidate
// block), with the default target when there is none.
func (w *Workspace) Candidate() (engine.Candidate, *CandidateDoc) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if cs := w.index().cands; len(cs) > 0 {
		return cs[0].Candidate, cs[0]
	}
	return engine.Candidate{TargetPercentile: engine.DefaultTargetPercentile}, nil
}

// Offer returns the offer block with the given name, or nil.
func (w *Workspace) Offer(name string) *OfferDoc {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.index().offers[name]
}

// Dependents returns the names of the files whose results depend on the
// named file, besides the file itself: files with counters answering its
// offers, and every file when it is a band file.
func (w *Workspace) Dependents(name string) []string {
	w.mu.RLock()
	defer w.mu.RUnlock()
	f := w.files[name]
	var out []string
	files := w.sortedFiles()
	later := laterVersions(files, f) // versions.go
	for _, other := range files {
		if other.Name == name {
			continue
		}
		if f == nil || f.Kind == BandsFile || dependsOn(other, f) || usesVersions(other, later) {
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
	// Incomplete is set when the block (or, for a counter, its offer) has
	// errors: its figures leave out what could not be read, and no flags
	// are raised on them.
	Incomplete bool
	// CounterAnalysis is, for a resolved counter, its change against the
	// offer, the approval tier and the counter rules' flags.
	CounterAnalysis *engine.CounterAnalysis
	// Version is the offer's place in its chain of versions (for a counter,
	// that of the version it answers); nil for an unresolved counter.
	Version *Version
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
		off.Equity = &g
	}
	return off, diag
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
	a := *c.offerAnalysis(o, effective)
	doc := &Doc{Kind: "offer", Name: o.Name, Node: &o.Node, Offer: o, Analysis: a, Resolved: true, Version: v}
	doc.Incomplete = c.versionErrors(o)
	if !doc.Incomplete {
		c.flags(&o.Node, a.Flags, nil)
		c.flags(&o.Node, engine.OfferBelowWalkAway(a, c.candidate()), nil) // counter_check.go
	}
	return doc
}

func (c *checker) counterDoc(ct *CounterDoc) *Doc {
	doc := &Doc{Kind: "counter", Name: ct.Name, Node: &ct.Node, Counter: ct}
	if ct.OfferRef == "" {
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
	engine.AnalyzeInto(&doc.Analysis, counter.Apply(base), c.bands)
	a := &doc.Analysis
	doc.Offer, doc.OfferAnalysis, doc.Resolved, doc.Version = o, c.offerAnalysis(o, base), true, c.ix.versions[o]
	doc.Incomplete = c.hasErrors(ct.File, &ct.Node) || c.versionErrors(o)
	ca := new(engine.CounterAnalysis)
	engine.AnalyzeCounterWorthInto(ca, base, counter, doc.OfferAnalysis.Worth, a.Worth, c.candidate(), c.bands)
	doc.CounterAnalysis = ca
	if !doc.Incomplete {
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
		store = append(store, Diagnostic{Code: fl.Code, Severity: fl.Severity, Summary: flagSummaries[fl.Code], Detail: fl.Message, Subject: rng, Fix: fl.Fix})
		c.add(&store[len(store)-1])
	}
}

// offerAnalysis analyses an offer once per index: a workspace's counters
// and the offer's own file share the result.
func (c *checker) offerAnalysis(o *OfferDoc, effective engine.Offer) *engine.Analysis {
	c.ix.mu.Lock()
	a := c.ix.analyses[o]
	c.ix.mu.Unlock()
	if a != nil {
		return a
	}
	var key string
	if c.memo != nil && !o.Version.IsRevision() { // nil in a project made for checking, which checks each file once; a revision's figures depend on other blocks
		key = string(o.File.Src[o.Range.Start.Byte:o.Range.End.Byte])
		a = c.memo.get(key)
	}
	if a == nil {
		a = new(engine.Analysis)
		engine.AnalyzeInto(a, effective, c.bands)
		if key != "" {
			c.memo.put(key, a)
		}
	}
	c.ix.mu.Lock()
	c.ix.analyses[o] = a
	c.ix.mu.Unlock()
	return a
}

// hasErrors reports whether an error that changes a block's figures lies
// inside it. An unknown attribute or a duplicate name leaves the figures as
// written, and errors the file's "# offer:ignore" comments silence have been
// accepted by the user; neither counts.
func (c *checker) hasErrors(f *File, n *Node) bool {
	own := c.diags
	if f != c.f {
		own = nil
	}
	var inside Diagnostics
	for _, ds := range [2]Diagnostics{f.Diags, own} {
		for _, d := range ds {
			if d.Severity == engine.Error && d.Code != "unknown-attribute" && d.Code != "duplicate-name" &&
				d.Subject.Start.Byte >= n.Range.Start.Byte && d.Subject.Start.Byte < n.Range.End.Byte {
				inside = append(inside, d)
			}
		}
	}
	if len(inside) == 0 {
		return false
	}
	for _, d := range Suppress(f.Name, f.Src, inside) {
		if d.Severity == engine.Error {
			return true
		}
	}
	return false
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

	"approval":        "Who approves the increase",
	"outside-room":    "Ask beyond the usual room",
	"too-many-levers": "Too many levers for the round",
	"quick-response":  "Counter sent within 48 hours",
	"below-walk-away": "Below your walk-away",
}
