package lsp

import (
	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/analysis"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// maxWorkspaceSymbols bounds a workspace/symbol reply.
const maxWorkspaceSymbols = 500

// workspaceSymbol finds offers, counters and bands by name in every
// folder's files (open documents as the editor has them), after the
// workspace is loaded.
func (s *Server) workspaceSymbol(_ *glsp.Context, p *protocol.WorkspaceSymbolParams) ([]protocol.SymbolInformation, error) {
	s.waitLoaded()
	out := []protocol.SymbolInformation{}
	for _, ws := range s.project.Workspaces() {
		files := ws.Files()
		byName := map[string]*lang.File{}
		for _, f := range files {
			byName[f.Name] = f
		}
		maps := map[string]*mapper{} // one per file with a match
		for _, b := range analysis.WorkspaceSymbols(files, p.Query, maxWorkspaceSymbols-len(out)) {
			name := b.Range.Filename
			m := maps[name]
			if m == nil {
				m = newMapper(byName[name].Src, s.enc)
				maps[name] = m
			}
			uri := nameToURI(name)
			if d := s.docs.named(name); d != nil {
				uri = d.uri
			}
			container := b.Container
			out = append(out, protocol.SymbolInformation{Name: b.Name, Kind: symbolKind(b.Kind),
				Location: protocol.Location{URI: uri, Range: m.protoRange(b.Range)}, ContainerName: &container})
		}
		if len(out) >= maxWorkspaceSymbols {
			break
		}
	}
	return out, nil
}
