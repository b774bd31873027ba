package lsp

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/analysis"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file converts lang and analysis values into protocol values.

// source names offerkit as the producer of its diagnostics.
const source = "offer"

func severity(s engine.Severity) protocol.DiagnosticSeverity {
	switch s {
	case engine.Error:
		return protocol.DiagnosticSeverityError
	case engine.Warning:
		return protocol.DiagnosticSeverityWarning
	case engine.Info:
		return protocol.DiagnosticSeverityInformation
	}
	return protocol.DiagnosticSeverityHint
}

// convertDiagnostic carries the same code, severity, range and message as
// `offer lint`.
func convertDiagnostic(d *lang.Diagnostic, m *mapper) protocol.Diagnostic {
	sev := severity(d.Severity)
	src := source
	return protocol.Diagnostic{
		Range:    m.protoRange(d.Subject),
		Severity: &sev,
		Code:     &protocol.IntegerOrString{Value: d.Code},
		Source:   &src,
		Message:  d.Message(),
	}
}

// publication is the params of textDocument/publishDiagnostics as offerkit
// sends them. Its diagnostics are protocol.Diagnostic with the fields
// offerkit fills and a code that is always a string: glsp's
// IntegerOrString marshaler, which the JSON encoder calls and then
// re-checks for every diagnostic, was most of the cost of publishing a
// large file's diagnostics.
type publication struct {
	URI         protocol.DocumentUri `json:"uri"`
	Version     *protocol.UInteger   `json:"version,omitempty"`
	Diagnostics []wireDiagnostic     `json:"diagnostics"`
}

type wireDiagnostic struct {
	Range    protocol.Range              `json:"range"`
	Severity protocol.DiagnosticSeverity `json:"severity"`
	Code     string                      `json:"code"`
	Source   string                      `json:"source"`
	Message  string                      `json:"message"`
}

// convertDiagnostics converts diagnostics for publication; see
// convertDiagnostic.
func convertDiagnostics(ds lang.Diagnostics, m *mapper) []wireDiagnostic {
	out := make([]wireDiagnostic, 0, len(ds))
	for _, d := range ds {
		out = append(out, wireDiagnostic{Range: m.protoRange(d.Subject), Severity: severity(d.Severity),
			Code: d.Code, Source: source, Message: d.Message()})
	}
	return out
}

func textEdits(edits []analysis.Edit, m *mapper) []protocol.TextEdit {
	out := make([]protocol.TextEdit, 0, len(edits))
	for _, e := range edits {
		out = append(out, protocol.TextEdit{Range: m.protoRange(e.Range), NewText: e.NewText})
	}
	return out
}

// location converts a range of any file of the workspace, using the text
// lang decoded it from.
func (s *Server) location(r hcl.Range) (protocol.Location, bool) {
	f := s.project.File(r.Filename)
	if f == nil {
		return protocol.Location{}, false
	}
	uri := nameToURI(r.Filename)
	if d := s.docs.named(r.Filename); d != nil {
		uri = d.uri
	}
	return protocol.Location{URI: uri, Range: newMapper(f.Src, s.enc).protoRange(r)}, true
}

func (s *Server) locations(rs []hcl.Range) []protocol.Location {
	out := []protocol.Location{}
	for _, r := range rs {
		if l, ok := s.location(r); ok {
			out = append(out, l)
		}
	}
	return out
}

func symbolKind(k analysis.SymbolKind) protocol.SymbolKind {
	switch k {
	case analysis.SymbolOffer:
		return protocol.SymbolKindClass
	case analysis.SymbolCounter:
		return protocol.SymbolKindEvent
	case analysis.SymbolCandidate:
		return protocol.SymbolKindObject
	case analysis.SymbolBandData:
		return protocol.SymbolKindStruct
	case analysis.SymbolBlock:
		return protocol.SymbolKindNamespace
	}
	return protocol.SymbolKindProperty
}

func completionKind(k analysis.CompletionKind) protocol.CompletionItemKind {
	switch k {
	case analysis.CompleteBlock:
		return protocol.CompletionItemKindModule
	case analysis.CompleteAttribute:
		return protocol.CompletionItemKindProperty
	case analysis.CompleteReference:
		return protocol.CompletionItemKindReference
	}
	return protocol.CompletionItemKindValue
}

func markdown(s string) protocol.MarkupContent {
	return protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: s}
}
