package lsp

import (
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file picks up changes made outside the editor, such as a git
// checkout of another draft: files not open in the editor are read again
// from disk, and the open documents that depend on them are re-checked.
// A band file of the settings (configuration.go) is read again too,
// open or not, since every workspace applies what is on disk.

func (s *Server) didChangeWatchedFiles(_ *glsp.Context, p *protocol.DidChangeWatchedFilesParams) error {
	var affected []string
	settingBands := false
	for _, c := range p.Changes {
		name := uriToName(c.URI)
		settingBands = settingBands || s.isSettingBands(name) // configuration.go
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
	if settingBands {
		s.rereadSettingBands()
	}
	s.recheck(affected)
	return nil
}
