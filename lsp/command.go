package lsp

import (
	"fmt"

	"github.com/offerkit/offerkit/lang/analysis"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// executeCommand runs the commands the code lenses carry. offer.compare
// takes a file name and returns the side-by-side table of the offers of
// its workspace, as Markdown.
func (s *Server) executeCommand(_ *glsp.Context, p *protocol.ExecuteCommandParams) (any, error) {
	switch p.Command {
	case analysis.CompareCommand:
		if len(p.Arguments) != 1 {
			return nil, fmt.Errorf("%s takes one argument, a file name", p.Command)
		}
		name, ok := p.Arguments[0].(string)
		if !ok {
			return nil, fmt.Errorf("%s takes a file name", p.Command)
		}
		return analysis.CompareMarkdown(s.project.Workspace(name)), nil
	}
	return nil, fmt.Errorf("unknown command %q", p.Command)
}
