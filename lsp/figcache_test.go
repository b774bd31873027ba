package lsp

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/offerkit/offerkit/lang"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// The lenses, the outline and the rank on hover are kept between requests
// (figcache.go); each answer follows an edit of the document, a text that
// does not parse (the last good figures, marked stale), and a change to
// another file of the workspace that does not re-check the document (an
// offer added on disk).
func TestKeptAnswersFollowChanges(t *testing.T) {
	dir := competingDir(t)
	c := start(t, dir, nil)
	amazon := c.openFile(filepath.Join(dir, "amazon.offer.hcl"))
	c.sync()
	lensTitles := func() []string { return keptLenses(c, amazon) }
	outlineDetail := func() string {
		t.Helper()
		var syms []protocol.DocumentSymbol
		c.call("textDocument/documentSymbol", map[string]any{"textDocument": doc(amazon)}, &syms)
		if len(syms) != 1 || syms[0].Detail == nil {
			t.Fatalf("symbols: %+v", syms)
		}
		return *syms[0].Detail
	}
	rank := func() string {
		t.Helper()
		var hover protocol.Hover
		c.call("textDocument/hover", map[string]any{"textDocument": doc(amazon), "position": pos(1, 10)}, &hover)
		md := hover.Contents.(protocol.MarkupContent).Value
		i := strings.Index(md, "Ranks ")
		if i < 0 {
			t.Fatalf("no rank in the hover: %s", md)
		}
		return md[i : i+len("Ranks **1st of 2**")]
	}

	// Amazon pays 1,460,000 over four years, second to Northwind's 1,565,000.
	before := lensTitles()
	if len(before) != 3 || !strings.HasPrefix(before[0], "4-yr $1,460,000") || before[1] != "Compare with 1 other offer" {
		t.Fatalf("lenses: %q", before)
	}
	if d := outlineDetail(); !strings.Contains(d, "4-yr $1,460,000") {
		t.Errorf("outline detail: %q", d)
	}
	if r := rank(); r != "Ranks **2nd of 2**" {
		t.Errorf("rank: %q", r)
	}
	if again := lensTitles(); strings.Join(again, "|") != strings.Join(before, "|") {
		t.Errorf("lenses asked again: %q, first %q", again, before)
	}

	// Line 9 is `  base = 205000`: 305000 adds 100,000 a year, 400,000 over
	// four years: 1,860,000, first of the two.
	c.change(amazon, 2, rng(9, 9, 9, 10), "3")
	after := lensTitles()
	if len(after) != 3 || !strings.HasPrefix(after[0], "4-yr $1,860,000") || after[2] == before[2] || !strings.HasPrefix(after[2], "net 4-yr $") {
		t.Errorf("lenses after the edit: %q (before %q)", after, before)
	}
	if d := outlineDetail(); !strings.Contains(d, "4-yr $1,860,000") {
		t.Errorf("outline detail after the edit: %q", d)
	}
	if r := rank(); r != "Ranks **1st of 2**" {
		t.Errorf("rank after the edit: %q", r)
	}

	// Line 2 is `  company  = "Amazon"`: without its closing quote the text
	// does not parse; the lens keeps the figures of the edited text, stale.
	c.change(amazon, 3, rng(2, 20, 2, 21), "")
	stale := lensTitles()
	if len(stale) == 0 || !strings.HasPrefix(stale[0], "4-yr $1,860,000") || !strings.HasSuffix(stale[0], "stale until the file parses") {
		t.Errorf("lenses while not parsing: %q", stale)
	}
	c.change(amazon, 4, rng(2, 20, 2, 20), `"`)
	if got := lensTitles(); strings.Join(got, "|") != strings.Join(after, "|") {
		t.Errorf("lenses once it parses again: %q, want %q", got, after)
	}

	// A third offer written on disk: the open document is not re-checked
	// (it does not depend on the new file), yet its Compare lens and rank
	// count the new offer.
	northwind, err := os.ReadFile(filepath.Join(dir, "northwind.offer.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	third := filepath.Join(dir, "globex.offer.hcl")
	os.WriteFile(third, []byte(strings.Replace(string(northwind), `offer "northwind_staff"`, `offer "globex_staff"`, 1)), 0o644)
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": nameToURI(third), "type": 1}}})
	var none any // answered after the notification is handled
	c.call("workspace/executeCommand", map[string]any{"command": "offer.totals"}, &none)
	if got := lensTitles(); len(got) != 3 || got[1] != "Compare with 2 other offers" || got[0] != after[0] {
		t.Errorf("lenses after an offer was added on disk: %q", got)
	}
	if r := rank(); r != "Ranks **1st of 3**" {
		t.Errorf("rank after an offer was added on disk: %q", r)
	}
}

// Once the client has asked for lenses and the outline, the document's
// worker works them out for each new text after publishing its
// diagnostics, so the first request after an edit finds them ready.
func TestWorkerPreparesAnswers(t *testing.T) {
	c, uri, d := openAnalysed(t)
	if d.answers.lenses.Load() != nil || d.answers.outline.Load() != nil {
		t.Fatal("answers worked out before the client asked for them")
	}
	var lenses []protocol.CodeLens
	c.call("textDocument/codeLens", map[string]any{"textDocument": doc(uri)}, &lenses)
	var syms []protocol.DocumentSymbol
	c.call("textDocument/documentSymbol", map[string]any{"textDocument": doc(uri)}, &syms)
	c.change(uri, 2, rng(9, 9, 9, 10), "3") // base 205000 -> 305000
	deadline := time.Now().Add(10 * time.Second)
	for {
		d.mu.Lock()
		res, version := d.res, d.resVersion
		d.mu.Unlock()
		l, o := d.answers.lenses.Load(), d.answers.outline.Load()
		if version == 2 && l != nil && l.res == res && o != nil && o.res == res {
			l.once.Do(func() { t.Error("the lenses of version 2 were not worked out") })
			if len(l.out) == 0 || !strings.HasPrefix(l.out[0].Command.Title, "4-yr $1,860,000") {
				t.Errorf("prepared lenses: %+v", l.out)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the worker did not prepare the answers of version %d", version)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// An answer whose work panicked is not kept: the next request works it out
// again rather than finding it empty, and the panic reaches the handler's
// recovery.
func TestPanickedAnswerIsNotKept(t *testing.T) {
	var p atomic.Pointer[outlineAnswer]
	c := &outlineAnswer{}
	p.Store(c)
	var got any
	func() {
		defer func() { got = recover() }()
		fill(&p, c, &c.once, func() { panic("outline") })
	}()
	if got != "outline" || p.Load() != nil {
		t.Errorf("after a panic: recovered %v, kept %v", got, p.Load())
	}
	if next := cached(&p, func(*outlineAnswer) bool { return true }, func() *outlineAnswer { return &outlineAnswer{} }); next == c {
		t.Error("the panicked answer was handed out again")
	}
}

// The worker drops the work it would do ahead for an analysis once a newer
// edit has arrived (newerThan): the lexing, the outline and the lenses of
// the older text are not worked out, so the next edit's analysis does not
// wait behind them. The worker's two steps are run here on the analysis of
// version 1 after version 2 was analysed; run on the current analysis,
// they do keep its answers.
func TestWorkerSkipsWorkForAnOlderText(t *testing.T) {
	c, uri, d := openAnalysed(t)
	for _, method := range []string{"textDocument/codeLens", "textDocument/documentSymbol", "textDocument/semanticTokens/full"} {
		var out any // from now on the worker prepares these
		c.call(method, map[string]any{"textDocument": doc(uri)}, &out)
	}
	current := func() *snapshot {
		c.sync()
		d.mu.Lock()
		defer d.mu.Unlock()
		return &snapshot{doc: d, res: d.res, m: d.resMap, version: d.resVersion, good: d.good, goodMap: d.goodMap}
	}
	kept := func(res *lang.Result) (lexed, lenses, outline bool) {
		l, a, o := d.lex.Load(), d.answers.lenses.Load(), d.answers.outline.Load()
		return l != nil && l.res == res, a != nil && a.res == res, o != nil && o.res == res
	}
	clear := func() {
		d.lex.Store(nil)
		d.answers.lenses.Store(nil)
		d.answers.outline.Store(nil)
	}
	old := current()
	d.mu.Lock()
	oldGen := d.resGen
	d.mu.Unlock()
	// The worker's own work for version 1 is done before the edit, so
	// that nothing but the steps below can keep an answer for it.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(time.Millisecond) {
		if lexed, lenses, outline := kept(old.res); lexed && lenses && outline {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the worker did not prepare the answers of version 1")
		}
	}
	c.change(uri, 2, rng(9, 9, 9, 10), "3") // base 205000 -> 305000
	now := current()
	if now.version != 2 {
		t.Fatalf("analysed version %d, want 2", now.version)
	}

	clear()
	c.srv.prelex(d, old.res, old.m, oldGen)
	c.srv.prepare(old, oldGen)
	if lexed, lenses, outline := kept(old.res); lexed || lenses || outline {
		t.Errorf("worked out for version 1 after version 2 arrived: tokens %v, lenses %v, outline %v", lexed, lenses, outline)
	}

	// The same steps on the current analysis keep its answers. The
	// server may analyse the text again meanwhile (the checklist's run
	// after a quiet moment, a workspace change): then its worker works
	// out the newer analysis's answers in their place, rightly, and the
	// steps are taken again on the analysis that is current then.
	for attempt := 1; ; attempt++ {
		d.mu.Lock()
		gen := d.resGen
		d.mu.Unlock()
		clear()
		c.srv.prelex(d, now.res, now.m, gen)
		c.srv.prepare(now, gen)
		lexed, lenses, outline := kept(now.res)
		d.mu.Lock()
		moved := d.gen != gen || d.res != now.res
		d.mu.Unlock()
		if moved && attempt < 10 {
			now = current()
			continue
		}
		if !lexed || !lenses || !outline {
			t.Errorf("not worked out for the current version: tokens %v, lenses %v, outline %v", lexed, lenses, outline)
		}
		break
	}
}

// openAnalysed starts a server on the competing offers, opens the Amazon
// offer and returns it, as a URI and as the server's document, once it is
// analysed and published.
func openAnalysed(t *testing.T) (*client, string, *document) {
	t.Helper()
	dir := competingDir(t)
	c := start(t, dir, nil)
	uri := c.openFile(filepath.Join(dir, "amazon.offer.hcl"))
	var h any // answered once the document is open and analysed
	c.call("textDocument/hover", map[string]any{"textDocument": doc(uri), "position": pos(0, 0)}, &h)
	c.sync()
	return c, uri, c.srv.docs.get(uri)
}

// keptLenses returns the titles of a document's code lenses.
func keptLenses(c *client, uri string) []string {
	c.t.Helper()
	var lenses []protocol.CodeLens
	c.call("textDocument/codeLens", map[string]any{"textDocument": doc(uri)}, &lenses)
	var out []string
	for _, l := range lenses {
		out = append(out, l.Command.Title)
	}
	return out
}

// keptRank returns the rank line of the hover on an offer's label at
// line 1, or "" when the hover has none.
func keptRank(c *client, uri string) string {
	c.t.Helper()
	var hover protocol.Hover
	c.call("textDocument/hover", map[string]any{"textDocument": doc(uri), "position": pos(1, 10)}, &hover)
	md := hover.Contents.(protocol.MarkupContent).Value
	i := strings.Index(md, "Ranks ")
	if i < 0 {
		return ""
	}
	return md[i : i+len("Ranks **1st of 2**")]
}

// The kept lenses and rank follow the changes that move the workspace's
// state without an edit of the document: a band file written and changed
// on disk, another offer deleted on disk, and the workspace folder
// removed (the open document keeps its directory's files). The overview
// of a removed folder's other directory is dropped, and the refusal of a
// file there withdrawn.
func TestKeptAnswersFollowTheWorkspace(t *testing.T) {
	dir := competingDir(t)
	sub := filepath.Join(dir, "sub")
	write(t, filepath.Join(sub, "other.offer.hcl"), "offer \"other\" {\n  company = \"Globex\"\n  base    = 190000\n}\n")
	fifo := filepath.Join(sub, "fifo.offer.hcl")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	c := start(t, dir, nil)
	if got := published(c.next(nameToURI(fifo))); len(got) != 1 {
		t.Fatalf("the FIFO's refusal: %q", got)
	}
	amazon := c.openFile(filepath.Join(dir, "amazon.offer.hcl"))
	c.sync()
	settled := func() {
		var none any // answered after the notifications before it are handled
		c.call("workspace/executeCommand", map[string]any{"command": "offer.totals"}, &none)
	}
	watched := func(name string, typ int) {
		c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": nameToURI(name), "type": typ}}})
		settled()
	}
	kept := func() map[*lang.Workspace]bool {
		c.srv.overviews.mu.Lock()
		defer c.srv.overviews.mu.Unlock()
		out := map[*lang.Workspace]bool{}
		for ws := range c.srv.overviews.m {
			out[ws] = true
		}
		return out
	}
	check := func(when string, lenses []string, rank string) {
		t.Helper()
		if got := keptLenses(c, amazon); strings.Join(got, "|") != strings.Join(lenses, "|") {
			t.Errorf("lenses %s: %q, want %q", when, got, lenses)
		}
		if got := keptRank(c, amazon); got != rank {
			t.Errorf("rank %s: %q, want %q", when, got, rank)
		}
	}
	// Amazon: 1,460,000 over four years, 365,000 a year, second to
	// Northwind's 1,565,000; its year 1 is 205,000 + 120,000 + 5% of
	// 420,000 = 346,000, at the top of the built-in band.
	net := "net 4-yr $896,097.51 (after tax, est.)"
	check("at first", []string{"4-yr $1,460,000 · avg $365,000 · p100", "Compare with 1 other offer", net}, "Ranks **2nd of 2**")

	// A band file written beside it: year 1 in [300,000, 500,000] at the
	// 25th to 90th percentile puts 346,000 at 25 + 46/200 × 65 = 39.95.
	bands := filepath.Join(dir, "nyc.bands.hcl")
	band := "band \"L6\" \"SDE\" \"NYC\" {\n  base        = [180000, 240000]\n  equity      = [300000, 700000]\n  sign_on     = [0, 150000]\n  year1_total = [%d, %d]\n  percentiles = [25, 90]\n}\n"
	write(t, bands, fmt.Sprintf(band, 300000, 500000))
	watched(bands, 1)
	check("after a band file was written", []string{"4-yr $1,460,000 · avg $365,000 · p40", "Compare with 1 other offer", net}, "Ranks **2nd of 2**")
	// Changed to [340,000, 360,000]: 25 + 6/20 × 65 = 44.5.
	write(t, bands, fmt.Sprintf(band, 340000, 360000))
	watched(bands, 2)
	after := []string{"4-yr $1,460,000 · avg $365,000 · p45", "Compare with 1 other offer", net}
	check("after the band file changed", after, "Ranks **2nd of 2**")

	// The other offer deleted on disk: nothing to compare with, no rank;
	// written again, both come back.
	northwind := filepath.Join(dir, "northwind.offer.hcl")
	text := readFile(t, northwind)
	os.Remove(northwind)
	watched(northwind, 3)
	check("after the other offer was deleted", []string{after[0], net}, "")
	write(t, northwind, text)
	watched(northwind, 1)
	check("after the other offer came back", after, "Ranks **2nd of 2**")

	// The Compare command on a file of another directory reads (and
	// keeps) that workspace's overview; the folder removed, the open
	// document keeps its directory's files and answers, the other
	// directory's overview is dropped and its refusal withdrawn.
	var table string
	other := filepath.Join(sub, "other.offer.hcl")
	c.call("workspace/executeCommand", map[string]any{"command": "offer.compare", "arguments": []any{other}}, &table)
	subWS, amazonWS := c.srv.project.Workspace(other), c.srv.docs.get(amazon).ws
	if !strings.Contains(table, "$190,000") || !kept()[subWS] {
		t.Errorf("the Compare command's table (overview kept: %v):\n%s", kept()[subWS], table)
	}
	c.notify("workspace/didChangeWorkspaceFolders", map[string]any{"event": map[string]any{"added": []any{}, "removed": folders(dir)}})
	settled()
	check("after the folder was removed", after, "Ranks **2nd of 2**")
	if k := kept(); k[subWS] || !k[amazonWS] || len(k) != 1 {
		t.Errorf("overviews kept after the folder was removed: %v (the open document's workspace %p)", k, amazonWS)
	}
	if got := published(c.next(nameToURI(fifo))); len(got) != 0 {
		t.Errorf("the refusal in the removed folder stays: %q", got)
	}
}
