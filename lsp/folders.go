package lsp

import (
	"os"
	"path/filepath"
	"slices"

	"github.com/offerkit/offerkit/lang"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file keeps the set of workspace folders current: folders added
// after initialize are read and folders removed are forgotten
// (workspace/didChangeWorkspaceFolders: their closed files leave the
// project, and the documents that depended on them are checked again), and
// a file opened outside every
// folder brings its own directory: that directory's offer, band, tax and
// rates files are its negotiation, read like a folder's (the same limits, no links
// out) but not walked into subdirectories, and watched (workspace.go).

func (s *Server) didChangeWorkspaceFolders(_ *glsp.Context, p *protocol.DidChangeWorkspaceFoldersParams) error {
	var removed []string
	for _, f := range p.Event.Removed {
		name := uriToName(f.URI)
		if s.roots.removeFolder(name) {
			removed = append(removed, filepath.Clean(name))
		}
	}
	// A document still open in a removed folder keeps its negotiation: its
	// directory becomes a lone file's (read, not walked).
	for _, d := range s.docs.all() {
		if withinAny(removed, d.name) {
			s.openedOutside(d.name)
		}
	}
	var affected []string
	for _, ws := range s.project.Workspaces() {
		for _, f := range ws.Files() {
			if s.docs.named(f.Name) != nil || !withinAny(removed, f.Name) || s.roots.covers(f.Name) {
				continue
			}
			affected = union(affected, dependents(ws, f.Name))
			s.removeFile(f.Name)
		}
	}
	var added []string
	for _, f := range p.Event.Added {
		added = append(added, uriToName(f.URI))
	}
	added = s.roots.addFolders(added)
	s.loadFolders(added)
	for _, d := range s.docs.all() {
		if withinAny(added, d.name) || withinAny(removed, d.name) {
			affected = union(affected, []string{d.name})
		}
	}
	s.recheck(affected)
	s.overviews.prune(s.docs.all()) // figcache.go
	// A relative band file of the settings starts at the first folder, which
	// may have changed; one may also have left the folders or come in
	// (its watcher, workspace.go).
	s.settings.mu.Lock()
	some := len(s.settings.Bands) > 0
	s.settings.mu.Unlock()
	if some {
		s.rereadSettingBands()
	} else {
		s.watchSettingBands()
	}
	return nil
}

// openedOutside reads the directory of a file opened outside every
// workspace folder, once.
func (s *Server) openedOutside(name string) {
	if !filepath.IsAbs(name) || s.roots.covers(name) {
		return
	}
	dir := filepath.Dir(name)
	if !s.roots.addLone(dir) {
		return
	}
	s.watchLone(dir) // workspace.go
	entries, err := os.ReadDir(dir)
	if err != nil {
		s.log.printf("not reading the directory of %s: %v", filepath.Base(name), err)
		return
	}
	var names []string
	for _, e := range entries {
		if _, ok := lang.KindOf(e.Name()); ok && !e.IsDir() {
			names = append(names, filepath.Join(dir, e.Name()))
		}
	}
	slices.Sort(names)
	for _, n := range names {
		if n != name {
			s.readIfClosed(n)
		}
	}
}
