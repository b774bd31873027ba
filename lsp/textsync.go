package lsp

import (
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file handles text synchronization: open documents override the
// files on disk until they are closed.

func (s *Server) didOpen(_ *glsp.Context, p *protocol.DidOpenTextDocumentParams) error {
	name := uriToName(p.TextDocument.URI)
	s.openedOutside(name) // folders.go
	// The document holds its workspace until it is closed: the project
	// keeps it although its text is not in it yet.
	d := newDocument(p.TextDocument.URI, s.project.Hold(name), s.names.lock(name), []byte(p.TextDocument.Text), p.TextDocument.Version)
	if old := s.docs.put(d); old != nil {
		s.stop(old)
		s.project.Release(old.name)
	}
	s.openedRefused(name) // refused.go
	s.workers.Add(1)
	go s.work(d)
	d.kick()
	return nil
}

func (s *Server) didChange(_ *glsp.Context, p *protocol.DidChangeTextDocumentParams) error {
	d := s.docs.get(p.TextDocument.URI)
	if d == nil {
		return errNotOpen(p.TextDocument.URI)
	}
	if err := d.apply(p.TextDocument.Version, p.ContentChanges, s.enc); err != nil {
		return err
	}
	d.kick()
	return nil
}

// didSave publishes the diagnostics again: the text is already in sync.
func (s *Server) didSave(_ *glsp.Context, p *protocol.DidSaveTextDocumentParams) error {
	d := s.docs.get(p.TextDocument.URI)
	if d == nil {
		return errNotOpen(p.TextDocument.URI)
	}
	d.mu.Lock()
	d.wantChecklist = true
	d.mu.Unlock()
	d.markRecheck()
	return nil
}

// didClose clears the document's diagnostics and puts the file's text on
// disk back in its place.
func (s *Server) didClose(_ *glsp.Context, p *protocol.DidCloseTextDocumentParams) error {
	d := s.docs.remove(p.TextDocument.URI)
	if d == nil {
		return errNotOpen(p.TextDocument.URI)
	}
	s.stop(d)
	if !s.client.pullDiagnostics {
		s.notify(protocol.ServerTextDocumentPublishDiagnostics, protocol.PublishDiagnosticsParams{URI: d.uri, Diagnostics: []protocol.Diagnostic{}})
	}
	d.wsMu.Lock()
	before := dependents(d.ws, d.name)
	s.readFromDisk(d.name)
	d.wsMu.Unlock()
	s.project.Release(d.name) // dropped if no file is left in it
	s.recheck(union(before, dependents(d.ws, d.name)))
	s.overviews.prune(s.docs.all()) // figcache.go
	return nil
}

// stop ends a document's worker and its publications.
func (s *Server) stop(d *document) {
	d.pubMu.Lock()
	d.isClosed = true
	d.pubMu.Unlock()
	close(d.closed)
}
