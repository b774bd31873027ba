package lsp

import (
	"fmt"

	"github.com/offerkit/offerkit/lang"
	"github.com/offerkit/offerkit/lang/analysis"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// executeCommand runs the commands the code lenses carry. offer.compare
// takes a file name and returns the side-by-side table of the offers of
// its workspace, as Markdown; a client that does not show it itself
// (initializationOptions.compareView) also gets it as a message, in plain
// text. offer.totals, the totals lens's command, does nothing.
func (s *Server) executeCommand(_ *glsp.Context, p *protocol.ExecuteCommandParams) (any, error) {
	switch p.Command {
	case analysis.TotalsCommand:
		return nil, nil
	case analysis.CompareCommand:
		if len(p.Arguments) != 1 {
			return nil, fmt.Errorf("%s takes one argument, a file name", p.Command)
		}
		name, ok := p.Arguments[0].(string)
		if !ok {
			return nil, fmt.Errorf("%s takes a file name", p.Command)
		}
		ws := s.project.Hold(name) // not kept when it holds no file
		defer s.project.Release(name)
		if err := s.settle(ws); err != nil {
			return nil, err
		}
		md := s.overviews.of(ws).CompareMarkdown() // the kept comparison (figcache.go)
		if !s.client.compareView {
			s.notify(protocol.ServerWindowShowMessage, protocol.ShowMessageParams{Type: protocol.MessageTypeInfo, Message: analysis.PlainText(md)})
		}
		return md, nil
	}
	return nil, fmt.Errorf("unknown command %q", p.Command)
}

// settle waits until every document open in ws has been analysed in its
// current text, so that a command run right after didOpen or didChange
// answers from the editor's text, not from the files on disk.
func (s *Server) settle(ws *lang.Workspace) error {
	s.waitLoaded() // progress.go
	for _, d := range s.docs.all() {
		if d.ws != ws {
			continue
		}
		if _, err := s.snapshot(d.uri); err != nil && !d.isClosedNow() {
			return err
		}
	}
	return nil
}
