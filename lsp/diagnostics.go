package lsp

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/analysis"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file runs analysis off the request path. Each open document has a
// worker goroutine; a change wakes it, it re-decodes the document into its
// workspace, re-checks it and publishes diagnostics with the version they
// describe. Edits that arrive while it works only wake it again, so work a
// newer edit made stale is dropped instead of published. Files that depend
// on a changed file (lang.Workspace.Dependents) are re-checked, and nothing
// else.

// work is a document's worker.
func (s *Server) work(d *document) {
	defer s.workers.Done()
	select {
	case <-s.loaded: // the workspace folders are read (progress.go)
	case <-d.closed:
		return
	}
	for {
		select {
		case <-d.wake:
		case <-d.closed:
			return
		}
		s.analyze(d)
	}
}

func (s *Server) analyze(d *document) {
	d.mu.Lock()
	if d.fresh() {
		d.mu.Unlock()
		return // nothing changed since the last analysis
	}
	text, version, dirty, gen := d.text, d.version, d.dirty, d.gen
	d.dirty = false
	d.mu.Unlock()
	var res *lang.Result
	func() {
		defer func() {
			if p := recover(); p != nil {
				s.log.panic("analysis", p)
				res = &lang.Result{} // answer requests with nothing rather than wait
			}
		}()
		if dirty {
			d.wsMu.Lock()
			if d.isClosedNow() {
				d.wsMu.Unlock()
				return
			}
			before := dependents(d.ws, d.name)
			d.ws.Set(d.name, text)
			d.wsMu.Unlock()
			s.recheck(union(before, dependents(d.ws, d.name)))
		}
		res = d.ws.Check(d.name)
		d.checks.Add(1)
		d.mu.Lock()
		want := d.wantChecklist
		d.wantChecklist = false
		d.mu.Unlock()
		if want {
			s.scheduleChecklist(d.ws) // checklist.go
		}
	}()
	if res == nil {
		return
	}
	m := newMapper(text, s.enc)
	d.mu.Lock()
	stale := d.gen != gen
	d.mu.Unlock()
	if stale {
		return // the pending wake-up analyses the newer state
	}
	// Publish before answering waiting requests, so that a client has the
	// diagnostics of a version before any reply computed from it.
	s.publish(d, gen, version, res, m)
	d.mu.Lock()
	d.res, d.resGen, d.resVersion, d.resMap = res, gen, version, m
	if analysis.Parses(res) {
		d.good, d.goodMap = res, m
	}
	snap := &snapshot{doc: d, res: res, m: m, version: version, good: d.good, goodMap: d.goodMap}
	close(d.ready)
	d.ready = make(chan struct{})
	d.mu.Unlock()
	// A request about this document may have failed while it waited for
	// this analysis (the workspace was still being read on a busy machine,
	// say): an editor shows nothing for a failed code lens request until
	// the text changes, so ask it to request again.
	s.payRefresh(d)
	s.prelex(d, res, m, gen) // lexcache.go
	s.prepare(snap, gen)     // figcache.go
}

func (d *document) isClosedNow() bool {
	select {
	case <-d.closed:
		return true
	default:
		return false
	}
}

// publish sends a document's diagnostics unless it was closed or changed
// meanwhile. gen is the generation the result was computed for: a
// publication older than one already sent, or than the text, is dropped, so that the analysis worker and the
// checklist (checklist.go), which both publish, never leave a client with
// the diagnostics of an older text.
func (s *Server) publish(d *document, gen uint64, version protocol.Integer, res *lang.Result, m *mapper) {
	if s.client.pullDiagnostics {
		return // the client pulls them (pulldiagnostics.go)
	}
	v := protocol.UInteger(version)
	d.mu.Lock()
	diags := append(append(lang.Diagnostics{}, analysis.Diagnostics(res)...), d.checklist...)
	d.mu.Unlock()
	params, err := json.Marshal(publication{URI: d.uri, Version: &v, Diagnostics: convertDiagnostics(diags, m)})
	if err != nil {
		s.log.printf("encoding diagnostics: %v", err)
		return
	}
	d.pubMu.Lock()
	defer d.pubMu.Unlock()
	d.mu.Lock()
	newer := d.gen != gen // the text changed meanwhile; its analysis publishes
	d.mu.Unlock()
	if d.isClosed || gen < d.pubGen || newer {
		return
	}
	d.pubGen = gen
	s.notifyEncoded(protocol.ServerTextDocumentPublishDiagnostics, params)
}

// recheck asks the workers of the named open documents to check them again.
func (s *Server) recheck(names []string) {
	for _, name := range names {
		if d := s.docs.named(name); d != nil {
			d.markRecheck()
		}
	}
	if len(names) > 0 {
		s.refresh()
	}
}

// refresh asks clients that support it to request lenses, hints and (a
// pulling client, pulldiagnostics.go) diagnostics again, since another
// file's change may have changed them.
func (s *Server) refresh() {
	if s.client.codeLensRefresh {
		s.call(protocol.ServerWorkspaceCodeLensRefresh, nil)
	}
	if s.client.inlayHintRefresh {
		s.call(methodInlayHintRefresh, nil)
	}
	s.diagnosticRefresh()
}

// payRefresh sends the refresh a request about d is owed (snapshot), once.
func (s *Server) payRefresh(d *document) {
	if d.owesRefresh.Swap(false) {
		s.refresh()
	}
}

// dependents returns the files whose results depend on a file of the
// workspace; none while the file is not in it. Taken before and after a
// change, it covers a file's old and new dependents.
func dependents(ws *lang.Workspace, name string) []string {
	if ws.File(name) == nil {
		return nil
	}
	return ws.Dependents(name)
}

func union(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range append(append([]string(nil), a...), b...) {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// snapshot is a document's text with its analysis, for answering a request.
type snapshot struct {
	doc     *document
	res     *lang.Result
	m       *mapper
	version protocol.Integer // the document's version res was checked at
	good    *lang.Result     // the last analysis of a text that parsed
	goodMap *mapper
}

// figures returns the analysis to draw figures from (lenses, hints,
// hovers): the current one, or while the text does not parse the last one
// that did, with stale set.
func (snap *snapshot) figures() (res *lang.Result, m *mapper, stale bool) {
	if !analysis.Parses(snap.res) && snap.good != nil {
		return snap.good, snap.goodMap, true
	}
	return snap.res, snap.m, false
}

// clamp moves a position of the last text that parsed (what figures
// answers while the text does not) inside the current text: the same line
// and character where they still exist, else the end of that line or of
// the text. The editor is only told positions of the text it holds
// (FuzzServer found a stale inlay hint past the end of a line).
func (snap *snapshot) clamp(p protocol.Position) protocol.Position {
	return snap.m.position(snap.m.offset(p))
}

func (snap *snapshot) clampRange(r protocol.Range) protocol.Range {
	return protocol.Range{Start: snap.clamp(r.Start), End: snap.clamp(r.End)}
}

// analysisTimeout bounds how long a request waits for the analysis of the
// latest edit once the workspace folders are read (Server.analysisWait,
// which tests shorten). A request that times out fails, and the client is
// asked to refresh once the analysis is done.
const analysisTimeout = 10 * time.Second

// snapshot returns the analysis of the document's current text, waiting
// for the worker when an edit is pending.
func (s *Server) snapshot(uri protocol.DocumentUri) (*snapshot, error) {
	d := s.docs.get(uri)
	if d == nil {
		return nil, errNotOpen(uri)
	}
	// No document is analysed before the workspace folders are read
	// (progress.go): the wait for the analysis counts from then.
	select {
	case <-s.loaded:
	default:
		s.awaitLoad() // the load waits for nothing the connection would have to read
		select {
		case <-s.loaded:
		case <-d.closed:
			return nil, errNotOpen(uri)
		}
	}
	timeout := time.NewTimer(s.analysisWait)
	defer timeout.Stop()
	for {
		d.mu.Lock()
		if d.fresh() {
			snap := &snapshot{doc: d, res: d.res, m: d.resMap, version: d.version, good: d.good, goodMap: d.goodMap}
			d.mu.Unlock()
			return snap, nil
		}
		ready := d.ready
		d.mu.Unlock()
		select {
		case <-ready:
		case <-d.closed:
			return nil, errNotOpen(uri)
		case <-timeout.C:
			d.owesRefresh.Store(true) // the client asks again once the analysis is done
			d.mu.Lock()
			done := d.fresh() // ... unless it was done meanwhile, its refresh owed before this
			d.mu.Unlock()
			if done {
				s.payRefresh(d)
			}
			return nil, fmt.Errorf("offer lsp: the analysis of %s did not finish in %s", uri, s.analysisWait)
		}
	}
}

// withSnapshot answers a request about one document: answer gets the
// analysis of the document's current text (Server.snapshot). A document
// that is not open, or whose analysis does not finish in time, fails the
// request with the snapshot's error. Each feature file passes only what it
// does with the analysis.
func withSnapshot[T any](s *Server, uri protocol.DocumentUri, answer func(*snapshot) (T, error)) (T, error) {
	snap, err := s.snapshot(uri)
	if err != nil {
		var none T
		return none, err
	}
	return answer(snap)
}

func errNotOpen(uri protocol.DocumentUri) error {
	return fmt.Errorf("offer lsp: document %s is not open; send textDocument/didOpen first", uri)
}
