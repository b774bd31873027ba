package lang

import (
	"slices"
	"strings"
	"sync"

	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/engine/tax"
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
	tax      *tax.Tables   // merged; nil when stale (tax.go)
	idx      *index        // nil when stale
	memo     *memo         // offer analyses by block text; replaced when the bands change
	release  bool          // drop each file's syntax once decoded (release.go)
	gen      uint64        // bumped by every change of a file or of the bands (Gen)
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
	rates     *engine.Rates // the *.rates.hcl files' rates merged; nil when there are none

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
	var rateFiles []*File
	for _, f := range ix.files {
		if f.Kind == RatesFile {
			rateFiles = append(rateFiles, f)
		}
	}
	if r, ok := MergeRates(rateFiles); ok {
		ix.rates = &r
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
	w.gen++
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
	return f
}

// put stores a decoded file, keeping the workspace's byte count, and
// drops the index (and with it the analyses made with the old files and
// bands) as it moves the generation; w.mu held.
func (w *Workspace) put(name string, f *File) {
	old := w.files[name]
	if (old != nil && old.Kind == BandsFile) || f.Kind == BandsFile {
		w.bands = nil
	}
	if (old != nil && old.Kind == TaxFile) || f.Kind == TaxFile {
		w.tax = nil
	}
	if old != nil {
		w.size -= len(old.Src)
	}
	w.size += len(f.Src)
	w.files[name] = f
	w.idx = nil
	w.gen++
}

// Remove drops a file.
func (w *Workspace) Remove(name string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if f := w.files[name]; f != nil {
		if f.Kind == BandsFile {
			w.bands = nil
		}
		if f.Kind == TaxFile {
			w.tax = nil
		}
		w.size -= len(f.Src)
	}
	delete(w.files, name)
	w.idx = nil
	w.gen++
}

// Gen returns a number that changes with every change of the workspace's
// files or bands: what was worked out from the whole workspace (a
// comparison of its offers, a file's figures that depend on other files)
// still holds while Gen returns the same number.
func (w *Workspace) Gen() uint64 {
	w.mu.RLock()
	defer w.mu.RUnlock()
	return w.gen
}

// File returns a file by name, or nil.
func (w *Workspace) File(name string) *File {
	w.mu.RLock()
	defer w.mu.RUnlock()
	return w.files[name]
}

// Len returns the number of files.
func (w *Workspace) Len() int {
	w.mu.RLock()
	defer w.mu.RUnlock()
	return len(w.files)
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
// block), with the default target when there is none. Once the index is
// built, it is read under the read lock, as Tax is.
func (w *Workspace) Candidate() (engine.Candidate, *CandidateDoc) {
	w.mu.RLock()
	ix := w.idx
	w.mu.RUnlock()
	if ix == nil {
		w.mu.Lock()
		ix = w.index()
		w.mu.Unlock()
	}
	if cs := ix.cands; len(cs) > 0 {
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

// IsFlag reports whether a code is an engine rule's: a finding about the
// figures rather than about the file.
func IsFlag(code string) bool { return engine.RuleFor(code) != nil }
