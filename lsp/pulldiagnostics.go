package lsp

import (
	"encoding/json"
	"fmt"
	"hash/fnv"

	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/analysis"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file serves pull diagnostics (LSP 3.17's textDocument/diagnostic,
// which glsp's protocol_3_16 does not know; its types are defined here).
// A client pulls when it supports textDocument/diagnostic and prefers it
// (initializationOptions.pullDiagnostics): the server then declares
// diagnosticProvider and stops publishing, and asks the client to pull
// again (workspace/diagnostic/refresh, when supported) when another file's
// change or the checklist changes a document's diagnostics. Other clients
// keep published diagnostics: a client that gets both would show each
// diagnostic twice. The request is answered for any client.

const (
	methodDiagnostic        = "textDocument/diagnostic"
	methodDiagnosticRefresh = "workspace/diagnostic/refresh"
)

// diagnosticOptions is LSP 3.17's DiagnosticOptions.
type diagnosticOptions struct {
	Identifier            string `json:"identifier,omitempty"`
	InterFileDependencies bool   `json:"interFileDependencies"`
	WorkspaceDiagnostics  bool   `json:"workspaceDiagnostics"`
}

// documentDiagnosticParams is LSP 3.17's DocumentDiagnosticParams.
type documentDiagnosticParams struct {
	TextDocument     protocol.TextDocumentIdentifier `json:"textDocument"`
	Identifier       *string                         `json:"identifier,omitempty"`
	PreviousResultID *string                         `json:"previousResultId,omitempty"`
}

// documentDiagnosticReport is a full or an unchanged report: Items is
// left out of an unchanged one.
type documentDiagnosticReport struct {
	Kind     string            `json:"kind"` // "full" or "unchanged"
	ResultID string            `json:"resultId"`
	Items    *[]wireDiagnostic `json:"items,omitempty"`
}

// pullDiagnostics answers a document's diagnostics as they would be
// published (the analysis of its current text, with its checklist items).
// The result id is a hash of the report, so a client that sends the id of
// what it shows gets "unchanged" until the diagnostics change.
func (s *Server) pullDiagnostics(p *documentDiagnosticParams) (*documentDiagnosticReport, error) {
	return withSnapshot(s, p.TextDocument.URI, func(snap *snapshot) (*documentDiagnosticReport, error) {
		d := snap.doc
		d.mu.Lock()
		diags := append(append(lang.Diagnostics{}, analysis.Diagnostics(snap.res)...), d.checklist...)
		d.mu.Unlock()
		items := convertDiagnostics(diags, snap.m)
		encoded, err := json.Marshal(items)
		if err != nil {
			return nil, err
		}
		h := fnv.New64a()
		h.Write(encoded)
		id := fmt.Sprintf("%016x", h.Sum64())
		if p.PreviousResultID != nil && *p.PreviousResultID == id {
			return &documentDiagnosticReport{Kind: "unchanged", ResultID: id}, nil
		}
		return &documentDiagnosticReport{Kind: "full", ResultID: id, Items: &items}, nil
	})
}

// diagnosticRefresh asks a pulling client to pull again, when it can be
// asked.
func (s *Server) diagnosticRefresh() {
	if s.client.pullDiagnostics && s.client.diagnosticRefresh {
		s.call(methodDiagnosticRefresh, nil)
	}
}
