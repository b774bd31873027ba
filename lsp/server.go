package lsp

import (
	"encoding/json"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/analysis"
	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file declares the server, what it tells the client it can do, and
// which function serves each method. The methods live one per file.

// Options configure a server.
type Options struct {
	// Log receives the server's log lines (stderr for `offer lsp`).
	Log io.Writer
	// Debug logs every JSON-RPC message, figures included.
	Debug bool
	// ExtraBands are band files applied to every workspace (--bands).
	ExtraBands []*lang.File
	// Version is reported to the client in serverInfo.
	Version string
}

// Server is an offer language server. Serve runs it on one connection.
type Server struct {
	opts    Options
	log     *logger
	proto   protocol.Handler
	project *lang.Project
	docs    documents

	conn   atomic.Pointer[jsonrpc2.Conn]
	out    atomic.Pointer[stream] // conn's stream, for notifyEncoded
	enc    Encoding
	client clientCaps
	roots  roots // the workspace folders: what the server may read
	// loaded is closed when the workspace folders are read (progress.go);
	// documents are checked after that.
	loaded       chan struct{}
	analysisWait time.Duration // how long a request waits for its document's analysis (analysisTimeout)
	createWait   time.Duration // how long the load waits for a progress token (createTimeout)
	loadAwaited  chan struct{} // closed when a request waits for the folders (progress.go)
	awaitOnce    sync.Once
	loadOnce     sync.Once // the deferred load starts once (progress.go)
	deferredLoad []string  // folders read after initialized (progress.go)
	settings     settings  // configuration.go
	bandWatch    bandWatch // workspace.go
	loneWatch    loneWatch // workspace.go
	shutdown     atomic.Bool
	exited       atomic.Bool
	workers      sync.WaitGroup

	checklists checklists // checklist.go
	names      nameLocks  // names.go
	overviews  overviews  // figcache.go
	refused    refusals   // refused.go
}

// clientCaps are the client capabilities the server acts on.
type clientCaps struct {
	snippets          bool
	watchRegister     bool
	relativePatterns  bool // watchers may be relative patterns (LSP 3.17)
	codeLensRefresh   bool
	inlayHintRefresh  bool
	resolveEdit       bool // codeAction/resolve may fill in an action's edit
	hoverPlain        bool // hover contentFormat prefers plaintext
	compareView       bool // the client shows offer.compare's table itself
	progress          bool // window.workDoneProgress
	configuration     bool // workspace/configuration
	configRegister    bool // didChangeConfiguration may be registered
	pullDiagnostics   bool // the client pulls diagnostics (pulldiagnostics.go)
	diagnosticRefresh bool // workspace.diagnostics.refreshSupport
	documentChanges   bool // workspace.workspaceEdit.documentChanges
}

// New returns a server; nothing runs until Serve.
func New(opts Options) *Server {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	s := &Server{opts: opts, log: &logger{w: opts.Log, debug: opts.Debug}, enc: UTF16,
		loaded: make(chan struct{}), analysisWait: analysisTimeout, createWait: createTimeout, loadAwaited: make(chan struct{})}
	s.project = lang.NewProject(opts.ExtraBands)
	s.proto = protocol.Handler{
		Initialized:                        s.initialized,
		Shutdown:                           s.shutdownRequest,
		CancelRequest:                      s.cancelRequest,
		SetTrace:                           s.setTrace,
		WorkspaceDidChangeWatchedFiles:     s.didChangeWatchedFiles,
		WorkspaceDidChangeConfiguration:    s.didChangeConfiguration,
		WorkspaceDidChangeWorkspaceFolders: s.didChangeWorkspaceFolders,
		TextDocumentDidOpen:                s.didOpen,
		TextDocumentDidChange:              s.didChange,
		TextDocumentDidSave:                s.didSave,
		TextDocumentDidClose:               s.didClose,
		TextDocumentHover:                  s.hover,
		TextDocumentCompletion:             s.completion,
		TextDocumentCodeLens:               s.codeLens,
		TextDocumentCodeAction:             s.codeAction,
		CodeActionResolve:                  s.codeActionResolve,
		TextDocumentFormatting:             s.formatting,
		TextDocumentDocumentSymbol:         s.documentSymbol,
		TextDocumentDefinition:             s.definition,
		TextDocumentReferences:             s.references,
		TextDocumentPrepareRename:          s.prepareRename,
		TextDocumentRename:                 s.rename,
		TextDocumentDocumentHighlight:      s.documentHighlight,
		TextDocumentFoldingRange:           s.foldingRange,
		TextDocumentSelectionRange:         s.selectionRange,
		TextDocumentSemanticTokensFull:     s.semanticTokensFull,
		TextDocumentSemanticTokensRange:    s.semanticTokensRange,
		WorkspaceSymbol:                    s.workspaceSymbol,
		WorkspaceExecuteCommand:            s.executeCommand,
	}
	return s
}

// Methods of LSP 3.17 that protocol_3_16 does not know.
const (
	methodInlayHint        = "textDocument/inlayHint"
	methodInlayHintRefresh = "workspace/inlayHint/refresh"
)

// Handle serves one message: initialize and the 3.17 methods here, the
// rest through glsp's protocol_3_16 handler. Every message but initialize
// is refused with errNotInitialized until initialize has succeeded (and
// again after shutdown): the server decides that itself, so that the error
// is known by its value rather than by the text of glsp's own refusal.
func (s *Server) Handle(ctx *glsp.Context) (result any, validMethod, validParams bool, err error) {
	if ctx.Method != protocol.MethodInitialize && !s.proto.IsInitialized() {
		return nil, true, true, errNotInitialized
	}
	switch ctx.Method {
	case protocol.MethodInitialize:
		if s.proto.IsInitialized() {
			return nil, true, true, errInitializedTwice
		}
		var p initializeParams
		if err := json.Unmarshal(ctx.Params, &p); err != nil {
			return nil, true, false, err
		}
		r, err := s.initialize(&p)
		if err == nil {
			s.proto.SetInitialized(true)
		}
		return r, true, true, err
	case methodDiagnostic:
		var p documentDiagnosticParams
		if err := json.Unmarshal(ctx.Params, &p); err != nil {
			return nil, true, false, err
		}
		r, err := s.pullDiagnostics(&p) // pulldiagnostics.go
		return r, true, true, err
	case methodInlayHint:
		var p inlayHintParams
		if err := json.Unmarshal(ctx.Params, &p); err != nil {
			return nil, true, false, err
		}
		r, err := s.inlayHint(&p)
		return r, true, true, err
	}
	return s.proto.Handle(ctx)
}

var errInitializedTwice = &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest,
	Message: "offer lsp: the server is already initialized; initialize may be sent only once"}

// capabilities is LSP 3.17's ServerCapabilities: glsp's 3.16 structure
// and the fields 3.17 added.
type capabilities struct {
	protocol.ServerCapabilities
	PositionEncoding   Encoding           `json:"positionEncoding,omitempty"`
	InlayHintProvider  bool               `json:"inlayHintProvider,omitempty"`
	DiagnosticProvider *diagnosticOptions `json:"diagnosticProvider,omitempty"`
}

func (s *Server) capabilities() capabilities {
	yes := true
	sync := protocol.TextDocumentSyncKindIncremental
	var pull *diagnosticOptions
	if s.client.pullDiagnostics {
		pull = &diagnosticOptions{Identifier: "offer", InterFileDependencies: true}
	}
	return capabilities{
		ServerCapabilities: protocol.ServerCapabilities{
			TextDocumentSync: protocol.TextDocumentSyncOptions{
				OpenClose: &yes, Change: &sync, Save: protocol.SaveOptions{IncludeText: new(bool)},
			},
			HoverProvider:              true,
			CompletionProvider:         &protocol.CompletionOptions{TriggerCharacters: []string{"\"", ".", "="}},
			CodeLensProvider:           &protocol.CodeLensOptions{},
			CodeActionProvider:         protocol.CodeActionOptions{ResolveProvider: &yes, CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix, protocol.CodeActionKindRefactor, protocol.CodeActionKindSource, string(kindInsertCounter), string(analysis.SourceDraft)}},
			ExecuteCommandProvider:     &protocol.ExecuteCommandOptions{Commands: []string{analysis.CompareCommand, analysis.TotalsCommand}},
			DocumentFormattingProvider: true,
			DocumentSymbolProvider:     true,
			DefinitionProvider:         true,
			ReferencesProvider:         true,
			RenameProvider:             protocol.RenameOptions{PrepareProvider: &yes},
			DocumentHighlightProvider:  true,
			FoldingRangeProvider:       true,
			SelectionRangeProvider:     true,
			SemanticTokensProvider:     protocol.SemanticTokensOptions{Legend: semanticLegend(), Full: true, Range: true},
			WorkspaceSymbolProvider:    true,
			Workspace: &protocol.ServerCapabilitiesWorkspace{
				WorkspaceFolders: &protocol.WorkspaceFoldersServerCapabilities{Supported: &yes, ChangeNotifications: &protocol.BoolOrString{Value: true}},
			},
		},
		PositionEncoding:   s.enc,
		InlayHintProvider:  true,
		DiagnosticProvider: pull,
	}
}
