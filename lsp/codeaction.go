package lsp

import (
	"strings"

	"github.com/offerkit/offerkit/lang/analysis"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// kindInsertCounter is the code action kind of "Insert counter-proposal".
const kindInsertCounter = analysis.SourceInsertCounter

func (s *Server) codeAction(_ *glsp.Context, p *protocol.CodeActionParams) (any, error) {
	snap, err := s.snapshot(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	out := []protocol.CodeAction{}
	for _, a := range analysis.WorkspaceActions(snap.doc.ws, snap.res, snap.m.hclRange(snap.doc.name, p.Range)) {
		kind := string(a.Kind)
		if !wanted(p.Context.Only, kind) {
			continue
		}
		ca := protocol.CodeAction{Title: a.Title, Kind: &kind,
			Edit: &protocol.WorkspaceEdit{Changes: map[protocol.DocumentUri][]protocol.TextEdit{snap.doc.uri: textEdits(a.Edits, snap.m)}}}
		if a.Diag != nil {
			ca.Diagnostics = []protocol.Diagnostic{convertDiagnostic(a.Diag, snap.m)}
			preferred := a.Preferred
			ca.IsPreferred = &preferred
		}
		out = append(out, ca)
	}
	return out, nil
}

// wanted applies the client's filter: a kind matches itself and its
// sub-kinds ("source" matches "source.insertCounter").
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
