package lsp

import (
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file picks up changes made outside the editor, such as a git
// checkout of another draft: files not open in the editor are read again
// from disk, and the open documents that depend on them are re-checked.

func (s *Server) didChangeWatchedFiles(_ *glsp.Context, p *protocol.DidChangeWatchedFilesParams) error {
	var affected []string
	for _, c := range p.Changes {
		name := uriToName(c.URI)
		if s.docs.named(name) != nil {
			continue // the editor's text wins while the document is open
		}
		ws := s.project.Workspace(name)
		before := dependents(ws, name)
		if c.Type == protocol.FileChangeTypeDeleted {
			s.removeFile(ws, name)
		} else {
			s.readFromDisk(name)
		}
		affected = union(affected, union(before, dependents(ws, name)))
	}
	s.recheck(affected)
	return nil
}
