package lsp

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"

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
		if s.isSettingBands(name) { // configuration.go
			settingBands = true
			if !s.roots.covers(name) {
				continue // no workspace's file: the server reads it as a setting alone
			}
		}
		if s.docs.named(name) != nil {
			continue // the editor's text wins while the document is open
		}
		ws := s.project.Hold(name) // not dropped between the two lists of dependents
		before := dependents(ws, name)
		if c.Type == protocol.FileChangeTypeDeleted {
			s.removeFile(name)
		} else {
			s.readFromDisk(name)
		}
		affected = union(affected, union(before, dependents(ws, name)))
		s.project.Release(name)
	}
	if settingBands {
		s.rereadSettingBands()
	}
	s.recheck(affected)
	return nil
}

// bandWatch is the registration that watches the settings' band files
// outside the workspace folders.
type bandWatch struct {
	mu    sync.Mutex
	ready bool     // the client is initialized: the server may register
	seq   int      // registrations made, for a new id each time
	id    string   // the registration in force, "" when none
	paths []string // the files it watches
}

// loneWatch holds the directories of files opened outside every folder
// (folders.go), each watched by a registration of its own: the folders'
// "**/*.offer.hcl" and the rest do not cover them (VS Code matches such a
// glob only inside the workspace folders, and there may be none).
type loneWatch struct {
	mu    sync.Mutex
	ready bool     // the client is initialized: the server may register
	dirs  []string // every lone directory, in the order opened
}

// watchedNames are the globs of the file names the server reads.
var watchedNames = []string{"*.offer.hcl", "*.bands.hcl", "*.tax.hcl", "*.rates.hcl"}

// watchFiles asks a client that registers watchers dynamically to watch
// the offer, band, tax and rates files of the folders, those of the lone
// directories, and the settings' band files outside them.
func (s *Server) watchFiles() {
	if !s.client.watchRegister {
		return
	}
	var watchers []protocol.FileSystemWatcher
	for _, n := range watchedNames {
		watchers = append(watchers, protocol.FileSystemWatcher{GlobPattern: "**/" + n})
	}
	s.call("client/registerCapability", protocol.RegistrationParams{Registrations: []protocol.Registration{{
		ID: "offer-watch", Method: protocol.MethodWorkspaceDidChangeWatchedFiles,
		RegisterOptions: protocol.DidChangeWatchedFilesRegistrationOptions{Watchers: watchers},
	}}})
	w := &s.loneWatch
	w.mu.Lock()
	w.ready = true
	for i, dir := range w.dirs {
		s.registerLone(i, dir)
	}
	w.mu.Unlock()
	s.bandWatch.mu.Lock()
	s.bandWatch.ready = true
	s.bandWatch.mu.Unlock()
	s.watchSettingBands()
}

// watchLone watches the offer, band, tax and rates files directly in a
// lone directory (not its subdirectories, which are not read), so that a
// sibling changed on disk is read again; before initialized, once the
// client is.
func (s *Server) watchLone(dir string) {
	if !s.client.watchRegister {
		return
	}
	w := &s.loneWatch
	w.mu.Lock()
	defer w.mu.Unlock()
	w.dirs = append(w.dirs, dir)
	if w.ready {
		s.registerLone(len(w.dirs)-1, dir)
	}
}

// registerLone registers the watcher of the i'th lone directory.
func (s *Server) registerLone(i int, dir string) {
	var watchers []fileWatcher
	for _, n := range watchedNames {
		watchers = append(watchers, s.fileWatcher(dir, n))
	}
	s.call("client/registerCapability", protocol.RegistrationParams{Registrations: []protocol.Registration{{
		ID: fmt.Sprintf("offer-watch-dir-%d", i+1), Method: protocol.MethodWorkspaceDidChangeWatchedFiles,
		RegisterOptions: map[string]any{"watchers": watchers},
	}}})
}

// watchSettingBands brings the watcher of the settings' band files outside
// the workspace folders up to date, after a change of the setting or of
// the folders: the previous registration is dropped and a new one made
// for the files outside (those inside match "**/*.bands.hcl"). The band
// files and the folders are read under w.mu: a call that read them before
// another call registered its watcher would drop that watcher for a stale
// list. (settings.mu and the roots' lock are taken last everywhere.)
func (s *Server) watchSettingBands() {
	if !s.client.watchRegister {
		return
	}
	w := &s.bandWatch
	w.mu.Lock()
	defer w.mu.Unlock()
	s.settings.mu.Lock()
	paths := slices.Clone(s.settings.bandPaths)
	s.settings.mu.Unlock()
	folders := s.roots.folders()
	paths = slices.DeleteFunc(paths, func(p string) bool { return withinAny(folders, p) })
	if !w.ready || slices.Equal(paths, w.paths) {
		return
	}
	if w.id != "" {
		s.call("client/unregisterCapability", protocol.UnregistrationParams{Unregisterations: []protocol.Unregistration{{
			ID: w.id, Method: protocol.MethodWorkspaceDidChangeWatchedFiles}}})
	}
	w.paths, w.id = paths, ""
	if len(paths) == 0 {
		return
	}
	w.seq++
	w.id = fmt.Sprintf("offer-watch-settings-%d", w.seq)
	var watchers []fileWatcher
	for _, p := range paths {
		watchers = append(watchers, s.fileWatcher(filepath.Dir(p), globLiteral.Replace(filepath.Base(p))))
	}
	s.call("client/registerCapability", protocol.RegistrationParams{Registrations: []protocol.Registration{{
		ID: w.id, Method: protocol.MethodWorkspaceDidChangeWatchedFiles,
		RegisterOptions: map[string]any{"watchers": watchers},
	}}})
}

// fileWatcher is LSP's FileSystemWatcher, whose pattern is a glob or
// (3.17) a relativePattern.
type fileWatcher struct {
	GlobPattern any `json:"globPattern"`
}

// globLiteral makes a name match itself as a glob. Glob has no escape, so
// a character that globs read as syntax matches itself through "?" (any
// one character).
var globLiteral = strings.NewReplacer("*", "?", "[", "?", "]", "?", "{", "?", "}", "?")

// fileWatcher watches the files of a directory whose names match pattern:
// the glob of the directory's absolute path and the pattern (LSP 3.16),
// or, for a client that supports them, a relative pattern under the
// directory (VS Code watches nothing outside the workspace for a plain
// glob).
func (s *Server) fileWatcher(dir, pattern string) fileWatcher {
	if s.client.relativePatterns {
		return fileWatcher{map[string]string{"baseUri": nameToURI(dir), "pattern": pattern}}
	}
	return fileWatcher{strings.TrimSuffix(globLiteral.Replace(filepath.ToSlash(dir)), "/") + "/" + pattern}
}
