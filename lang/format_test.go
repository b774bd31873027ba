package lang

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/offerkit/offerkit/engine"
	"github.com/offerkit/offerkit/lang/langtest"
	"github.com/zclconf/go-cty/cty"
)

// TestFormatGolden formats each testdata/fmt input and compares it with
// the .golden file beside it (go test ./lang -run FormatGolden -update).
func TestFormatGolden(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/fmt/*.hcl")
	if len(inputs) == 0 {
		t.Fatal("no inputs in testdata/fmt")
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			base := filepath.Base(in)
			golden := filepath.Join(filepath.Dir(in), base[:strings.Index(base, ".")]+".golden")
			out, diags := Format(in, src)
			got := out
			if diags.HasErrors() {
				var b bytes.Buffer
				WriteText(&b, diags, func(string) []byte { return src })
				got = append([]byte("refused:\n"), b.Bytes()...)
			}
			langtest.Golden(t, golden, string(got))
		})
	}
}

func TestFormatConventions(t *testing.T) {
	src := "a {\r\n  b=1   \r\n}\r\nc {\r\n}\r\n\r\n"
	out, diags := Format("x.offer.hcl", []byte(src))
	if diags.HasErrors() {
		t.Fatal(diags[0].Message())
	}
	// CRLF is kept; the blocks get a blank line; the trailing blank goes.
	if want := "a {\r\n  b = 1\r\n}\r\n\r\nc {\r\n}\r\n"; string(out) != want {
		t.Errorf("got %q, want %q", out, want)
	}
	out, _ = Format("x.offer.hcl", []byte("a {}"))
	if string(out) != "a {}\n" {
		t.Errorf("no trailing newline added: %q", out)
	}
	// A heredoc keeps trailing spaces and blank lines: they are its value.
	heredoc := "a {\n  t = <<EOT\nx  \n\n\n\ny\nEOT\n}\n"
	out, _ = Format("x.offer.hcl", []byte(heredoc))
	if string(out) != heredoc {
		t.Errorf("heredoc changed: %q", out)
	}
}

func TestFormatRefusesSyntaxErrors(t *testing.T) {
	out, diags := Format("b.offer.hcl", []byte("offer \"x\" {\n  base = \n"))
	if out != nil || !diags.HasErrors() || diags[0].Code != "syntax" {
		t.Fatalf("Format of a broken file = %q, %v; want nil and a syntax error", out, diags)
	}
}

// repoHCLFiles returns every offer and band file under examples/ and under
// every testdata/ directory of the repository.
func repoHCLFiles(t testing.TB) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		slash := filepath.ToSlash(path)
		if _, ok := KindOf(path); ok && (strings.HasPrefix(slash, "../examples/") || strings.Contains(slash, "/testdata/")) {
			out = append(out, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 3 {
		t.Fatalf("found only %v", out)
	}
	return out
}

// TestFormatRoundTrip formats every example and test file twice: the
// second pass changes nothing, every comment survives, and the decoded
// values (engine values and every attribute's value) are equal before and
// after.
func TestFormatRoundTrip(t *testing.T) {
	for _, name := range repoHCLFiles(t) {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			checkRoundTrip(t, name, src)
		})
	}
}

// FuzzFormat checks the formatter's promises on any text that parses:
// formatting is idempotent, keeps every comment and attribute value, and
// leaves the decoded documents and their findings as they were.
func FuzzFormat(f *testing.F) {
	for _, name := range repoHCLFiles(f) {
		if src, err := os.ReadFile(name); err == nil {
			f.Add(filepath.Base(name), src)
		}
	}
	f.Fuzz(func(t *testing.T, name string, src []byte) {
		if _, ok := KindOf(name); !ok {
			name = "fuzz.offer.hcl"
		}
		checkRoundTrip(t, name, src)
	})
}

// checkRoundTrip formats src twice and compares what must not change.
func checkRoundTrip(t *testing.T, name string, src []byte) {
	t.Helper()
	if _, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos); !diags.HasErrors() {
		sameVerdict(t, name, src)
	}
	once, diags := Format(name, src)
	if diags.HasErrors() {
		if once != nil {
			t.Fatalf("Format returned text for a file with syntax errors")
		}
		return // refusing is the round trip of a broken file
	}
	twice, diags := Format(name, once)
	if diags.HasErrors() {
		t.Fatalf("formatted text does not parse: %s", diags[0].Message())
	}
	if !bytes.Equal(once, twice) {
		t.Errorf("not idempotent:\n%s", cmp.Diff(string(once), string(twice)))
	}
	if a, b := comments(t, name, src), comments(t, name, once); !cmp.Equal(a, b) {
		t.Errorf("comments changed:\n%s", cmp.Diff(a, b))
	}
	if a, b := attrValues(t, name, src), attrValues(t, name, once); !cmp.Equal(a, b) {
		t.Errorf("attribute values changed:\n%s", cmp.Diff(a, b))
	}
	before, after := Decode(name, src), Decode(name, once)
	if d := cmp.Diff(decoded(before), decoded(after), decCmp); d != "" {
		t.Errorf("decoded values changed:\n%s", d)
	}
	if a, b := codes(before.Diags), codes(after.Diags); !cmp.Equal(a, b) {
		t.Errorf("diagnostics changed: %v -> %v", a, b)
	}
}

var decCmp = cmp.Comparer(func(a, b engine.Dec) bool { return a.Cmp(b) == 0 })

// decoded is the engine-level content of a file.
func decoded(f *File) []any {
	var out []any
	for _, o := range f.Offers {
		out = append(out, o.Offer, o.Schedule.Name, o.Schedule.Inline)
	}
	for _, c := range f.Counters {
		out = append(out, c.Counter, c.OfferRef, c.Schedule.Name, c.Schedule.Inline)
	}
	for _, c := range f.Candidates {
		out = append(out, c.Candidate)
	}
	for _, b := range f.Bands {
		out = append(out, *b.Band)
	}
	for _, c := range f.Caps {
		out = append(out, c.Cap)
	}
	for _, s := range f.Schedules {
		out = append(out, s.Schedule)
	}
	for _, s := range f.Sources {
		out = append(out, s.Source)
	}
	return out
}

func codes(ds Diagnostics) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Code)
	}
	return out
}

// comments returns the text of every comment, trailing spaces aside.
func comments(t testing.TB, name string, src []byte) []string {
	toks, _ := hclsyntax.LexConfig(src, name, hcl.InitialPos)
	var out []string
	for _, tok := range toks {
		if tok.Type == hclsyntax.TokenComment {
			out = append(out, strings.TrimRight(string(tok.Bytes), " \t\r\n"))
		}
	}
	return out
}

// attrValues returns every attribute of the file by its block path, with
// its value (or, for references, its traversal).
func attrValues(t testing.TB, name string, src []byte) map[string]string {
	f, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("parse: %s", diags.Error())
	}
	out := map[string]string{}
	var walk func(prefix string, b *hclsyntax.Body)
	walk = func(prefix string, b *hclsyntax.Body) {
		for n, a := range b.Attributes {
			key := prefix + n
			if v, d := a.Expr.Value(nil); !d.HasErrors() {
				out[key] = ctyString(v)
			} else if tr, d := hcl.AbsTraversalForExpr(a.Expr); !d.HasErrors() {
				out[key] = "ref " + tr.RootName()
			} else {
				out[key] = "unevaluable"
			}
		}
		for i, blk := range b.Blocks {
			walk(prefix+blk.Type+"."+strings.Join(blk.Labels, ".")+"#"+string(rune('0'+i))+".", blk.Body)
		}
	}
	walk("", f.Body.(*hclsyntax.Body))
	return out
}

func ctyString(v cty.Value) string { return v.GoString() }

func BenchmarkFormat(b *testing.B) {
	src, err := os.ReadFile("../examples/amazon-l6-seattle/offer.offer.hcl")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		Format("offer.offer.hcl", src)
	}
}

// TestFormatBlockComments: a valid /* */ comment holding blank lines or
// trailing spaces is formatted (issue 20: fmt refused it as
// "unformattable"); its blank lines are kept, its trailing spaces removed,
// and formatting twice gives the same bytes.
func TestFormatBlockComments(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"blank lines", "offer \"o\" {\n  /* first\n\n\n  last\n  */\n  base = 1\n}\n",
			"offer \"o\" {\n  /* first\n\n\n  last\n  */\n  base = 1\n}\n"},
		{"trailing spaces", "/* top   \n   \n  end */   \noffer \"o\" {\n  base = 1 /* a  \n  b */\n}\n",
			"/* top\n\n  end */\noffer \"o\" {\n  base = 1 /* a\n  b */\n}\n"},
		{"CRLF", "offer \"o\" {\r\n  /* a \r\n\r\n  b */\r\n  base = 1\r\n}\r\n",
			"offer \"o\" {\r\n  /* a\r\n\r\n  b */\r\n  base = 1\r\n}\r\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, diags := Format("a.offer.hcl", []byte(c.src))
			if diags.HasErrors() {
				t.Fatalf("refused a valid file: %v", diags)
			}
			if string(got) != c.want {
				t.Errorf("got\n%q\nwant\n%q", got, c.want)
			}
			again, _ := Format("a.offer.hcl", got)
			if !bytes.Equal(again, got) {
				t.Errorf("not idempotent: %q", again)
			}
		})
	}
}

// FormatFile reuses a decoded file's parse (the language server formats
// its documents that way); it must lay out every file as Format does,
// including a file whose text is not laid out yet and one that does not
// parse.
func TestFormatFileMatchesFormat(t *testing.T) {
	srcs := map[string][]byte{
		"messy.offer.hcl":  []byte("# top\noffer \"a\" {\n  base = 1\n     level=\"L6\"   \n\n\n}\noffer \"b\" {\n  note = <<EOT\n  kept   \n\nEOT\n}\n\n\n"),
		"broken.offer.hcl": []byte("offer \"a\" {\n  base = \n"),
	}
	for _, name := range repoHCLFiles(t) {
		if src, err := os.ReadFile(name); err == nil {
			srcs[name] = src
		}
	}
	for name, src := range srcs {
		want, wantDiags := Format(name, src)
		got, gotDiags := FormatFile(Decode(name, src))
		if !bytes.Equal(got, want) || len(gotDiags) != len(wantDiags) {
			t.Errorf("%s: FormatFile gave\n%s%v\nFormat gave\n%s%v", name, got, gotDiags, want, wantDiags)
		}
	}
	if got, _ := FormatFile(Decode("messy.offer.hcl", srcs["messy.offer.hcl"])); !bytes.Contains(got, []byte("}\n\noffer \"b\"")) || bytes.Contains(got, []byte("\n\n\n")) {
		t.Errorf("the messy file was not laid out:\n%s", got)
	}
}

// sameVerdict checks that lineTokensDiffer, which lexes only the lines
// hclwrite changed, judges src's layout as the whole-text tokensDiffer
// does.
func sameVerdict(t *testing.T, name string, src []byte) {
	t.Helper()
	toks, _ := hclsyntax.LexConfig(src, name, hcl.InitialPos)
	laid := hclwrite.Format(src)
	_, slow := tokensDiffer(name, src, toks, laid)
	at, fast := lineTokensDiffer(name, src, toks, laid)
	if slow != fast {
		t.Errorf("%s: lineTokensDiffer says changed=%v (at %v), tokensDiffer %v, for\n%s", name, fast, at, slow, src)
	}
}

// TestLineTokensDiffer: the line-by-line check refuses what the whole-text
// check refuses (the stray space hclwrite would remove in "270. 0", also
// inside a quoted string's interpolation over several lines) and accepts
// what it accepts (heredocs, block comments, plain re-indentation), on the
// repository's files and on these.
func TestLineTokensDiffer(t *testing.T) {
	for _, name := range repoHCLFiles(t) {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		sameVerdict(t, name, src)
		sameVerdict(t, name, bytes.ReplaceAll(src, []byte("\n  "), []byte("\n   ")))
	}
	for _, c := range []struct {
		src     string
		changed bool
	}{
		{"offer \"o\" {\nbase=270. 0\n}\n", true},
		{"offer \"o\" {\n  base   = 270000\n    level=\"L6\"\n}\n", false},
		{"offer \"o\" {\n  note = \"a ${x +\n  270. 0} b\"\n}\n", true},
		{"offer \"o\" {\n  body = <<-EOT\n      keep   this\n    EOT\n  base=1\n}\n", false},
		{"/* a\n   b   */\noffer \"o\" {\n      base = 1 # c  \n}\n", false},
	} {
		src := []byte(c.src)
		sameVerdict(t, "c.offer.hcl", src)
		toks, _ := hclsyntax.LexConfig(src, "c.offer.hcl", hcl.InitialPos)
		if _, changed := lineTokensDiffer("c.offer.hcl", src, toks, hclwrite.Format(src)); changed != c.changed {
			t.Errorf("lineTokensDiffer(%q) changed = %v, want %v", c.src, changed, c.changed)
		}
	}
}
