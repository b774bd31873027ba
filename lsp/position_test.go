package lsp

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/offerkit/offerkit/lang"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// The line below holds, before the label, an emoji (two UTF-16 units, four
// bytes), a two-byte accent and two three-byte CJK characters; the label
// holds an accent and an emoji.
//
//	/* 😀 Zoë 北京 */ offer "crème_😀" {
//
// UTF-16: "/* " 3, 😀 2 → 5, " Zoë " 5 → 10, 北京 2 → 12, " */ offer " 10 → 22:
// the label starts at 22 and is `"` + crème_ (6) + 😀 (2) + `"` = 10 long → 32.
// UTF-8: "/* " 3, 😀 4 → 7, " Zo" 3, ë 2, " " 1 → 13, 北京 6 → 19, " */ offer " 10 → 29;
// the label is 1 + 7 + 4 + 1 = 13 bytes → 42.
const unicodeDoc = "/* 😀 Zoë 北京 */ offer \"crème_😀\" {\n" +
	"  level    = \"L6\"\n" +
	"  track    = \"SDE\"\n" +
	"  location = \"Seattle\"\n" +
	"  base     = 230000\n" +
	"  /* é😀 */ bsae = 1\n" +
	"  company  = \"Amazon\"\n" +
	"}\n"

func TestMapper(t *testing.T) {
	text := []byte(unicodeDoc)
	for _, tc := range []struct {
		enc        Encoding
		char, byte int
	}{
		{UTF16, 22, 29}, {UTF16, 32, 42}, {UTF16, 5, 7}, {UTF16, 4, 3}, // 4 is inside the surrogate pair: the emoji's start
		{UTF8, 29, 29}, {UTF8, 42, 42}, {UTF8, 5, 3}, // 5 is inside the emoji's bytes
		{UTF16, 1000, strings.IndexByte(unicodeDoc, '\n')}, // past the end of the line: its end
	} {
		m := newMapper(text, tc.enc)
		if got := m.offset(pos(0, tc.char)); got != tc.byte {
			t.Errorf("%s: character %d → byte %d, want %d", tc.enc, tc.char, got, tc.byte)
		}
	}
	for _, enc := range []Encoding{UTF16, UTF8} {
		m := newMapper(text, enc)
		for off := 0; off <= len(text); off++ {
			if text[min(off, len(text)-1)]&0xC0 == 0x80 {
				continue // not a rune boundary
			}
			if back := m.offset(m.position(off)); back != off {
				t.Errorf("%s: byte %d → %v → byte %d", enc, off, m.position(off), back)
			}
		}
		if p := m.position(len(text)); p != pos(8, 0) {
			t.Errorf("%s: end of text at %v", enc, p)
		}
		if got := m.offset(pos(99, 0)); got != len(text) {
			t.Errorf("%s: line past the end → %d", enc, got)
		}
	}
	// A line with CRLF: the line ends before the CR (LSP's line length
	// excludes the line ending), so a character past the end cannot split
	// the CRLF, and the CR's offset and the LF's are both the line's end.
	m := newMapper([]byte("a\r\nb"), UTF16)
	if m.offset(pos(1, 0)) != 3 || m.position(3) != pos(1, 0) {
		t.Error("CRLF line starts")
	}
	if m.offset(pos(0, 1)) != 1 || m.offset(pos(0, 5)) != 1 || m.position(1) != pos(0, 1) || m.position(2) != pos(0, 1) {
		t.Errorf("CRLF line end: %d %d %v %v", m.offset(pos(0, 1)), m.offset(pos(0, 5)), m.position(1), m.position(2))
	}
	// An invalid byte counts as one unit.
	m = newMapper([]byte("\xffab"), UTF16)
	if m.offset(pos(0, 1)) != 1 || m.position(3) != pos(0, 3) {
		t.Error("invalid UTF-8")
	}
}

func TestUnicodePositions(t *testing.T) {
	for _, tc := range []struct {
		enc                             Encoding
		caps                            map[string]any
		labelStart, labelEnd, insertAt  int
		bsaeStart, bsaeEnd, hoverInside int
	}{
		{UTF16, nil, 22, 32, 31, 12, 16, 30},
		{UTF8, map[string]any{"general": map[string]any{"positionEncodings": []string{"utf-8", "utf-16"}}}, 29, 42, 41, 15, 19, 38},
	} {
		t.Run(string(tc.enc), func(t *testing.T) {
			c := start(t, "", tc.caps)
			if c.srv.enc != tc.enc {
				t.Fatalf("negotiated %s", c.srv.enc)
			}
			uri := c.open(filepath.Join(t.TempDir(), "u.offer.hcl"), unicodeDoc)
			got := strings.Join(published(c.waitDiags(uri, 1)), "\n")
			label := rng(0, tc.labelStart, 0, tc.labelEnd)
			for _, want := range []string{
				// The year-1 total is 230,000, the low end of the band: p0.
				fmtRange(label) + " 3 below-median",
				fmtRange(rng(5, tc.bsaeStart, 5, tc.bsaeEnd)) + " 1 unknown-attribute",
			} {
				if !strings.Contains(got, want) {
					t.Errorf("no %q in\n%s", want, got)
				}
			}
			var hover protocol.Hover
			c.call("textDocument/hover", map[string]any{"textDocument": doc(uri), "position": pos(0, tc.hoverInside)}, &hover)
			if hover.Range == nil || *hover.Range != label {
				t.Errorf("hover range %+v, want %+v", hover.Range, label)
			}
			var hints []inlayHint
			c.call("textDocument/inlayHint", map[string]any{"textDocument": doc(uri), "range": rng(0, 0, 7, 0)}, &hints)
			if len(hints) != 4 || hints[0].Position != pos(0, tc.labelEnd+2) || hints[3].Position != pos(0, tc.labelEnd+2) {
				t.Errorf("hint at the end of the header line: %+v", hints)
			}
			// Insert "x" after the emoji inside the label.
			c.change(uri, 2, rng(0, tc.insertAt, 0, tc.insertAt), "x")
			got = strings.Join(published(c.waitDiags(uri, 2)), "\n")
			if want := fmtRange(rng(0, tc.labelStart, 0, tc.labelEnd+1)) + " 3 below-median"; !strings.Contains(got, want) {
				t.Errorf("after the edit: no %q in\n%s", want, got)
			}
			var syms []protocol.DocumentSymbol
			c.call("textDocument/documentSymbol", map[string]any{"textDocument": doc(uri)}, &syms)
			if len(syms) != 1 || syms[0].Name != "crème_😀x" {
				t.Errorf("symbols after the edit: %+v", syms)
			}
		})
	}
}

func fmtRange(r protocol.Range) string {
	p := published(pubDiags{Diagnostics: []struct {
		Range    protocol.Range `json:"range"`
		Severity int            `json:"severity"`
		Code     string         `json:"code"`
		Source   string         `json:"source"`
		Message  string         `json:"message"`
	}{{Range: r, Source: "offer"}}})
	return strings.SplitN(p[0], " ", 2)[0]
}

// columnsLine holds, before a comment whose range the server reports, a
// letter with a combining accent (e + U+0301) and an emoji.
const columnsLine = "  company = \"Ame\u0301zon \U0001F680\" # offer:ignore below-band for Ame\u0301zon \U0001F680"

// TestMapperColumns: the hcl.Pos the server hands lang counts columns as
// lang (and HCL) does, grapheme clusters, at every offset of the line.
func TestMapperColumns(t *testing.T) {
	text := []byte("offer \"o\" {\r\n" + columnsLine + "\r\n}\r\n")
	for _, enc := range []Encoding{UTF16, UTF8} {
		m := newMapper(text, enc)
		for off := 0; off <= len(text); off++ {
			if off < len(text) && text[off]&0xC0 == 0x80 {
				continue // not a rune boundary
			}
			back := m.offset(m.position(off))
			if got, want := m.hclPos(m.position(off)), lang.PosAt(text, back); got != want {
				t.Errorf("%s: byte %d → %+v, lang says %+v", enc, off, got, want)
			}
		}
	}
}

// TestServerColumns: over the real server, the comment after the accent
// and the emoji is reported at its UTF-16 place. "  company = " is 12
// units and the string 12 ("Ame" 3, the accent 1, "zon " 4, the rocket 2,
// two quotes), so the comment starts at 25; it is 40 units long ("# offer:
// ignore below-band for " 30, "Ame" and its accent 4, "zon " 4, the rocket 2).
func TestServerColumns(t *testing.T) {
	dir := t.TempDir()
	c := start(t, dir, map[string]any{})
	uri := c.open(filepath.Join(dir, "a.offer.hcl"), "offer \"o\" {\n"+columnsLine+"\n  base = 1\n}\n")
	p := c.waitDiags(uri, 1)
	found := false
	for _, d := range p.Diagnostics {
		if d.Code == "unused-ignore" {
			found = true
			if d.Range != rng(1, 25, 1, 65) {
				t.Errorf("unused-ignore at %+v, want 1:25-1:65", d.Range)
			}
		}
	}
	if !found {
		t.Fatalf("no unused-ignore: %+v", p.Diagnostics)
	}
}
