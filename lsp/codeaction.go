package lsp

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/offerkit/offerkit/lang/analysis"
	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file serves textDocument/codeAction and codeAction/resolve. The
// actions that write text (analysis.Action.Lazy: a counter-proposal,
// scripts, emails) are sent without their edit, to be resolved when the
// user picks one, if the client can resolve a code action's edit
// (codeAction.resolveSupport.properties holds "edit"); to other clients
// they are sent with it.

// kindInsertCounter is the code action kind of "Insert counter-proposal".
const kindInsertCounter = analysis.RefactorInsertCounter

// actionData is what a lazy action carries to codeAction/resolve: the
// document, its version and the range the action was offered for.
type actionData struct {
	URI     protocol.DocumentUri `json:"uri"`
	Version protocol.Integer     `json:"version"`
	Range   protocol.Range       `json:"range"`
}

func (s *Server) codeAction(_ *glsp.Context, p *protocol.CodeActionParams) (any, error) {
	return withSnapshot(s, p.TextDocument.URI, func(snap *snapshot) (any, error) {
		out := []protocol.CodeAction{}
		for _, a := range s.actionsFor(snap, p) {
			kind := string(a.Kind)
			if !wanted(p.Context.Only, kind) {
				continue
			}
			if a.Lazy() && !s.client.resolveEdit && a.Resolve() != nil {
				continue
			}
			ca := protocol.CodeAction{Title: a.Title, Kind: &kind}
			if a.Lazy() {
				ca.Data = actionData{URI: snap.doc.uri, Version: snap.version, Range: p.Range}
			} else {
				ca.Edit = workspaceEdit(snap, a.Edits)
			}
			if a.Diag != nil {
				ca.Diagnostics = []protocol.Diagnostic{convertDiagnostic(a.Diag, snap.m)}
				preferred := a.Preferred
				ca.IsPreferred = &preferred
			}
			out = append(out, ca)
		}
		return out, nil
	})
}

// actionsFor returns the actions at the request's range and the quick fixes
// of the diagnostics the client lists in its context: a client asks with
// the cursor's position and the diagnostics it deems near it (Neovim: those
// of the cursor's line; VS Code: the nearest on the line), and a diagnostic's
// fix is wanted there even when the cursor is beside its range.
func (s *Server) actionsFor(snap *snapshot, p *protocol.CodeActionParams) []analysis.Action {
	actions := analysis.WorkspaceActions(snap.doc.ws, snap.res, snap.m.hclRange(snap.doc.name, p.Range))
	offered := map[string]bool{}
	for _, a := range actions {
		offered[a.Title] = true
	}
	for _, d := range p.Context.Diagnostics {
		if d.Source == nil || *d.Source != source { // another server's
			continue
		}
		for _, a := range analysis.FixActions(snap.res, snap.m.hclRange(snap.doc.name, d.Range)) {
			if !offered[a.Title] {
				offered[a.Title] = true
				actions = append(actions, a)
			}
		}
	}
	return actions
}

// codeActionResolve computes the edit of a lazy action: the actions at the
// range it was offered for are listed again, from the same version of the
// document, and the one with its title and kind is resolved.
func (s *Server) codeActionResolve(_ *glsp.Context, ca *protocol.CodeAction) (*protocol.CodeAction, error) {
	var data actionData
	raw, _ := json.Marshal(ca.Data)
	if err := json.Unmarshal(raw, &data); err != nil || data.URI == "" {
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams,
			Message: "offer lsp: this code action carries no data to resolve it by; send it as textDocument/codeAction returned it"}
	}
	snap, err := s.snapshot(data.URI)
	if err != nil {
		return nil, err
	}
	if snap.version != data.Version {
		return nil, errors.New("offer lsp: the document changed since this code action was offered; ask for code actions again")
	}
	for _, a := range analysis.WorkspaceActions(snap.doc.ws, snap.res, snap.m.hclRange(snap.doc.name, data.Range)) {
		if a.Title != ca.Title || ca.Kind != nil && string(a.Kind) != *ca.Kind {
			continue
		}
		if err := a.Resolve(); err != nil {
			return nil, errors.New("offer lsp: " + err.Error())
		}
		ca.Edit = workspaceEdit(snap, a.Edits)
		return ca, nil
	}
	return nil, errors.New("offer lsp: the code action " + ca.Title + " no longer applies; ask for code actions again")
}

// workspaceEdit wraps edits of the snapshot's document.
func workspaceEdit(snap *snapshot, edits []analysis.Edit) *protocol.WorkspaceEdit {
	return &protocol.WorkspaceEdit{Changes: map[protocol.DocumentUri][]protocol.TextEdit{snap.doc.uri: textEdits(edits, snap.m)}}
}

// wanted applies the client's filter: a kind matches itself and its
// sub-kinds ("refactor" matches "refactor.insertCounter").
func wanted(only []protocol.CodeActionKind, kind string) bool {
	if len(only) == 0 {
		return true
	}
	for _, o := range only {
		if kind == o || strings.HasPrefix(kind, o+".") {
			return true
		}
	}
	return false
}
