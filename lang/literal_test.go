package lang

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// The literal fast paths (literal.go) must give exactly what evaluating the
// expression gives: the same values and the same diagnostics. These tests
// decode each expression both ways, with every decoding method, and whole
// files both ways.

var literalExprs = []string{
	// numbers
	"195000", "186.05", "186.5", "186.50", "0.5", "0", "00", "007", "5.0", "5.00", "12.50", "100.0",
	"1.005", "1.999", "0.001", "1e5", "1E5", "1.5e2", "2e-2",
	"999999999999", "999999999999.99", "1000000000000", "1000000000000.00", "1000000000001", "99999999999999999999",
	"3", "11", "61", "-1", "101",
	// negation and other operators
	"-5", "-0", "-186.05", "-1e3", "- 5", "-(5)", "(5)", "5 + 1", "10 * 1.5", "-true", `-"5"`, "!true", "--5",
	// strings
	`"abc"`, `""`, `"a${1}b"`, `"${1}"`, `"${"x"}"`, `"195000"`, `"186.05"`, `"2025-03-10"`, `"2025-13-10"`, `"2025-03"`,
	`"e` + "\u0301" + `"`, `"é"`, `"amazon"`, `"amazn"`, `"[[name]]"`, `"a\nb"`, `"%{ if true }x%{ endif }"`, "<<EOT\nhello\nEOT\n", "<<-EOT\n  hi\n  EOT\n",
	// bools and null
	"true", "false", "null",
	// lists
	"[]", "[1, 2]", "[25, 25, 25, 25]", "[5, 15, 40, 40]", "[5.5, 14.5, 40, 40]", "[1, -2]", "[-1, 2]", "[1, [2]]", `["a", "b"]`, `[1, "x"]`,
	"[180000, 220000]", "[220000, 180000]", "[180000.005, 220000]", "[1, 2, 3]", "[null]", "[1, 1 + 1]", "[1, 12]", "[1, 13]", "[0, 100]", "[25, 75]",
	// objects, references, calls
	"{}", "{a = 1}", "offer.x", "offer.x[0]", "foo", `upper("a")`, "[for x in [1] : x]",
}

// literalMethods decode one attribute with every decoding method.
var literalMethods = map[string]func(d *decoder, a *AttrNode) any{
	"money":       func(d *decoder, a *AttrNode) any { v, ok := d.money(a); return []any{v, ok} },
	"dec":         func(d *decoder, a *AttrNode) any { v, ok := d.dec(a, false, KindPercent); return []any{v, ok} },
	"decNeg":      func(d *decoder, a *AttrNode) any { v, ok := d.dec(a, true, KindDecimal); return []any{v, ok} },
	"integer":     func(d *decoder, a *AttrNode) any { v, ok := d.integer(a, 1, 10); return []any{v, ok} },
	"integer0":    func(d *decoder, a *AttrNode) any { v, ok := d.integer(a, 0, 100); return []any{v, ok} },
	"str":         func(d *decoder, a *AttrNode) any { v, ok := d.str(a); return []any{v, ok} },
	"date":        func(d *decoder, a *AttrNode) any { v, ok := d.date(a); return []any{v, ok} },
	"boolean":     func(d *decoder, a *AttrNode) any { v, ok := d.boolean(a); return []any{v, ok} },
	"schedule":    func(d *decoder, a *AttrNode) any { v, ok := d.schedule(a); return []any{v, ok} },
	"moneyRange":  func(d *decoder, a *AttrNode) any { v, ok := d.moneyRange(a); return []any{v, ok} },
	"percentList": func(d *decoder, a *AttrNode) any { v, ok := d.percentList(a); return []any{v, ok} },
	"intList":     func(d *decoder, a *AttrNode) any { v, ok := d.intList(a, 1, 12); return []any{v, ok} },
	"strList":     func(d *decoder, a *AttrNode) any { v, ok := d.strList(a); return []any{v, ok} },
	"reference":   func(d *decoder, a *AttrNode) any { v, ok := d.reference(a); return []any{v, ok} },
}

// literalAttr is an expression of literalExprs parsed as the value of
// attribute x, and the text it was parsed from.
type literalAttr struct {
	expr string
	src  []byte
	a    *AttrNode
}

// literalAttrs parses every expression of literalExprs that parses.
func literalAttrs() []literalAttr {
	var out []literalAttr
	for _, expr := range literalExprs {
		src := []byte("# a comment\nx = " + expr + "\n")
		f, _ := hclsyntax.ParseConfig(src, "t.offer.hcl", hcl.InitialPos)
		body, _ := f.Body.(*hclsyntax.Body)
		if body == nil || body.Attributes["x"] == nil {
			continue
		}
		attr := body.Attributes["x"]
		out = append(out, literalAttr{expr, src, &AttrNode{Name: "x", Range: attr.Range(), NameRange: attr.NameRange, ValueRange: attr.Expr.Range(), Expr: attr.Expr}})
	}
	return out
}

func TestLiteralValueMatchesEvaluation(t *testing.T) {
	fast := 0
	for _, c := range literalAttrs() {
		expr, a := c.expr, c.a
		got, ok := literalValue(a.Expr)
		if !ok {
			continue
		}
		fast++
		want, diags := a.Expr.Value(nil)
		if len(diags) > 0 {
			t.Errorf("%s: fast path taken for an expression with diagnostics %v", expr, diags)
		}
		if !got.RawEquals(want) {
			t.Errorf("%s: literal %#v, evaluated %#v", expr, got, want)
		}
	}
	if fast < 40 {
		t.Errorf("fast path taken for only %d expressions", fast)
	}
}

func TestLiteralDecodingMatchesEvaluation(t *testing.T) {
	hits := 0
	for _, c := range literalAttrs() {
		expr, src, a := c.expr, c.src, c.a
		if _, ok := (&decoder{src: src}).literalHundredths(a.Expr); ok {
			hits++
		}
		for name, m := range literalMethods {
			fd, sd := &decoder{src: src}, &decoder{src: src, slow: true}
			got, want := m(fd, a), m(sd, a)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s of %s: fast %#v, evaluated %#v", name, expr, got, want)
			}
			if !reflect.DeepEqual(fd.diags, sd.diags) {
				t.Errorf("%s of %s: fast diagnostics %s, evaluated %s", name, expr, diagText(fd.diags), diagText(sd.diags))
			}
		}
	}
	if hits < 15 {
		t.Errorf("number fast path taken for only %d expressions", hits)
	}
}

func diagText(ds Diagnostics) string {
	var parts []string
	for _, d := range ds {
		parts = append(parts, d.Code+" "+d.Subject.String()+" "+d.Message())
	}
	return "[" + strings.Join(parts, "; ") + "]"
}

// literalFiles returns every offer and band file the repository holds
// (examples, test data, the built-in bands, the files of the CLI's txtar
// tests) and generated ones, by name.
func literalFiles(t *testing.T) map[string][]byte {
	files := map[string][]byte{DefaultBandsName: defaultBandsSrc}
	for name, src := range corpus(50) {
		files[name] = src
	}
	var paths []string
	for _, pat := range []string{"../examples/*/*.hcl", "testdata/*/*.hcl", "../cmd/offer/testdata/*/*.hcl", "../cmd/offer/testdata/*/*/*.hcl"} {
		m, _ := filepath.Glob(pat)
		paths = append(paths, m...)
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[p] = src
	}
	txtars, _ := filepath.Glob("../cmd/offer/testdata/*/*.txtar")
	for _, p := range txtars {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var name string
		var body []string
		flush := func() {
			if strings.HasSuffix(name, ".hcl") {
				files[p+"/"+name] = []byte(strings.Join(body, ""))
			}
		}
		for _, line := range strings.SplitAfter(string(src), "\n") {
			if strings.HasPrefix(line, "-- ") && strings.HasSuffix(strings.TrimSpace(line), " --") {
				flush()
				name, body = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(line), "-- "), " --"), nil
				continue
			}
			body = append(body, line)
		}
		flush()
	}
	// Every expression of the table in every attribute of every block.
	for i, expr := range literalExprs {
		var b strings.Builder
		b.WriteString("offer \"o\" {\n  company = " + expr + "\n  level = " + expr + "\n  track = " + expr + "\n  location = " + expr +
			"\n  currency = " + expr + "\n  received = " + expr + "\n  expires = " + expr + "\n  start = " + expr +
			"\n  base = " + expr + "\n  relocation = " + expr + "\n  bonus_target = " + expr +
			"\n  sign_on {\n    year1 = " + expr + "\n    year2 = " + expr + "\n  }" +
			"\n  equity {\n    value = " + expr + "\n    schedule = " + expr + "\n    growth = " + expr + "\n  }" +
			"\n  flexibility {\n    remote = " + expr + "\n    office_days = " + expr + "\n    relocation_items = " + expr + "\n  }" +
			"\n  promotion {\n    level = " + expr + "\n    months = " + expr + "\n  }" +
			"\n  bonus {\n    guaranteed_year1 = " + expr + "\n    refresher = " + expr + "\n  }\n}\n")
		b.WriteString("counter \"c\" {\n  offer = " + expr + "\n  round = " + expr + "\n  sent = " + expr + "\n  base = " + expr +
			"\n  equity {\n    shares = " + expr + "\n    price = " + expr + "\n  }\n  script \"base\" {\n    text = " + expr + "\n  }\n}\n")
		b.WriteString("candidate {\n  walk_away = " + expr + "\n  unvested_equity = " + expr + "\n  target_percentile = " + expr + "\n}\n")
		files[filepath.Join("table", string(rune('a'+i%26))+strings.Repeat("x", i/26)+".offer.hcl")] = []byte(b.String())
		var bb strings.Builder
		bb.WriteString("band \"L6\" \"SDE\" \"Seattle\" {\n  base = " + expr + "\n  equity = " + expr + "\n  sign_on = " + expr +
			"\n  year1_total = " + expr + "\n  percentiles = " + expr + "\n  source = " + expr + "\n}\n")
		bb.WriteString("cap \"L6\" {\n  base = " + expr + "\n  source = " + expr + "\n}\n")
		bb.WriteString("schedule \"s\" {\n  percent = " + expr + "\n  cadence = " + expr + "\n  source = " + expr + "\n}\n")
		bb.WriteString("source {\n  name = " + expr + "\n  as_of = " + expr + "\n}\n")
		bb.WriteString("policy {\n  approval {\n    who = " + expr + "\n    up_to = " + expr + "\n  }\n  approval {\n    who = \"x\"\n  }\n" +
			"  room \"base\" {\n    low = " + expr + "\n    high = " + expr + "\n  }\n}\n")
		files[filepath.Join("table", string(rune('a'+i%26))+strings.Repeat("x", i/26)+".bands.hcl")] = []byte(bb.String())
	}
	return files
}

func TestLiteralFilesDecodeAlike(t *testing.T) {
	files := literalFiles(t)
	if len(files) < 100 {
		t.Fatalf("only %d files", len(files))
	}
	for name, src := range files {
		kind, ok := KindOf(name)
		if !ok {
			kind = OfferFile
		}
		syn, diags := Parse(name, src)
		fast := decodeParsed(name, src, kind, syn, slices.Clone(diags), false)
		slow := decodeParsed(name, src, kind, syn, slices.Clone(diags), true)
		// Some decoders walk maps, so diagnostics come in any order; the
		// checker sorts them.
		sortFully(fast.Diags)
		sortFully(slow.Diags)
		if !reflect.DeepEqual(fast, slow) {
			t.Errorf("%s decodes differently:\nfast diagnostics %s\nslow diagnostics %s", name, diagText(fast.Diags), diagText(slow.Diags))
		}
	}
}

func sortFully(ds Diagnostics) {
	slices.SortStableFunc(ds, func(a, b *Diagnostic) int {
		return strings.Compare(a.Subject.String()+a.Code+a.Message(), b.Subject.String()+b.Code+b.Message())
	})
}
