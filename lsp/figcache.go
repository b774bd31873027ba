package lsp

import (
	"encoding/json"
	"sync"
	"sync/atomic"

	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/analysis"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file keeps, with each open document, the answers that read the
// whole file or the whole workspace: the workspace's overview (the
// comparison behind an offer's rank on hover and the Compare lens), the
// code lenses (with every offer's after-tax estimate) and the outline,
// encoded. On a 3,000-line file each took milliseconds per request
// (BenchmarkRequestLatency); they are worked out once per analysis of the
// text and, for what reads other files, per state of the workspace
// (lang.Workspace.Gen): on the first request, or ahead in the document's
// worker once the client has asked for them.

// overviews keeps the overview of each workspace in its latest state,
// shared by the workspace's documents: one comparison of every offer per
// state, however many documents ask.
type overviews struct {
	mu sync.Mutex
	m  map[*lang.Workspace]*analysis.Overview
}

// of returns the overview of a workspace in its current state.
func (o *overviews) of(ws *lang.Workspace) *analysis.Overview {
	o.mu.Lock()
	defer o.mu.Unlock()
	if ov := o.m[ws]; ov.Current() {
		return ov
	}
	if o.m == nil {
		o.m = map[*lang.Workspace]*analysis.Overview{}
	}
	ov := analysis.NewOverview(ws) // compares on first need, outside the lock
	o.m[ws] = ov
	return ov
}

// prune drops the overviews of the workspaces where no document is open
// (a removed folder's, one whose documents were all closed, one the
// Compare command was run on): no lens or hover reads them, and the
// command makes a new one when run again.
func (o *overviews) prune(open []*document) {
	keep := map[*lang.Workspace]bool{}
	for _, d := range open {
		keep[d.ws] = true
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	for ws := range o.m {
		if !keep[ws] {
			delete(o.m, ws)
		}
	}
}

// answers is a document's cache of whole-file answers.
type answers struct {
	lenses  atomic.Pointer[lensAnswer]
	outline atomic.Pointer[outlineAnswer]

	// wantLenses and wantOutline are set once the client asked for them:
	// from then on the worker works them out ahead.
	wantLenses, wantOutline atomic.Bool
}

// lensAnswer is the code lenses of one analysis (res, as figures returns
// it) at one state of the workspace.
type lensAnswer struct {
	res   *lang.Result
	gen   uint64
	stale bool
	once  sync.Once
	out   []protocol.CodeLens
}

// outlineAnswer is the encoded outline of one analysis.
type outlineAnswer struct {
	res  *lang.Result
	once sync.Once
	out  json.RawMessage
	err  error
}

// cached returns the answer p holds if it is the one wanted (ok), else a
// new one (fresh) put in its place; the caller fills it in once. When two
// requests race, both get the answer that won the slot if it is the one
// wanted.
func cached[T any](p *atomic.Pointer[T], ok func(*T) bool, fresh func() *T) *T {
	c := p.Load()
	if c != nil && ok(c) {
		return c
	}
	n := fresh()
	if p.CompareAndSwap(c, n) {
		return n
	}
	if c = p.Load(); c != nil && ok(c) {
		return c
	}
	return n // another state won the slot; this request uses its own
}

// fill works out the answer c, held in p, once. If the work panics, c
// leaves p, so that the next request works the answer out again instead of
// finding it empty, and the panic goes on to the handler's recovery.
func fill[T any](p *atomic.Pointer[T], c *T, once *sync.Once, work func()) {
	once.Do(func() {
		defer func() {
			if r := recover(); r != nil {
				p.CompareAndSwap(c, nil)
				panic(r)
			}
		}()
		work()
	})
}

// overview returns the overview of a document's workspace in its current
// state.
func (s *Server) overview(d *document) *analysis.Overview { return s.overviews.of(d.ws) }

// lenses returns the code lenses of a snapshot: of its current text, or
// while the text does not parse of the last that did, marked stale.
func (s *Server) lenses(snap *snapshot) []protocol.CodeLens {
	d := snap.doc
	res, m, stale := snap.figures()
	ov := s.overview(d)
	d.answers.wantLenses.Store(true)
	c := cached(&d.answers.lenses, func(c *lensAnswer) bool { return c.res == res && c.gen == ov.Gen() && c.stale == stale },
		func() *lensAnswer { return &lensAnswer{res: res, gen: ov.Gen(), stale: stale} })
	fill(&d.answers.lenses, c, &c.once, func() {
		lenses := analysis.WorkspaceLenses(ov, res)
		if stale {
			lenses = analysis.MarkStaleLenses(lenses)
		}
		c.out = make([]protocol.CodeLens, 0, len(lenses))
		for _, l := range lenses {
			c.out = append(c.out, protocol.CodeLens{Range: m.protoRange(l.Range), Command: &protocol.Command{Title: l.Title, Command: l.Command, Arguments: l.Args}})
		}
	})
	if !stale {
		return c.out
	}
	out := make([]protocol.CodeLens, len(c.out)) // the ranges of the text that parsed, inside this one
	for i, l := range c.out {
		l.Range = snap.clampRange(l.Range)
		out[i] = l
	}
	return out
}

// outline returns the document symbols of a snapshot's analysis, encoded.
func (snap *snapshot) outline() (json.RawMessage, error) {
	d := snap.doc
	d.answers.wantOutline.Store(true)
	c := cached(&d.answers.outline, func(c *outlineAnswer) bool { return c.res == snap.res },
		func() *outlineAnswer { return &outlineAnswer{res: snap.res} })
	fill(&d.answers.outline, c, &c.once, func() { c.out, c.err = json.Marshal(documentSymbols(analysis.Symbols(snap.res), snap.m)) })
	return c.out, c.err
}

// prepare works out ahead, in the document's worker, the answers its
// client asked for before, unless the text changed since the analysis of
// generation gen (the next analysis prepares them).
func (s *Server) prepare(snap *snapshot, gen uint64) {
	d, a := snap.doc, &snap.doc.answers
	if !a.wantLenses.Load() && !a.wantOutline.Load() {
		return
	}
	if d.newerThan(gen) {
		return
	}
	defer func() {
		if p := recover(); p != nil {
			s.log.panic("preparing answers", p)
		}
	}()
	if a.wantOutline.Load() {
		snap.outline()
	}
	if a.wantLenses.Load() && !d.newerThan(gen) {
		s.lenses(snap)
	}
}

// newerThan reports whether the document's text changed since generation
// gen: work for gen's analysis is then dropped, so that the next edit's
// analysis does not wait behind it.
func (d *document) newerThan(gen uint64) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.gen != gen
}
