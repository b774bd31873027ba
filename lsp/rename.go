package lsp

import (
	"github.com/offerkit/offerkit/lang/analysis"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// This file serves textDocument/prepareRename and textDocument/rename: an
// offer's or a counter's name, renamed in every file of its directory
// (analysis.Rename). Files open in the editor are edited at the version
// the server checked; files not open are edited as they are on disk.

// prepareRename answers the name under the cursor and its range, or null
// anywhere else (the client then says there is nothing to rename).
func (s *Server) prepareRename(_ *glsp.Context, p *protocol.PrepareRenameParams) (any, error) {
	return withSnapshot(s, p.TextDocument.URI, func(snap *snapshot) (any, error) {
		n, ok := analysis.NameAt(snap.res.File, snap.m.hclPos(p.Position))
		if !ok {
			return nil, nil
		}
		return protocol.RangeWithPlaceholder{Range: snap.m.protoRange(n.Range), Placeholder: n.Name}, nil
	})
}

func (s *Server) rename(_ *glsp.Context, p *protocol.RenameParams) (*protocol.WorkspaceEdit, error) {
	return withSnapshot(s, p.TextDocument.URI, func(snap *snapshot) (*protocol.WorkspaceEdit, error) {
		// Every open document of the directory is edited from the text the
		// editor sent last: wait for their analyses too.
		versions := map[string]protocol.Integer{snap.doc.name: snap.version}
		for _, d := range s.docs.all() {
			if d.ws == snap.doc.ws && d != snap.doc {
				other, err := s.snapshot(d.uri)
				if err != nil {
					return nil, err
				}
				versions[d.name] = other.version
			}
		}
		edits, err := analysis.Rename(snap.doc.ws, snap.res.File, snap.m.hclPos(p.Position), p.NewName)
		if err != nil {
			return nil, err
		}
		return s.filesEdit(edits, versions), nil
	})
}

// filesEdit groups edits of several files into one WorkspaceEdit: as
// versioned documentChanges when the client supports them (null version
// for a file that is not open), as changes otherwise.
func (s *Server) filesEdit(edits []analysis.Edit, versions map[string]protocol.Integer) *protocol.WorkspaceEdit {
	byFile := map[string][]analysis.Edit{}
	var order []string
	for _, e := range edits {
		name := e.Range.Filename
		if _, seen := byFile[name]; !seen {
			order = append(order, name)
		}
		byFile[name] = append(byFile[name], e)
	}
	out := &protocol.WorkspaceEdit{}
	if !s.client.documentChanges {
		out.Changes = map[protocol.DocumentUri][]protocol.TextEdit{}
	}
	for _, name := range order {
		f := s.project.File(name)
		if f == nil {
			continue
		}
		uri := nameToURI(name)
		if d := s.docs.named(name); d != nil {
			uri = d.uri
		}
		te := textEdits(byFile[name], newMapper(f.Src, s.enc))
		if !s.client.documentChanges {
			out.Changes[uri] = te
			continue
		}
		id := protocol.OptionalVersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: uri}}
		if v, open := versions[name]; open {
			id.Version = &v
		}
		list := make([]any, len(te))
		for i := range te {
			list[i] = te[i]
		}
		out.DocumentChanges = append(out.DocumentChanges, protocol.TextDocumentEdit{TextDocument: id, Edits: list})
	}
	return out
}
