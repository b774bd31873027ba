package lang

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/offerkit/offerkit/lang/langtest"
)

// reparseSeeds are the files the reparse tests edit: every example, the
// built-in bands, and texts with the shapes that make splitting a file
// hard (comments around blocks, heredocs, indented and CRLF blocks).
func reparseSeeds(t testing.TB) [][]byte {
	var out [][]byte
	paths, _ := filepath.Glob("../examples/*/*.hcl")
	if len(paths) == 0 {
		t.Fatal("no examples found")
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, src)
	}
	out = append(out, defaultBandsSrc)
	for _, s := range []string{
		"# head\noffer \"a\" {\n  base = 1\n}\n\n/* c */ offer \"b\" {\n  base = 2\n}\n  offer \"c\" {\n  note = <<EOT\nhi }\nEOT\n}\n",
		"offer \"a\" {\r\n  base = 1\r\n}\r\n\r\noffer \"b\" {\r\n  base = [1, -2, (3 + 4)]\r\n}\r\n",
		"offer \"a\" {\n  x = { k = \"v\", \"q\" = 1 }\n  y = f(1, 2)\n  z = a.b[0].c\n  w = true ? \"${x}\" : \"x${y}z\"\n}\n// tail\noffer \"b\" {}\n",
		"counter \"r1\" {\n  offer = offer.a\n  base  = 200000\n}\n\toffer \"a\" {\n\t  base = 1\n\t}\noffer \"é👍\" {\n  note = \"é👍\"\n}",
	} {
		out = append(out, []byte(s))
	}
	return out
}

// fragments are what the random edits insert: text that opens and closes
// the constructs the lexer tracks, and ordinary typing.
var fragments = []string{"", "\n", "\r\n", " ", "\t", "{", "}", "[", "]", "(", ")", "\"", "${", "%{", "#", "//", "/*", "*/",
	"<<EOT\n", "\nEOT\n", "=", "1", "42", "x", "offer", "offer \"n\" {\n  base = 1\n}\n", "}\n\noffer \"m\" {\n", "é", "👍", ",", ".", "-", "~"}

// edit returns src with a random range replaced by random fragments.
func randomEdit(r *rand.Rand, src []byte) []byte {
	at := r.Intn(len(src) + 1)
	del := 0
	if r.Intn(3) > 0 {
		del = r.Intn(min(12, len(src)-at) + 1)
	}
	var ins []byte
	for k := r.Intn(3); k >= 0; k-- {
		ins = append(ins, fragments[r.Intn(len(fragments))]...)
	}
	out := append(append(append([]byte(nil), src[:at]...), ins...), src[at+del:]...)
	return out
}

// checkReparse parses src after prev both ways; when reparse answers, its
// tree must be exactly the full parse's.
func checkReparse(t testing.TB, prev, src []byte) (reused bool) {
	pf, pd := hclsyntax.ParseConfig(prev, "t.offer.hcl", hcl.InitialPos)
	if len(pd) > 0 {
		return false
	}
	got, ok := reparse(pf, "t.offer.hcl", src)
	if !ok {
		return false
	}
	want, wd := hclsyntax.ParseConfig(src, "t.offer.hcl", hcl.InitialPos)
	if len(wd) > 0 {
		t.Fatalf("reparse accepted a text whose full parse fails (%s)\nprev:\n%s\nnew:\n%s", wd.Error(), prev, src)
	}
	if !reflect.DeepEqual(got.Body, want.Body) {
		t.Fatalf("reparse differs from a full parse\nprev:\n%q\nnew:\n%q\ngot blocks %d, want %d", prev, src,
			len(got.Body.(*hclsyntax.Body).Blocks), len(want.Body.(*hclsyntax.Body).Blocks))
	}
	if string(got.Bytes) != string(src) {
		t.Fatal("reparse kept the wrong bytes")
	}
	return true
}

// TestReparseMatchesParse applies thousands of random edits, chains of
// them too, and holds every reparse to the full parse of the same text.
func TestReparseMatchesParse(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	tried, reused := 0, 0
	for _, seed := range reparseSeeds(t) {
		for i := 0; i < 200; i++ {
			prev := seed
			for step := 0; step < 4; step++ {
				next := randomEdit(r, prev)
				tried++
				if checkReparse(t, prev, next) {
					reused++
				}
				if _, d := hclsyntax.ParseConfig(next, "t.offer.hcl", hcl.InitialPos); len(d) == 0 {
					prev = next // edit on from a text that parses
				}
			}
		}
	}
	// Most random edits break the syntax, so most fall back to a full
	// parse; enough must not, or the fast path is dead code.
	if reused < tried/10 {
		t.Fatalf("reparse answered %d of %d edits; the fast path is barely used", reused, tried)
	}
	t.Logf("reparse answered %d of %d random edits", reused, tried)
}

// TestReparseTyping covers the edits people make: typing a figure in the
// first block of a long file, adding a block at the end, deleting one in
// the middle. Each must take the fast path and equal a full parse.
func TestReparseTyping(t *testing.T) {
	block := "offer \"o\" {\n  company = \"Acme\"\n  base    = 195000\n\n  sign_on {\n    year1 = 1\n  }\n}\n\n"
	var long []byte
	for i := 0; i < 50; i++ {
		long = append(long, block...)
	}
	at := len("offer \"o\" {\n  company = \"Acme\"\n  base    = 19")
	edits := map[string][]byte{
		"insert a digit":   append(append(append([]byte(nil), long[:at]...), '7'), long[at:]...),
		"delete a digit":   append(append([]byte(nil), long[:at]...), long[at+1:]...),
		"add a block":      append(append([]byte(nil), long...), block...),
		"delete a block":   append(append([]byte(nil), long[:len(block)*10]...), long[len(block)*11:]...),
		"add a line":       append(append(append([]byte(nil), long[:at-len("  base    = 19")]...), "  level = \"L6\"\n"...), long[at-len("  base    = 19"):]...),
		"comment a block":  append(append(append([]byte(nil), long[:len(block)*3]...), "# note\n"...), long[len(block)*3:]...),
		"rename the last":  append(append([]byte(nil), long[:len(long)-len(block)]...), []byte("offer \"p\" {\n}\n")...),
		"same text":        long,
		"edit at the head": append([]byte("# header\n"), long...),
	}
	for name, src := range edits {
		if !checkReparse(t, long, src) {
			t.Errorf("%s: took the slow path", name)
		}
	}
}

// FuzzReparse edits any text that parses and holds the reparse to the full
// parse. Run it with go test ./lang -run '^$' -fuzz FuzzReparse.
func FuzzReparse(f *testing.F) {
	for _, s := range reparseSeeds(f) {
		f.Add(s, uint16(10), uint8(2), "}\n")
	}
	f.Fuzz(func(t *testing.T, prev []byte, at uint16, del uint8, ins string) {
		if len(prev) > 1<<16 {
			return
		}
		i := min(int(at), len(prev))
		j := min(i+int(del), len(prev))
		next := append(append(append([]byte(nil), prev[:i]...), ins...), prev[j:]...)
		checkReparse(t, prev, next)
	})
}

// TestWorkspaceEditsMatchFresh edits a file of the two-file example
// workspace again and again through Workspace.Set, which reuses the
// previous parse, and after every edit compares the diagnostics with those
// of a new workspace that reads the same texts from scratch.
func TestWorkspaceEditsMatchFresh(t *testing.T) {
	dir := "../examples/amazon-l6-seattle"
	offer, err := os.ReadFile(filepath.Join(dir, "offer.offer.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	offer = append(append([]byte(langtest.File(38)), offer...), langtest.File(57)...) // blocks before and after
	round, err := os.ReadFile(filepath.Join(dir, "round1.offer.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewSource(2))
	for _, name := range []string{"offer.offer.hcl", "round1.offer.hcl"} {
		w := NewWorkspace()
		w.Set("offer.offer.hcl", offer)
		w.Set("round1.offer.hcl", round)
		text := offer
		if name == "round1.offer.hcl" {
			text = round
		}
		for i := 0; i < 300; i++ {
			next := randomEdit(r, text)
			if r.Intn(2) == 0 {
				// an edit that keeps the syntax: retype a digit of a
				// figure as one or two digits
				zeros := strings.Count(string(text), "0")
				if zeros > 0 {
					at, k := -1, r.Intn(zeros)
					for ; k >= 0; k-- {
						at += 1 + strings.Index(string(text[at+1:]), "0")
					}
					next = append(append(append([]byte(nil), text[:at]...), fmt.Sprint(r.Intn(100))...), text[at+1:]...)
				}
			}
			w.Set(name, next)
			fresh := NewWorkspace()
			for _, f := range w.Files() {
				fresh.Set(f.Name, f.Src)
			}
			got, want := diagLines(w.Check(name).Diags), diagLines(fresh.Check(name).Diags)
			if got != want {
				t.Fatalf("%s after edit %d: diagnostics differ from a fresh read\ngot:\n%s\nwant:\n%s\ntext:\n%s", name, i, got, want, next)
			}
			if _, d := hclsyntax.ParseConfig(next, name, hcl.InitialPos); len(d) == 0 {
				text = next
			}
		}
	}
}

func diagLines(ds Diagnostics) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "%s %v %s %s\n", d.Code, d.Severity, d.Subject, d.Message())
	}
	return b.String()
}
