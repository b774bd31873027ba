package lsp

import (
	"errors"
	"io/fs"
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
	RootURI               *string                    `json:"rootUri"`
	WorkspaceFolders      []protocol.WorkspaceFolder `json:"workspaceFolders"`
	InitializationOptions *initOptions               `json:"initializationOptions"`
	WorkDoneToken         *progressToken             `json:"workDoneToken"`
	Capabilities          struct {
		General struct {
			PositionEncodings []Encoding `json:"positionEncodings"`
		} `json:"general"`
		Window struct {
			WorkDoneProgress bool `json:"workDoneProgress"`
		} `json:"window"`
		Workspace struct {
			Configuration          bool `json:"configuration"`
			DidChangeConfiguration struct {
				DynamicRegistration bool `json:"dynamicRegistration"`
			} `json:"didChangeConfiguration"`
			DidChangeWatchedFiles struct {
				DynamicRegistration    bool `json:"dynamicRegistration"`
				RelativePatternSupport bool `json:"relativePatternSupport"`
			} `json:"didChangeWatchedFiles"`
			CodeLens struct {
				RefreshSupport bool `json:"refreshSupport"`
			} `json:"codeLens"`
			InlayHint struct {
				RefreshSupport bool `json:"refreshSupport"`
			} `json:"inlayHint"`
			Diagnostics struct {
				RefreshSupport bool `json:"refreshSupport"`
			} `json:"diagnostics"`
			WorkspaceEdit struct {
				DocumentChanges bool `json:"documentChanges"`
			} `json:"workspaceEdit"`
		} `json:"workspace"`
		TextDocument struct {
			Hover struct {
				ContentFormat []string `json:"contentFormat"`
			} `json:"hover"`
			Completion struct {
				CompletionItem struct {
					SnippetSupport bool `json:"snippetSupport"`
				} `json:"completionItem"`
			} `json:"completion"`
			Diagnostic *struct{} `json:"diagnostic"`
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
	opts := p.InitializationOptions
	if opts == nil {
		opts = &initOptions{}
	}
	// UTF-8 when the client offers it: it is what the text is stored in;
	// the positionEncoding setting overrides the choice (configuration.go).
	if slices.Contains(c.General.PositionEncodings, UTF8) {
		s.enc = UTF8
	}
	if e, ok := opts.encoding(c.General.PositionEncodings); ok {
		s.enc = e
	}
	s.client = clientCaps{
		hoverPlain:       len(c.TextDocument.Hover.ContentFormat) > 0 && c.TextDocument.Hover.ContentFormat[0] == string(protocol.MarkupKindPlainText),
		compareView:      opts.CompareView,
		progress:         c.Window.WorkDoneProgress,
		configuration:    c.Workspace.Configuration,
		configRegister:   c.Workspace.DidChangeConfiguration.DynamicRegistration,
		snippets:         c.TextDocument.Completion.CompletionItem.SnippetSupport,
		watchRegister:    c.Workspace.DidChangeWatchedFiles.DynamicRegistration,
		relativePatterns: c.Workspace.DidChangeWatchedFiles.RelativePatternSupport,
		codeLensRefresh:  c.Workspace.CodeLens.RefreshSupport,
		inlayHintRefresh: c.Workspace.InlayHint.RefreshSupport,
		resolveEdit:      slices.Contains(c.TextDocument.CodeAction.ResolveSupport.Properties, "edit"),
		documentChanges:  c.Workspace.WorkspaceEdit.DocumentChanges,
		// Pulled only by a client that can and prefers to (pulldiagnostics.go).
		pullDiagnostics:   c.TextDocument.Diagnostic != nil && opts.PullDiagnostics,
		diagnosticRefresh: c.Workspace.Diagnostics.RefreshSupport,
	}
	var folders []string
	for _, f := range p.WorkspaceFolders {
		folders = append(folders, uriToName(f.URI))
	}
	if len(folders) == 0 && p.RootURI != nil && *p.RootURI != "" {
		folders = append(folders, uriToName(*p.RootURI))
	}
	added := s.roots.addFolders(folders)
	s.applySettings(opts.Settings, false, 0)    // after the folders: a relative band file starts at the first
	s.startLoad(added, p.WorkDoneToken.token()) // progress.go
	version := s.opts.Version
	return &initializeResult{Capabilities: s.capabilities(), ServerInfo: &protocol.InitializeResultServerInfo{Name: "offer", Version: &version}}, nil
}

// loadFolders reads every *.offer.hcl and *.bands.hcl file under the
// workspace folders into the project. The walk does not follow links to
// directories, and readFromDisk does not follow links out of the folders.
func (s *Server) loadFolders(folders []string) {
	for _, name := range s.folderFiles(folders) { // progress.go
		s.readIfClosed(name)
	}
}

// readIfClosed reads a file from disk unless it is open: the editor's
// text wins while it is.
func (s *Server) readIfClosed(name string) {
	if s.docs.named(name) == nil {
		s.readFromDisk(name)
	}
}

// readFromDisk puts a file's text on disk into the project, or drops the
// file when it is gone or is not an offer or band file, or keeps it as
// refused when it is not one the server may read (access.go, refused.go).
func (s *Server) readFromDisk(name string) {
	defer s.showRefusal(name, s.refusal(name)) // refused.go
	src, err := s.roots.read(name)
	if err != nil {
		r := (*lang.Refusal)(nil)
		refused := errors.As(err, &r)
		if _, known := lang.KindOf(name); known && !errors.Is(err, fs.ErrNotExist) {
			why := err.Error()
			if refused {
				why = r.Code + ": " + r.Message // a refusal's Error repeats the path
			}
			s.log.printf("not reading %s: %s", name, why)
		}
		if refused {
			s.setRefused(name, r)
		} else {
			s.project.Remove(name)
		}
		return
	}
	s.project.Set(name, src)
}

func (s *Server) initialized(_ *glsp.Context, _ *protocol.InitializedParams) error {
	s.publishPendingRefusals() // the files refused so far (refused.go)

	s.loadDeferred()     // progress.go
	s.registerSettings() // configuration.go
	s.askSettings()
	s.watchFiles() // workspace.go
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
