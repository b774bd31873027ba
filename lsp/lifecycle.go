package lsp

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/offerkit/offerkit/lang"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file handles initialize, initialized, shutdown and the base
// protocol's notifications.

// initializeParams holds what the server reads from initialize, LSP 3.17's
// general.positionEncodings included.
type initializeParams struct {
	RootURI          *string                    `json:"rootUri"`
	WorkspaceFolders []protocol.WorkspaceFolder `json:"workspaceFolders"`
	Capabilities     struct {
		General struct {
			PositionEncodings []Encoding `json:"positionEncodings"`
		} `json:"general"`
		Workspace struct {
			DidChangeWatchedFiles struct {
				DynamicRegistration bool `json:"dynamicRegistration"`
			} `json:"didChangeWatchedFiles"`
			CodeLens struct {
				RefreshSupport bool `json:"refreshSupport"`
			} `json:"codeLens"`
			InlayHint struct {
				RefreshSupport bool `json:"refreshSupport"`
			} `json:"inlayHint"`
		} `json:"workspace"`
		TextDocument struct {
			Completion struct {
				CompletionItem struct {
					SnippetSupport bool `json:"snippetSupport"`
				} `json:"completionItem"`
			} `json:"completion"`
			CodeAction struct {
				ResolveSupport struct {
					Properties []string `json:"properties"`
				} `json:"resolveSupport"`
			} `json:"codeAction"`
		} `json:"textDocument"`
	} `json:"capabilities"`
}

type initializeResult struct {
	Capabilities capabilities                         `json:"capabilities"`
	ServerInfo   *protocol.InitializeResultServerInfo `json:"serverInfo,omitempty"`
}

func (s *Server) initialize(p *initializeParams) (*initializeResult, error) {
	c := p.Capabilities
	// UTF-8 when the client offers it: it is what the text is stored in.
	if slices.Contains(c.General.PositionEncodings, UTF8) {
		s.enc = UTF8
	}
	s.client = clientCaps{
		snippets:         c.TextDocument.Completion.CompletionItem.SnippetSupport,
		watchRegister:    c.Workspace.DidChangeWatchedFiles.DynamicRegistration,
		codeLensRefresh:  c.Workspace.CodeLens.RefreshSupport,
		inlayHintRefresh: c.Workspace.InlayHint.RefreshSupport,
		resolveEdit:      slices.Contains(c.TextDocument.CodeAction.ResolveSupport.Properties, "edit"),
	}
	var folders []string
	for _, f := range p.WorkspaceFolders {
		folders = append(folders, uriToName(f.URI))
	}
	if len(folders) == 0 && p.RootURI != nil && *p.RootURI != "" {
		folders = append(folders, uriToName(*p.RootURI))
	}
	s.roots = newRoots(folders)
	s.loadFolders(s.roots.clean)
	version := s.opts.Version
	return &initializeResult{Capabilities: s.capabilities(), ServerInfo: &protocol.InitializeResultServerInfo{Name: "offer", Version: &version}}, nil
}

// loadFolders reads every *.offer.hcl and *.bands.hcl file under the
// workspace folders into the project. The walk does not follow links to
// directories, and readFromDisk does not follow links out of the folders.
func (s *Server) loadFolders(folders []string) {
	for _, dir := range folders {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			s.log.printf("workspace folder %s is not a directory; skipped", dir)
			continue
		}
		// The separator makes a folder that is itself a link walked as the
		// directory it points to.
		files, err := lang.ExpandNoting([]string{dir + string(filepath.Separator)}, func(sub string, err error) {
			s.log.printf("not reading folder %s: %v; the rest of the workspace is read", sub, err)
		})
		if err != nil {
			s.log.printf("reading workspace folder: %v", err)
		}
		for _, name := range files {
			s.readFromDisk(name)
		}
	}
}

// readFromDisk puts a file's text on disk into the project, or drops the
// file when it is gone, is not an offer or band file, or is not one the
// server may read (access.go).
func (s *Server) readFromDisk(name string) {
	src, err := s.roots.read(name)
	if err != nil {
		if _, known := lang.KindOf(name); known && !errors.Is(err, fs.ErrNotExist) {
			s.log.printf("not reading %s: %v", name, err)
		}
		s.project.Workspace(name).Remove(name)
		return
	}
	s.project.Set(name, src)
}

func (s *Server) initialized(_ *glsp.Context, _ *protocol.InitializedParams) error {
	if s.client.watchRegister {
		s.call("client/registerCapability", protocol.RegistrationParams{Registrations: []protocol.Registration{{
			ID: "offer-watch", Method: protocol.MethodWorkspaceDidChangeWatchedFiles,
			RegisterOptions: protocol.DidChangeWatchedFilesRegistrationOptions{Watchers: []protocol.FileSystemWatcher{
				{GlobPattern: "**/*.offer.hcl"}, {GlobPattern: "**/*.bands.hcl"}, {GlobPattern: "**/*.tax.hcl"}, {GlobPattern: "**/*.rates.hcl"},
			}},
		}}})
	}
	return nil
}

func (s *Server) shutdownRequest(_ *glsp.Context) error {
	s.shutdown.Store(true)
	return nil
}

// cancelRequest is a no-op: requests are read and answered one at a time,
// so the request a cancellation names has been answered when it is read;
// analysis that a newer edit makes stale is dropped by the worker.
func (s *Server) cancelRequest(_ *glsp.Context, _ *protocol.CancelParams) error { return nil }

func (s *Server) setTrace(_ *glsp.Context, _ *protocol.SetTraceParams) error { return nil }
