package lsp

import (
	"encoding/json"
	"sync"

	"github.com/offerkit/offerkit/lang"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file shows the user the workspace files the reading rules refuse
// (lang.ReadFile: a device, FIFO or socket, a link out of the workspace
// folders, a file over the size limit). Such a file stays in the project
// as its refusal (lang.Project.SetRefused, as `offer lint` keeps it), the
// one record of it: its negotiation is judged without its text, and
// besides the log line the server publishes the refusal's diagnostic on
// the file itself, at its first line, saying why and what to do. The
// diagnostic is withdrawn when the file is read after all, is deleted,
// leaves the workspace, or is opened (the editor's text is then the
// document). A client is sent none before it is initialized (the protocol
// allows no notification then): the refusals found while reading the
// folders during initialize are published at initialized.

// refusals orders the publications of refusals; ready is set once the
// client is initialized.
type refusals struct {
	mu    sync.Mutex
	ready bool
}

// refusal returns the diagnostic of a file the project holds as refused,
// or nil.
func (s *Server) refusal(name string) *lang.Diagnostic {
	f := s.project.File(name)
	if f == nil {
		return nil
	}
	for _, d := range f.Diags {
		if lang.IsRefusal(d.Code) {
			return d
		}
	}
	return nil
}

// setRefused keeps a refused file in the project as its refusal, under
// the name the server knows it by (a refusal names the file it resolved).
func (s *Server) setRefused(name string, r *lang.Refusal) {
	named := *r
	named.Path = name
	s.project.SetRefused(&named)
}

// showRefusal publishes a file's refusal as the project now holds it,
// after a change to the file that found it refused or not (before):
// the refusal, or an empty list that withdraws the one published. An open
// document publishes its own diagnostics, which are left alone.
func (s *Server) showRefusal(name string, before *lang.Diagnostic) {
	s.refused.mu.Lock()
	defer s.refused.mu.Unlock()
	after := s.refusal(name)
	if before == nil && after == nil || !s.refused.ready || s.docs.named(name) != nil {
		return
	}
	s.publishRefusal(name, after)
}

// publishPendingRefusals runs at initialized: it publishes the refusals
// found while reading the folders, and every later one at once.
func (s *Server) publishPendingRefusals() {
	s.refused.mu.Lock()
	defer s.refused.mu.Unlock()
	s.refused.ready = true
	for _, d := range s.project.Refused() {
		if name := d.Subject.Filename; s.docs.named(name) == nil {
			s.publishRefusal(name, d)
		}
	}
}

// openedRefused withdraws, for a client that pulls diagnostics, the
// refusal published on a file it opens: it pulls the document's own
// diagnostics from now on, and would show the pushed refusal beside them
// until the file is closed. A client that is pushed diagnostics gets the
// document's in its place.
func (s *Server) openedRefused(name string) {
	if !s.client.pullDiagnostics {
		return
	}
	s.refused.mu.Lock() // a refusal published meanwhile is published under it
	defer s.refused.mu.Unlock()
	if s.refused.ready && s.refusal(name) != nil {
		s.publishRefusal(name, nil)
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

// removeFile drops a file that is not open from its workspace (deleted, or
// out of the folders), withdrawing its refusal if it had one; the project
// drops the workspace once no file is left in it.
func (s *Server) removeFile(name string) {
	before := s.refusal(name)
	s.project.Remove(name)
	s.showRefusal(name, before)
}
