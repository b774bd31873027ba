package lsp

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/offerkit/offerkit/lang"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file keeps the open documents: their text and version as the editor
// sent them, and the latest analysis of that text.

// document is one open document.
type document struct {
	uri  protocol.DocumentUri
	name string // the file name lang knows it by
	ws   *lang.Workspace

	mu      sync.Mutex
	text    []byte // never modified in place: each change makes a new slice
	version protocol.Integer
	dirty   bool   // text changed since the workspace last saw it
	gen     uint64 // bumped by every change of text or of a file it depends on

	res        *lang.Result // the analysis of generation resGen
	resGen     uint64
	resVersion protocol.Integer
	resMap     *mapper      // positions of the analysed text
	good       *lang.Result // the last analysis of a text that parsed
	goodMap    *mapper
	ready      chan struct{}

	wake   chan struct{} // buffered: one pending wake-up is enough
	closed chan struct{}

	// pubMu orders a document's last publication before the one that
	// clears it on close; wsMu orders the worker's writes to the workspace
	// before the restore of the file on disk on close.
	pubMu sync.Mutex
	// wsMu is shared by every document (past or present) of the same file
	// name, so that the worker of a document closed or reopened meanwhile
	// cannot write its old text over the new document's (names.go).
	wsMu     *sync.Mutex
	isClosed bool
	pubGen   uint64 // the generation of the last publication (under pubMu)

	checks atomic.Int64 // how many times the worker checked it (for tests)

	// lex holds the analysed text's tokens; usesTokens is set once the
	// client asked for a feature that reads them (lexcache.go).
	lex        atomic.Pointer[lexCache]
	usesTokens atomic.Bool
	// owesRefresh is set when a request about the document failed waiting
	// for its analysis; the analysis then asks the client to refresh.
	owesRefresh atomic.Bool

	// checklist holds the missing preparations placed in this file, as
	// info diagnostics; they are workspace-wide, so they are worked out
	// once the edits after an open, a change or a save settle
	// (wantChecklist), not on every keystroke (checklist.go).
	checklist     lang.Diagnostics
	wantChecklist bool

	answers answers // whole-file answers worked out once (figcache.go)
}

func newDocument(uri protocol.DocumentUri, ws *lang.Workspace, wsMu *sync.Mutex, text []byte, version protocol.Integer) *document {
	return &document{uri: uri, name: uriToName(uri), ws: ws, wsMu: wsMu, text: text, version: version, dirty: true, wantChecklist: true,
		ready: make(chan struct{}), wake: make(chan struct{}, 1), closed: make(chan struct{})}
}

// kick wakes the document's worker.
func (d *document) kick() {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

// markRecheck asks for a new check without a change of text.
func (d *document) markRecheck() {
	d.mu.Lock()
	d.gen++
	d.mu.Unlock()
	d.kick()
}

// apply applies a didChange notification's changes in order.
func (d *document) apply(version protocol.Integer, changes []any, enc Encoding) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	text := d.text
	for _, c := range changes {
		switch c := c.(type) {
		case protocol.TextDocumentContentChangeEventWhole:
			text = []byte(c.Text)
		case protocol.TextDocumentContentChangeEvent:
			if c.Range == nil {
				text = []byte(c.Text)
				continue
			}
			m := newMapper(text, enc)
			start, end := m.offset(c.Range.Start), m.offset(c.Range.End)
			if end < start {
				return fmt.Errorf("change range ends before it starts")
			}
			next := make([]byte, 0, len(text)-(end-start)+len(c.Text))
			next = append(append(append(next, text[:start]...), c.Text...), text[end:]...)
			text = next
		default:
			return fmt.Errorf("unexpected change %T", c)
		}
	}
	// The checklist is worked out again once the edits settle
	// (checklist.go), not only on save.
	d.text, d.version, d.dirty, d.wantChecklist = text, version, true, true
	d.gen++
	return nil
}

// fresh reports whether the analysis is of the current text and of the
// current state of the files it depends on; d.mu held.
func (d *document) fresh() bool {
	return d.res != nil && d.resGen == d.gen
}

// documents is the set of open documents, by URI and by file name.
type documents struct {
	mu     sync.Mutex
	byURI  map[protocol.DocumentUri]*document
	byName map[string]*document
}

func (ds *documents) get(uri protocol.DocumentUri) *document {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	return ds.byURI[uri]
}

func (ds *documents) named(name string) *document {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	return ds.byName[name]
}

// put adds a document and returns the one it replaces, if any.
func (ds *documents) put(d *document) *document {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	if ds.byURI == nil {
		ds.byURI, ds.byName = map[protocol.DocumentUri]*document{}, map[string]*document{}
	}
	old := ds.byURI[d.uri]
	ds.byURI[d.uri], ds.byName[d.name] = d, d
	return old
}

func (ds *documents) remove(uri protocol.DocumentUri) *document {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	d := ds.byURI[uri]
	if d != nil {
		delete(ds.byURI, uri)
		if ds.byName[d.name] == d {
			delete(ds.byName, d.name)
		}
	}
	return d
}

func (ds *documents) all() []*document {
	ds.mu.Lock()
	defer ds.mu.Unlock()
	out := make([]*document, 0, len(ds.byURI))
	for _, d := range ds.byURI {
		out = append(out, d)
	}
	return out
}

// uriToName returns the file path of a file: URI, and other URIs (an
// unsaved buffer) unchanged.
func uriToName(uri protocol.DocumentUri) string {
	if strings.HasPrefix(uri, "file:") {
		if u, err := url.Parse(uri); err == nil && u.Path != "" {
			return filepath.Clean(filepath.FromSlash(u.Path))
		}
	}
	return uri
}

// nameToURI returns the URI of a file name.
func nameToURI(name string) protocol.DocumentUri {
	if strings.Contains(name, ":") && !filepath.IsAbs(name) {
		return name // already a URI
	}
	if abs, err := filepath.Abs(name); err == nil {
		name = abs
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(name)}).String()
}
