package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/offerkit/offerkit/lang"
	"github.com/sourcegraph/jsonrpc2"
)

// FuzzServer drives the real server over a pipe with a sequence of
// messages the fuzz input chooses: opens, incremental and whole changes
// (random ranges and text, multi-byte characters, CRLF, ranges past the end
// of the document, negative and huge positions, wrong versions), saves,
// closes and every request the server answers about a document. It asserts
// that
//
//   - every request is answered within fuzzWait, with a result or with
//     Invalid Params (-32602, for negative or out-of-range numbers) or
//     Request Failed (-32803, for a document that is not open): an
//     internal error (a panic) or a hang is a finding;
//   - the server's text of each document is what LSP's rules make of the
//     changes, computed here independently of the server's mapper;
//   - every position in a reply, and in the last diagnostics of each
//     document, lies inside the document and on a character boundary;
//   - formatting edits turn the text into exactly what lang.Format makes;
//   - nothing is logged about a panic, and at the end the server still
//     answers, shuts down and exits with status 0.
//
// Run it with
//
//	go test ./lsp -run '^$' -fuzz FuzzServer -fuzztime 10m -parallel 1
//
// Crashers go to testdata/fuzz/FuzzServer and stay there as regression seeds.
func FuzzServer(f *testing.F) {
	tour := []byte{
		0x00, 0x00, // open document 0 with the input text
		0x05, 0x00, 0x01, 0x05, // hover
		0x06, 0x00, 0x03, 0x00, // completion
		0x07, 0x00, 0x01, 0x02, 0x01, 0x08, 0x00, // code action
		0x08, 0x00, 0x00, 0x00, 0x40, 0x00, // inlay hints
		0x09, 0x00, 0x0a, 0x00, 0x0b, 0x00, // lenses, formatting, symbols
		0x0c, 0x00, 0x02, 0x10, 0x0d, 0x00, 0x01, 0x09, 0x01, // definition, references
		0x01, 0x00, 0x02, 0x01, 0x02, 0x01, 0x04, 0x09, 0x09, // a change with an emoji
		0x05, 0x00, 0x01, 0x05, 0x0e, 0x00, // hover, close
	}
	churn := []byte{
		0x00, 0x01, 0x01, 0x00, 0xa1, 0x03, 0x00, 0x05, 0x1f, 0x09, // open the counter, change past the end
		0x02, 0x01, 0xc0, 0xc1, 0x03, 0x04, 0x01, 0x0b, 0x0c, // negative positions
		0x01, 0x01, 0xb0, 0x00, 0x02, 0x00, 0x01, 0x14, // huge positions
		0x04, 0x01, 0x05, 0x02, 0x03, // whole text, wrong version
		0x0f, 0x01, 0x10, 0x01, 0x0a, 0x01, 0x0b, 0x01,
	}
	ex, _ := filepath.Glob(filepath.Join("..", "examples", "*", "*.hcl"))
	for _, name := range ex {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src), tour)
		f.Add(string(src), churn)
	}
	// Open the input as document 0 and format it: files with mixed line
	// endings, which formatting evens out.
	format := []byte{0x00, 0x00, 0x00, 0x00, 0x0a, 0x00}
	for _, text := range []string{
		"offer \"o\" {\n  base = 1\r\n}\n",
		"offer \"o\" {\r\n  base = 1\n}\r\n",
		"offer \"o\" {\n  base=1\r\n  level = \"L6\"\n}\n",
	} {
		f.Add(text, format)
	}
	f.Fuzz(func(t *testing.T, text string, ops []byte) {
		fuzzSession(t, text, ops)
	})
}

// fuzzWait bounds every wait for the server.
const fuzzWait = 5 * time.Second

// maxFuzzOps bounds one session.
const maxFuzzOps = 48

// fuzzFragments are the pieces inserted text is made of.
var fuzzFragments = []string{
	"", "\n", "\r\n", "\r", " ", "\t", "{", "}", "\"", "=", "#", "//", "/*", "*/", "[", "]", "(", ")", ",", "\\",
	"é", "€", "😀", "北京", "e\u0301", "\ufeff", "\x00", "\U0010ffff",
	"offer \"x\" {\n", "counter \"c\" {\n  offer = offer.amazon_l6\n", "base = 195000\n", "base = 230000\n",
	"sign_on {\n  year1 = 110000\n}\n", "equity {\n  value = 400000\n  schedule = \"amazon\"\n}\n",
	"equity {\n  shares = 100\n  price = 0.5\n}\n", "level = \"L6\"\n", "location = \"Seattle\"\n",
	"candidate {\n  walk_away = 300000\n  target_percentile = 75\n}\n", "band \"SDE\" \"L6\" \"Seattle\" {\n",
	"schedule = \"amazon\"", "1e400", "-1", "0.5", "${", "%{", "<<EOF\n", "EOF\n", "true", "null",
	"offer = offer.", "round = 2\n", "script \"base\" {\n", "email \"round1\" {\n", "# offer:ignore cliff\n",
}

// fuzzDocs are the documents a session works on: two names of the example
// workspace (on disk), a new offer file, a band file and a buffer that was
// never saved.
var fuzzDocs = []string{"offer.offer.hcl", "round1.offer.hcl", "new.offer.hcl", "extra.bands.hcl", "untitled:Untitled-1"}

// fuzzInput reads the fuzz input byte by byte, then zeros.
type fuzzInput struct {
	b []byte
	i int
}

func (in *fuzzInput) done() bool { return in.i >= len(in.b) }

func (in *fuzzInput) next() int {
	if in.i >= len(in.b) {
		return 0
	}
	in.i++
	return int(in.b[in.i-1])
}

// session is one fuzz run's client and its model of the documents.
type session struct {
	t     *testing.T
	c     *client
	enc   Encoding
	dir   string
	input string
	in    *fuzzInput
	uris  []string
	open  map[string]string // uri → the text the server must hold
	vers  map[string]int
}

func fuzzSession(t *testing.T, text string, ops []byte) {
	dir := t.TempDir()
	for _, name := range []string{"offer.offer.hcl", "round1.offer.hcl"} {
		src, err := os.ReadFile(filepath.Join("..", "examples", "amazon-l6-seattle", name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name), src, 0o644)
	}
	in := &fuzzInput{b: ops}
	s := &session{t: t, dir: dir, input: text, in: in, open: map[string]string{}, vers: map[string]int{}}
	for _, d := range fuzzDocs {
		if strings.Contains(d, ":") {
			s.uris = append(s.uris, d)
		} else {
			s.uris = append(s.uris, nameToURI(filepath.Join(dir, d)))
		}
	}
	s.c = newClient(t, nil)
	caps := map[string]any{}
	s.enc = UTF16
	if len(ops) > 0 && ops[0]&0x80 != 0 {
		caps["general"] = map[string]any{"positionEncodings": []string{"utf-8", "utf-16"}}
		s.enc = UTF8
	}
	if len(ops) > 0 && ops[0]&0x40 != 0 {
		caps["textDocument"] = map[string]any{"completion": map[string]any{"completionItem": map[string]any{"snippetSupport": true}}}
	}
	var res struct {
		Capabilities struct {
			PositionEncoding string `json:"positionEncoding"`
		} `json:"capabilities"`
	}
	raw := s.request("initialize", map[string]any{"processId": nil, "rootUri": nameToURI(dir), "capabilities": caps}, "")
	if err := json.Unmarshal(raw, &res); err != nil || res.Capabilities.PositionEncoding != string(s.enc) {
		t.Fatalf("initialize: %s", raw)
	}
	s.notify("initialized", map[string]any{})

	for n := 0; !in.done() && n < maxFuzzOps; n++ {
		s.step()
	}

	// Every open document: its analysis is current, its text is the
	// model's, and its last diagnostics lie inside it.
	for _, uri := range s.uris {
		if _, ok := s.open[uri]; ok {
			s.request("textDocument/documentSymbol", map[string]any{"textDocument": doc(uri)}, uri)
		}
	}
	last := map[string]pubDiags{}
	for drained := false; !drained; {
		select {
		case p := <-s.c.diags:
			last[p.URI] = p
		default:
			drained = true
		}
	}
	for uri, text := range s.open {
		if p, ok := last[uri]; ok {
			for _, d := range p.Diagnostics {
				s.checkRange(uri, text, int(d.Range.Start.Line), int(d.Range.Start.Character), int(d.Range.End.Line), int(d.Range.End.Character), "diagnostic "+d.Code)
			}
		}
	}
	if log := s.c.log.String(); strings.Contains(log, "panic") {
		t.Fatalf("the server logged a panic:\n%s", log)
	}
	// Still alive: it shuts down and exits cleanly.
	s.request("shutdown", nil, "")
	s.notify("exit", nil)
	select {
	case code := <-s.c.exit:
		if code != 0 {
			t.Fatalf("exit after shutdown: status %d", code)
		}
	case <-time.After(fuzzWait):
		t.Fatal("the server did not exit")
	}
	s.c.closed = true
	s.c.conn.Close()
}

// step sends one message chosen by the input.
func (s *session) step() {
	op, k := s.in.next(), s.in.next()
	uri := s.uris[k%len(s.uris)]
	td := doc(uri)
	switch op % 22 {
	case 0: // open
		text := s.newText(s.in.next())
		v := s.version(uri)
		s.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "offer", "version": v, "text": text}})
		if validVersion(v) {
			s.open[uri] = jsonText(text)
		}
	case 1, 2, 3: // incremental changes, one to three
		var changes []any
		var model []fuzzChange
		ok := true
		for i := 0; i <= op%17-1; i++ {
			start, okS := s.position(uri)
			end, okE := s.position(uri)
			if s.in.next()%4 == 0 {
				start, end = end, start // sometimes reversed
			}
			text := s.newText(s.in.next())
			changes = append(changes, map[string]any{"range": map[string]any{"start": start, "end": end}, "text": text})
			model = append(model, fuzzChange{start: start, end: end, text: jsonText(text)})
			ok = ok && okS && okE
		}
		v := s.version(uri)
		s.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": v}, "contentChanges": changes})
		if cur, isOpen := s.open[uri]; isOpen && ok && validVersion(v) {
			if next, applied := applyModel(cur, model, s.enc); applied {
				s.open[uri] = next
			}
		}
	case 4: // whole text
		text := s.newText(s.in.next())
		v := s.version(uri)
		s.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": v},
			"contentChanges": []any{map[string]any{"text": text}}})
		if _, isOpen := s.open[uri]; isOpen && validVersion(v) {
			s.open[uri] = jsonText(text)
		}
	case 5, 6, 12, 17, 18:
		p, _ := s.position(uri)
		s.request(atPosition[op%22], map[string]any{"textDocument": td, "position": p}, uri)
	case 7:
		a, _ := s.position(uri)
		b, _ := s.position(uri)
		only := [][]string{nil, {"quickfix"}, {"source"}, {"source.draft"}, {"refactor.insertCounter"}}[s.in.next()%5]
		ctx := map[string]any{"diagnostics": []any{}}
		if only != nil {
			ctx["only"] = only
		}
		s.request("textDocument/codeAction", map[string]any{"textDocument": td, "range": map[string]any{"start": a, "end": b}, "context": ctx}, uri)
	case 8:
		a, _ := s.position(uri)
		b, _ := s.position(uri)
		s.request("textDocument/inlayHint", map[string]any{"textDocument": td, "range": map[string]any{"start": a, "end": b}}, uri)
	case 9, 11, 19, 21:
		s.request(aboutDocument[op%22], map[string]any{"textDocument": td}, uri)
	case 10:
		raw := s.request("textDocument/formatting", map[string]any{"textDocument": td, "options": map[string]any{"tabSize": 2, "insertSpaces": true}}, uri)
		s.checkFormatting(uri, raw)
	case 13:
		p, _ := s.position(uri)
		s.request("textDocument/references", map[string]any{"textDocument": td, "position": p,
			"context": map[string]any{"includeDeclaration": s.in.next()%2 == 0}}, uri)
	case 14:
		s.notify("textDocument/didClose", map[string]any{"textDocument": td})
		delete(s.open, uri)
	case 15:
		s.notify("textDocument/didSave", map[string]any{"textDocument": td})
	case 16:
		s.request("workspace/executeCommand", map[string]any{"command": "offer.compare", "arguments": []any{uriToName(uri)}}, "")
	case 20:
		a, _ := s.position(uri)
		b, _ := s.position(uri)
		s.request("textDocument/selectionRange", map[string]any{"textDocument": td, "positions": []any{a, b}}, uri)
	}
}

// The requests of step that take only a document, or a document and one
// position in it, by the op that sends them.
var (
	aboutDocument = map[int]string{9: "textDocument/codeLens", 11: "textDocument/documentSymbol",
		19: "textDocument/foldingRange", 21: "textDocument/semanticTokens/full"}
	atPosition = map[int]string{5: "textDocument/hover", 6: "textDocument/completion", 12: "textDocument/definition",
		17: "textDocument/prepareRename", 18: "textDocument/documentHighlight"}
)

// newText makes the text of an open or a change.
func (s *session) newText(b int) string {
	switch b % 8 {
	case 0:
		return s.input
	case 1:
		return ""
	case 2: // a piece of the input
		if len(s.input) == 0 {
			return ""
		}
		i := s.in.next() * len(s.input) / 256
		return s.input[i:min(len(s.input), i+s.in.next())]
	default: // up to 4 fragments
		var sb strings.Builder
		for range b%4 + 1 {
			sb.WriteString(fuzzFragments[s.in.next()%len(fuzzFragments)])
		}
		return sb.String()
	}
}

// version returns the next version number: mostly increasing, sometimes
// the same, older, negative, or too large for LSP's integer.
func (s *session) version(uri string) int {
	v := s.vers[uri] + 1
	switch b := s.in.next(); {
	case b < 200:
	case b < 220:
		v = s.vers[uri]
	case b < 240:
		v = s.vers[uri] - 3
	case b < 250:
		v = -7
	default:
		v = math.MaxInt32 + 1
	}
	s.vers[uri] = v
	return v
}

func validVersion(v int) bool { return v >= math.MinInt32 && v <= math.MaxInt32 }

// position returns a position for a document and whether it is valid in
// LSP (an unsigned 32-bit line and character): mostly near or inside the
// text, sometimes far past its end, huge or negative.
func (s *session) position(uri string) (map[string]any, bool) {
	b := s.in.next()
	text := s.open[uri]
	lines := strings.Split(text, "\n")
	line := s.in.next() % (len(lines) + 2)
	char := s.in.next()
	switch b >> 5 {
	case 0, 1, 2, 3:
		if line < len(lines) {
			char %= len(lines[line]) + 3
		}
	case 4:
	case 5:
		return map[string]any{"line": math.MaxUint32, "character": math.MaxUint32}, true
	case 6:
		return map[string]any{"line": -1, "character": char}, false
	case 7:
		return map[string]any{"line": line, "character": -char - 1}, false
	}
	return map[string]any{"line": line, "character": char}, true
}

// notify sends a notification; on a pipe, a server that stopped reading
// blocks it.
func (s *session) notify(method string, params any) {
	s.t.Helper()
	done := make(chan error, 1)
	go func() { done <- s.c.conn.Notify(context.Background(), method, params) }()
	select {
	case err := <-done:
		if err != nil {
			s.t.Fatalf("%s: %v", method, err)
		}
	case <-time.After(fuzzWait):
		s.t.Fatalf("%s %s: the server did not read it within %s\n%s", method, mustJSON(params), fuzzWait, stacks())
	}
}

// stacks returns every goroutine's stack, to show where a hang is.
func stacks() string {
	buf := make([]byte, 1<<20)
	return string(buf[:runtime.Stack(buf, true)])
}

// request sends a request and checks its answer: a result, or an error
// the request deserves. Results about uri are checked against its text.
func (s *session) request(method string, params any, uri string) json.RawMessage {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), fuzzWait)
	defer cancel()
	var raw json.RawMessage
	err := s.c.conn.Call(ctx, method, params, &raw)
	var rpcErr *jsonrpc2.Error
	switch {
	case err == nil:
	case errors.As(err, &rpcErr):
		_, isOpen := s.open[uri]
		valid := validParams(params)
		switch {
		case rpcErr.Code == -32602 && !valid: // negative or huge numbers
		case rpcErr.Code == -32803 && !isOpen && uri != "":
		default:
			s.t.Fatalf("%s %s: error %d %q (document open: %v)", method, mustJSON(params), rpcErr.Code, rpcErr.Message, isOpen)
		}
		return nil
	default:
		s.t.Fatalf("%s %s: no answer within %s: %v\n%s", method, mustJSON(params), fuzzWait, err, stacks())
	}
	if text, ok := s.open[uri]; ok {
		s.checkText(uri, text)
		var v any
		json.Unmarshal(raw, &v)
		s.checkPositions(uri, text, v, uri, method)
	}
	return raw
}

// validParams reports whether every number in params fits LSP's unsigned
// integers (positions) and integers (versions).
func validParams(params any) bool {
	switch v := params.(type) {
	case map[string]any:
		for _, x := range v {
			if !validParams(x) {
				return false
			}
		}
	case []any:
		for _, x := range v {
			if !validParams(x) {
				return false
			}
		}
	case int:
		return v >= 0 && v <= math.MaxUint32
	}
	return true
}

// checkText compares the server's text of a document with the model.
func (s *session) checkText(uri, want string) {
	d := s.c.srv.docs.get(uri)
	if d == nil {
		s.t.Fatalf("%s is open but the server does not have it", uri)
	}
	d.mu.Lock()
	got := string(d.text)
	d.mu.Unlock()
	if got != want {
		s.t.Fatalf("text of %s:\nserver %q\nmodel  %q", uri, got, want)
	}
}

// checkPositions walks a reply and checks every range and position that
// belongs to uri (edits and locations of other documents are skipped).
func (s *session) checkPositions(uri, text string, v any, cur, what string) {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			s.checkPositions(uri, text, e, cur, what)
		}
	case map[string]any:
		if u, ok := x["uri"].(string); ok {
			cur = u
		}
		if ch, ok := x["changes"].(map[string]any); ok {
			for u, edits := range ch {
				s.checkPositions(uri, text, edits, u, what)
			}
			return
		}
		if start, ok := x["start"].(map[string]any); ok {
			if end, ok := x["end"].(map[string]any); ok && cur == uri {
				s.checkRange(uri, text, num(start["line"]), num(start["character"]), num(end["line"]), num(end["character"]), what)
			}
		}
		if p, ok := x["position"].(map[string]any); ok && cur == uri {
			s.checkRange(uri, text, num(p["line"]), num(p["character"]), num(p["line"]), num(p["character"]), what)
		}
		for k, e := range x {
			if k != "changes" {
				s.checkPositions(uri, text, e, cur, what)
			}
		}
	}
}

func num(v any) int {
	f, ok := v.(float64)
	if !ok {
		return -1
	}
	return int(f)
}

// checkRange checks that a range lies inside the text, on character
// boundaries, and does not end before it starts.
func (s *session) checkRange(uri, text string, l1, c1, l2, c2 int, what string) {
	s.t.Helper()
	a, okA := exactOffset(text, l1, c1, s.enc)
	b, okB := exactOffset(text, l2, c2, s.enc)
	if !okA || !okB || b < a {
		s.t.Fatalf("%s of %s: range %d:%d-%d:%d is not a range of the text %q (%s)", what, uri, l1, c1, l2, c2, text, s.enc)
	}
}

// checkFormatting applies the formatting edits to the model and compares
// the result with lang.Format.
func (s *session) checkFormatting(uri string, raw json.RawMessage) {
	text, ok := s.open[uri]
	if !ok || raw == nil {
		return
	}
	var edits []struct {
		Range struct {
			Start, End struct{ Line, Character int }
		}
		NewText string
	}
	if err := json.Unmarshal(raw, &edits); err != nil {
		s.t.Fatalf("formatting reply %s: %v", raw, err)
	}
	out := text
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		a, _ := exactOffset(out, e.Range.Start.Line, e.Range.Start.Character, s.enc)
		b, _ := exactOffset(out, e.Range.End.Line, e.Range.End.Character, s.enc)
		out = out[:a] + e.NewText + out[b:]
	}
	want, diags := lang.Format(uriToName(uri), []byte(text))
	if diags.HasErrors() {
		want = []byte(text)
	}
	if out != string(want) {
		s.t.Fatalf("formatting %q:\ngot  %q\nwant %q", text, out, want)
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// The model of LSP's text synchronization, written apart from the
// server's mapper: lines end at LF (a CR before it belongs to the line
// ending); a character past the end of its line means the line's end and a
// line past the end of the text the end of the text; a character inside a
// character (a UTF-16 surrogate pair, a UTF-8 sequence) means its start.

type fuzzChange struct {
	start, end map[string]any
	text       string
}

// jsonText is the text the server receives for s: JSON carries each
// invalid UTF-8 byte as U+FFFD.
func jsonText(s string) string { return string([]rune(s)) }

// applyModel applies changes in order; a change whose range ends before it
// starts rejects the whole notification, as the server does.
func applyModel(text string, changes []fuzzChange, enc Encoding) (string, bool) {
	for _, c := range changes {
		a := modelOffset(text, c.start["line"].(int), c.start["character"].(int), enc)
		b := modelOffset(text, c.end["line"].(int), c.end["character"].(int), enc)
		if b < a {
			return "", false
		}
		text = text[:a] + c.text + text[b:]
	}
	return text, true
}

// modelLines returns each line's byte range, its line ending excluded.
func modelLines(text string) [][2]int {
	var out [][2]int
	start := 0
	for {
		i := strings.IndexByte(text[start:], '\n')
		if i < 0 {
			return append(out, [2]int{start, len(text)})
		}
		end := start + i
		if end > start && text[end-1] == '\r' {
			end--
		}
		out = append(out, [2]int{start, end})
		start += i + 1
	}
}

func unitsOf(r rune, size int, enc Encoding) int {
	if enc == UTF8 {
		return size
	}
	if r > 0xFFFF {
		return 2
	}
	return 1
}

// modelOffset is the byte offset LSP's rules give a position.
func modelOffset(text string, line, char int, enc Encoding) int {
	lines := modelLines(text)
	if line >= len(lines) {
		return len(text)
	}
	off, n := lines[line][0], 0
	for off < lines[line][1] {
		r, size := utf8.DecodeRuneInString(text[off:])
		u := unitsOf(r, size, enc)
		if n+u > char {
			break
		}
		n += u
		off += size
	}
	return off
}

// exactOffset is the byte offset of a position that must name a place in
// the text exactly: an existing line, at most its length, on a character
// boundary.
func exactOffset(text string, line, char int, enc Encoding) (int, bool) {
	lines := modelLines(text)
	if line < 0 || char < 0 || line >= len(lines) {
		return 0, false
	}
	off, n := lines[line][0], 0
	for n < char && off < lines[line][1] {
		r, size := utf8.DecodeRuneInString(text[off:])
		n += unitsOf(r, size, enc)
		off += size
	}
	return off, n == char
}
