package lsp

import (
	"bytes"

	"github.com/offerkit/offerkit/lang"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// formatting applies lang.Format, the canonical layout the CLI writes, as
// one edit covering only the span that changes. A file that does not parse
// is left alone (no edits); its diagnostics say why.
func (s *Server) formatting(_ *glsp.Context, p *protocol.DocumentFormattingParams) ([]protocol.TextEdit, error) {
	return withSnapshot(s, p.TextDocument.URI, func(snap *snapshot) ([]protocol.TextEdit, error) {
		src := snap.m.text
		var out []byte
		var diags lang.Diagnostics
		if snap.res != nil && snap.res.File != nil && bytes.Equal(snap.res.File.Src, src) {
			out, diags = lang.FormatFile(snap.res.File) // reuses the analysis's parse
		} else {
			out, diags = lang.Format(snap.doc.name, src)
		}
		if diags.HasErrors() {
			return []protocol.TextEdit{}, nil
		}
		pre := 0
		for pre < len(src) && pre < len(out) && src[pre] == out[pre] {
			pre++
		}
		if pre == len(src) && pre == len(out) {
			return []protocol.TextEdit{}, nil
		}
		suf := 0
		for suf < len(src)-pre && suf < len(out)-pre && src[len(src)-1-suf] == out[len(out)-1-suf] {
			suf++
		}
		// LSP positions cannot fall between a CR and its LF: widen the edit
		// by that byte on either side (the bytes are equal in both texts).
		if pre > 0 && pre < len(src) && src[pre-1] == '\r' && src[pre] == '\n' {
			pre--
		}
		if end := len(src) - suf; suf > 0 && end > 0 && src[end-1] == '\r' && src[end] == '\n' {
			suf--
		}
		rng := protocol.Range{Start: snap.m.position(pre), End: snap.m.position(len(src) - suf)}
		return []protocol.TextEdit{{Range: rng, NewText: string(out[pre : len(out)-suf])}}, nil
	})
}
