package lsp

import (
	"encoding/json"
	"sync"

	"github.com/offerkit/offerkit/lang"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file shows the user the workspace files the reading rules refuse
// (lang.ReadFile: a device, FIFO or socket, a link out of the workspace
// folders, a file over the size limit). Such a file is left out of the
// project, and its negotiation is judged without it, so besides the log
// line the server publishes one diagnostic on the file itself, at its
// first line, saying why and what to do, as `offer lint` reports it. The
// diagnostic is withdrawn when the file is read after all, is deleted, or
// leaves the workspace. A client is sent none before it is initialized
// (the protocol allows no notification then): the refusals found while
// reading the folders during initialize are published at initialized.

// refusedFiles are the files whose refusal is published, or pending until
// the client is initialized.
type refusedFiles struct {
	mu    sync.Mutex
	diags map[string]*lang.Diagnostic
	ready bool // the client is initialized: publish at once
}

// noteRefused records a refused file and publishes why.
func (s *Server) noteRefused(name string, r *lang.Refusal) {
	d := r.Diagnostic()
	s.refused.mu.Lock()
	defer s.refused.mu.Unlock()
	if s.refused.diags == nil {
		s.refused.diags = map[string]*lang.Diagnostic{}
	}
	s.refused.diags[name] = d
	if s.refused.ready {
		s.publishRefusal(name, d)
	}
}

// clearRefused withdraws a file's refusal, if it had one. An open
// document publishes its own diagnostics, which are left alone.
func (s *Server) clearRefused(name string) {
	s.refused.mu.Lock()
	defer s.refused.mu.Unlock()
	if _, ok := s.refused.diags[name]; !ok {
		return
	}
	delete(s.refused.diags, name)
	if s.refused.ready && s.docs.named(name) == nil {
		s.publishRefusal(name, nil)
	}
}

// clearRefusedOutside withdraws the refusals of files no longer in a
// workspace folder (or a lone file's directory).
func (s *Server) clearRefusedOutside() {
	s.refused.mu.Lock()
	var gone []string
	for name := range s.refused.diags {
		if !s.roots.covers(name) {
			gone = append(gone, name)
		}
	}
	s.refused.mu.Unlock()
	for _, name := range gone {
		s.clearRefused(name)
	}
}

// publishPendingRefusals runs at initialized: it publishes the refusals
// found while reading the folders, and every later one at once.
func (s *Server) publishPendingRefusals() {
	s.refused.mu.Lock()
	defer s.refused.mu.Unlock()
	s.refused.ready = true
	for name, d := range s.refused.diags {
		s.publishRefusal(name, d)
	}
}

// publishRefusal sends a refused file's diagnostic (none when d is nil).
// It is pushed even to a client that pulls diagnostics: it pulls them for
// open documents only, and the file is not one.
func (s *Server) publishRefusal(name string, d *lang.Diagnostic) {
	var ds lang.Diagnostics
	if d != nil {
		ds = lang.Diagnostics{d}
	}
	params, err := json.Marshal(publication{URI: nameToURI(name), Diagnostics: convertDiagnostics(ds, newMapper(nil, s.enc))})
	if err != nil {
		s.log.printf("encoding diagnostics: %v", err)
		return
	}
	s.notifyEncoded(protocol.ServerTextDocumentPublishDiagnostics, params)
}
